// PeriodBasis, OnTimeRule and TimeBucket (from their name tables), and the KPI definitions as data.
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "analytics/analytics.hpp"
#include "analytics/support.hpp"
#include "casters.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_kpi_definitions(py::module_& m) {
    bind_enum<PeriodBasis>(m, "PeriodBasis", "Which cases belong to a period.");
    bind_enum<OnTimeRule>(m, "OnTimeRule", "When a closed case counts as closed on time (按期).");
    bind_enum<TimeBucket>(m, "TimeBucket", "Width of the time buckets of compute_kpis_by_bucket().");

    py::class_<KpiDefinition> definition(m, "KpiDefinition", "One KPI as published: id, names, formula, source and options.");
    definition
        .def(py::init([](std::string id, std::string name, std::string chinese_name, std::string formula, std::string source,
                         bool verified, std::string options) {
                 return KpiDefinition{std::move(id), std::move(name), std::move(chinese_name), std::move(formula),
                                      std::move(source), verified, std::move(options)};
             }),
             py::arg("id"), py::arg("name"), py::arg("chinese_name"), py::arg("formula"), py::arg("source"),
             py::arg("verified") = false, py::arg("options") = "", "A definition (kpi_definitions() lists the library's).");
    field(definition, "id", &KpiDefinition::id, "Stable id ('closure_rate').");
    field(definition, "name", &KpiDefinition::name, "English name.");
    field(definition, "chinese_name", &KpiDefinition::chinese_name, "The Chinese term (结案率).");
    field(definition, "formula", &KpiDefinition::formula, "The formula over the counts of KpiCounts.");
    field(definition, "source", &KpiDefinition::source, "Where the definition comes from.");
    field(definition, "verified", &KpiDefinition::verified, "True when the formula was checked against published figures.");
    field(definition, "options", &KpiDefinition::options, "The KpiOptions that change it ('' if none).");
    add_value_protocol(definition, {"id", "name", "chinese_name", "formula", "source", "verified", "options"});
    m.def(
        "kpi_definitions", [] { return std::vector<KpiDefinition>(kpi_definitions().begin(), kpi_definitions().end()); },
        "Every KPI the reports compute, in report order.");
    m.def("kpi_definition", &kpi_definition, py::arg("id"), "The definition with this id; NotFoundError.");
}

}  // namespace grassroots::python
