// The dual ledger (双台账): problems and measures linked many-to-many, 销号, reports, CSV.
//
// Problem and measure ids are plain ints in Python; problems, measures and history entries are
// returned as read-only copies. A problem raised from a case reads the case off a
// grassroots.CaseEngine through its Python API (state(), input(), assignment()).
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "bindings.hpp"
#include "casters.hpp"
#include "grassroots/autonomy/chain.hpp"
#include "grassroots/autonomy/consultation.hpp"
#include "grassroots/core/instant.hpp"
#include "grassroots/error.hpp"
#include "grassroots/ledger/ledger.hpp"
#include "grassroots/workflow/routing.hpp"
#include "ids.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"

namespace pybind11::detail {

template <>
struct type_caster<grassroots::ProblemId> : strong_id_caster<grassroots::ProblemId> {};
template <>
struct type_caster<grassroots::MeasureId> : strong_id_caster<grassroots::MeasureId> {};

}  // namespace pybind11::detail

namespace grassroots::python {

namespace {

py::object pandas_helper(const char* name) { return py::module_::import("grassroots._ledger_pandas").attr(name); }

std::optional<DivisionCode> optional_code(const std::optional<UnitArgument>& unit) {
    if (!unit) return std::nullopt;
    return to_code(*unit);
}

template <class T>
std::vector<T> copy_of(std::span<const T> items) {
    return std::vector<T>(items.begin(), items.end());
}

/// Reads what the ledger keeps of a case off a Python grassroots.CaseEngine.
CaseSource case_source(const py::object& engine, const py::object& case_id) {
    const py::object state = engine.attr("state")(case_id);
    const py::object filed = engine.attr("input")(case_id);
    const py::object assignment = engine.attr("assignment")(case_id);
    return CaseSource{.number = state.attr("number").cast<std::string>(),
                      .unit = state.attr("unit").cast<DivisionCode>(),
                      .filed = china_date(state.attr("opened_at").cast<Instant>()),
                      .matter = filed.attr("matter").cast<std::string>(),
                      .description = filed.attr("description").cast<std::string>(),
                      .state = state.attr("state_id").cast<std::string>(),
                      .primary = assignment.is_none() ? std::string() : assignment.attr("primary").cast<std::string>()};
}

}  // namespace

void bind_ledger(py::module_& m) {
    // ---- enums ----------------------------------------------------------------------------------
    bind_enum<ProblemStatus>(m, "ProblemStatus", "Status of a problem of the dual ledger.", "整改中, 已核查 or 已销号.");
    bind_enum<MeasureStatus>(m, "MeasureStatus", "Status of a measure of the dual ledger.",
                             {{"OPEN", MeasureStatus::open, "未启动: planned, not started"},
                              {"IN_PROGRESS", MeasureStatus::in_progress, "推进中: being carried out (or reopened)"},
                              {"DONE", MeasureStatus::done, "已完成: carried out"}},
                             "未启动, 推进中 or 已完成.");
    bind_enum<LedgerAction>(m, "LedgerAction", "What a history entry of the dual ledger records.",
                            {{"CREATED", LedgerAction::created, "登记: the item was entered"},
                             {"LINKED", LedgerAction::linked, "关联: a problem and a measure were linked"},
                             {"UNLINKED", LedgerAction::unlinked, "取消关联: a link was removed"},
                             {"STARTED", LedgerAction::started, "启动: a measure was started"},
                             {"COMPLETED", LedgerAction::completed, "完成: a measure was done"},
                             {"REOPENED", LedgerAction::reopened, "重新打开: a measure or struck-off problem reopened"},
                             {"VERIFIED", LedgerAction::verified, "核查通过: the result was verified"},
                             {"REJECTED", LedgerAction::rejected, "核查未通过: verification failed"},
                             {"UNVERIFIED", LedgerAction::unverified, "核查失效: a verified problem's measures changed"},
                             {"STRUCK_OFF", LedgerAction::struck_off, "销号: the problem was struck off"}},
                            "The Chinese term, e.g. 销号.");
    bind_enum<ProblemSourceKind>(m, "ProblemSourceKind", "Where a problem came from.",
                                 {{"DIRECT", ProblemSourceKind::direct, "直接登记: entered directly"},
                                  {"CONSULTATION", ProblemSourceKind::consultation, "协商议事: a consultation decision"},
                                  {"CASE", ProblemSourceKind::workflow_case, "案件: a case of the case engine"}},
                                 "直接登记, 协商议事 or 案件.");

    // ---- value types ----------------------------------------------------------------------------
    py::class_<OwnerUnit> owner_class(m, "OwnerUnit",
                                      "The unit that owns an item (责任单位): a division code, a department, or both.");
    owner_class.def(py::init([](const std::optional<UnitArgument>& division, std::string department) {
                        return OwnerUnit{optional_code(division), std::move(department)};
                    }),
                    py::arg("division") = py::none(), py::arg("department") = "",
                    "An owner: division (str or DivisionCode, or None) and/or department.");
    field(owner_class, "division", &OwnerUnit::division, "The division (DivisionCode), or None.");
    field(owner_class, "department", &OwnerUnit::department, "The department ('' if none).");
    owner_class.def("__str__", &OwnerUnit::to_string, "'370502 市民政局', '370502' or '市民政局'.");
    add_value_protocol(owner_class, {"division", "department"});

    py::class_<ProblemSource> source_class(m, "ProblemSource", "Where a problem came from: kind and reference.");
    source_class.def(py::init([](ProblemSourceKind kind, std::string reference) {
                         return ProblemSource{kind, std::move(reference)};
                     }),
                     py::arg("kind") = ProblemSourceKind::direct, py::arg("reference") = "");
    field(source_class, "kind", &ProblemSource::kind, "Kind of source.");
    field(source_class, "reference", &ProblemSource::reference,
          "'C000012' for a case; '<unit>/<date>/<topic>#<decision>' for a consultation decision.");
    add_value_protocol(source_class, {"kind", "reference"});

    py::class_<LedgerEntry> entry_class(m, "LedgerEntry", "One immutable history entry of a problem or a measure.");
    entry_class.def(py::init([](std::uint64_t sequence, Date date, LedgerAction action, std::string actor,
                                std::string note, std::string other) {
                        return LedgerEntry{sequence, date, action, std::move(actor), std::move(note), std::move(other)};
                    }),
                    py::arg("sequence"), py::arg("date"), py::arg("action"), py::arg("actor"), py::arg("note") = "",
                    py::arg("other") = "");
    field(entry_class, "sequence", &LedgerEntry::sequence, "Position in the ledger's journal.");
    field(entry_class, "date", &LedgerEntry::date, "When.");
    field(entry_class, "action", &LedgerEntry::action, "What happened.");
    field(entry_class, "actor", &LedgerEntry::actor, "Who did it.");
    field(entry_class, "note", &LedgerEntry::note, "Free text.");
    field(entry_class, "other", &LedgerEntry::other, "Number of the other item (linked, unlinked, unverified), else ''.");
    add_value_protocol(entry_class, {"sequence", "date", "action", "actor", "note", "other"});

    py::class_<Problem> problem_class(m, "Problem", "A problem of the problem ledger (问题台账), as a read-only copy.");
    field(problem_class, "id", &Problem::id, "Dense id (int).");
    field(problem_class, "number", &Problem::number, "Unique number ('P0001' unless given).");
    field(problem_class, "title", &Problem::title, "What the problem is.");
    field(problem_class, "owner", &Problem::owner, "Who must solve it.");
    field(problem_class, "raised", &Problem::raised, "When it was entered.");
    field(problem_class, "due", &Problem::due, "When it must be struck off.");
    field(problem_class, "status", &Problem::status, "Current status.");
    field(problem_class, "source", &Problem::source, "Where it came from.");
    field(problem_class, "measures", &Problem::measures, "Ids of the linked measures, in link order.");
    field(problem_class, "history", &Problem::history, "Every change, oldest first.");
    field(problem_class, "struck_off_on", &Problem::struck_off_on, "Last 销号 (kept after a reopen), or None.");
    field(problem_class, "reopens", &Problem::reopens, "Times reopened after 销号.");
    problem_class.def("overdue", &Problem::overdue, py::arg("on"), "Not struck off and due before that day.")
        .def("struck_off_as_of", &Problem::struck_off_as_of, py::arg("on"), "Struck off at the end of that day.")
        .def("__repr__", [](const Problem& p) {
            return "<Problem " + p.number + " '" + p.title + "' " + std::string(to_string(p.status)) + ", " +
                   std::to_string(p.measures.size()) + " measures>";
        });
    add_value_protocol(problem_class,
                       {"id", "number", "title", "owner", "raised", "due", "status", "source", "measures", "history",
                        "struck_off_on", "reopens"},
                       {.repr = false, .hash = false, .pickle = false});

    py::class_<Measure> measure_class(m, "Measure", "A measure of the measure ledger (措施台账), as a read-only copy.");
    field(measure_class, "id", &Measure::id, "Dense id (int).");
    field(measure_class, "number", &Measure::number, "Unique number ('M0001' unless given).");
    field(measure_class, "title", &Measure::title, "What is to be done.");
    field(measure_class, "owner", &Measure::owner, "Who carries it out.");
    field(measure_class, "responsible", &Measure::responsible, "The person answering for it (责任人), '' if not named.");
    field(measure_class, "created", &Measure::created, "When it was entered.");
    field(measure_class, "due", &Measure::due, "When it must be done.");
    field(measure_class, "status", &Measure::status, "Current status.");
    field(measure_class, "problems", &Measure::problems, "Ids of the linked problems, in link order.");
    field(measure_class, "history", &Measure::history, "Every change, oldest first.");
    field(measure_class, "completed_on", &Measure::completed_on, "When it was last done (kept after a reopen), or None.");
    field(measure_class, "completed_by", &Measure::completed_by, "Who last marked it done.");
    measure_class.def("overdue", &Measure::overdue, py::arg("on"), "Not done and due before that day.")
        .def("done_as_of", &Measure::done_as_of, py::arg("on"), "Done at the end of that day.")
        .def("__repr__", [](const Measure& x) {
            return "<Measure " + x.number + " '" + x.title + "' " + std::string(to_string(x.status)) + ", " +
                   std::to_string(x.problems.size()) + " problems>";
        });
    add_value_protocol(measure_class,
                       {"id", "number", "title", "owner", "responsible", "created", "due", "status", "problems",
                        "history", "completed_on", "completed_by"},
                       {.repr = false, .hash = false, .pickle = false});

    py::class_<LedgerReportRow> row_class(m, "LedgerReportRow", "The counts of one owner unit over a report period.");
    field(row_class, "unit", &LedgerReportRow::unit, "The owner unit (rolled up when asked).");
    field(row_class, "problems", &LedgerReportRow::problems, "Problems raised on or before the period's end.");
    field(row_class, "raised", &LedgerReportRow::raised, "Problems raised within the period.");
    field(row_class, "open", &LedgerReportRow::open, "Problems not struck off at the end of the period.");
    field(row_class, "overdue", &LedgerReportRow::overdue, "Of those open, due before the period's last day.");
    field(row_class, "struck_off", &LedgerReportRow::struck_off, "Problems struck off within the period.");
    field(row_class, "reopened", &LedgerReportRow::reopened, "Reopen entries of problems within the period.");
    field(row_class, "measures", &LedgerReportRow::measures, "Measures created on or before the period's end.");
    field(row_class, "measures_open", &LedgerReportRow::measures_open, "Measures not done at the end of the period.");
    field(row_class, "measures_overdue", &LedgerReportRow::measures_overdue, "Of those, due before the last day.");
    field(row_class, "measures_done", &LedgerReportRow::measures_done, "Measures completed within the period.");
    add_value_protocol(row_class,
                       {"unit", "problems", "raised", "open", "overdue", "struck_off", "reopened", "measures",
                        "measures_open", "measures_overdue", "measures_done"},
                       {.pickle = false});

    py::class_<LedgerReport>(m, "LedgerReport", "Open / overdue / struck-off counts per owner unit over [start, end].")
        .def_property_readonly("start", [](const LedgerReport& r) { return r.from; }, "First day of the period.")
        .def_property_readonly("end", [](const LedgerReport& r) { return r.to; }, "Last day of the period.")
        .def_property_readonly("rows", [](const LedgerReport& r) { return r.rows; }, "One row per owner unit.")
        .def_property_readonly("total", [](const LedgerReport& r) { return r.total; }, "The sums (unit empty).")
        .def(
            "to_pandas", [](const py::object& self) { return pandas_helper("report_frame")(self); },
            "One row per owner unit: division, department and the counts. Needs pandas.")
        .def("__repr__", [](const LedgerReport& r) {
            return "<LedgerReport " + to_string(r.from) + " … " + to_string(r.to) + ": " + std::to_string(r.rows.size()) +
                   " units, " + std::to_string(r.total.open) + " open, " + std::to_string(r.total.struck_off) +
                   " struck off>";
        });

    // ---- the ledger -----------------------------------------------------------------------------
    py::class_<DualLedger>(m, "DualLedger",
                           "The dual ledger (双台账): a problem ledger and a measure ledger linked many-to-many. A "
                           "problem is struck off (销号) only when every linked measure is done and the result was "
                           "verified by someone other than the measures' responsible people and closers.")
        .def(py::init<>(), "An empty ledger.")
        .def(
            "add_problem",
            [](DualLedger& l, std::string title, Date raised, Date due, std::string actor,
               const std::optional<UnitArgument>& division, std::string department, std::string number,
               std::string note, ProblemSourceKind source_kind, std::string source_reference) {
                ProblemInput input;
                input.title = std::move(title);
                input.owner = OwnerUnit{optional_code(division), std::move(department)};
                input.raised = raised;
                input.due = due;
                input.actor = std::move(actor);
                input.number = std::move(number);
                input.note = std::move(note);
                input.source = ProblemSource{source_kind, std::move(source_reference)};
                return l.add_problem(std::move(input));
            },
            py::arg("title"), py::arg("raised"), py::arg("due"), py::arg("actor"), py::kw_only(),
            py::arg("division") = py::none(), py::arg("department") = "", py::arg("number") = "", py::arg("note") = "",
            py::arg("source_kind") = ProblemSourceKind::direct, py::arg("source_reference") = "",
            "Enters a problem owned by division and/or department; returns its id. InvalidInputError for an empty "
            "title or actor, no owner, due before raised, a repeated number or source reference.")
        .def(
            "add_measure",
            [](DualLedger& l, std::string title, Date created, Date due, std::string actor,
               const std::optional<UnitArgument>& division, std::string department, std::string responsible,
               std::string number, std::string note) {
                MeasureInput input;
                input.title = std::move(title);
                input.owner = OwnerUnit{optional_code(division), std::move(department)};
                input.responsible = std::move(responsible);
                input.created = created;
                input.due = due;
                input.actor = std::move(actor);
                input.number = std::move(number);
                input.note = std::move(note);
                return l.add_measure(std::move(input));
            },
            py::arg("title"), py::arg("created"), py::arg("due"), py::arg("actor"), py::kw_only(),
            py::arg("division") = py::none(), py::arg("department") = "", py::arg("responsible") = "",
            py::arg("number") = "", py::arg("note") = "",
            "Enters a measure; returns its id. The responsible person (责任人) may not verify problems it serves.")
        .def("link", &DualLedger::link, py::arg("problem"), py::arg("measure"), py::arg("date"), py::arg("actor"),
             py::arg("note") = "", "Links a problem and a measure (InvalidInputError when already linked).")
        .def("unlink", &DualLedger::unlink, py::arg("problem"), py::arg("measure"), py::arg("date"), py::arg("actor"),
             py::arg("note") = "", "Removes a link (InvalidInputError when not linked).")
        .def("start", &DualLedger::start, py::arg("measure"), py::arg("date"), py::arg("actor"), py::arg("note") = "",
             "Starts a measure (open → in_progress).")
        .def("complete", &DualLedger::complete, py::arg("measure"), py::arg("date"), py::arg("actor"),
             py::arg("note") = "", "Marks a measure done; the actor is its closer.")
        .def("reopen_measure", &DualLedger::reopen_measure, py::arg("measure"), py::arg("date"), py::arg("actor"),
             py::arg("note") = "", "Reopens a done measure; verified problems it serves become open again.")
        .def("verify", &DualLedger::verify, py::arg("problem"), py::arg("date"), py::arg("actor"),
             py::arg("passed") = true, py::arg("note") = "",
             "Records the verification (核查) of a problem's result. RuleViolationError when measures are missing or "
             "not done; PermissionDeniedError when the verifier is a linked measure's responsible person or closer.")
        .def("strike_off", &DualLedger::strike_off, py::arg("problem"), py::arg("date"), py::arg("actor"),
             py::arg("note") = "",
             "Strikes a verified problem off (销号); RuleViolationError naming the blocking measures otherwise.")
        .def("reopen_problem", &DualLedger::reopen_problem, py::arg("problem"), py::arg("date"), py::arg("actor"),
             py::arg("note") = "", "Reopens a struck-off problem (recorded; counted in Problem.reopens).")
        .def(
            "raise_from_decision",
            [](DualLedger& l, const AutonomyChain& chain, const ConsultationMeeting& meeting, std::int64_t decision,
               Date raised, std::string actor, std::string department) {
                if (decision < 0) {
                    throw NotFound("consultation meeting '" + meeting.topic() + "' has no decision " +
                                   std::to_string(decision) + " (it has " + std::to_string(meeting.decisions().size()) +
                                   ")");
                }
                return l.raise_from_decision(chain, meeting, static_cast<std::size_t>(decision), raised,
                                             std::move(actor), std::move(department));
            },
            py::arg("chain"), py::arg("meeting"), py::arg("decision"), py::arg("raised"), py::arg("actor"),
            py::arg("department") = "",
            "Raises a problem from a consultation decision: its text and due date, the chain's unit as owner. "
            "InvalidInputError for a cancelled decision, one raised before, or a date before the meeting.")
        .def(
            "raise_from_case",
            [](DualLedger& l, const py::object& engine, const std::variant<std::int64_t, std::string>& case_id,
               Date raised, Date due, std::string actor, std::string title) {
                return l.raise_from_case(case_source(engine, py::cast(case_id)), raised, due, std::move(actor),
                                         std::move(title));
            },
            py::arg("engine"), py::arg("case"), py::arg("raised"), py::arg("due"), py::arg("actor"),
            py::arg("title") = "",
            "Raises a problem from a case of a grassroots.CaseEngine (case: id or number): its description (or "
            "title), its unit and assigned primary unit as owner; source CASE with the case number.")
        .def("problem", &DualLedger::problem, py::arg("id"), "A copy of problem id (NotFoundError).")
        .def("measure", &DualLedger::measure, py::arg("id"), "A copy of measure id (NotFoundError).")
        .def_property_readonly("problems", [](const DualLedger& l) { return copy_of(l.problems()); },
                               "Every problem (copies), by id.")
        .def_property_readonly("measures", [](const DualLedger& l) { return copy_of(l.measures()); },
                               "Every measure (copies), by id.")
        .def("find_problem", &DualLedger::find_problem, py::arg("number"), "The id of a problem number (NotFoundError).")
        .def("find_measure", &DualLedger::find_measure, py::arg("number"), "The id of a measure number (NotFoundError).")
        .def("blocking_measures", &DualLedger::blocking_measures, py::arg("problem"),
             "Ids of the linked measures that are not done.")
        .def("problems_without_measures", &DualLedger::problems_without_measures, "Ids of problems with no measure.")
        .def("measures_without_problems", &DualLedger::measures_without_problems, "Ids of measures with no problem.")
        .def("overdue_problems", &DualLedger::overdue_problems, py::arg("on"), "Ids of problems overdue on a day.")
        .def("overdue_measures", &DualLedger::overdue_measures, py::arg("on"), "Ids of measures overdue on a day.")
        .def(
            "report",
            [](const DualLedger& l, Date start, Date end, std::optional<Level> roll_up) {
                return l.report(start, end, roll_up);
            },
            py::arg("start"), py::arg("end"), py::arg("roll_up") = py::none(),
            "Counts per owner unit over [start, end], from the histories; roll_up (a Level) replaces deeper division "
            "codes by their ancestor at that level. InvalidInputError when end is before start.")
        .def("problems_csv", &DualLedger::problems_csv,
             "problems.csv: number,title,division,department,raised,due,source_kind,source_reference,status.")
        .def("measures_csv", &DualLedger::measures_csv,
             "measures.csv: number,title,division,department,responsible,created,due,status.")
        .def("links_csv", &DualLedger::links_csv, "links.csv: problem,measure,date,actor.")
        .def("history_csv", &DualLedger::history_csv,
             "history.csv: sequence,ledger,item,date,action,actor,note,other — the journal in order.")
        .def_static("parse_csv", &DualLedger::parse_csv, py::arg("problems"), py::arg("measures"), py::arg("links"),
                    py::arg("history") = "",
                    "Reads the tables back: without history, items and links (every status open); with it, the "
                    "journal is replayed through the rules. InvalidInputError naming file, row and field.")
        .def_static("read_csv", &DualLedger::read_csv, py::arg("folder"),
                    "parse_csv() of problems.csv, measures.csv, links.csv and (if present) history.csv in a folder.")
        .def("write_csv", &DualLedger::write_csv, py::arg("folder"), "Writes the four tables into a folder.")
        .def(
            "problems_frame",
            [](const py::object& self, const std::optional<Date>& on) { return pandas_helper("problems_frame")(self, on); },
            py::arg("on") = py::none(),
            "One row per problem (index: number): title, division, department, raised, due, status, source_kind, "
            "source_reference, measures, struck_off_on, reopens, and overdue (on that day) when on is given. "
            "Needs pandas.")
        .def(
            "measures_frame",
            [](const py::object& self, const std::optional<Date>& on) { return pandas_helper("measures_frame")(self, on); },
            py::arg("on") = py::none(),
            "One row per measure (index: number): title, division, department, responsible, created, due, status, "
            "problems, completed_on, completed_by, and overdue when on is given. Needs pandas.")
        .def(
            "links_frame", [](const py::object& self) { return pandas_helper("links_frame")(self); },
            "One row per link: problem and measure numbers. Needs pandas.")
        .def(
            "history_frame", [](const py::object& self) { return pandas_helper("history_frame")(self); },
            "One row per history entry of both ledgers, in journal order. Needs pandas.")
        .def("__repr__", [](const DualLedger& l) {
            std::size_t struck = 0;
            for (const Problem& p : l.problems()) struck += p.status == ProblemStatus::struck_off ? 1 : 0;
            return "<DualLedger " + std::to_string(l.problems().size()) + " problems (" + std::to_string(struck) +
                   " struck off), " + std::to_string(l.measures().size()) + " measures>";
        });
}

}  // namespace grassroots::python
