// The values of one report row: KpiCounts, KpiRates, TimeToClose and KpiRow (rates None where the
// denominator is 0).
#include <pybind11/stl.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "analytics/analytics.hpp"
#include "analytics/support.hpp"
#include "casters.hpp"
#include "value_types.hpp"

namespace grassroots::python {

namespace {

std::optional<double> number_or_none(double value) { return std::isnan(value) ? std::nullopt : std::optional<double>(value); }
double nan_if_none(const std::optional<double>& value) { return value ? *value : KpiRates::none; }

}  // namespace

void bind_kpi_counts(py::module_& m) {
    py::class_<KpiCounts> counts(m, "KpiCounts", "Counts of one report row: the numerators and denominators of every KPI.");
    counts.def(py::init([](std::int64_t cases, std::int64_t deferred, std::int64_t with_deadline,
                           std::int64_t deferred_with_deadline, std::int64_t closed, std::int64_t closed_deferred,
                           std::int64_t closed_after_cutoff, std::int64_t on_time, std::int64_t on_time_deferred,
                           std::int64_t closed_late, std::int64_t overdue_open, std::int64_t rated, std::int64_t responded,
                           std::int64_t resolved, std::int64_t satisfied, std::int64_t reworks, std::int64_t reworked,
                           std::int64_t escalations) {
                   return KpiCounts{cases,     deferred,         with_deadline, deferred_with_deadline, closed,
                                    closed_deferred, closed_after_cutoff, on_time, on_time_deferred, closed_late,
                                    overdue_open, rated,         responded,     resolved,  satisfied,
                                    reworks,   reworked,         escalations};
               }),
               py::arg("cases") = 0, py::arg("deferred") = 0, py::arg("with_deadline") = 0,
               py::arg("deferred_with_deadline") = 0, py::arg("closed") = 0, py::arg("closed_deferred") = 0,
               py::arg("closed_after_cutoff") = 0, py::arg("on_time") = 0, py::arg("on_time_deferred") = 0,
               py::arg("closed_late") = 0, py::arg("overdue_open") = 0, py::arg("rated") = 0, py::arg("responded") = 0,
               py::arg("resolved") = 0, py::arg("satisfied") = 0, py::arg("reworks") = 0, py::arg("reworked") = 0,
               py::arg("escalations") = 0,
               "Counts (all 0 by default).");
    std::vector<const char*> count_names;
    for (const auto& [name, member] : count_fields) {
        counts.def_property_readonly(name, [member = member](const KpiCounts& c) { return c.*member; },
                                     "A count (see KpiCounts in docs/analytics.md).");
        count_names.push_back(name);
    }
    counts.def(
        "__add__", [](KpiCounts a, const KpiCounts& b) { return a += b; }, py::arg("other"), "Member-by-member sum.");
    add_value_protocol(counts, count_names);

    py::class_<KpiRates> rates(m, "KpiRates", "The rates of one row; None where the denominator is 0 (never 0).");
    rates.def(py::init([](const std::optional<double>& closure, const std::optional<double>& on_time_closure,
                          const std::optional<double>& response, const std::optional<double>& resolution,
                          const std::optional<double>& satisfaction, const std::optional<double>& rework,
                          const std::optional<double>& rework_share) {
                  return KpiRates{nan_if_none(closure),      nan_if_none(on_time_closure),  nan_if_none(response),
                                  nan_if_none(resolution),   nan_if_none(satisfaction),     nan_if_none(rework),
                                  nan_if_none(rework_share)};
              }),
              py::arg("closure") = py::none(), py::arg("on_time_closure") = py::none(), py::arg("response") = py::none(),
              py::arg("resolution") = py::none(), py::arg("satisfaction") = py::none(),
              py::arg("rework") = py::none(), py::arg("rework_share") = py::none(), "Rates (None = no denominator).");
    const std::pair<const char*, const char*> rate_docs[] = {
        {"closure", "结案率 = closed / cases."},
        {"on_time_closure", "按期结案率 = on_time / with_deadline."},
        {"response", "响应率 = responded / rated."},
        {"resolution", "解决率 = resolved / rated."},
        {"satisfaction", "满意率 = satisfied / rated."},
        {"rework", "返工率 (rework_rate) = reworks / cases: failed verifications per case."},
        {"rework_share", "Share of cases reworked = reworked / cases."},
    };
    std::vector<const char*> rate_names;
    for (std::size_t k = 0; k < std::size(rate_fields); ++k) {
        const auto member = rate_fields[k].second;
        rates.def_property_readonly(rate_docs[k].first, [member](const KpiRates& r) { return number_or_none(r.*member); },
                                    rate_docs[k].second);
        rate_names.push_back(rate_docs[k].first);
    }
    add_value_protocol(rates, rate_names, {.hash = true, .pickle = true});
    rates.def_property_readonly(
        "reworks_per_case",
        [](const KpiRates& r) {
            if (PyErr_WarnEx(PyExc_DeprecationWarning, "KpiRates.reworks_per_case is now KpiRates.rework (the KPI rework_rate)", 1) < 0) {
                throw py::error_already_set();
            }
            return number_or_none(r.rework);
        },
        "Deprecated: the old name of rework (the KPI rework_rate).");
    m.def("parse_rating_value", &parse_rating_value, py::arg("value"),
          "A rating field's value as yes (True) or no (False): yes/true/1/是 or no/false/0/否, ASCII case ignored; "
          "InvalidInputError otherwise.");
    m.def("compute_rates", &compute_rates, py::arg("counts"), py::arg("exclude_deferred") = false,
          "The rates of counts; exclude_deferred leaves deferred cases out of 结案率 and 按期结案率.");

    py::class_<TimeToClose> time(m, "TimeToClose",
                                 "Time-to-close percentiles of the cases closed before the cut-off (None when none): hours "
                                 "rounded up and capped, working days after the filing day; linear interpolation.");
    time.def(py::init([](std::int64_t closed, const std::optional<double>& h50, const std::optional<double>& h90,
                         const std::optional<double>& h95, const std::optional<double>& d50, const std::optional<double>& d90,
                         const std::optional<double>& d95) {
                 return TimeToClose{closed, nan_if_none(h50), nan_if_none(h90), nan_if_none(h95),
                                    nan_if_none(d50), nan_if_none(d90), nan_if_none(d95)};
             }),
             py::arg("closed") = 0, py::arg("hours_p50") = py::none(), py::arg("hours_p90") = py::none(),
             py::arg("hours_p95") = py::none(), py::arg("working_days_p50") = py::none(),
             py::arg("working_days_p90") = py::none(), py::arg("working_days_p95") = py::none(), "Percentiles.");
    field(time, "closed", &TimeToClose::closed, "Closed cases measured.");
    std::vector<const char*> time_names{"closed"};
    for (const auto& [name, member] : time_fields) {
        time.def_property_readonly(name, [member = member](const TimeToClose& t) { return number_or_none(t.*member); },
                                   "A percentile (None when nothing closed; working days None without a calendar).");
        time_names.push_back(name);
    }
    add_value_protocol(time, time_names);

    py::class_<KpiRow> row(m, "KpiRow", "One report row: a unit, grid or matter (and a time bucket) with counts and rates.");
    row.def_property_readonly("index", [](const KpiRow& r) { return r.index; },
                              "Unit index (DivisionTree order), grid index or matter index, by the report part.")
        .def_property_readonly("bucket", [](const KpiRow& r) { return r.bucket < 0 ? std::nullopt : std::optional<int>(r.bucket); },
                               "Time bucket index (BucketReport), None for the whole period.")
        .def_property_readonly("counts", [](const KpiRow& r) { return r.counts; }, "Numerators and denominators.")
        .def_property_readonly("rates", [](const KpiRow& r) { return r.rates; }, "Rates of counts.")
        .def_property_readonly("time_to_close", [](const KpiRow& r) { return r.time_to_close; },
                               "Percentiles (None in bucket reports).");
    add_value_protocol(row, {"index", "bucket", "counts", "rates", "time_to_close"}, {.hash = false, .pickle = false});
}

}  // namespace grassroots::python
