// The evidence a review reads: values, ReviewEvidence, handled cases and the evidence read from a
// CaseEngine. ReviewEvidence.to_pandas is Python (grassroots/people/_pandas.py).
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "grassroots/people/case_evidence.hpp"
#include "grassroots/people/review.hpp"
#include "workflow/engine_box.hpp"
#include "casters.hpp"
#include "people/people.hpp"
#include "people/support.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_review_evidence(py::module_& m) {
    py::class_<EvidenceValue> value_class(m, "EvidenceValue",
                                          "One number read by a review: a worker's value for an evidence key.");
    value_class.def(py::init([](std::string worker, std::string key, double value, std::string where) {
                        return EvidenceValue{std::move(worker), std::move(key), value, Location{std::move(where), 0, {}}};
                    }),
                    py::arg("worker"), py::arg("key"), py::arg("value"), py::arg("where") = "");
    field(value_class, "worker", &EvidenceValue::worker, "Staff id.");
    field(value_class, "key", &EvidenceValue::key, "Evidence key.");
    field(value_class, "value", &EvidenceValue::value, "The number (≥ 0).");
    value_class.def_property_readonly(
        "where", [](const EvidenceValue& v) { return v.where.to_string(); },
        "Where it came from ('evidence.csv, row 3, field \\'cases\\''), or ''.");
    add_value_protocol(value_class, {"worker", "key", "value", "where"});

    py::class_<ReviewEvidence>(m, "ReviewEvidence",
                               "The evidence of one review period: at most one finite value ≥ 0 per worker and key.")
        .def(py::init<>(), "No evidence yet.")
        .def(
            "set",
            [](ReviewEvidence& e, std::string worker, std::string key, double value) {
                e.set(std::move(worker), std::move(key), value);
            },
            py::arg("worker"), py::arg("key"), py::arg("value"),
            "Records a value; InvalidInputError for a negative or non-finite value or one already given.")
        .def("find", &ReviewEvidence::find, py::arg("worker"), py::arg("key"), "The value, or None.")
        .def_property_readonly("values", [](const ReviewEvidence& e) { return copy_of(e.values()); },
                               "Every value (EvidenceValue), in the order given.")
        .def("__len__", &ReviewEvidence::size)
        .def("merge", &ReviewEvidence::merge, py::arg("other"),
             "Adds every value of another ReviewEvidence; all or nothing (InvalidInputError for a value in both).")
        .def_static(
            "from_mapping",
            [](const std::map<std::string, std::map<std::string, double>>& values) {
                ReviewEvidence out;
                for (const auto& [worker, keys] : values) {
                    for (const auto& [key, value] : keys) out.set(worker, key, value);
                }
                return out;
            },
            py::arg("values"), "From {staff_id: {key: value}}.")
        .def_static("parse_csv", &ReviewEvidence::parse_csv, py::arg("text"), py::arg("source") = "<text>",
                    "Parses wide CSV: a 'worker' column and one column per evidence key (an empty cell is no value); "
                    "errors name the source, line and column.")
        .def_static("read_csv", &ReviewEvidence::read_csv, py::arg("path"), "Reads such a CSV file (gzip allowed).");

    py::class_<HandledCase> handled_class(m, "HandledCase",
                                          "One handled case as a review reads it: handler, when handled, when due.");
    handled_class.def(py::init([](std::string actor, Instant handled_at, std::optional<Instant> handling_due) {
                          return HandledCase{std::move(actor), handled_at, handling_due};
                      }),
                      py::arg("actor"), py::arg("handled_at"), py::arg("handling_due") = py::none());
    field(handled_class, "actor", &HandledCase::actor, "The handler's actor id.");
    field(handled_class, "handled_at", &HandledCase::handled_at, "When it was handled.");
    field(handled_class, "handling_due", &HandledCase::handling_due, "Its handling deadline, or None.");
    add_value_protocol(handled_class, {"actor", "handled_at", "handling_due"});
    m.def(
        "evidence_from_handled_cases",
        [](const std::vector<HandledCase>& cases, const Workforce& workforce, Date first, Date last) {
            return evidence_from_handled_cases(cases, workforce, first, last);
        },
        py::arg("cases"), py::arg("workforce"), py::arg("first"), py::arg("last"),
        "cases_handled, cases_on_time and on_time_rate for every worker with an actor id, from the cases handled "
        "(a CST date) in [first, last]; on time when handled_at <= handling_due or without a deadline. Workers with "
        "no case get zero counts and no on_time_rate.");
    m.def(
        "evidence_from_cases",
        [](EngineBox& engine, const Workforce& workforce, Date first, Date last) {
            const Workforce workers = workforce;  // a copy: Python may change the workforce while the GIL is released
            return read_engine_without_gil(engine, [&](const CaseEngine& cases) {
                return evidence_from_cases(cases, workers, first, last);
            });
        },
        py::arg("engine"), py::arg("workforce"), py::arg("first"), py::arg("last"),
        "As evidence_from_handled_cases, from the cases of a CaseEngine: each handled case counts once, for its last "
        "handler (CaseState.handler), on its handled_at. NotFoundError names a worker whose actor id the engine does "
        "not have; InvalidInputError for first after last or two workers with the same actor id. Runs without the GIL.");
}

}  // namespace grassroots::python
