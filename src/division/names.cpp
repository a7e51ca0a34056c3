// Unit names: the suffix families of fuzzy lookup and the stems they leave.
#include "grassroots/division/names.hpp"

#include <array>

namespace grassroots {

namespace {

using namespace std::string_view_literals;

// Longest spelling first within a family, so that 社区居民委员会 is not read as …居民委员会 + 社区.
constexpr std::array residents{"社区居民委员会"sv, "社区居委会"sv, "居民委员会"sv, "居委会"sv, "社区"sv};
constexpr std::array villagers{"村民委员会"sv, "村委会"sv, "村"sv};
constexpr std::array subdistrict{"街道办事处"sv, "街道办"sv, "街道"sv};
constexpr std::array town{"镇人民政府"sv, "镇政府"sv, "镇"sv};
constexpr std::array township{"乡人民政府"sv, "乡政府"sv, "乡"sv};

constexpr std::array families{
    NameSuffixFamily{"residents' committee (社区, 居委会)", residents},
    NameSuffixFamily{"villagers' committee (村, 村委会)", villagers},
    NameSuffixFamily{"sub-district (街道, 街道办事处)", subdistrict},
    NameSuffixFamily{"town (镇)", town},
    NameSuffixFamily{"township (乡)", township},
};

}  // namespace

std::span<const NameSuffixFamily> name_suffix_families() noexcept { return families; }

namespace {

// The longest suffix of @p name in family @p f that leaves a non-empty stem, or 0.
std::size_t suffix_length(std::string_view name, std::size_t f) noexcept {
    for (const std::string_view suffix : families[f].suffixes) {  // longest first
        if (name.size() > suffix.size() && name.ends_with(suffix)) return suffix.size();
    }
    return 0;
}

}  // namespace

NameStem name_stem(std::string_view name) noexcept {
    NameStem best{name, std::nullopt};
    for (std::size_t f = 0; f < families.size(); ++f) {
        const std::size_t length = suffix_length(name, f);
        if (length != 0 && name.size() - length < best.stem.size()) best = NameStem{name.substr(0, name.size() - length), f};
    }
    // The committee of a village named …村 repeats the family: 陈家村村民委员会 is 陈家村's, stem 陈家.
    while (best.family) {
        const std::size_t again = suffix_length(best.stem, *best.family);
        if (again == 0) break;
        best.stem.remove_suffix(again);
    }
    return best;
}

NameQuery::NameQuery(std::string_view name, NameMatch match) noexcept : name_(name), match_(match), stem_(name_stem(name)) {}

bool NameQuery::matches(std::string_view candidate) const noexcept {
    if (candidate == name_) return true;
    if (match_ == NameMatch::exact) return false;
    const NameStem unit = name_stem(candidate);
    return unit.stem == stem_.stem && (!stem_.family || stem_.family == unit.family);
}

}  // namespace grassroots
