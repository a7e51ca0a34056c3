/// @file dongying.hpp
/// @brief Data shipped inside the library: Dongying city (东营市), the seed article's city.
#pragma once

#include <string_view>

#include "grassroots/division/tree.hpp"

namespace grassroots::datasets {

/// @brief Dongying's 1,982 division units as `code,name,level,parent_code` CSV text.
///
/// Source: NBS 统计用区划代码 2023 (via china-division 2.7.0); the text's comment lines say so.
[[nodiscard]] std::string_view dongying_divisions_csv() noexcept;

/// @brief Dongying's division tree: 山东省 → 东营市 → 7 county-level units → 52 township-level
/// units → 1,921 village-level units.
[[nodiscard]] DivisionTree dongying_divisions();

}  // namespace grassroots::datasets
