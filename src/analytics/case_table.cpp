// CaseTable: columns checked row by row where they enter, from arrays and from a case engine.
#include "grassroots/analytics/case_table.hpp"

#include <algorithm>
#include <chrono>
#include <string_view>
#include <unordered_map>

#include "analytics/analytics_support.hpp"
#include "grassroots/core/instant.hpp"
#include "grassroots/core/detail/string_map.hpp"
#include "grassroots/error.hpp"
#include "grassroots/workflow/definition.hpp"
#include "grassroots/workflow/engine.hpp"

namespace grassroots {

namespace {

constexpr std::string_view table_source = "case table";

[[noreturn]] void bad_row(std::size_t index, std::string_view column, const std::string& problem) {
    throw InvalidInput(problem + " (index " + std::to_string(index) + ")", Location{std::string(table_source), index + 1, std::string(column)});
}

std::string instant_text(std::int64_t seconds) { return to_string(Instant{std::chrono::seconds{seconds}}); }

/// Copies @p source, or fills @p size copies of @p fallback when it is empty; throws InvalidInput
/// when a non-empty column has another length.
template <class T>
std::vector<T> column(std::span<const T> source, std::size_t size, T fallback, std::string_view name) {
    if (source.empty()) return std::vector<T>(size, fallback);
    if (source.size() != size) {
        throw InvalidInput("column '" + std::string(name) + "' has " + std::to_string(source.size()) +
                               " rows but 'unit' has " + std::to_string(size),
                           Location{std::string(table_source), 0, std::string(name)});
    }
    return std::vector<T>(source.begin(), source.end());
}

void check_unique(const std::vector<std::string>& values, std::string_view what) {
    detail::StringMap<std::size_t> seen;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto [it, added] = seen.emplace(values[i], i);
        if (!added) {
            throw InvalidInput(std::string(what) + " '" + values[i] + "' is listed twice (at " + std::to_string(it->second) +
                                   " and " + std::to_string(i) + ")",
                               Location{std::string(table_source), 0, std::string(what)});
        }
    }
}

}  // namespace

void CaseTableAccess::finish(CaseTable& table, const DivisionTree& tree) {
    table.tree_ = &tree;
    table.check();
}

void CaseTable::check() {
    const std::size_t units = tree_->size();
    const std::size_t n = unit_.size();
    check_unique(grid_codes_, "grid code");
    check_unique(matter_keys_, "matter key");
    std::vector<DivisionId> grid_unit(grid_codes_.size());
    const auto grids = static_cast<std::int64_t>(grid_codes_.size());
    const auto matters = static_cast<std::int64_t>(matter_keys_.size());
    for (std::size_t i = 0; i < n; ++i) {
        const DivisionId unit = unit_[i];
        if (!unit.valid() || unit.value() >= units) {
            bad_row(i, "unit", "unit id " + (unit.valid() ? std::to_string(unit.value()) : std::string("(none)")) +
                                   " is not a unit of the tree (" + std::to_string(units) + " units)");
        }
        const std::int32_t grid = grid_[i];
        if (grid < -1 || grid >= grids) {
            bad_row(i, "grid", "grid index " + std::to_string(grid) + " is outside the grid list (" + std::to_string(grids) +
                                   " grids; -1 = none)");
        }
        if (grid >= 0) {
            DivisionId& owner = grid_unit[static_cast<std::size_t>(grid)];
            if (!owner.valid()) {
                owner = unit;
            } else if (owner != unit) {
                bad_row(i, "grid", "grid " + grid_codes_[static_cast<std::size_t>(grid)] + " lies in " + tree_->code(owner).str() +
                                       " but this case is in " + tree_->code(unit).str());
            }
        }
        if (matter_[i] < -1 || matter_[i] >= matters) {
            bad_row(i, "matter", "matter index " + std::to_string(matter_[i]) + " is outside the matter list (" +
                                     std::to_string(matters) + " matters; -1 = none)");
        }
        const std::int64_t opened = opened_at_[i];
        if (opened == null_time) bad_row(i, "opened_at", "every case needs the time it was filed");
        const auto not_before_opening = [&](std::int64_t value, std::string_view name) {
            if (value != null_time && value < opened) {
                bad_row(i, name, std::string(name) + " " + instant_text(value) + " is before opened_at " + instant_text(opened));
            }
        };
        if (closed_[i] > 1) bad_row(i, "closed", "flags are 0 or 1");
        if (closed_[i] == 1 && closed_at_[i] == null_time) bad_row(i, "closed_at", "a closed case needs closed_at");
        if (closed_[i] == 0 && closed_at_[i] != null_time) {
            bad_row(i, "closed_at", "an open case has closed_at " + instant_text(closed_at_[i]) +
                                        " (a reopened case is open: clear its closed_at)");
        }
        not_before_opening(closed_at_[i], "closed_at");
        not_before_opening(handled_at_[i], "handled_at");
        not_before_opening(handling_due_[i], "handling_due");
        const auto flag = [&](const std::vector<std::uint8_t>& values, std::string_view name) {
            if (values[i] > 1) bad_row(i, name, "flags are 0 or 1, not " + std::to_string(values[i]));
            if (values[i] == 1 && rated_[i] == 0) bad_row(i, name, std::string(name) + " is set on a case that is not rated");
        };
        if (deferred_[i] > 1) bad_row(i, "deferred", "flags are 0 or 1, not " + std::to_string(deferred_[i]));
        if (rated_[i] > 1) bad_row(i, "rated", "flags are 0 or 1, not " + std::to_string(rated_[i]));
        flag(responded_, "responded");
        flag(resolved_, "resolved");
        flag(satisfied_, "satisfied");
        if (reworks_[i] < 0) bad_row(i, "reworks", "reworks cannot be negative");
        if (escalations_[i] < 0) bad_row(i, "escalations", "escalations cannot be negative");
    }
    grid_units_ = std::move(grid_unit);
}

CaseTable CaseTable::from_columns(const DivisionTree& tree, const CaseColumns& c, std::vector<std::string> grid_codes,
                                  std::vector<std::string> matter_keys) {
    CaseTable table;
    const std::size_t n = c.unit.size();
    if (c.opened_at.size() != n) {
        throw InvalidInput("column 'opened_at' has " + std::to_string(c.opened_at.size()) + " rows but 'unit' has " +
                               std::to_string(n) + " (both are required)",
                           Location{std::string(table_source), 0, "opened_at"});
    }
    table.unit_.assign(c.unit.begin(), c.unit.end());
    table.opened_at_.assign(c.opened_at.begin(), c.opened_at.end());
    table.grid_ = column<std::int32_t>(c.grid, n, -1, "grid");
    table.matter_ = column<std::int32_t>(c.matter, n, -1, "matter");
    table.handling_due_ = column<std::int64_t>(c.handling_due, n, null_time, "handling_due");
    table.closed_at_ = column<std::int64_t>(c.closed_at, n, null_time, "closed_at");
    table.handled_at_ = column<std::int64_t>(c.handled_at, n, null_time, "handled_at");
    if (c.closed.empty()) {
        table.closed_.resize(n);
        std::transform(table.closed_at_.begin(), table.closed_at_.end(), table.closed_.begin(),
                       [](std::int64_t at) { return static_cast<std::uint8_t>(at != null_time); });
    } else {
        table.closed_ = column<std::uint8_t>(c.closed, n, 0, "closed");
    }
    table.deferred_ = column<std::uint8_t>(c.deferred, n, 0, "deferred");
    table.responded_ = column<std::uint8_t>(c.responded, n, 0, "responded");
    table.resolved_ = column<std::uint8_t>(c.resolved, n, 0, "resolved");
    table.satisfied_ = column<std::uint8_t>(c.satisfied, n, 0, "satisfied");
    table.rated_ = column<std::uint8_t>(c.rated, n, 0, "rated");
    table.reworks_ = column<std::int32_t>(c.reworks, n, 0, "reworks");
    table.escalations_ = column<std::int32_t>(c.escalations, n, 0, "escalations");
    table.grid_codes_ = std::move(grid_codes);
    table.matter_keys_ = std::move(matter_keys);
    CaseTableAccess::finish(table, tree);
    return table;
}

namespace {

/// A rating value read as yes (1) or no (0); throws InvalidInput naming the case and field.
std::uint8_t read_yes_no(std::string_view value, const std::string& case_number, const std::string& field) {
    try {
        return parse_rating_value(value) ? 1 : 0;
    } catch (const InvalidInput& error) {
        throw InvalidInput(error.problem(), Location{"case " + case_number, 0, field});
    }
}

/// Interns strings as dense indices in order of first appearance ("" = -1).
class Interner {
public:
    explicit Interner(std::vector<std::string>& values) : values_(&values) {}
    std::int32_t operator()(const std::string& value) {
        if (value.empty()) return -1;
        const auto [it, added] = index_.emplace(value, static_cast<std::int32_t>(values_->size()));
        if (added) values_->push_back(value);
        return it->second;
    }

private:
    std::vector<std::string>* values_;
    detail::StringMap<std::int32_t> index_;
};

std::int64_t seconds_of(const std::optional<Instant>& at) {
    return at ? at->time_since_epoch().count() : CaseTable::null_time;
}

}  // namespace

bool parse_rating_value(std::string_view value) {
    std::string lower(value);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch; });
    if (lower == "yes" || lower == "true" || lower == "1" || lower == "是") return true;
    if (lower == "no" || lower == "false" || lower == "0" || lower == "否") return false;
    throw InvalidInput("rating value '" + std::string(value) + "' is not yes/no, true/false, 1/0 or 是/否");
}

CaseTable CaseTable::from_engine(const CaseEngine& engine, const DivisionTree& tree, const EngineTableOptions& options) {
    CaseTable table;
    const std::span<const CaseState> cases = engine.cases();
    const std::size_t n = cases.size();
    auto c = CaseTableAccess::columns(table);
    c.unit.reserve(n);
    c.grid.reserve(n);
    c.matter.reserve(n);
    Interner grids(c.grid_codes);
    Interner matters(c.matter_keys);
    for (const CaseState& s : cases) {
        const std::optional<DivisionId> unit = tree.find(s.unit);
        if (!unit) {
            throw InvalidInput("unit " + s.unit.str() + " is not in the tree",
                               Location{"case " + CaseEngine::case_number(s.id), 0, "unit"});
        }
        c.unit.push_back(*unit);
        c.grid.push_back(grids(s.grid));
        c.matter.push_back(matters(s.matter));
        c.opened_at.push_back(s.opened_at.time_since_epoch().count());
        c.handling_due.push_back(seconds_of(s.handling_due));
        c.closed_at.push_back(s.closed ? seconds_of(s.closed_at) : null_time);
        c.handled_at.push_back(seconds_of(s.handled_at));
        c.closed.push_back(s.closed ? 1 : 0);
        c.reworks.push_back(s.reworks);
        c.escalations.push_back(s.escalations);
    }
    c.deferred.assign(n, 0);
    c.responded.assign(n, 0);
    c.resolved.assign(n, 0);
    c.satisfied.assign(n, 0);
    c.rated.assign(n, 0);

    // One walk over the record: states entered (deferral) and the latest rating of each case.
    const auto is_deferred_state = [&](const WorkflowDefinition* definition, std::uint16_t state) {
        if (definition == nullptr || state == Event::none || state >= definition->states().size()) return false;
        const std::string& id = definition->states()[state].id;
        return std::find(options.deferred_states.begin(), options.deferred_states.end(), id) != options.deferred_states.end();
    };
    for (const Event& event : engine.events()) {
        const std::size_t i = event.case_id.value();
        if (i >= n) continue;
        if (is_deferred_state(cases[i].definition, event.to)) c.deferred[i] = 1;
        if (event.kind != EventKind::transition || event.detail == Event::no_detail) continue;
        const EventRecord record = engine.describe(event);
        const Field* fields[3] = {nullptr, nullptr, nullptr};
        const std::string* names[3] = {&options.responded_field, &options.resolved_field, &options.satisfied_field};
        bool rating = false;
        for (const Field& field : record.fields) {
            for (int k = 0; k < 3; ++k) {
                if (field.name == *names[k]) {
                    fields[k] = &field;
                    rating = true;
                }
            }
        }
        if (!rating) continue;
        std::uint8_t* flags[3] = {&c.responded[i], &c.resolved[i], &c.satisfied[i]};
        for (int k = 0; k < 3; ++k) {
            *flags[k] = fields[k] == nullptr ? 0 : read_yes_no(fields[k]->value, record.case_number, *names[k]);
        }
        c.rated[i] = 1;
    }
    CaseTableAccess::finish(table, tree);
    return table;
}

const DivisionTree& CaseTable::tree() const {
    if (tree_ == nullptr) throw NotFound("this case table has no tree (default-constructed)");
    return *tree_;
}

CaseColumns CaseTable::columns() const noexcept {
    return CaseColumns{unit_,      grid_,      matter_,    opened_at_, handling_due_, closed_at_, handled_at_, closed_,
                       deferred_,  responded_, resolved_,  satisfied_, rated_,        reworks_,   escalations_};
}

std::size_t CaseTable::memory_bytes() const noexcept {
    std::size_t bytes = sizeof(CaseTable) + unit_.capacity() * sizeof(DivisionId) +
                        (grid_.capacity() + matter_.capacity() + reworks_.capacity() + escalations_.capacity()) * sizeof(std::int32_t) +
                        (opened_at_.capacity() + handling_due_.capacity() + closed_at_.capacity() + handled_at_.capacity()) *
                            sizeof(std::int64_t) +
                        closed_.capacity() + deferred_.capacity() + responded_.capacity() + resolved_.capacity() +
                        satisfied_.capacity() + rated_.capacity() + grid_units_.capacity() * sizeof(DivisionId);
    for (const auto* list : {&grid_codes_, &matter_keys_}) {
        for (const std::string& text : *list) bytes += sizeof(std::string) + text.capacity();
    }
    return bytes;
}

}  // namespace grassroots
