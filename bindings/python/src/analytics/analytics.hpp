// The analytics area's binding functions (bindings.cpp calls them in this order).
#pragma once

#include <pybind11/pybind11.h>

namespace grassroots::python {

namespace py = pybind11;

/// PeriodBasis, OnTimeRule, TimeBucket, KpiDefinition, kpi_definitions and kpi_definition.
void bind_kpi_definitions(py::module_& m);
/// KpiCounts, KpiRates, parse_rating_value, compute_rates, TimeToClose and KpiRow.
void bind_kpi_counts(py::module_& m);
/// KpiOptions.
void bind_kpi_options(py::module_& m);
/// CaseTable.
void bind_case_table(py::module_& m);
/// KpiReport, BucketReport, compute_kpis and compute_kpis_by_bucket.
void bind_kpi_reports(py::module_& m);

}  // namespace grassroots::python
