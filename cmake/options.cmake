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

if(PROJECT_IS_TOP_LEVEL AND NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE Release CACHE STRING "Build type" FORCE)
endif()
