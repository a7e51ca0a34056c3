/// @file matter.hpp
/// @brief The catalogue of matter types (事项): components (部件) and events (事件), with their codes.
///
/// Urban management classifies what a case is about as a component — a managed object such as a
/// manhole cover, owned by someone — or an event — something that happens, such as street vending.
/// Codes are written in a layout (by default major class 2 digits + minor class 2 digits, the shape
/// used by GB/T 30428.2); a city with another layout describes it as a MatterCodeLayout.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/core/detail/string_map.hpp"
#include "grassroots/core/enum_table.hpp"

namespace grassroots {

/// @brief Component or event; routing differs (components owner first, events territory first).
enum class MatterClass : std::uint8_t {
    component,  ///< 部件: a managed object with an owner (权属单位).
    event,      ///< 事件: something that happens in a place.
};

/// @brief The names of both matter classes (部件, 事件), in value order.
[[nodiscard]] std::span<const EnumName<MatterClass>> enum_names(MatterClass) noexcept;
/// @brief "component" or "event".
[[nodiscard]] std::string_view to_string(MatterClass value) noexcept;
/// @brief 部件 or 事件.
[[nodiscard]] std::string_view chinese_name(MatterClass value) noexcept;
/// @brief The class named by to_string() or chinese_name(); throws InvalidInput.
[[nodiscard]] MatterClass parse_matter_class(std::string_view text);

/// @brief One segment of a matter code: its name and width in digits.
struct MatterCodeSegment {
    std::string name;  ///< e.g. "major", "minor".
    int width = 0;     ///< Digits (1–4).
    /// @brief Segments compare member by member.
    friend bool operator==(const MatterCodeSegment&, const MatterCodeSegment&) = default;
};

/// @brief How matter codes are written: digit segments from the most general class down.
class MatterCodeLayout {
public:
    /// @brief A layout; throws InvalidInput for an empty name, no segments, an unnamed segment, a
    /// width outside 1–4 or more than 12 digits in all.
    MatterCodeLayout(std::string name, std::vector<MatterCodeSegment> segments);
    /// @brief Major class 2 digits + minor class 2 digits ("0101"), as in GB/T 30428.2.
    [[nodiscard]] static MatterCodeLayout urban_standard();

    [[nodiscard]] const std::string& name() const noexcept { return name_; }  ///< e.g. "major-minor".
    [[nodiscard]] const std::vector<MatterCodeSegment>& segments() const noexcept { return segments_; }  ///< Segments.
    [[nodiscard]] int length() const noexcept { return length_; }  ///< Total digits.
    /// @brief Throws InvalidInput naming the segment when @p code is not all digits of length().
    void check(std::string_view code) const;
    /// @brief The digits of segment @p index of a code (e.g. the major class "01"); throws
    /// InvalidInput for a code check() refuses or an index past the last segment.
    [[nodiscard]] std::string_view segment(std::string_view code, std::size_t index) const;

    /// @brief Layouts compare by name and segments.
    friend bool operator==(const MatterCodeLayout&, const MatterCodeLayout&) = default;

private:
    std::string name_;
    std::vector<MatterCodeSegment> segments_;
    int length_ = 0;
};

/// @brief One matter type of the catalogue.
struct MatterType {
    MatterClass matter_class = MatterClass::event;  ///< Component or event.
    std::string code;      ///< Code in the catalogue's layout ("0101").
    std::string name;      ///< e.g. 上水井盖, 占道经营.
    std::string category;  ///< Major class name, e.g. 公用设施.
    std::string workflow;  ///< Id of the loop cases of this type run on ("" = the caller chooses).
    std::string owner;     ///< Default owner unit of a component (权属单位), "" if none.

    /// @brief "component:0101" or "event:0101": unique in a catalogue, used by cases and lists.
    [[nodiscard]] std::string key() const;
    /// @brief Types compare member by member.
    friend bool operator==(const MatterType&, const MatterType&) = default;
};

/// @brief Matter types by class and code, in one code layout.
class MatterCatalogue {
public:
    /// @brief An empty catalogue in @p layout.
    explicit MatterCatalogue(MatterCodeLayout layout = MatterCodeLayout::urban_standard());

    /// @brief Adds a type; throws InvalidInput (and adds nothing) for a code not in the layout, an
    /// empty name, or a key already present.
    void add(MatterType type);
    /// @brief The type with @p key ("event:0102"); throws NotFound (InvalidInput for a malformed key).
    [[nodiscard]] const MatterType& at(std::string_view key) const;
    /// @brief The type with @p key, or nullptr.
    [[nodiscard]] const MatterType* find(std::string_view key) const noexcept;
    /// @brief All types in the order added.
    [[nodiscard]] const std::vector<MatterType>& types() const noexcept { return types_; }
    /// @brief The code layout.
    [[nodiscard]] const MatterCodeLayout& layout() const noexcept { return layout_; }
    /// @brief Number of types.
    [[nodiscard]] std::size_t size() const noexcept { return types_.size(); }

    /// @brief Reads CSV with header `class,code,name,category,workflow,owner`; errors name
    /// @p source, row and field, and nothing is added on error.
    [[nodiscard]] static MatterCatalogue parse_csv(std::string_view text, std::string_view source = "<text>",
                                                   MatterCodeLayout layout = MatterCodeLayout::urban_standard());
    /// @brief parse_csv() of a file; throws FileError when it cannot be read.
    [[nodiscard]] static MatterCatalogue read_csv(const std::filesystem::path& file,
                                                  MatterCodeLayout layout = MatterCodeLayout::urban_standard());
    /// @brief The CSV that parse_csv() reads; throws InvalidInput for a text field holding a line break.
    [[nodiscard]] std::string to_csv() const;
    /// @brief A sample of urban-management components and events in the GB/T 30428.2 layout, run on
    /// the "urban_management" loop (illustrative; load a city's own catalogue for real work).
    [[nodiscard]] static MatterCatalogue urban_sample();

private:
    MatterCodeLayout layout_;
    std::vector<MatterType> types_;
    detail::StringMap<std::size_t> index_;  // key → position in types_
};

}  // namespace grassroots
