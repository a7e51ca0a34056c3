// The dual ledger as four CSV tables (problems, measures, links, history) and back.
#include <algorithm>
#include <limits>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/text_input.hpp"
#include "grassroots/error.hpp"
#include "grassroots/ledger/ledger.hpp"

namespace grassroots {

namespace {

std::string code_text(const OwnerUnit& owner) { return owner.division ? owner.division->str() : std::string(); }

/// The latest `linked` entry of @p problem naming measure @p measure.
const LedgerEntry& link_entry(const Problem& problem, const std::string& measure) {
    for (auto entry = problem.history.rbegin(); entry != problem.history.rend(); ++entry) {
        if (entry->action == LedgerAction::linked && entry->other == measure) return *entry;
    }
    throw Error("internal: no link entry of " + problem.number + " and " + measure);  // unreachable
}

/// Runs @p action; any library error it throws is thrown again as InvalidInput at the reader's row.
template <class F>
decltype(auto) at_row(const detail::CsvReader& reader, std::string_view field, F&& action) {
    try {
        return std::forward<F>(action)();
    } catch (const InvalidInput& error) {
        throw InvalidInput(error.problem(),
                           reader.where(error.where().field.empty() ? std::string(field) : error.where().field));
    } catch (const Error& error) {
        throw InvalidInput(error.what(), reader.where(std::string(field)));
    }
}

std::optional<DivisionCode> parse_division(const detail::CsvReader& reader, std::string_view text) {
    if (text.empty()) return std::nullopt;
    return detail::in_field(reader, "division", [&] { return DivisionCode::parse(text); });
}

/// The number in @p text, required and unique among @p seen; throws InvalidInput at the row.
std::string read_number(const detail::CsvReader& reader, std::string_view text, std::set<std::string, std::less<>>& seen,
                        std::string_view kind) {
    if (text.empty()) throw InvalidInput("a " + std::string(kind) + " needs a number", reader.where("number"));
    if (!seen.emplace(text).second) {
        throw InvalidInput(std::string(kind) + " number " + std::string(text) + " appears twice", reader.where("number"));
    }
    return std::string(text);
}

OwnerUnit read_owner(const detail::CsvReader& reader, std::string_view division, std::string_view department) {
    return OwnerUnit{parse_division(reader, division), std::string(department)};
}

Date parse_date_field(const detail::CsvReader& reader, std::string_view text, std::string_view field) {
    return detail::in_field(reader, field, [&] { return parse_date(text); });
}

/// Index of the optional column @p name in the header just read, if present.
std::optional<std::size_t> optional_column(const detail::CsvReader& reader, std::string_view name) {
    const auto& header = reader.fields();
    const auto at = std::find(header.begin(), header.end(), name);
    if (at == header.end()) return std::nullopt;
    return static_cast<std::size_t>(at - header.begin());
}

struct ProblemRow {
    ProblemInput input;
    std::optional<ProblemStatus> status;
    std::size_t line = 0;
    bool created = false;
};

struct MeasureRow {
    MeasureInput input;
    std::optional<MeasureStatus> status;
    std::size_t line = 0;
    bool created = false;
};

std::vector<ProblemRow> read_problems(std::string_view text) {
    detail::CsvReader reader(text, "problems.csv");
    const std::vector<std::size_t> c = detail::read_header(
        reader, {"number", "title", "division", "department", "raised", "due", "source_kind", "source_reference"});
    const std::optional<std::size_t> status = optional_column(reader, "status");
    const std::size_t width = reader.fields().size();
    std::vector<ProblemRow> rows;
    std::set<std::string, std::less<>> numbers;
    while (reader.next()) {
        detail::expect_field_count(reader, width);
        const auto& f = reader.fields();
        ProblemRow row;
        row.line = reader.line();
        row.input.number = read_number(reader, f[c[0]], numbers, "problem");
        row.input.title = f[c[1]];
        row.input.owner = read_owner(reader, f[c[2]], f[c[3]]);
        row.input.raised = parse_date_field(reader, f[c[4]], "raised");
        row.input.due = parse_date_field(reader, f[c[5]], "due");
        row.input.source.kind = detail::in_field(reader, "source_kind", [&] {
            return f[c[6]].empty() ? ProblemSourceKind::direct : parse_problem_source_kind(f[c[6]]);
        });
        row.input.source.reference = f[c[7]];
        if (status && !f[*status].empty()) {
            row.status = detail::in_field(reader, "status", [&] { return parse_problem_status(f[*status]); });
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<MeasureRow> read_measures(std::string_view text) {
    detail::CsvReader reader(text, "measures.csv");
    const std::vector<std::size_t> c = detail::read_header(
        reader, {"number", "title", "division", "department", "responsible", "created", "due"});
    const std::optional<std::size_t> status = optional_column(reader, "status");
    const std::size_t width = reader.fields().size();
    std::vector<MeasureRow> rows;
    std::set<std::string, std::less<>> numbers;
    while (reader.next()) {
        detail::expect_field_count(reader, width);
        const auto& f = reader.fields();
        MeasureRow row;
        row.line = reader.line();
        row.input.number = read_number(reader, f[c[0]], numbers, "measure");
        row.input.title = f[c[1]];
        row.input.owner = read_owner(reader, f[c[2]], f[c[3]]);
        row.input.responsible = f[c[4]];
        row.input.created = parse_date_field(reader, f[c[5]], "created");
        row.input.due = parse_date_field(reader, f[c[6]], "due");
        if (status && !f[*status].empty()) {
            row.status = detail::in_field(reader, "status", [&] { return parse_measure_status(f[*status]); });
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

/// The links of @p ledger as (problem number, measure number) pairs.
std::set<std::pair<std::string, std::string>> current_links(const DualLedger& ledger) {
    std::set<std::pair<std::string, std::string>> out;
    for (const Problem& p : ledger.problems()) {
        for (const MeasureId m : p.measures) out.emplace(p.number, ledger.measure(m).number);
    }
    return out;
}

}  // namespace

// ---- export --------------------------------------------------------------------------------------

std::string DualLedger::problems_csv() const {
    std::string out = "number,title,division,department,raised,due,source_kind,source_reference,status\n";
    for (const Problem& p : problems_) {
        detail::append_csv_line(out, {p.number, p.title, code_text(p.owner), p.owner.department, to_string(p.raised),
                                      to_string(p.due), to_string(p.source.kind), p.source.reference,
                                      to_string(p.status)});
    }
    return out;
}

std::string DualLedger::measures_csv() const {
    std::string out = "number,title,division,department,responsible,created,due,status\n";
    for (const Measure& m : measures_) {
        detail::append_csv_line(out, {m.number, m.title, code_text(m.owner), m.owner.department, m.responsible,
                                      to_string(m.created), to_string(m.due), to_string(m.status)});
    }
    return out;
}

std::string DualLedger::links_csv() const {
    std::string out = "problem,measure,date,actor\n";
    for (const Problem& p : problems_) {
        for (const MeasureId id : p.measures) {
            const Measure& m = measures_[id.value()];
            const LedgerEntry& entry = link_entry(p, m.number);
            detail::append_csv_line(out, {p.number, m.number, to_string(entry.date), entry.actor});
        }
    }
    return out;
}

std::string DualLedger::history_csv() const {
    struct Row {
        const LedgerEntry* entry;
        const std::string* item;
        bool problem;
    };
    std::vector<Row> rows;
    for (const Problem& p : problems_) {
        for (const LedgerEntry& e : p.history) rows.push_back({&e, &p.number, true});
    }
    for (const Measure& m : measures_) {
        for (const LedgerEntry& e : m.history) {
            if (e.action != LedgerAction::linked && e.action != LedgerAction::unlinked) rows.push_back({&e, &m.number, false});
        }
    }
    // Journal order; an automatic `unverified` entry follows the entry that caused it.
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return std::tuple(a.entry->sequence, a.entry->action == LedgerAction::unverified) <
               std::tuple(b.entry->sequence, b.entry->action == LedgerAction::unverified);
    });
    std::string out = "sequence,ledger,item,date,action,actor,note,other\n";
    for (const Row& row : rows) {
        const LedgerEntry& e = *row.entry;
        detail::append_csv_line(out, {std::to_string(e.sequence), row.problem ? "problem" : "measure", *row.item,
                                      to_string(e.date), to_string(e.action), e.actor, e.note, e.other});
    }
    return out;
}

// ---- import --------------------------------------------------------------------------------------

namespace {

// The sequence column of history.csv read in order: each entry takes the next number from 0 and an
// automatic `unverified` entry repeats its cause's, so that a reordered, cut or renumbered journal
// is refused instead of replayed as something else.
class JournalOrder {
public:
    void check(const detail::CsvReader& reader, std::string_view text, bool unverified) {
        const auto sequence = static_cast<std::uint64_t>(
            detail::in_field(reader, "sequence", [&] { return detail::parse_integer(text, IntRange{0, std::numeric_limits<std::int64_t>::max()}); }));
        const std::uint64_t expected = unverified ? next_ - 1 : next_;
        if ((unverified && next_ == 0) || sequence != expected) {
            throw InvalidInput("sequence " + std::to_string(sequence) + " is out of order (expected " + std::to_string(expected) +
                                   (unverified ? ", the entry that caused it" : "") + ")",
                               reader.where("sequence"));
        }
        if (!unverified) ++next_;
    }

private:
    std::uint64_t next_ = 0;
};

}  // namespace

DualLedger DualLedger::parse_csv(std::string_view problems, std::string_view measures, std::string_view links,
                                 std::string_view history) {
    std::vector<ProblemRow> problem_rows = read_problems(problems);
    std::vector<MeasureRow> measure_rows = read_measures(measures);
    DualLedger ledger;
    const bool replay = !history.empty();

    if (!replay) {
        for (ProblemRow& row : problem_rows) {
            if (row.status && *row.status != ProblemStatus::open) {
                throw InvalidInput("status " + std::string(to_string(*row.status)) +
                                       " needs history.csv (without it every problem starts open)",
                                   Location{"problems.csv", row.line, "status"});
            }
            row.input.actor = "import";
            try {
                (void)ledger.add_problem(row.input);
            } catch (const InvalidInput& error) {
                throw InvalidInput(error.problem(), Location{"problems.csv", row.line, ""});
            }
        }
        for (MeasureRow& row : measure_rows) {
            if (row.status && *row.status != MeasureStatus::open) {
                throw InvalidInput("status " + std::string(to_string(*row.status)) +
                                       " needs history.csv (without it every measure starts open)",
                                   Location{"measures.csv", row.line, "status"});
            }
            row.input.actor = "import";
            try {
                (void)ledger.add_measure(row.input);
            } catch (const InvalidInput& error) {
                throw InvalidInput(error.problem(), Location{"measures.csv", row.line, ""});
            }
        }
    }

    // Links: applied here without a history; with one, only compared with what the journal leaves.
    std::set<std::pair<std::string, std::string>> listed;
    {
        detail::CsvReader reader(links, "links.csv");
        const std::vector<std::size_t> c = detail::read_header(reader, {"problem", "measure", "date", "actor"});
        const std::size_t width = reader.fields().size();
        while (reader.next()) {
            detail::expect_field_count(reader, width);
            const auto& f = reader.fields();
            const std::string problem(f[c[0]]);
            const std::string measure(f[c[1]]);
            if (!listed.emplace(problem, measure).second) {
                throw InvalidInput("problem " + problem + " and measure " + measure + " are listed twice",
                                   reader.where("measure"));
            }
            const Date date = parse_date_field(reader, f[c[2]], "date");
            if (!replay) {
                const ProblemId p = at_row(reader, "problem", [&] { return ledger.find_problem(problem); });
                const MeasureId m = at_row(reader, "measure", [&] { return ledger.find_measure(measure); });
                at_row(reader, "date", [&] { ledger.link(p, m, date, std::string(f[c[3]])); });
            }
        }
    }
    if (!replay) return ledger;

    std::unordered_map<std::string, std::size_t> problem_index;
    std::unordered_map<std::string, std::size_t> measure_index;
    for (std::size_t i = 0; i < problem_rows.size(); ++i) problem_index.emplace(problem_rows[i].input.number, i);
    for (std::size_t i = 0; i < measure_rows.size(); ++i) measure_index.emplace(measure_rows[i].input.number, i);

    detail::CsvReader reader(history, "history.csv");
    const std::vector<std::size_t> c =
        detail::read_header(reader, {"ledger", "item", "date", "action", "actor", "note", "other", "sequence"});
    const std::size_t width = reader.fields().size();
    JournalOrder order;
    while (reader.next()) {
        detail::expect_field_count(reader, width);
        const auto& f = reader.fields();
        order.check(reader, f[c[7]], f[c[3]] == to_string(LedgerAction::unverified));
        const std::string_view kind = f[c[0]];
        if (kind != "problem" && kind != "measure") {
            throw InvalidInput("unknown ledger '" + std::string(kind) + "' (expected problem or measure)",
                               reader.where("ledger"));
        }
        const bool is_problem = kind == "problem";
        const std::string item(f[c[1]]);
        const Date date = parse_date_field(reader, f[c[2]], "date");
        const LedgerAction action = detail::in_field(reader, "action", [&] { return parse_ledger_action(f[c[3]]); });
        std::string actor(f[c[4]]);
        std::string note(f[c[5]]);
        const std::string other(f[c[6]]);
        if (action == LedgerAction::unverified) continue;  // recomputed by the rules
        if (action == LedgerAction::created) {
            if (is_problem) {
                const auto found = problem_index.find(item);
                if (found == problem_index.end()) {
                    throw InvalidInput("problem " + item + " is not in problems.csv", reader.where("item"));
                }
                ProblemRow& row = problem_rows[found->second];
                if (row.created) throw InvalidInput("problem " + item + " is created twice", reader.where("action"));
                if (date != row.input.raised) {
                    throw InvalidInput("problem " + item + " is created on " + to_string(date) +
                                           " but problems.csv says raised " + to_string(row.input.raised),
                                       reader.where("date"));
                }
                row.created = true;
                ProblemInput input = row.input;
                input.actor = std::move(actor);
                input.note = std::move(note);
                at_row(reader, "item", [&] { (void)ledger.add_problem(std::move(input)); });
            } else {
                const auto found = measure_index.find(item);
                if (found == measure_index.end()) {
                    throw InvalidInput("measure " + item + " is not in measures.csv", reader.where("item"));
                }
                MeasureRow& row = measure_rows[found->second];
                if (row.created) throw InvalidInput("measure " + item + " is created twice", reader.where("action"));
                if (date != row.input.created) {
                    throw InvalidInput("measure " + item + " is created on " + to_string(date) +
                                           " but measures.csv says created " + to_string(row.input.created),
                                       reader.where("date"));
                }
                row.created = true;
                MeasureInput input = row.input;
                input.actor = std::move(actor);
                input.note = std::move(note);
                at_row(reader, "item", [&] { (void)ledger.add_measure(std::move(input)); });
            }
            continue;
        }
        at_row(reader, "action", [&] {
            const auto expect = [&](bool problem_side) {
                if (is_problem != problem_side) {
                    throw InvalidInput("action " + std::string(to_string(action)) + " belongs to the " +
                                       (problem_side ? "problem" : "measure") + " ledger");
                }
            };
            switch (action) {
                case LedgerAction::linked:
                    expect(true);
                    ledger.link(ledger.find_problem(item), ledger.find_measure(other), date, std::move(actor), std::move(note));
                    break;
                case LedgerAction::unlinked:
                    expect(true);
                    ledger.unlink(ledger.find_problem(item), ledger.find_measure(other), date, std::move(actor),
                                  std::move(note));
                    break;
                case LedgerAction::started:
                    expect(false);
                    ledger.start(ledger.find_measure(item), date, std::move(actor), std::move(note));
                    break;
                case LedgerAction::completed:
                    expect(false);
                    ledger.complete(ledger.find_measure(item), date, std::move(actor), std::move(note));
                    break;
                case LedgerAction::reopened:
                    if (is_problem) {
                        ledger.reopen_problem(ledger.find_problem(item), date, std::move(actor), std::move(note));
                    } else {
                        ledger.reopen_measure(ledger.find_measure(item), date, std::move(actor), std::move(note));
                    }
                    break;
                case LedgerAction::verified:
                case LedgerAction::rejected:
                    expect(true);
                    ledger.verify(ledger.find_problem(item), date, std::move(actor), action == LedgerAction::verified,
                                  std::move(note));
                    break;
                case LedgerAction::struck_off:
                    expect(true);
                    ledger.strike_off(ledger.find_problem(item), date, std::move(actor), std::move(note));
                    break;
                default:
                    break;  // created and unverified are handled above
            }
        });
    }
    for (const ProblemRow& row : problem_rows) {
        if (!row.created) {
            throw InvalidInput("problem " + row.input.number + " has no created row in history.csv",
                               Location{"problems.csv", row.line, "number"});
        }
        const Problem& p = ledger.problem(ledger.find_problem(row.input.number));
        if (row.status && *row.status != p.status) {
            throw InvalidInput("status " + std::string(to_string(*row.status)) + " disagrees with history.csv, which leaves " +
                                   std::string(to_string(p.status)),
                               Location{"problems.csv", row.line, "status"});
        }
    }
    for (const MeasureRow& row : measure_rows) {
        if (!row.created) {
            throw InvalidInput("measure " + row.input.number + " has no created row in history.csv",
                               Location{"measures.csv", row.line, "number"});
        }
        const Measure& m = ledger.measure(ledger.find_measure(row.input.number));
        if (row.status && *row.status != m.status) {
            throw InvalidInput("status " + std::string(to_string(*row.status)) + " disagrees with history.csv, which leaves " +
                                   std::string(to_string(m.status)),
                               Location{"measures.csv", row.line, "status"});
        }
    }
    if (current_links(ledger) != listed) {
        throw InvalidInput("links.csv does not list the links history.csv leaves (" +
                           std::to_string(current_links(ledger).size()) + " links, links.csv has " +
                           std::to_string(listed.size()) + ")",
                           Location{"links.csv", 0, ""});
    }
    return ledger;
}

DualLedger DualLedger::read_csv(const std::filesystem::path& folder) {
    const std::string problems = detail::read_text_file(folder / "problems.csv");
    const std::string measures = detail::read_text_file(folder / "measures.csv");
    const std::string links = detail::read_text_file(folder / "links.csv");
    const std::filesystem::path history_file = folder / "history.csv";
    const std::string history = std::filesystem::exists(history_file) ? detail::read_text_file(history_file) : std::string();
    return parse_csv(problems, measures, links, history);
}

void DualLedger::write_csv(const std::filesystem::path& folder) const {
    const std::pair<const char*, std::string> tables[] = {{"problems.csv", problems_csv()},
                                                          {"measures.csv", measures_csv()},
                                                          {"links.csv", links_csv()},
                                                          {"history.csv", history_csv()}};
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) throw FileError("cannot create folder " + folder.string() + ": " + error.message());
    std::vector<std::pair<std::filesystem::path, std::string_view>> files;
    for (const auto& [name, text] : tables) files.emplace_back(folder / name, text);
    write_files_atomically(files);
}

}  // namespace grassroots
