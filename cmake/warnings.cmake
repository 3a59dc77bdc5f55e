option(SIKGU_WERROR "treat compiler warnings as errors" ON)

function(sikgu_warnings target)
  # GCC 12 reports false -Warray-bounds / -Wstringop-overflow / -Wstringop-overread inside libstdc++'s std::string at -O2
  # (GCC bugs 105545, 105651), and a false -Wmismatched-new-delete on Asio's coroutine frames, which allocate and
  # free through their own matching operator new/delete; they are not about our code, so they stay off.
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers
                                           -Wno-array-bounds -Wno-stringop-overflow -Wno-stringop-overread
                                           -Wno-mismatched-new-delete)
  # Warnings fail every build (not only CI's), so a warning never reaches CI first.
  if(SIKGU_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# Every library and test binary shares one precompiled header.
function(sikgu_target target)
  sikgu_warnings(${target})
  target_precompile_headers(${target} REUSE_FROM sikgu_pch)
  target_link_libraries(${target} PUBLIC sikgu_pch)
endfunction()
