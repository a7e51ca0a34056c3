/// @file fwd.hpp
/// @brief Forward declarations of the public types, for headers that only name them.
#pragma once

#include <cstdint>

namespace grassroots {

template <class Tag, class Rep>
class StrongId;
struct Location;
class Error;
class InvalidInput;
class NotFound;
class FileError;
class RuleViolation;
class PermissionDenied;

enum class Level : std::uint8_t;
enum class TownshipClass : std::uint8_t;
enum class VillageClass : std::uint8_t;
enum class UrbanRuralClass : std::uint16_t;
class DivisionCode;
struct DivisionIdTag;
class DivisionTree;
class DivisionTreeBuilder;

}  // namespace grassroots
