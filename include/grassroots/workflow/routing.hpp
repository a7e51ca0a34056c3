/// @file routing.hpp
/// @brief Responsibility lists (属地管理 lists) and routing cases to the unit responsible.
///
/// For each matter type and rung of the ladder a list names exactly one primary unit (主体责任) and
/// any cooperating units (配合责任), optionally only within one division's subtree. Components are
/// routed owner first, then territory (部件先属主后属地); events territory first, then owner
/// (事件先属地后属主).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/core/detail/string_map.hpp"
#include "grassroots/core/enum_table.hpp"
#include "grassroots/division/code.hpp"
#include "grassroots/workflow/matter.hpp"

namespace grassroots {

/// @brief A rung of the escalation ladder: grid → community → township → county → city.
enum class Rung : std::uint8_t {
    grid,       ///< 网格
    community,  ///< 社区 / 村 (village-level unit)
    township,   ///< 乡镇 / 街道
    county,     ///< 县 / 区
    city,       ///< 市 (prefecture level)
};

/// @brief The names of every rung (网格 … 市), in value order.
[[nodiscard]] std::span<const EnumName<Rung>> enum_names(Rung) noexcept;
/// @brief "grid", "community", "township", "county" or "city".
[[nodiscard]] std::string_view to_string(Rung rung) noexcept;
/// @brief 网格, 社区/村, 乡镇/街道, 县/区 or 市.
[[nodiscard]] std::string_view chinese_name(Rung rung) noexcept;
/// @brief The rung named by to_string() or chinese_name(); throws InvalidInput.
[[nodiscard]] Rung parse_rung(std::string_view text);
/// @brief The division level of a rung (community → village, …); grid has none and maps to village.
[[nodiscard]] Level division_level(Rung rung) noexcept;
/// @brief The rung of a division level; throws InvalidInput for the province level.
[[nodiscard]] Rung rung_of(Level level);

/// @brief One row of a responsibility list.
struct ResponsibilityEntry {
    std::string matter;                    ///< Matter key ("event:0102").
    Rung rung = Rung::township;            ///< Rung of the ladder the row is for.
    std::optional<DivisionCode> scope;     ///< Applies within this unit's subtree; none = everywhere.
    std::string primary;                   ///< 主体责任单位 (exactly one).
    std::vector<std::string> cooperating;  ///< 配合责任单位.
    std::string source;                    ///< Which list, e.g. 《"属地管理"事项主体责任和配合责任清单》.
    /// @brief Entries compare member by member.
    friend bool operator==(const ResponsibilityEntry&, const ResponsibilityEntry&) = default;
};

/// @brief Where a case is routed: its primary unit and cooperators, and why.
struct Assignment {
    std::string primary;                   ///< The unit that must handle the case.
    std::vector<std::string> cooperating;  ///< Units that must cooperate.
    Rung rung = Rung::community;           ///< Rung of the ladder the case sits on.
    std::string territory;                 ///< Code of the territorial unit at that rung (grid or division code).
    std::string basis;                     ///< In words: which rule chose the primary.
    /// @brief The primary the responsibility list named when the dispatcher re-assigned the case to
    /// another unit (EngineOptions::allow_dispatch_override); "" when the primary is the routed one.
    std::string routed_primary;
    /// @brief Assignments compare member by member.
    friend bool operator==(const Assignment&, const Assignment&) = default;
};

/// @brief A validated responsibility list.
class ResponsibilityList {
public:
    /// @brief Adds a row; throws InvalidInput (and adds nothing) for an empty matter or primary, an
    /// empty cooperator or one holding ';', the primary also listed as cooperating, a duplicated
    /// cooperator, or a second primary for the same matter, rung and scope.
    void add(ResponsibilityEntry entry);
    /// @brief All rows in the order added.
    [[nodiscard]] const std::vector<ResponsibilityEntry>& entries() const noexcept { return entries_; }
    /// @brief Throws InvalidInput listing every matter of @p catalogue with no primary unit at any
    /// rung, and every row whose matter is not in the catalogue.
    void validate(const MatterCatalogue& catalogue) const;
    /// @brief The row for @p matter at @p rung that covers @p unit (no scope, @p unit itself or an
    /// ancestor; the narrowest scope wins), or nullptr.
    [[nodiscard]] const ResponsibilityEntry* find(std::string_view matter, Rung rung, DivisionCode unit) const noexcept;

    /// @brief Routes a case of @p type at @p unit (its grid code in @p grid, "" if none) starting at
    /// rung @p from and going up the ladder to the first rung that has a row. @p owner is the
    /// component's owner ("" = the type's default owner). Components: owner primary, territory
    /// cooperating; events: territory primary, owner cooperating. Throws NotFound when neither a row
    /// nor an owner exists.
    ///
    /// Rungs the unit does not have are skipped: the grid rung when @p grid is "" or @p unit is not
    /// village-level, and rungs below the unit's level. The territory of a rung is the grid code or
    /// the unit's ancestor at the rung's division level. The assignment names the rung and territory
    /// of the row used, or (owner only) of the first rung from @p from the unit has. Throws
    /// InvalidInput for a province-level unit, which has no rung.
    [[nodiscard]] Assignment route(const MatterType& type, std::string_view owner, DivisionCode unit,
                                   std::string_view grid, Rung from) const;

    /// @brief Reads CSV with header `matter,rung,scope,primary,cooperating,source` (cooperating
    /// separated by ';', scope empty = everywhere); errors name @p source, row and field.
    [[nodiscard]] static ResponsibilityList parse_csv(std::string_view text, std::string_view source = "<text>");
    /// @brief parse_csv() of a file; throws FileError when it cannot be read.
    [[nodiscard]] static ResponsibilityList read_csv(const std::filesystem::path& file);
    /// @brief The CSV that parse_csv() reads; throws InvalidInput for a text field holding a line break.
    [[nodiscard]] std::string to_csv() const;

private:
    std::vector<ResponsibilityEntry> entries_;
    detail::StringMap<std::vector<std::size_t>> by_matter_;  // matter key → positions in entries_
};

}  // namespace grassroots
