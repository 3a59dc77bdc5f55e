# sikgu_embed(TARGET target NAMESPACE ns FUNCTION fn FILES a.sql b.sql ...)
# Generates a .cpp holding the files' contents so the binary needs no data files at run time.
# Declares `std::span<const sikgu::EmbeddedFile> ns::fn()` (see src/core/util/embedded_file.hpp).
function(sikgu_embed)
  cmake_parse_arguments(E "" "TARGET;NAMESPACE;FUNCTION" "FILES" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${E_FUNCTION}_embedded.cpp")
  set(abs_files "")
  foreach(f IN LISTS E_FILES)
    get_filename_component(a "${f}" ABSOLUTE)
    list(APPEND abs_files "${a}")
  endforeach()
  string(REPLACE ";" "|" joined "${abs_files}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} "-DOUT=${out}" "-DNS=${E_NAMESPACE}" "-DFN=${E_FUNCTION}"
            "-DFILES=${joined}" -P "${PROJECT_SOURCE_DIR}/cmake/embed_run.cmake"
    DEPENDS ${abs_files} "${PROJECT_SOURCE_DIR}/cmake/embed_run.cmake"
    COMMENT "Embedding ${E_FUNCTION}"
    VERBATIM)
  target_sources(${E_TARGET} PRIVATE "${out}")
endfunction()
