# Build options. Tests, examples, docs and install default to on only when grassroots is the
# top-level project (not when it is pulled in with add_subdirectory); the rest are opt-in.
include(GNUInstallDirs)

option(GRASSROOTS_BUILD_TESTS "Build the GoogleTest suite and the package-consumer tests" ${PROJECT_IS_TOP_LEVEL})
option(GRASSROOTS_BUILD_EXAMPLES "Build the example programs (the demo among them)" ${PROJECT_IS_TOP_LEVEL})
option(GRASSROOTS_BUILD_DOCS "Add the Doxygen API docs as a test (warnings are errors)" OFF)
option(GRASSROOTS_BUILD_BENCHMARKS "Build the Google Benchmark programs" OFF)
option(GRASSROOTS_INSTALL "Generate install rules and the CMake package" ${PROJECT_IS_TOP_LEVEL})
option(GRASSROOTS_PYTHON "Build the Python extension module (set by pip install .)" OFF)
option(GRASSROOTS_WERROR "Treat compiler warnings as errors" OFF)
option(GRASSROOTS_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(GRASSROOTS_SANITIZE_THREAD "Build with ThreadSanitizer (the threaded tests: tests/CMakeLists.txt)" OFF)
option(GRASSROOTS_BUILD_FUZZERS "Build the libFuzzer targets of tests/fuzz (clang only; implies GRASSROOTS_SANITIZE)" OFF)

if(GRASSROOTS_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "GRASSROOTS_BUILD_FUZZERS needs clang (libFuzzer): configure with CMAKE_CXX_COMPILER=clang++ "
                        "(preset fuzz)")
  endif()
  set(GRASSROOTS_SANITIZE ON CACHE BOOL "Build with AddressSanitizer and UndefinedBehaviorSanitizer" FORCE)
endif()
if(GRASSROOTS_SANITIZE_THREAD AND GRASSROOTS_SANITIZE)
  message(FATAL_ERROR "ThreadSanitizer cannot be combined with AddressSanitizer: use separate build folders")
endif()

if(PROJECT_IS_TOP_LEVEL AND NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE Release CACHE STRING "Build type" FORCE)
endif()
