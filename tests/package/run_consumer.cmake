# Configures, builds and runs one consumer project (cmake -P; see CMakeLists.txt for the variables).
file(REMOVE_RECURSE "${BINARY}")
execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${SOURCE}" -B "${BINARY}" -G "${GENERATOR}"
          "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}"
          "-DCMAKE_PREFIX_PATH=${PREFIX}" "-DGRASSROOTS_SOURCE_DIR=${GRASSROOTS_SOURCE_DIR}"
  RESULT_VARIABLE result)
if(result)
  message(FATAL_ERROR "configuring ${SOURCE} failed: ${result}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BINARY}" RESULT_VARIABLE result)
if(result)
  message(FATAL_ERROR "building ${SOURCE} failed: ${result}")
endif()
# The output is checked here, after the exit status (a PASS_REGULAR_EXPRESSION on the test would
# ignore the status: a consumer that printed its line and then failed would pass).
execute_process(COMMAND "${BINARY}/consumer" RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
message("${output}")
if(result)
  message(FATAL_ERROR "running the consumer failed: ${result}")
endif()
if(NOT output MATCHES "${EXPECTED}")
  message(FATAL_ERROR "the consumer's output does not match '${EXPECTED}'")
endif()
