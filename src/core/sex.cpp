#include "grassroots/core/sex.hpp"

#include <array>

namespace grassroots {

namespace {

constexpr std::array<EnumName<Sex>, 2> sex_names{{
    {Sex::female, "female", "女", "female"},
    {Sex::male, "male", "男", "male"},
}};

}  // namespace

std::span<const EnumName<Sex>> enum_names(Sex) noexcept { return sex_names; }
std::string_view to_string(Sex value) noexcept { return enum_name(value); }
std::string_view chinese_name(Sex value) noexcept { return enum_chinese_name(value); }

}  // namespace grassroots
