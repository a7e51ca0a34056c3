// Helpers of the analytics tests: a row-by-row builder of case tables and instants in CST.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "grassroots/analytics/case_table.hpp"
#include "grassroots/calendar/working_hours.hpp"
#include "grassroots/datasets/dongying.hpp"

namespace grassroots::testing {

/// Seconds since the epoch of a CST wall-clock time in 2025.
inline std::int64_t cst(int month, int day, int hour = 0, int minute = 0) {
    return china_time(make_date(2025, static_cast<unsigned>(month), static_cast<unsigned>(day)),
                      std::chrono::hours(hour) + std::chrono::minutes(minute))
        .time_since_epoch()
        .count();
}

/// Dongying's tree, built once.
inline const DivisionTree& dongying() {
    static const DivisionTree tree = datasets::dongying_divisions();
    return tree;
}

/// One case, with readable defaults: open, no grid, no matter, nothing rated.
struct CaseRow {
    std::string unit;
    std::int64_t opened_at = 0;
    std::int64_t handling_due = CaseTable::null_time;
    std::int64_t closed_at = CaseTable::null_time;
    std::int64_t handled_at = CaseTable::null_time;
    std::int32_t grid = -1;
    std::int32_t matter = -1;
    bool deferred = false;
    std::optional<bool> responded{}, resolved{}, satisfied{};  // any set: rated
    std::int32_t reworks = 0;
    std::int32_t escalations = 0;
};

/// Collects CaseRow values and makes a CaseTable over a tree.
class TableBuilder {
public:
    explicit TableBuilder(const DivisionTree& tree) : tree_(&tree) {}
    TableBuilder& add(const CaseRow& row) {
        unit.push_back(tree_->at(DivisionCode::parse(row.unit)));
        opened_at.push_back(row.opened_at);
        handling_due.push_back(row.handling_due);
        closed_at.push_back(row.closed_at);
        handled_at.push_back(row.handled_at);
        closed.push_back(row.closed_at != CaseTable::null_time ? 1 : 0);
        grid.push_back(row.grid);
        matter.push_back(row.matter);
        deferred.push_back(row.deferred ? 1 : 0);
        const bool is_rated = row.responded || row.resolved || row.satisfied;
        rated.push_back(is_rated ? 1 : 0);
        responded.push_back(row.responded.value_or(false) ? 1 : 0);
        resolved.push_back(row.resolved.value_or(false) ? 1 : 0);
        satisfied.push_back(row.satisfied.value_or(false) ? 1 : 0);
        reworks.push_back(row.reworks);
        escalations.push_back(row.escalations);
        return *this;
    }
    [[nodiscard]] CaseColumns columns() const {
        return CaseColumns{unit,     grid,      matter,    opened_at, handling_due, closed_at, handled_at, closed,
                           deferred, responded, resolved,  satisfied, rated,        reworks,   escalations};
    }
    [[nodiscard]] CaseTable build(std::vector<std::string> grid_codes = {}, std::vector<std::string> matter_keys = {}) const {
        return CaseTable::from_columns(*tree_, columns(), std::move(grid_codes), std::move(matter_keys));
    }

    std::vector<DivisionId> unit;
    std::vector<std::int32_t> grid, matter, reworks, escalations;
    std::vector<std::int64_t> opened_at, handling_due, closed_at, handled_at;
    std::vector<std::uint8_t> closed, deferred, responded, resolved, satisfied, rated;

private:
    const DivisionTree* tree_;
};

}  // namespace grassroots::testing
