/// @file sex.hpp
/// @brief Sex: recorded by the autonomy chain (the law's shares of women) and coded in citizen ID
/// numbers (the parity of the sequence code).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "grassroots/core/enum_table.hpp"

namespace grassroots {

/// @brief Sex, recorded because the law sets shares of women (妇女成员, 妇女村民代表) and coded in
/// citizen ID numbers (odd sequence code: male).
enum class Sex : std::uint8_t {
    female,  ///< 女
    male,    ///< 男
};

/// @brief Every Sex with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<Sex>> enum_names(Sex) noexcept;
/// @brief "female" or "male".
[[nodiscard]] std::string_view to_string(Sex value) noexcept;
/// @brief 女 or 男.
[[nodiscard]] std::string_view chinese_name(Sex value) noexcept;

}  // namespace grassroots
