// Internal: what the analytics sources share — write access to a CaseTable's columns, and instants
// as CST day numbers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "grassroots/analytics/case_table.hpp"

namespace grassroots {

/// Fills a CaseTable's columns (the generator and the engine extraction build them directly).
struct CaseTableAccess {
    /// The columns of @p table, to fill before finish().
    struct Columns {
        std::vector<DivisionId>& unit;
        std::vector<std::int32_t>& grid;
        std::vector<std::int32_t>& matter;
        std::vector<std::int64_t>& opened_at;
        std::vector<std::int64_t>& handling_due;
        std::vector<std::int64_t>& closed_at;
        std::vector<std::int64_t>& handled_at;
        std::vector<std::uint8_t>& closed;
        std::vector<std::uint8_t>& deferred;
        std::vector<std::uint8_t>& responded;
        std::vector<std::uint8_t>& resolved;
        std::vector<std::uint8_t>& satisfied;
        std::vector<std::uint8_t>& rated;
        std::vector<std::int32_t>& reworks;
        std::vector<std::int32_t>& escalations;
        std::vector<std::string>& grid_codes;
        std::vector<std::string>& matter_keys;
    };
    static Columns columns(CaseTable& table) {
        return {table.unit_,     table.grid_,       table.matter_,   table.opened_at_, table.handling_due_,
                table.closed_at_, table.handled_at_, table.closed_,   table.deferred_,  table.responded_,
                table.resolved_, table.satisfied_,  table.rated_,    table.reworks_,   table.escalations_,
                table.grid_codes_, table.matter_keys_};
    }
    /// Sets the tree, checks every row and derives the grid units (as from_columns does).
    static void finish(CaseTable& table, const DivisionTree& tree);
};

namespace detail {

inline constexpr std::int64_t seconds_per_day = 86'400;
inline constexpr std::int64_t china_offset_seconds = 8 * 3'600;

/// Days since 1970-01-01 of the CST calendar day of @p seconds (seconds since the epoch, UTC).
inline std::int64_t china_day(std::int64_t seconds) noexcept {
    const std::int64_t local = seconds + china_offset_seconds;
    return local >= 0 ? local / seconds_per_day : -((-local + seconds_per_day - 1) / seconds_per_day);
}

}  // namespace detail

}  // namespace grassroots
