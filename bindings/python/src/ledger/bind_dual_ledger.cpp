// The dual ledger (双台账) itself: entering and changing items, raising problems from consultation
// decisions and from cases, queries, reports and CSV. The *_frame() methods are Python
// (grassroots/ledger/_pandas.py).
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "casters.hpp"
#include "grassroots/autonomy/chain.hpp"
#include "grassroots/autonomy/consultation.hpp"
#include "grassroots/error.hpp"
#include "ledger.hpp"
#include "value_types.hpp"
#include "workflow/engine_box.hpp"

namespace grassroots::python {

namespace {

using CaseArgument = std::variant<CaseId, CodeText>;  // an id, or the case number "C000001"

template <class T>
std::vector<T> copy_of(std::span<const T> items) {
    return std::vector<T>(items.begin(), items.end());
}

/// Entering and changing items; raising problems from decisions and cases.
void def_changes(py::class_<DualLedger>& cls) {
    cls
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
            [](DualLedger& l, EngineBox& engine, const CaseArgument& case_id, Date raised, Date due, std::string actor,
               std::string title) {
                const EngineLock lock(engine);
                const CaseEngine& cases = engine.engine;
                const CaseId id = std::holds_alternative<CaseId>(case_id) ? std::get<CaseId>(case_id)
                                                                          : cases.find_case(std::get<CodeText>(case_id).utf8);
                return l.raise_from_case(cases, id, raised, due, std::move(actor), std::move(title));
            },
            py::arg("engine"), py::arg("case"), py::arg("raised"), py::arg("due"), py::arg("actor"),
            py::arg("title") = "",
            "Raises a problem from a case of a grassroots.CaseEngine (case: id or number): its description (or "
            "title), its unit and assigned primary unit as owner; source CASE with the case number.");
}

/// Queries, the report, CSV and the repr.
void def_queries(py::class_<DualLedger>& cls) {
    cls
        .def("problem", &DualLedger::problem, py::arg("id"), "A copy of problem id (NotFoundError).")
        .def("measure", &DualLedger::measure, py::arg("id"), "A copy of measure id (NotFoundError).")
        .def_property_readonly("problems", [](const DualLedger& l) { return copy_of(l.problems()); },
                               "Every problem (copies), by id.")
        .def_property_readonly("measures", [](const DualLedger& l) { return copy_of(l.measures()); },
                               "Every measure (copies), by id.")
        .def("find_problem", &DualLedger::find_problem, py::arg("number"), "The id of a problem number (NotFoundError).")
        .def("find_measure", &DualLedger::find_measure, py::arg("number"), "The id of a measure number (NotFoundError).")
        .def("refusals", &DualLedger::refusals, "The refused attempts kept (LedgerRefusal), oldest first.")
        .def_property_readonly("refusals_dropped", &DualLedger::refusals_dropped,
                               "Number of refused attempts dropped from refusals() to keep it within refusal_limit.")
        .def_property("refusal_limit", &DualLedger::refusal_limit, &DualLedger::set_refusal_limit,
                      "At most how many refusal entries are kept (default 1000); setting it drops the oldest beyond it.")
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
        .def("__repr__", [](const DualLedger& l) {
            std::size_t struck = 0;
            for (const Problem& p : l.problems()) struck += p.status == ProblemStatus::struck_off ? 1 : 0;
            return "<DualLedger " + std::to_string(l.problems().size()) + " problems (" + std::to_string(struck) +
                   " struck off), " + std::to_string(l.measures().size()) + " measures>";
        });
}

}  // namespace

void bind_dual_ledger(py::module_& m) {
    py::class_<DualLedger> cls(m, "DualLedger",
                               "The dual ledger (双台账): a problem ledger and a measure ledger linked many-to-many. A "
                               "problem is struck off (销号) only when every linked measure is done and the result was "
                               "verified by someone other than the measures' responsible people and closers.");
    def_changes(cls);
    def_queries(cls);
}

}  // namespace grassroots::python
