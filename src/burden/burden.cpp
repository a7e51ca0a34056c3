// The burden ledger (减负台账): items, status moves, the burden index, before/after comparisons.
#include "grassroots/burden/burden.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "core/input_checks.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<BurdenKind>, burden_kind_count> kind_table{{
    {BurdenKind::plaque, "plaque", "挂牌", "a plaque hung at the unit (quantity: plaques)"},
    {BurdenKind::certificate, "certificate", "证明事项", "a type of certificate the unit issues (quantity: types)"},
    {BurdenKind::meeting, "meeting", "会议", "a meeting to attend or hold (quantity: meetings a year)"},
    {BurdenKind::inspection, "inspection", "督查检查", "an inspection or check (quantity: times a year)"},
    {BurdenKind::reporting_app, "reporting_app", "政务APP", "an app or reporting system (填报系统) to report in (quantity: apps)"},
    {BurdenKind::account, "account", "政务新媒体账号", "a government new-media account (quantity: accounts)"},
    {BurdenKind::pushed_task, "pushed_task", "摊派任务", "a task pushed down by a department (quantity: tasks a year)"},
}};
constexpr std::array<EnumName<BurdenStatus>, 3> status_table{{
    {BurdenStatus::allowed, "allowed", "保留", "allowed to stay"},
    {BurdenStatus::to_remove, "to_remove", "拟清理", "flagged for removal, still in force"},
    {BurdenStatus::removed, "removed", "已清理", "removed"},
}};

using detail::check_line;

void check_village(DivisionCode unit) {
    if (unit.level() != Level::village) {
        throw InvalidInput("burden is kept per village-level unit (社区/行政村); " + unit.str() + " is " +
                           std::string(to_string(unit.level())) + " level",
                           Location{{}, 0, "unit"});
    }
}

std::string describe(const BurdenItem& item) {
    return "item " + std::to_string(item.id.value()) + " (" + std::string(chinese_name(item.kind)) + " '" + item.name +
           "' of " + item.unit.str() + ")";
}

/// The latest date of @p item's status so far (removed, else flagged, else added).
Date latest(const BurdenItem& item) {
    if (item.removed) return *item.removed;
    if (item.flagged) return *item.flagged;
    return item.added;
}

void check_move_date(const BurdenItem& item, Date date, std::string_view doing) {
    if (!date.ok()) throw InvalidInput("the date to " + std::string(doing) + " " + describe(item) + " is not a valid date");
    if (date < latest(item)) {
        throw InvalidInput("cannot " + std::string(doing) + " " + describe(item) + " on " + to_string(date) +
                           ", before its latest date " + to_string(latest(item)) + "; dates may not go backwards");
    }
}

bool in_subtree(DivisionCode unit, const std::optional<DivisionCode>& within) {
    return !within || *within == unit || within->is_ancestor_of(unit);
}

/// Added after @p before and on or before @p after.
bool in_window(Date day, Date before, Date after) { return before < day && !(after < day); }

}  // namespace

std::span<const EnumName<BurdenKind>> enum_names(BurdenKind) noexcept { return kind_table; }
std::string_view to_string(BurdenKind kind) noexcept { return enum_name(kind); }
std::string_view chinese_name(BurdenKind kind) noexcept { return enum_chinese_name(kind); }
BurdenKind parse_burden_kind(std::string_view text) { return parse_enum<BurdenKind>(text, "burden kind", true); }
std::span<const EnumName<BurdenStatus>> enum_names(BurdenStatus) noexcept { return status_table; }
std::string_view to_string(BurdenStatus status) noexcept { return enum_name(status); }
std::string_view chinese_name(BurdenStatus status) noexcept { return enum_chinese_name(status); }
BurdenStatus parse_burden_status(std::string_view text) { return parse_enum<BurdenStatus>(text, "burden status", true); }

bool BurdenItem::in_force(Date on) const noexcept { return !(on < added) && !(removed && !(on < *removed)); }

void BurdenWeights::set(BurdenKind kind, double weight) {
    const auto index = static_cast<std::size_t>(kind);
    if (index >= burden_kind_count) throw InvalidInput("unknown burden kind " + std::to_string(index));
    if (!std::isfinite(weight) || weight < 0.0) {
        throw InvalidInput("the weight of " + std::string(to_string(kind)) + " must be a finite number ≥ 0, not " +
                           std::to_string(weight));
    }
    per_kind[index] = weight;
}

// ---- staff and weights ---------------------------------------------------------------------------

void BurdenLedger::set_staff(DivisionCode unit, int staff) {
    check_village(unit);
    if (staff < 1) {
        throw InvalidInput("the staff count of " + unit.str() + " must be at least 1, not " + std::to_string(staff));
    }
    staff_[unit] = staff;
}

std::optional<int> BurdenLedger::staff(DivisionCode unit) const {
    const auto found = staff_.find(unit);
    if (found == staff_.end()) return std::nullopt;
    return found->second;
}

void BurdenLedger::set_weights(BurdenWeights weights) {
    for (const BurdenKind kind : all_burden_kinds) weights.set(kind, weights[kind]);  // validates each
    weights_ = std::move(weights);
}

// ---- items ---------------------------------------------------------------------------------------

BurdenItemId BurdenLedger::add(BurdenItemInput input) {
    check_village(input.unit);
    if (static_cast<std::size_t>(input.kind) >= burden_kind_count) {
        throw InvalidInput("unknown burden kind " + std::to_string(static_cast<int>(input.kind)));
    }
    if (input.name.empty()) throw InvalidInput("a burden item needs a name", Location{{}, 0, "name"});
    check_line(input.name, "the name");
    check_line(input.source_department, "the source department");
    check_line(input.note, "the note");
    if (input.quantity < 1) {
        throw InvalidInput("the quantity of " + std::string(chinese_name(input.kind)) + " '" + input.name +
                           "' must be at least 1, not " + std::to_string(input.quantity),
                           Location{{}, 0, "quantity"});
    }
    if (!input.added.ok()) throw InvalidInput("the added date of '" + input.name + "' is not a valid date");
    items_.push_back(BurdenItem{.id = BurdenItemId{static_cast<BurdenItemId::rep_type>(items_.size())},
                                .unit = input.unit,
                                .kind = input.kind,
                                .name = std::move(input.name),
                                .source_department = std::move(input.source_department),
                                .quantity = input.quantity,
                                .added = input.added,
                                .note = std::move(input.note)});
    return items_.back().id;
}

const BurdenItem& BurdenLedger::item(BurdenItemId id) const {
    if (!id.valid() || id.value() >= items_.size()) {
        throw NotFound("the burden ledger has no item " +
                       (id.valid() ? std::to_string(id.value()) : std::string("(invalid id)")) + " (it has " +
                       std::to_string(items_.size()) + ")");
    }
    return items_[id.value()];
}

BurdenItem& BurdenLedger::item_ref(BurdenItemId id) { return const_cast<BurdenItem&>(std::as_const(*this).item(id)); }

void BurdenLedger::change_status(BurdenItemId id, Date date, std::string note, BurdenStatus to) {
    BurdenItem& item = item_ref(id);
    check_line(note, "the note");
    const std::string_view doing = to == BurdenStatus::to_remove ? "flag" : to == BurdenStatus::allowed ? "keep" : "remove";
    if (item.status == BurdenStatus::removed) {
        throw RuleViolation("burden.status", describe(item) + " was already removed on " + to_string(*item.removed) +
                                                 "; it cannot " + (to == BurdenStatus::removed ? "be removed again" : "change"));
    }
    if (to == BurdenStatus::to_remove && item.status != BurdenStatus::allowed) {
        throw RuleViolation("burden.status", describe(item) + " is already flagged for removal");
    }
    if (to == BurdenStatus::allowed && item.status != BurdenStatus::to_remove) {
        throw RuleViolation("burden.status", describe(item) + " is allowed; only an item flagged for removal can be kept");
    }
    check_move_date(item, date, doing);
    item.status = to;
    if (to == BurdenStatus::to_remove) item.flagged = date;
    if (to == BurdenStatus::allowed) item.flagged.reset();
    if (to == BurdenStatus::removed) item.removed = date;
    if (!note.empty()) item.note = std::move(note);
}

void BurdenLedger::flag(BurdenItemId id, Date date, std::string note) { change_status(id, date, std::move(note), BurdenStatus::to_remove); }
void BurdenLedger::keep(BurdenItemId id, Date date, std::string note) { change_status(id, date, std::move(note), BurdenStatus::allowed); }
void BurdenLedger::remove(BurdenItemId id, Date date, std::string note) { change_status(id, date, std::move(note), BurdenStatus::removed); }

std::vector<BurdenItemId> BurdenLedger::items_of(DivisionCode unit) const {
    std::vector<BurdenItemId> out;
    for (const BurdenItem& item : items_) {
        if (item.unit == unit) out.push_back(item.id);
    }
    return out;
}

std::vector<DivisionCode> BurdenLedger::units() const {
    std::set<DivisionCode> all;
    for (const BurdenItem& item : items_) all.insert(item.unit);
    for (const auto& [unit, count] : staff_) all.insert(unit);
    return {all.begin(), all.end()};
}

// ---- the index -----------------------------------------------------------------------------------

std::vector<BurdenIndexRow> BurdenLedger::index(Date on, std::optional<DivisionCode> within) const {
    if (!on.ok()) throw InvalidInput("the index date is not a valid date");
    std::map<DivisionCode, BurdenIndexRow> rows;
    for (const auto& [unit, count] : staff_) {
        if (in_subtree(unit, within)) rows.emplace(unit, BurdenIndexRow{.unit = unit});
    }
    for (const BurdenItem& item : items_) {
        if (!in_subtree(item.unit, within)) continue;
        BurdenIndexRow& row = rows.try_emplace(item.unit, BurdenIndexRow{.unit = item.unit}).first->second;
        if (!item.in_force(on)) continue;
        ++row.items;
        row.quantity[static_cast<std::size_t>(item.kind)] += item.quantity;
    }
    std::vector<BurdenIndexRow> out;
    out.reserve(rows.size());
    for (auto& [unit, row] : rows) {
        for (const BurdenKind kind : all_burden_kinds) {
            row.weighted += weights_[kind] * static_cast<double>(row.quantity[static_cast<std::size_t>(kind)]);
        }
        row.staff = staff(unit);
        if (row.staff) row.index = row.weighted / *row.staff;
        out.push_back(row);
    }
    return out;
}

BurdenIndexRow BurdenLedger::index_of(DivisionCode unit, Date on) const {
    check_village(unit);
    std::vector<BurdenIndexRow> rows = index(on, unit);
    if (rows.empty()) return BurdenIndexRow{.unit = unit};
    return rows.front();
}

std::vector<BurdenIndexRow> BurdenLedger::top(Date on, std::size_t n, std::optional<DivisionCode> within) const {
    std::vector<BurdenIndexRow> rows = index(on, within);
    std::erase_if(rows, [](const BurdenIndexRow& row) { return !row.index; });
    std::stable_sort(rows.begin(), rows.end(),
                     [](const BurdenIndexRow& a, const BurdenIndexRow& b) { return *a.index > *b.index; });
    if (rows.size() > n) rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(n), rows.end());
    return rows;
}

BurdenComparison BurdenLedger::compare(Date before, Date after, std::optional<DivisionCode> within) const {
    if (!before.ok() || !after.ok()) throw InvalidInput("the comparison needs valid dates");
    if (after < before) {
        throw InvalidInput("the second day (" + to_string(after) + ") is before the first (" + to_string(before) + ")");
    }
    const std::vector<BurdenIndexRow> first = index(before, within);
    const std::vector<BurdenIndexRow> second = index(after, within);  // same units, same order
    BurdenComparison out;
    out.before = before;
    out.after = after;
    std::map<DivisionCode, std::size_t> position;
    for (std::size_t i = 0; i < first.size(); ++i) {
        position.emplace(first[i].unit, i);
        out.units.push_back(BurdenChange{.unit = first[i].unit,
                                         .staff = first[i].staff,
                                         .weighted_before = first[i].weighted,
                                         .weighted_after = second[i].weighted,
                                         .index_before = first[i].index,
                                         .index_after = second[i].index,
                                         .items_before = first[i].items,
                                         .items_after = second[i].items});
    }
    for (const BurdenKind kind : all_burden_kinds) {
        const auto k = static_cast<std::size_t>(kind);
        BurdenKindChange change{.kind = kind};
        for (std::size_t i = 0; i < first.size(); ++i) {
            change.before += first[i].quantity[k];
            change.after += second[i].quantity[k];
        }
        out.kinds.push_back(change);
    }
    for (const BurdenItem& item : items_) {
        if (!in_subtree(item.unit, within)) continue;
        BurdenChange& unit = out.units[position.at(item.unit)];
        BurdenKindChange& kind = out.kinds[static_cast<std::size_t>(item.kind)];
        if (in_window(item.added, before, after)) {
            ++unit.added;
            kind.added += item.quantity;
        }
        if (item.removed && in_window(*item.removed, before, after)) {
            ++unit.removed;
            kind.removed += item.quantity;
        }
    }
    return out;
}

}  // namespace grassroots
