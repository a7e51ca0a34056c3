/// @file names.hpp
/// @brief Unit names (单位名称) and the suffix variants that name one unit in different lists.
///
/// The NBS tables and local lists spell the kind of a unit in several ways: 新华社区居委会,
/// 新华社区居民委员会, 新华社区 and 新华居委会 are one residents' committee; 和平村委会,
/// 和平村民委员会 and 和平村 one village. DivisionTree::find with NameMatch::fuzzy compares names
/// without these suffixes (the stem) within one family of spellings.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace grassroots {

/// @brief How DivisionTree::find compares a name with the units' names.
enum class NameMatch : std::uint8_t {
    exact,  ///< the name exactly as stored (UTF-8 bytes)
    fuzzy,  ///< the same stem and suffix family (see name_suffix_families()); a name without a suffix matches any family
};

/// @brief Spellings of one kind of unit that lists use interchangeably (longest first).
struct NameSuffixFamily {
    std::string_view kind;                       ///< What the family names, e.g. "residents' committee (社区, 居委会)".
    std::span<const std::string_view> suffixes;  ///< The spellings, longest first, e.g. 社区居民委员会 … 社区.
};

/// @brief The suffix families fuzzy lookup treats as one (data: edit the table in names.cpp to add one).
///
/// Read from the spellings in the NBS 2023 village and township tables (村委会 267,376 names,
/// 村民委员会 189,083, 社区居委会 47,046, 社区居民委员会 40,173, 村 27,628, 社区 21,174,
/// 居委会 15,178, 居民委员会 3,143; 街道 9,112 township names) and the long forms offices use
/// (街道办事处, 镇人民政府).
[[nodiscard]] std::span<const NameSuffixFamily> name_suffix_families() noexcept;

/// @brief A name split into its stem and the family of its suffix.
struct NameStem {
    std::string_view stem;             ///< The name without its suffix (the whole name when none is known).
    std::optional<std::size_t> family; ///< Index into name_suffix_families(), or none.
};

/// @brief Splits @p name at the longest known suffix that leaves a non-empty stem, then strips
/// further suffixes of the same family (新华街道办事处 → 新华 + subdistrict; 陈家村村民委员会 →
/// 陈家 + villagers' committee; 社区 alone stays whole).
[[nodiscard]] NameStem name_stem(std::string_view name) noexcept;

/// @brief A name to look for and how (the stem of a fuzzy query is computed once).
class NameQuery {
public:
    /// @brief Looks for @p name (which must outlive the query) under @p match.
    NameQuery(std::string_view name, NameMatch match) noexcept;
    /// @brief True when @p candidate is the name, or under NameMatch::fuzzy has the same stem and
    /// the same suffix family (any family when the query has no suffix).
    [[nodiscard]] bool matches(std::string_view candidate) const noexcept;

private:
    std::string_view name_;
    NameMatch match_;
    NameStem stem_;
};

}  // namespace grassroots
