/// @file case_table.hpp
/// @brief CaseTable: cases as contiguous columns, the input of the KPIs and roll-ups (analytics).
///
/// One row per case: the village-level unit (a DivisionId of one DivisionTree), the grid and the
/// matter type (indices into the table's grid and matter lists, -1 for none), four instants as
/// int64 seconds since 1970-01-01 UTC (CaseTable::null_time where absent), flags and counters.
/// Tables come from a CaseEngine (from_engine), from arrays (from_columns; NumPy in Python) or from a
/// deterministic generator (synthetic). Every row is checked where the table is made.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/division/tree.hpp"

namespace grassroots {

class CaseEngine;
class GridMap;

/// @brief The columns of a case table: what CaseTable::from_columns() reads and columns() returns.
///
/// Every non-empty column has one value per case. An empty optional column means its default for
/// every row: grid and matter -1 (none), handling_due / closed_at / handled_at null, flags false,
/// counters 0; an empty `closed` means "closed_at is set".
struct CaseColumns {
    std::span<const DivisionId> unit;             ///< Required: the unit of each case (village-level as a rule).
    std::span<const std::int32_t> grid;           ///< Index into the grid list, -1 = not in a grid.
    std::span<const std::int32_t> matter;         ///< Index into the matter list, -1 = none.
    std::span<const std::int64_t> opened_at;      ///< Required: when it was filed (seconds since the epoch, UTC).
    std::span<const std::int64_t> handling_due;   ///< Deadline of the handling state (处置时限), or null.
    std::span<const std::int64_t> closed_at;      ///< When it closed; set exactly when `closed`.
    std::span<const std::int64_t> handled_at;     ///< When it was (last) handled, or null.
    std::span<const std::uint8_t> closed;         ///< 1 = closed (结案) now.
    std::span<const std::uint8_t> deferred;       ///< 1 = deferred (缓办) at some point.
    std::span<const std::uint8_t> responded;      ///< 1 = the rating says the caller was responded to (响应).
    std::span<const std::uint8_t> resolved;       ///< 1 = the rating says the problem was resolved (解决).
    std::span<const std::uint8_t> satisfied;      ///< 1 = the rating says the caller was satisfied (满意).
    std::span<const std::uint8_t> rated;          ///< 1 = the case has a rating (the 三率 count over these).
    std::span<const std::int32_t> reworks;        ///< Failed verifications (返工), ≥ 0.
    std::span<const std::int32_t> escalations;    ///< 督办 events, ≥ 0.
};

/// @brief How CaseTable::from_engine() reads deferral and ratings from the event record.
struct EngineTableOptions {
    /// @brief A case is deferred (缓办) when it has been in a state with one of these ids.
    std::vector<std::string> deferred_states{"defer", "deferred"};
    /// @brief Field of the rating transition that says the caller was responded to (响应).
    std::string responded_field = "responded";
    /// @brief Field that says the problem was resolved (解决).
    std::string resolved_field = "resolved";
    /// @brief Field that says the caller was satisfied (满意).
    std::string satisfied_field = "satisfied";
};

/// @brief A rating field's value as yes (true) or no (false): "yes", "true", "1", "是" or "no",
/// "false", "0", "否", ASCII case ignored; throws InvalidInput for anything else.
[[nodiscard]] bool parse_rating_value(std::string_view value);

/// @brief Settings of CaseTable::synthetic(); the rates the generator aims at are documented there.
struct SyntheticCaseOptions {
    std::size_t cases = 100'000;  ///< Number of cases.
    int year = 2025;              ///< Cases are filed from 1 January to 31 December of this year (CST).
    std::uint64_t seed = 2024;    ///< The same seed gives the same table on every platform.
    /// @brief Grids to file cases in (not owned; may be null). When set, a unit's grids are the
    /// map's grids of that unit, chosen in proportion to their recorded households (evenly when
    /// none are recorded), and a unit the map does not cover gets no grid; when null, each unit
    /// gets 1–8 made-up grid codes. Units and times are drawn the same either way.
    const GridMap* grids = nullptr;
    /// @brief Only the village-level units under this unit get cases (default: every one of the
    /// tree), e.g. one city or province of the national tree. Must be a unit of the tree.
    /// Placeholder rows (own segment 000, such as 350527000000 金门县) never get cases.
    std::optional<DivisionCode> scope{};
};

/// @brief Cases as columns (struct of arrays) over one DivisionTree; immutable once made.
///
/// The table refers to its tree by pointer: the tree must outlive the table and every report made
/// from it. Unit ids are the tree's pre-order ids.
class CaseTable {
public:
    /// @brief The "absent" instant: the smallest int64 (NumPy's NaT for datetime64[s]).
    static constexpr std::int64_t null_time = std::numeric_limits<std::int64_t>::min();

    /// @brief An empty table with no tree.
    CaseTable() = default;

    /// @brief A table from columns, checked row by row; throws InvalidInput naming the row (1-based,
    /// "case table, row N, field 'closed_at'") and what is wrong.
    ///
    /// Refused: columns of different lengths; a unit that is not a unit of @p tree; a grid or matter
    /// index outside its list; a grid whose rows lie in different units; a missing opened_at; closed
    /// without closed_at, or closed_at on an open case; closed_at, handled_at or handling_due before
    /// opened_at; a 三率 flag on a case that is not rated; negative counters; duplicate grid codes or
    /// matter keys.
    [[nodiscard]] static CaseTable from_columns(const DivisionTree& tree, const CaseColumns& columns,
                                                std::vector<std::string> grid_codes = {},
                                                std::vector<std::string> matter_keys = {});

    /// @brief A table of every case of @p engine, their units found in @p tree.
    ///
    /// unit, grid, matter, opened_at, handling_due, handled_at, reworks and escalations are copied
    /// from each CaseState; closed_at only for cases closed now (a reopened case is open). deferred:
    /// the case has been in a state listed in @p options.deferred_states. Ratings: the latest
    /// transition that carries any of the three rating fields makes the case rated, and each field
    /// is read as yes ("yes", "true", "1", "是") or no ("no", "false", "0", "否"), ASCII case
    /// ignored; a field the transition lacks counts as no. Throws InvalidInput naming the case for a
    /// unit not in @p tree or an unreadable rating value.
    [[nodiscard]] static CaseTable from_engine(const CaseEngine& engine, const DivisionTree& tree,
                                               const EngineTableOptions& options = {});

    /// @brief A deterministic synthetic year of cases over the village-level units of @p tree.
    ///
    /// Identical on every platform for the same options (splitmix64 and integer arithmetic only).
    /// Units get integer weights (communities (居委会) about three times villages); each unit has
    /// 1–8 grids (codes in the 14-digit layout), or the grids of options.grids, and about 8 % of
    /// cases lie in no grid; matters are
    /// the 27 types of MatterCatalogue::urban_sample(), skewed. Each case is filed at a random time
    /// of the year, dispatched within 10–90 minutes and given 3, 5, 7 or 15 working days on China's
    /// calendar (weekday rule after 2026); about 97 % are handled, 92 % of those on time; closing
    /// follows 1–48 hours later unless it would be after the snapshot, 31 January of the next
    /// year. About 2 % are deferred (缓办), 5 % have a rework (返工), late cases have escalations,
    /// and 40 % of the closed ones are rated (响应 98 %, 解决 85 %, 满意 88 %). Throws InvalidInput
    /// when the tree (or the scope) has no village-level unit or the year is outside 1950–2148, and
    /// NotFound for a scope that is not a unit of the tree.
    [[nodiscard]] static CaseTable synthetic(const DivisionTree& tree, const SyntheticCaseOptions& options = {});

    /// @brief The tree the unit ids refer to; throws NotFound for a default-constructed table.
    [[nodiscard]] const DivisionTree& tree() const;
    /// @brief Number of cases.
    [[nodiscard]] std::size_t size() const noexcept { return unit_.size(); }
    /// @brief True when there are no cases.
    [[nodiscard]] bool empty() const noexcept { return unit_.empty(); }
    /// @brief Every column (all full length) as read-only views.
    [[nodiscard]] CaseColumns columns() const noexcept;
    /// @brief Grid codes, by grid index.
    [[nodiscard]] const std::vector<std::string>& grid_codes() const noexcept { return grid_codes_; }
    /// @brief The unit each grid lies in (taken from its cases; invalid for a grid with none).
    [[nodiscard]] std::span<const DivisionId> grid_units() const noexcept { return grid_units_; }
    /// @brief Matter keys ("event:0502"), by matter index.
    [[nodiscard]] const std::vector<std::string>& matter_keys() const noexcept { return matter_keys_; }
    /// @brief Bytes held by the columns and lists (capacity-based).
    [[nodiscard]] std::size_t memory_bytes() const noexcept;

private:
    void check();  // checks every row and derives grid_units_

    const DivisionTree* tree_ = nullptr;
    std::vector<DivisionId> unit_;
    std::vector<std::int32_t> grid_, matter_;
    std::vector<std::int64_t> opened_at_, handling_due_, closed_at_, handled_at_;
    std::vector<std::uint8_t> closed_, deferred_, responded_, resolved_, satisfied_, rated_;
    std::vector<std::int32_t> reworks_, escalations_;
    std::vector<std::string> grid_codes_;
    std::vector<DivisionId> grid_units_;
    std::vector<std::string> matter_keys_;
    friend struct CaseTableAccess;
};

}  // namespace grassroots
