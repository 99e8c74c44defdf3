# emis_add_test(NAME SOURCES... LIBS ...): one Qt Test executable registered with CTest.
function(emis_add_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  emis_warnings(${name})
  emis_qt_defaults(${name})
  target_compile_definitions(${name} PRIVATE
    EMIS_FIXTURES_DIR="${EMIS_FIXTURES_DIR}"
    EMIS_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 600)
endfunction()
