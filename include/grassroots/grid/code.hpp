/// @file code.hpp
/// @brief Grid codes (网格编码) with their layouts as data.
///
/// Both layouts in use start with the 12-digit code of the village-level unit the grid belongs to:
/// the 14-digit unit-grid layout (9-digit township + 3-digit community + 2-digit sequence, "00" =
/// the whole community) and Beijing's 15-digit layout (6 + 3 + 3 + 3-digit grid). Other places'
/// layouts are described by a GridCodeLayout of the same shape.
#pragma once

#include <compare>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/division/code.hpp"

namespace grassroots {

/// @brief One segment of a grid code: its name and width in digits.
struct GridCodeSegment {
    std::string name;  ///< e.g. "township", "community", "sequence".
    int width = 0;     ///< Digits.
};

/// @brief How a place writes grid codes: segments whose first ones spell the 12-digit code of
/// the village-level unit, then the grid's sequence number.
class GridCodeLayout {
public:
    /// @brief A layout; the segments' widths must add up to 12 before the last segment, which is
    /// the grid sequence (1–4 digits). Throws InvalidInput.
    GridCodeLayout(std::string name, std::vector<GridCodeSegment> segments);
    /// @brief 14 digits: township 9 + community 3 + sequence 2 (unit grids, 万米单元网格).
    [[nodiscard]] static std::shared_ptr<const GridCodeLayout> unit_grid();
    /// @brief 15 digits: county 6 + township 3 + community 3 + grid 3 (Beijing).
    [[nodiscard]] static std::shared_ptr<const GridCodeLayout> beijing();

    [[nodiscard]] const std::string& name() const noexcept { return name_; }  ///< e.g. "unit-grid-14".
    [[nodiscard]] const std::vector<GridCodeSegment>& segments() const noexcept { return segments_; }  ///< Segments.
    [[nodiscard]] int length() const noexcept { return length_; }  ///< Total digits.
    [[nodiscard]] int sequence_width() const noexcept { return segments_.back().width; }  ///< Digits of the sequence.

private:
    std::string name_;
    std::vector<GridCodeSegment> segments_;
    int length_ = 0;
};

/// @brief A validated grid code: the village-level unit it belongs to and its sequence there.
class GridCode {
public:
    /// @brief Parses @p text in @p layout; throws InvalidInput naming the wrong part.
    [[nodiscard]] static GridCode parse(std::string_view text, std::shared_ptr<const GridCodeLayout> layout);
    /// @brief Parses with the 14-digit unit-grid layout.
    [[nodiscard]] static GridCode parse(std::string_view text) { return parse(text, GridCodeLayout::unit_grid()); }
    /// @brief The code of grid @p sequence of @p unit (0 = the whole unit); throws InvalidInput for a
    /// unit that is not village-level or a sequence too wide for the layout.
    [[nodiscard]] static GridCode make(DivisionCode unit, unsigned sequence,
                                       std::shared_ptr<const GridCodeLayout> layout = GridCodeLayout::unit_grid());

    [[nodiscard]] DivisionCode unit() const noexcept { return unit_; }            ///< The community or village.
    [[nodiscard]] unsigned sequence() const noexcept { return sequence_; }        ///< Grid number in the unit.
    [[nodiscard]] bool whole_unit() const noexcept { return sequence_ == 0; }     ///< "00": the whole community.
    [[nodiscard]] const std::string& str() const noexcept { return text_; }       ///< The digits.
    [[nodiscard]] const GridCodeLayout& layout() const noexcept { return *layout_; }  ///< Its layout.

    /// @brief Codes order by unit, then sequence.
    friend std::strong_ordering operator<=>(const GridCode& a, const GridCode& b) noexcept {
        if (auto c = a.unit_ <=> b.unit_; c != 0) return c;
        return a.sequence_ <=> b.sequence_;
    }
    /// @brief Codes are equal when unit and sequence are.
    friend bool operator==(const GridCode& a, const GridCode& b) noexcept {
        return a.unit_ == b.unit_ && a.sequence_ == b.sequence_;
    }

private:
    GridCode(std::string text, std::shared_ptr<const GridCodeLayout> layout, DivisionCode unit, unsigned sequence)
        : text_(std::move(text)), layout_(std::move(layout)), unit_(unit), sequence_(sequence) {}
    std::string text_;
    std::shared_ptr<const GridCodeLayout> layout_;
    DivisionCode unit_;
    unsigned sequence_;
};

}  // namespace grassroots
