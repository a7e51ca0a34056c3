// Ledger reports: open / overdue / struck-off counts per owner unit over a period, from histories.
#include <map>

#include "grassroots/error.hpp"
#include "grassroots/ledger/ledger.hpp"

namespace grassroots {

namespace {

/// The row key of @p owner: with a roll-up level, a deeper division becomes its ancestor there
/// and a department beside a division is dropped.
OwnerUnit row_key(const OwnerUnit& owner, std::optional<Level> roll_up) {
    if (!roll_up || !owner.division) return owner;
    OwnerUnit key;
    key.division = owner.division->level() > *roll_up ? owner.division->ancestor(*roll_up) : *owner.division;
    return key;
}

bool within(Date day, Date from, Date to) noexcept { return !(day < from) && !(to < day); }

/// Entries of @p action dated within [from, to].
int count_within(const std::vector<LedgerEntry>& history, LedgerAction action, Date from, Date to) {
    int count = 0;
    for (const LedgerEntry& entry : history) {
        if (entry.action == action && within(entry.date, from, to)) ++count;
    }
    return count;
}

void add(LedgerReportRow& sum, const LedgerReportRow& row) {
    sum.problems += row.problems;
    sum.raised += row.raised;
    sum.open += row.open;
    sum.overdue += row.overdue;
    sum.struck_off += row.struck_off;
    sum.reopened += row.reopened;
    sum.measures += row.measures;
    sum.measures_open += row.measures_open;
    sum.measures_overdue += row.measures_overdue;
    sum.measures_done += row.measures_done;
}

}  // namespace

LedgerReport DualLedger::report(Date from, Date to, std::optional<Level> roll_up) const {
    if (!from.ok() || !to.ok()) throw InvalidInput("the report period needs valid dates");
    if (to < from) {
        throw InvalidInput("the report period ends (" + to_string(to) + ") before it starts (" + to_string(from) + ")");
    }
    std::map<OwnerUnit, LedgerReportRow> rows;
    for (const Problem& p : problems_) {
        if (to < p.raised) continue;
        LedgerReportRow& row = rows[row_key(p.owner, roll_up)];
        ++row.problems;
        if (within(p.raised, from, to)) ++row.raised;
        if (!p.struck_off_as_of(to)) {
            ++row.open;
            if (p.due < to) ++row.overdue;
        }
        if (count_within(p.history, LedgerAction::struck_off, from, to) > 0) ++row.struck_off;
        row.reopened += count_within(p.history, LedgerAction::reopened, from, to);
    }
    for (const Measure& m : measures_) {
        if (to < m.created) continue;
        LedgerReportRow& row = rows[row_key(m.owner, roll_up)];
        ++row.measures;
        if (!m.done_as_of(to)) {
            ++row.measures_open;
            if (m.due < to) ++row.measures_overdue;
        }
        if (count_within(m.history, LedgerAction::completed, from, to) > 0) ++row.measures_done;
    }
    LedgerReport report;
    report.from = from;
    report.to = to;
    report.rows.reserve(rows.size());
    for (auto& [unit, row] : rows) {
        row.unit = unit;
        add(report.total, row);
        report.rows.push_back(std::move(row));
    }
    return report;
}

}  // namespace grassroots
