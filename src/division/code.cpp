#include "grassroots/division/code.hpp"

#include <algorithm>
#include <cstdio>

#include "core/quote.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

namespace {

constexpr std::array<int, 5> segment_width{2, 2, 2, 3, 3};
constexpr std::array<int, 5> segment_start{0, 2, 4, 6, 9};
constexpr std::array<int, 5> level_length{2, 4, 6, 9, 12};
// 10^(12 - length of the level): the weight of the last digit of a level's code.
constexpr std::array<std::uint64_t, 5> level_unit{10'000'000'000ULL, 100'000'000ULL, 1'000'000ULL,
                                                 1'000ULL, 1ULL};

std::string named_code(std::string_view text) { return "division code " + detail::quote(text); }

std::string segment_text(unsigned value, int level) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%0*u", segment_width[level], value);
    return buffer;
}

[[noreturn]] void fail(std::string_view text, const std::string& problem) {
    throw InvalidInput(named_code(text) + ": " + problem);
}

// No ASCII digit and some non-ASCII text (东营区, not 3705０2): a unit's name given for its code.
bool looks_like_name(std::string_view text) {
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    const auto wide = [](char c) { return static_cast<unsigned char>(c) >= 0x80U; };
    return std::none_of(text.begin(), text.end(), digit) && std::any_of(text.begin(), text.end(), wide);
}

struct Digits {
    std::array<unsigned, 5> segment{};  // segments present in the text; absent ones are 0
    int present = 0;                    // number of segments the text spells out
};

Digits split(std::string_view text) {
    if (text.empty()) {
        throw InvalidInput("division code is empty");
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') {
            fail(text, "character " + std::to_string(i + 1) + " (" + detail::character_at(text, i) + ") is not a digit" +
                           (looks_like_name(text) ? " (a name is not a code: look units up by name with DivisionTree::find)" : ""));
        }
    }
    Digits digits;
    switch (text.size()) {
        case 2: digits.present = 1; break;
        case 4: digits.present = 2; break;
        case 6: digits.present = 3; break;
        case 9: digits.present = 4; break;
        case 12: digits.present = 5; break;
        default:
            fail(text, "has " + std::to_string(text.size()) + " digits; expected 2, 4, 6, 9 or 12");
    }
    for (int s = 0; s < digits.present; ++s) {
        unsigned value = 0;
        for (int i = 0; i < segment_width[s]; ++i) {
            value = value * 10 + static_cast<unsigned>(text[segment_start[s] + i] - '0');
        }
        digits.segment[s] = value;
    }
    return digits;
}

// Checks the segments of a code of @p level; @p allow_placeholder accepts trailing zero
// township/village segments (NBS placeholders).
void check_segments(std::string_view text, const Digits& d, int level, bool allow_placeholder) {
    for (int s = 0; s <= level; ++s) {
        const unsigned value = d.segment[s];
        if (value == 0) {
            if (s == static_cast<int>(Level::county)) {
                continue;  // "00": prefecture-level cities without counties (东莞, 中山, 儋州)
            }
            int deeper = -1;
            for (int t = s + 1; t <= level; ++t) {
                if (d.segment[t] != 0) {
                    deeper = t;
                    break;
                }
            }
            if (deeper >= 0) {
                fail(text, std::string(to_string(static_cast<Level>(s))) + " segment is " + segment_text(0, s) +
                               " but the " + std::string(to_string(static_cast<Level>(deeper))) + " segment below it is " +
                               segment_text(d.segment[deeper], deeper));
            }
            if (s <= static_cast<int>(Level::prefecture)) {
                fail(text, std::string(to_string(static_cast<Level>(s))) + " segment 00 is not in 01–99");
            }
            if (!allow_placeholder) {
                fail(text, std::string(to_string(static_cast<Level>(s))) + " segment " + segment_text(0, s) +
                               " is not in 001–599 (an NBS placeholder row needs its level stated)");
            }
            continue;
        }
        if (s == static_cast<int>(Level::township) && value > 599) {
            fail(text, "township segment " + segment_text(value, s) +
                           " is not in 001–599 (街道 001–099, 镇 100–199, 乡 200–399, 类似乡级单位 400–599)");
        }
        if (s == static_cast<int>(Level::village) && value > 599) {
            fail(text, "village segment " + segment_text(value, s) +
                           " is not in 001–599 (居委会 001–199, 村委会 200–399, 类似村级单位 400–599)");
        }
    }
}

std::uint64_t padded_value(const Digits& d, int level) {
    std::uint64_t value = 0;
    for (int s = 0; s < 5; ++s) {
        const std::uint64_t seg = s <= level ? d.segment[s] : 0;
        value = value * (s < 3 ? 100 : 1000) + seg;
    }
    return value;
}

unsigned segment_of(std::uint64_t padded, int s) {
    const std::uint64_t width = s < 3 ? 100 : 1000;
    return static_cast<unsigned>((padded / level_unit[s]) % width);
}

}  // namespace

namespace {

constexpr std::array<EnumName<Level>, 5> level_names{{
    {Level::province, "province", "省级", "2 digits"},
    {Level::prefecture, "prefecture", "地级", "4 digits"},
    {Level::county, "county", "县级", "6 digits"},
    {Level::township, "township", "乡级", "街道 / 镇 / 乡, 9 digits"},
    {Level::village, "village", "村级", "居委会 / 村委会, 12 digits"},
}};
constexpr std::array<EnumName<TownshipClass>, 4> township_class_names{{
    {TownshipClass::subdistrict, "subdistrict", "街道", "001–099"},
    {TownshipClass::town, "town", "镇", "100–199"},
    {TownshipClass::township, "township", "乡", "200–399"},
    {TownshipClass::township_like, "township_like", "类似乡级单位", "400–599"},
}};
constexpr std::array<EnumName<VillageClass>, 3> village_class_names{{
    {VillageClass::residents_committee, "residents_committee", "居委会", "001–199"},
    {VillageClass::villagers_committee, "villagers_committee", "村委会", "200–399"},
    {VillageClass::village_like, "village_like", "类似村级单位", "400–599"},
}};
constexpr std::array<EnumName<UrbanRuralClass>, 7> urban_rural_names{{
    {UrbanRuralClass::main_urban_area, "main_urban_area", "主城区", "111"},
    {UrbanRuralClass::urban_rural_fringe, "urban_rural_fringe", "城乡结合区", "112"},
    {UrbanRuralClass::town_centre, "town_centre", "镇中心区", "121"},
    {UrbanRuralClass::town_rural_fringe, "town_rural_fringe", "镇乡结合区", "122"},
    {UrbanRuralClass::special_area, "special_area", "特殊区域", "123"},
    {UrbanRuralClass::township_centre, "township_centre", "乡中心区", "210"},
    {UrbanRuralClass::village, "village", "村庄", "220"},
}};

}  // namespace

std::span<const EnumName<Level>> enum_names(Level) noexcept { return level_names; }
std::span<const EnumName<TownshipClass>> enum_names(TownshipClass) noexcept { return township_class_names; }
std::span<const EnumName<VillageClass>> enum_names(VillageClass) noexcept { return village_class_names; }
std::span<const EnumName<UrbanRuralClass>> enum_names(UrbanRuralClass) noexcept { return urban_rural_names; }

std::string_view to_string(Level level) noexcept { return enum_name(level); }

std::string_view chinese_name(Level level) noexcept { return enum_chinese_name(level); }

Level parse_level(std::string_view text) {
    if (const std::optional<Level> level = find_enum<Level>(text)) {
        return *level;
    }
    throw InvalidInput("level " + detail::quote(text) +
                       " is not one of province, prefecture, county, township, village");
}

int code_length(Level level) noexcept { return level_length[static_cast<int>(level)]; }

std::string_view to_string(TownshipClass value) noexcept { return enum_name(value); }

std::string_view chinese_name(TownshipClass value) noexcept { return enum_chinese_name(value); }

std::string_view to_string(VillageClass value) noexcept { return enum_name(value); }

std::string_view chinese_name(VillageClass value) noexcept { return enum_chinese_name(value); }

std::string_view to_string(UrbanRuralClass value) noexcept { return enum_name(value); }

std::string_view chinese_name(UrbanRuralClass value) noexcept { return enum_chinese_name(value); }

UrbanRuralClass urban_rural_class(int code) {
    for (const auto& entry : urban_rural_names) {
        if (static_cast<int>(entry.value) == code) {
            return entry.value;
        }
    }
    throw InvalidInput("urban–rural classification code " + std::to_string(code) +
                       " is not one of 111, 112, 121, 122, 123, 210, 220 (城乡分类代码)");
}

UrbanRuralClass parse_urban_rural_class(std::string_view text) {
    if (text.size() != 3 || text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9' ||
        text[2] < '0' || text[2] > '9') {
        throw InvalidInput("urban–rural classification code " + detail::quote(text) +
                           " is not three digits (111 … 220)");
    }
    return urban_rural_class((text[0] - '0') * 100 + (text[1] - '0') * 10 + (text[2] - '0'));
}

DivisionCode DivisionCode::parse(std::string_view text) {
    const Digits d = split(text);
    int level = d.present - 1;
    if (text.size() == 6 || text.size() == 12) {
        // Zero-padded forms: trailing zero segments are padding.
        while (level > 0 && d.segment[level] == 0) {
            --level;
        }
    }
    check_segments(text, d, level, false);
    return DivisionCode{padded_value(d, level) * 8 + static_cast<std::uint64_t>(level)};
}

DivisionCode DivisionCode::parse(std::string_view text, Level stated) {
    const Digits d = split(text);
    const int level = static_cast<int>(stated);
    if (d.present - 1 != level) {
        bool padded_form = text.size() == 12 && level < 4;
        for (int s = level + 1; padded_form && s < 5; ++s) {
            padded_form = d.segment[s] == 0;
        }
        if (!padded_form) {
            fail(text, "level '" + std::string(to_string(stated)) + "' does not match the code (a " +
                           std::string(to_string(stated)) + " code has " +
                           std::to_string(code_length(stated)) +
                           " digits, or 12 ending in zeros)");
        }
    }
    check_segments(text, d, level, true);
    return DivisionCode{padded_value(d, level) * 8 + static_cast<std::uint64_t>(level)};
}

DivisionCode DivisionCode::from_key(std::uint64_t key) {
    const std::uint64_t level = key & 7U;
    const std::uint64_t padded = key >> 3U;
    if (level > 4 || padded >= 1'000'000'000'000ULL || padded % level_unit[level] != 0) {
        throw InvalidInput("division code key " + std::to_string(key) + " is not a valid key");
    }
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%012llu", static_cast<unsigned long long>(padded));
    return parse(std::string_view(buffer, static_cast<std::size_t>(level_length[level])),
                 static_cast<Level>(level));
}

std::string DivisionCode::str() const {
    return padded_str().substr(0, static_cast<std::size_t>(code_length(level())));
}

std::string DivisionCode::padded_str() const {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%012llu", static_cast<unsigned long long>(padded()));
    return buffer;
}

unsigned DivisionCode::segment(Level which) const noexcept {
    const int s = static_cast<int>(which);
    return s <= static_cast<int>(level()) ? segment_of(padded(), s) : 0U;
}

std::optional<DivisionCode> DivisionCode::parent() const noexcept {
    const int level_now = static_cast<int>(level());
    if (level_now == 0) {
        return std::nullopt;
    }
    const int up = level_now - 1;
    const std::uint64_t value = padded() - padded() % level_unit[up];
    return DivisionCode{value * 8 + static_cast<std::uint64_t>(up)};
}

DivisionCode DivisionCode::ancestor(Level at) const {
    if (at > level()) {
        throw InvalidInput(named_code(str()) + " is a " + std::string(to_string(level())) +
                           " code and has no " + std::string(to_string(at)) + " ancestor");
    }
    const int up = static_cast<int>(at);
    const std::uint64_t value = padded() - padded() % level_unit[up];
    return DivisionCode{value * 8 + static_cast<std::uint64_t>(up)};
}

bool DivisionCode::is_ancestor_of(DivisionCode other) const noexcept {
    if (other.level() <= level()) {
        return false;
    }
    const int mine = static_cast<int>(level());
    return other.padded() - other.padded() % level_unit[mine] == padded();
}

std::optional<TownshipClass> DivisionCode::township_class() const noexcept {
    if (level() < Level::township) {
        return std::nullopt;
    }
    const unsigned value = segment_of(padded(), 3);
    if (value == 0) return std::nullopt;
    if (value < 100) return TownshipClass::subdistrict;
    if (value < 200) return TownshipClass::town;
    if (value < 400) return TownshipClass::township;
    return TownshipClass::township_like;
}

std::optional<VillageClass> DivisionCode::village_class() const noexcept {
    if (level() != Level::village) {
        return std::nullopt;
    }
    const unsigned value = segment_of(padded(), 4);
    if (value == 0) return std::nullopt;
    if (value < 200) return VillageClass::residents_committee;
    if (value < 400) return VillageClass::villagers_committee;
    return VillageClass::village_like;
}

bool DivisionCode::is_placeholder() const noexcept {
    const int s = static_cast<int>(level());
    return s >= 3 && segment_of(padded(), s) == 0;
}

}  // namespace grassroots
