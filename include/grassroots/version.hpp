/// @file version.hpp
/// @brief The library version; the single source of truth for CMake and the Python package.
#pragma once

#include <string_view>

/// @brief Major version: incompatible API changes.
#define GRASSROOTS_VERSION_MAJOR 0
/// @brief Minor version: compatible additions.
#define GRASSROOTS_VERSION_MINOR 1
/// @brief Patch version: fixes.
#define GRASSROOTS_VERSION_PATCH 0
/// @brief The version as "major.minor.patch" (read by CMake and pyproject.toml).
#define GRASSROOTS_VERSION_STRING "0.1.0"

namespace grassroots {

/// @brief The library version as "major.minor.patch".
inline constexpr std::string_view version_string = GRASSROOTS_VERSION_STRING;

}  // namespace grassroots
