/// @file code.hpp
/// @brief Statistical division codes (统计用区划代码) and the classifications read from them.
///
/// A code has up to 12 digits in five segments, 2 + 2 + 2 + 3 + 3: province (省), prefecture
/// (地级), county (县级), township (乡级) and village (村级). Shorter codes name higher levels; NBS
/// tables pad every code with zeros to 12 digits and GB/T 2260 pads county-level codes to 6.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <span>
#include <string_view>

#include "grassroots/core/enum_table.hpp"

namespace grassroots {

/// @brief A rung of the administrative ladder (行政层级), from the top.
enum class Level : std::uint8_t {
    province = 0,    ///< 省级: province, autonomous region, municipality (2 digits)
    prefecture = 1,  ///< 地级: prefecture-level city, league, autonomous prefecture (4 digits)
    county = 2,      ///< 县级: district, county, county-level city (6 digits)
    township = 3,    ///< 乡级: 街道 / 镇 / 乡 and township-like units (9 digits)
    village = 4,     ///< 村级: residents' or villagers' committee and similar units (12 digits)
};

/// @brief The five levels, top first.
inline constexpr std::array<Level, 5> all_levels{Level::province, Level::prefecture, Level::county,
                                                 Level::township, Level::village};

/// @brief Every Level with its names (to_string, parsing, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<Level>> enum_names(Level) noexcept;
/// @brief "province", "prefecture", "county", "township" or "village".
[[nodiscard]] std::string_view to_string(Level level) noexcept;
/// @brief 省级, 地级, 县级, 乡级 or 村级.
[[nodiscard]] std::string_view chinese_name(Level level) noexcept;
/// @brief The level named by to_string(); throws InvalidInput for any other text.
[[nodiscard]] Level parse_level(std::string_view text);
/// @brief Digits in a code of this level: 2, 4, 6, 9 or 12.
[[nodiscard]] int code_length(Level level) noexcept;

/// @brief Class of a township-level unit, from digits 7–9 of its code.
enum class TownshipClass : std::uint8_t {
    subdistrict,    ///< 街道 sub-district, 001–099
    town,           ///< 镇 town, 100–199
    township,       ///< 乡 township, 200–399
    township_like,  ///< 类似乡级单位 parks, farms, development zones, 400–599
};

/// @brief Class of a village-level unit, from digits 10–12 of its code (NBS convention).
enum class VillageClass : std::uint8_t {
    residents_committee,  ///< 居委会 residents' committee (community, 社区), 001–199
    villagers_committee,  ///< 村委会 villagers' committee (village, 行政村), 200–399
    village_like,         ///< 类似村级单位 similar units, 400–599
};

/// @brief Urban–rural classification code (城乡分类代码) published with the division codes.
enum class UrbanRuralClass : std::uint16_t {
    main_urban_area = 111,     ///< 主城区
    urban_rural_fringe = 112,  ///< 城乡结合区
    town_centre = 121,         ///< 镇中心区
    town_rural_fringe = 122,   ///< 镇乡结合区
    special_area = 123,        ///< 特殊区域
    township_centre = 210,     ///< 乡中心区
    village = 220,             ///< 村庄
};

/// @brief The seven urban–rural classes in code order.
inline constexpr std::array<UrbanRuralClass, 7> all_urban_rural_classes{
    UrbanRuralClass::main_urban_area, UrbanRuralClass::urban_rural_fringe,
    UrbanRuralClass::town_centre,     UrbanRuralClass::town_rural_fringe,
    UrbanRuralClass::special_area,    UrbanRuralClass::township_centre,
    UrbanRuralClass::village};

/// @brief Every TownshipClass with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<TownshipClass>> enum_names(TownshipClass) noexcept;
/// @brief Every VillageClass with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<VillageClass>> enum_names(VillageClass) noexcept;
/// @brief Every UrbanRuralClass with its names, in code order (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<UrbanRuralClass>> enum_names(UrbanRuralClass) noexcept;
/// @brief "subdistrict", "town", "township" or "township_like".
[[nodiscard]] std::string_view to_string(TownshipClass value) noexcept;
/// @brief 街道, 镇, 乡 or 类似乡级单位.
[[nodiscard]] std::string_view chinese_name(TownshipClass value) noexcept;
/// @brief "residents_committee", "villagers_committee" or "village_like".
[[nodiscard]] std::string_view to_string(VillageClass value) noexcept;
/// @brief 居委会, 村委会 or 类似村级单位.
[[nodiscard]] std::string_view chinese_name(VillageClass value) noexcept;
/// @brief The English identifier, e.g. "main_urban_area".
[[nodiscard]] std::string_view to_string(UrbanRuralClass value) noexcept;
/// @brief The Chinese name, e.g. 主城区.
[[nodiscard]] std::string_view chinese_name(UrbanRuralClass value) noexcept;
/// @brief The class with this three-digit code (111 … 220); throws InvalidInput for others.
[[nodiscard]] UrbanRuralClass urban_rural_class(int code);
/// @brief The class written as three digits ("111" … "220"); throws InvalidInput for others.
[[nodiscard]] UrbanRuralClass parse_urban_rural_class(std::string_view text);

/// @brief A validated statistical division code (统计用区划代码) together with its level.
///
/// Two spellings are accepted by parse(text):
/// - the natural length of a level: 2, 4, 6, 9 or 12 digits;
/// - zero-padded forms: 12 digits (NBS tables) or 6 digits (GB/T 2260), whose trailing zero
///   segments are padding, so "370500000000" and "370500" both name the prefecture 3705.
///
/// Every segment must be non-zero except the county segment: "00" there is real (Dongguan 4419,
/// Zhongshan 4420 and Danzhou 4604 have no counties; their townships sit under 441900 and so on).
/// The township segment is 001–599 and the village segment 001–599 (their classes).
///
/// parse(text, level) is the form for tables that state the level: the text may then also be the
/// 12-digit padded form of a higher level, and a trailing township or village segment of zeros is
/// accepted as a placeholder (NBS lists 金门县 as 350527000 and 350527000000).
///
/// Codes order like a pre-order walk of the ladder: a unit sorts before all of its descendants,
/// and the descendants of a unit form one contiguous run.
class DivisionCode {
public:
    /// @brief Parses a code whose level follows from its digits; throws InvalidInput.
    [[nodiscard]] static DivisionCode parse(std::string_view text);
    /// @brief Parses a code whose level is stated; throws InvalidInput if they disagree.
    [[nodiscard]] static DivisionCode parse(std::string_view text, Level level);
    /// @brief Same as parse(text).
    explicit DivisionCode(std::string_view text) : DivisionCode(parse(text)) {}

    /// @brief The level of the unit the code names.
    [[nodiscard]] Level level() const noexcept { return static_cast<Level>(key_ & 7U); }
    /// @brief The 12-digit zero-padded value, e.g. 370502005066.
    [[nodiscard]] std::uint64_t padded() const noexcept { return key_ >> 3U; }
    /// @brief The code at its natural length, e.g. "3705" or "370502005066".
    [[nodiscard]] std::string str() const;
    /// @brief The 12-digit zero-padded form, e.g. "370500000000".
    [[nodiscard]] std::string padded_str() const;
    /// @brief One segment as a number: the province's 2 digits, …, the village's 3 digits.
    [[nodiscard]] unsigned segment(Level which) const noexcept;

    /// @brief The code one level up, or nothing for a province.
    [[nodiscard]] std::optional<DivisionCode> parent() const noexcept;
    /// @brief The ancestor at @p at (or this code at its own level); throws InvalidInput if deeper.
    [[nodiscard]] DivisionCode ancestor(Level at) const;
    /// @brief True when this code names a proper ancestor of @p other.
    [[nodiscard]] bool is_ancestor_of(DivisionCode other) const noexcept;

    /// @brief The class from digits 7–9, for township- and village-level codes.
    [[nodiscard]] std::optional<TownshipClass> township_class() const noexcept;
    /// @brief The class from digits 10–12, for village-level codes.
    [[nodiscard]] std::optional<VillageClass> village_class() const noexcept;
    /// @brief True for an NBS placeholder whose own segment is all zeros.
    [[nodiscard]] bool is_placeholder() const noexcept;

    /// @brief A single integer that orders codes in pre-order: padded() * 8 + level.
    [[nodiscard]] std::uint64_t key() const noexcept { return key_; }
    /// @brief The code with this key(); throws InvalidInput if it is not a valid code.
    [[nodiscard]] static DivisionCode from_key(std::uint64_t key);

    /// @brief Codes compare in pre-order.
    friend auto operator<=>(DivisionCode, DivisionCode) noexcept = default;

private:
    friend class DivisionTree;
    friend class DivisionTreeBuilder;
    explicit DivisionCode(std::uint64_t key) noexcept : key_(key) {}
    // For keys that came from a valid code.
    static DivisionCode unchecked(std::uint64_t key) noexcept { return DivisionCode{key}; }
    std::uint64_t key_;
};

}  // namespace grassroots

// Hashing of division codes. (hidden from Doxygen, which cannot place std:: specialisations).
/// @cond GRASSROOTS_STD_HASH
template <>
struct std::hash<grassroots::DivisionCode> {
    /// @brief The hash of the key.
    std::size_t operator()(grassroots::DivisionCode code) const noexcept {
        return std::hash<std::uint64_t>{}(code.key());
    }
};
/// @endcond
