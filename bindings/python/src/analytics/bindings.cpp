// KPIs and roll-ups (analytics): the columnar case table, KPI definitions as data, the options, and
// the reports (per unit up the ladder, per grid, per matter; per time bucket).
//
// Tables made from arrays or from a pandas DataFrame are normalised in Python
// (grassroots/analytics/_tables.py) and reach C++ in one call; the pandas views are Python too
// (grassroots/analytics/_pandas.py) over the column primitives bound here. Rates whose denominator
// is 0 are None on the row objects and NaN in arrays and DataFrames. The computations run without the GIL.
#include "analytics/analytics.hpp"
#include "bindings.hpp"

namespace grassroots::python {

void bind_analytics(py::module_& m) {
    bind_kpi_definitions(m);
    bind_kpi_counts(m);
    bind_kpi_options(m);
    bind_case_table(m);
    bind_kpi_reports(m);
}

}  // namespace grassroots::python
