# Install rules and the CMake package: find_package(grassroots CONFIG REQUIRED) then link
# grassroots::grassroots.
include(CMakePackageConfigHelpers)

set(GRASSROOTS_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/grassroots" CACHE STRING
    "Where the CMake package files are installed, relative to the prefix")

install(TARGETS grassroots_grassroots EXPORT grassroots-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT devel
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/grassroots DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT devel)
install(EXPORT grassroots-targets NAMESPACE grassroots:: DESTINATION ${GRASSROOTS_CMAKE_DIR}
  COMPONENT devel)

configure_package_config_file(cmake/grassrootsConfig.cmake.in
  "${CMAKE_CURRENT_BINARY_DIR}/grassrootsConfig.cmake"
  INSTALL_DESTINATION ${GRASSROOTS_CMAKE_DIR})
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/grassrootsConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/grassrootsConfig.cmake"
              "${CMAKE_CURRENT_BINARY_DIR}/grassrootsConfigVersion.cmake"
              cmake/Findutf8proc.cmake
  DESTINATION ${GRASSROOTS_CMAKE_DIR} COMPONENT devel)
