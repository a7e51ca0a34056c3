// The value types of the dual ledger: OwnerUnit (责任单位), ProblemSource, LedgerEntry.
#include <pybind11/stl.h>

#include <cstdint>
#include <string>
#include <utility>

#include "casters.hpp"
#include "ledger.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_ledger_values(py::module_& m) {
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

    py::class_<LedgerRefusal> refusal_class(
        m, "LedgerRefusal",
        "A refused attempt on the ledger (PermissionDenied or RuleViolation): the trace it leaves; repeats in a row "
        "are merged with a count.");
    refusal_class.def(py::init([](Date date, std::string actor, std::string item, std::string rule, std::string reason,
                                  std::uint64_t count) {
                          return LedgerRefusal{date, std::move(actor), std::move(item), std::move(rule), std::move(reason), count};
                      }),
                      py::arg("date"), py::arg("actor"), py::arg("item"), py::arg("rule"), py::arg("reason"), py::arg("count") = 1);
    field(refusal_class, "date", &LedgerRefusal::date, "Date of the latest such attempt.");
    field(refusal_class, "actor", &LedgerRefusal::actor, "Who tried (normalised).");
    field(refusal_class, "item", &LedgerRefusal::item, "Number of the problem or measure ('P0001').");
    field(refusal_class, "rule", &LedgerRefusal::rule, "Rule id of the RuleViolationError, or 'permission'.");
    field(refusal_class, "reason", &LedgerRefusal::reason, "The error's message.");
    field(refusal_class, "count", &LedgerRefusal::count, "How many attempts in a row this entry stands for.");
    add_value_protocol(refusal_class, {"date", "actor", "item", "rule", "reason", "count"});
}

}  // namespace grassroots::python
