// The report of the dual ledger: counts per owner unit over a period (to_pandas() is Python).
#include <pybind11/stl.h>

#include <string>

#include "casters.hpp"
#include "ledger.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_ledger_report(py::module_& m) {
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
        .def("__repr__", [](const LedgerReport& r) {
            return "<LedgerReport " + to_string(r.from) + " … " + to_string(r.to) + ": " + std::to_string(r.rows.size()) +
                   " units, " + std::to_string(r.total.open) + " open, " + std::to_string(r.total.struck_off) +
                   " struck off>";
        });
}

}  // namespace grassroots::python
