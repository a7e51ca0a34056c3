#include "grassroots/grid/code.hpp"

#include <cstdio>

#include "core/quote.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

GridCodeLayout::GridCodeLayout(std::string name, std::vector<GridCodeSegment> segments)
    : name_(std::move(name)), segments_(std::move(segments)) {
    if (name_.empty()) throw InvalidInput("a grid code layout needs a name");
    if (segments_.size() < 2) throw InvalidInput("grid code layout '" + name_ + "' needs the unit's segments and a sequence");
    int unit_digits = 0;
    for (std::size_t i = 0; i < segments_.size(); ++i) {
        const GridCodeSegment& s = segments_[i];
        if (s.name.empty() || s.width < 1) {
            throw InvalidInput("grid code layout '" + name_ + "': segment " + std::to_string(i + 1) + " needs a name and a width");
        }
        if (i + 1 < segments_.size()) unit_digits += s.width;
        length_ += s.width;
    }
    if (unit_digits != 12) {
        throw InvalidInput("grid code layout '" + name_ + "': the segments before the sequence have " +
                           std::to_string(unit_digits) + " digits; they must spell the 12-digit village-level code");
    }
    if (sequence_width() > 4) {
        throw InvalidInput("grid code layout '" + name_ + "': a sequence of " + std::to_string(sequence_width()) +
                           " digits is too wide (at most 4)");
    }
}

std::shared_ptr<const GridCodeLayout> GridCodeLayout::unit_grid() {
    static const auto layout = std::make_shared<const GridCodeLayout>(
        "unit-grid-14", std::vector<GridCodeSegment>{{"township", 9}, {"community", 3}, {"sequence", 2}});
    return layout;
}

std::shared_ptr<const GridCodeLayout> GridCodeLayout::beijing() {
    static const auto layout = std::make_shared<const GridCodeLayout>(
        "beijing-15", std::vector<GridCodeSegment>{{"county", 6}, {"township", 3}, {"community", 3}, {"grid", 3}});
    return layout;
}

GridCode GridCode::parse(std::string_view text, std::shared_ptr<const GridCodeLayout> layout) {
    if (!layout) throw InvalidInput("grid code " + detail::quote(text) + ": no layout given");
    const auto bad = [&](const std::string& problem) {
        return InvalidInput("grid code " + detail::quote(text) + " (" + layout->name() + "): " + problem);
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') {
            throw bad("character " + std::to_string(i + 1) + " (" + detail::character_at(text, i) + ") is not a digit");
        }
    }
    if (static_cast<int>(text.size()) != layout->length()) {
        throw bad("has " + std::to_string(text.size()) + " digits; expected " + std::to_string(layout->length()));
    }
    DivisionCode unit = DivisionCode::parse("37");
    try {
        unit = DivisionCode::parse(text.substr(0, 12), Level::village);
    } catch (const InvalidInput& error) {
        throw bad("its community part is not a village-level code: " + error.problem());
    }
    if (unit.is_placeholder()) throw bad("its community part " + unit.str() + " is a placeholder, not a community");
    unsigned sequence = 0;
    for (char c : text.substr(12)) sequence = sequence * 10 + static_cast<unsigned>(c - '0');
    return GridCode(std::string(text), std::move(layout), unit, sequence);
}

GridCode GridCode::make(DivisionCode unit, unsigned sequence, std::shared_ptr<const GridCodeLayout> layout) {
    if (!layout) throw InvalidInput("grid code of " + unit.str() + ": no layout given");
    if (unit.level() != Level::village || unit.is_placeholder()) {
        throw InvalidInput("a grid belongs to a village-level unit; " + unit.str() + " is a " + std::string(to_string(unit.level())));
    }
    unsigned limit = 1;
    for (int i = 0; i < layout->sequence_width(); ++i) limit *= 10;
    if (sequence >= limit) {
        throw InvalidInput("grid sequence " + std::to_string(sequence) + " does not fit the " +
                           std::to_string(layout->sequence_width()) + "-digit sequence of layout '" + layout->name() + "'");
    }
    char digits[8];
    std::snprintf(digits, sizeof digits, "%0*u", layout->sequence_width(), sequence);
    return GridCode(unit.padded_str() + digits, std::move(layout), unit, sequence);
}

}  // namespace grassroots
