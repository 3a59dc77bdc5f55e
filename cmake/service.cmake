# Include roots that make the architecture's boundaries compile-time facts. Headers are included from the
# source root ("core/...", "services/<svc>/..."), but a library sees only the roots it is given:
#   ${SIKGU_PUBLIC_INCLUDE}         core/ and every service's contract/ (what anyone may include)
#   ${SIKGU_PUBLIC_INCLUDE}-<svc>   that service's own folder (only its own library gets it)
# so a service including another service's store/ or api/ does not compile. The composition root
# (src/app) and the tests use the whole source root.
set(SIKGU_PUBLIC_INCLUDE "${CMAKE_BINARY_DIR}/include")

function(sikgu_link_into dir name target)
  file(MAKE_DIRECTORY "${dir}")
  if(NOT EXISTS "${dir}/${name}")
    file(CREATE_LINK "${target}" "${dir}/${name}" SYMBOLIC)
  endif()
endfunction()

sikgu_link_into("${SIKGU_PUBLIC_INCLUDE}" core "${PROJECT_SOURCE_DIR}/src/core")

# sikgu_service(NAME plant SOURCES ... [CONTRACT_SOURCES ...] [READS account ...])
# Defines sikgu_svc_<name> (the service) and, with CONTRACT_SOURCES, sikgu_svc_<name>_contract (what other
# services may use). A service links sikgu_core, its own contract and the contracts of the services it
# READS (or whose events it consumes), nothing else.
function(sikgu_service)
  cmake_parse_arguments(S "" "NAME" "SOURCES;CONTRACT_SOURCES;READS" ${ARGN})
  set(folder "${PROJECT_SOURCE_DIR}/src/services/${S_NAME}")
  if(EXISTS "${folder}/contract")
    sikgu_link_into("${SIKGU_PUBLIC_INCLUDE}/services/${S_NAME}" contract "${folder}/contract")
  endif()
  sikgu_link_into("${SIKGU_PUBLIC_INCLUDE}-${S_NAME}/services" ${S_NAME} "${folder}")

  set(contract_target "")
  if(S_CONTRACT_SOURCES)
    set(contract_target sikgu_svc_${S_NAME}_contract)
    add_library(${contract_target} STATIC ${S_CONTRACT_SOURCES})
    target_link_libraries(${contract_target} PUBLIC sikgu_core)
    sikgu_target(${contract_target})
  endif()

  if(NOT S_SOURCES)
    return()  # a contract published ahead of its service (chat's events, consumed by market)
  endif()
  add_library(sikgu_svc_${S_NAME} STATIC ${S_SOURCES})
  target_include_directories(sikgu_svc_${S_NAME} PRIVATE "${SIKGU_PUBLIC_INCLUDE}-${S_NAME}")
  target_link_libraries(sikgu_svc_${S_NAME} PUBLIC sikgu_core ${contract_target})
  foreach(other IN LISTS S_READS)
    target_link_libraries(sikgu_svc_${S_NAME} PUBLIC sikgu_svc_${other}_contract)
  endforeach()
  sikgu_target(sikgu_svc_${S_NAME})
endfunction()
