// The reports: KpiReport (per unit up the ladder, per grid, per matter) and BucketReport (per unit and time
// bucket), and compute_kpis / compute_kpis_by_bucket, which run without the GIL. A report keeps its tree
// and a copy of its options alive in C++ (analytics/support.hpp, Holding). The reports' _columns() are the primitives of their to_pandas(), which is
// Python (grassroots/analytics/_pandas.py).
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "errors/warnings.hpp"
#include "grassroots/error.hpp"
#include "analytics/analytics.hpp"
#include "analytics/support.hpp"
#include "casters.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"

namespace grassroots::python {

namespace {

/// index, bucket, every count, rate and percentile of @p rows as arrays.
StringDict row_columns(std::span<const KpiRow> rows, bool percentiles) {
    StringDict out;
    const auto n = static_cast<py::ssize_t>(rows.size());
    py::array_t<std::int64_t> index(n);
    py::array_t<std::int32_t> bucket(n);
    for (py::ssize_t i = 0; i < n; ++i) {
        index.mutable_data()[i] = rows[static_cast<std::size_t>(i)].index;
        bucket.mutable_data()[i] = rows[static_cast<std::size_t>(i)].bucket;
    }
    out["index"] = index;
    out["bucket"] = bucket;
    // One array per field of @p fields, read from each row through @p part.
    const auto add = [&](const auto& fields, auto part) {
        for (const auto& [name, member] : fields) {
            using Value = std::remove_cvref_t<decltype(part(rows[0]).*member)>;
            py::array_t<Value> column(n);
            for (py::ssize_t i = 0; i < n; ++i) column.mutable_data()[i] = part(rows[static_cast<std::size_t>(i)]).*member;
            out[name] = column;
        }
    };
    add(count_fields, [](const KpiRow& row) -> const KpiCounts& { return row.counts; });
    add(rate_fields, [](const KpiRow& row) -> const KpiRates& { return row.rates; });
    if (percentiles) add(time_fields, [](const KpiRow& row) -> const TimeToClose& { return row.time_to_close; });
    return out;
}

/// Codes, names, levels and parent codes of the units of @p ids.
StringDict unit_columns(const DivisionTree& tree, std::span<const std::uint32_t> ids) {
    py::list code, name, parent;
    py::array_t<std::int8_t> level(static_cast<py::ssize_t>(ids.size()));
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const DivisionId id{ids[i]};
        code.append(tree.code(id).str());
        name.append(std::string(tree.name(id)));
        const auto up = tree.parent(id);
        parent.append(up ? py::object(py::str(tree.code(*up).str())) : py::object(py::none()));
        level.mutable_data()[i] = static_cast<std::int8_t>(tree.level(id));
    }
    StringDict out;
    out["code"] = code;
    out["name"] = name;
    out["level"] = level;
    out["parent_code"] = parent;
    return out;
}

std::vector<std::uint32_t> indices_of(std::span<const KpiRow> rows) {
    std::vector<std::uint32_t> out;
    out.reserve(rows.size());
    for (const KpiRow& row : rows) out.push_back(row.index);
    return out;
}

/// Columns of one part of @p r ("units", "grids" or "matters") for KpiReport.to_pandas().
StringDict report_columns(const KpiReport& r, const std::string& part) {
    const bool percentiles = r.options().percentiles;
    if (part == "units") {
        StringDict out = row_columns(r.units(), percentiles);
        const std::vector<std::uint32_t> ids = indices_of(r.units());
        for (const auto& [key, value] : unit_columns(r.tree(), ids)) out[key] = value;
        return out;
    }
    if (part == "grids") {
        StringDict out = row_columns(r.grids(), percentiles);
        py::list code, unit;
        for (const KpiRow& row : r.grids()) {
            code.append(r.grid_codes()[row.index]);
            const DivisionId id = r.grid_units()[row.index];
            unit.append(id.valid() ? py::object(py::str(r.tree().code(id).str())) : py::object(py::none()));
        }
        out["code"] = code;
        out["unit_code"] = unit;
        return out;
    }
    if (part == "matters") {
        StringDict out = row_columns(r.matters(), percentiles);
        py::list key;
        for (const KpiRow& row : r.matters()) key.append(r.matter_keys()[row.index]);
        out["key"] = key;
        return out;
    }
    throw InvalidInput("part '" + part + "' is not units, grids or matters", Location{"", 0, "part"});
}

/// Columns of every row of @p r, with the bucket start (days since the epoch), for BucketReport.to_pandas().
StringDict bucket_columns(const BucketReport& r) {
    StringDict out = row_columns(r.rows(), false);
    const std::vector<std::uint32_t> ids = indices_of(r.rows());
    for (const auto& [key, value] : unit_columns(r.tree(), ids)) out[key] = value;
    py::array_t<std::int64_t> start(static_cast<py::ssize_t>(r.rows().size()));
    for (std::size_t i = 0; i < r.rows().size(); ++i) {
        start.mutable_data()[i] = std::chrono::sys_days{r.starts()[static_cast<std::size_t>(r.rows()[i].bucket)]}
                                      .time_since_epoch()
                                      .count();
    }
    out["bucket_start"] = start;
    return out;
}

/// The warning classes of the analytics area (made once, kept by the module).
struct WarningClasses {
    py::handle empty_period, undefined_rate;
};
WarningClasses warning_classes;

py::handle make_warning(py::module_& m, const char* name, const char* doc) {
    const std::string qualified = std::string("grassroots.analytics.") + name;
    const py::tuple bases = py::make_tuple(grassroots_warning());
    PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
    if (type == nullptr) throw py::error_already_set();
    m.add_object(name, py::handle(type));  // the module keeps a reference
    return type;
}

/// Issues one warning per diagnostic of @p report (an error when the caller's filters say so).
template <class Report>
void warn(const Report& report) {
    for (const KpiDiagnostic& d : report.diagnostics()) {
        const py::handle category =
            d.kind == KpiDiagnosticKind::empty_period ? warning_classes.empty_period : warning_classes.undefined_rate;
        if (PyErr_WarnEx(category.ptr(), d.message.c_str(), 1) < 0) throw py::error_already_set();
    }
}

void bind_diagnostics(py::module_& m) {
    warning_classes.empty_period = make_warning(
        m, "EmptyPeriodWarning",
        "No case falls in the period (or in some time buckets of it): every count is 0 and every rate None/NaN.");
    warning_classes.undefined_rate = make_warning(
        m, "UndefinedRateWarning",
        "Unit rows that have cases but a rate whose denominator is 0 (None/NaN): names the KPI, the units and why.");
    py::class_<KpiDiagnostic>(m, "KpiDiagnostic",
                              "What a report's numbers alone hide: an empty period or bucket, or undefined rates; compute_kpis "
                              "issues each as a warning.")
        .def_property_readonly("kind", [](const KpiDiagnostic& d) { return std::string(to_string(d.kind)); },
                               "'empty_period' or 'undefined_rate'.")
        .def_property_readonly("kpis", [](const KpiDiagnostic& d) { return d.kpis; }, "The KPI ids concerned.")
        .def_property_readonly("count", [](const KpiDiagnostic& d) { return d.count; },
                               "Rows concerned (unit rows, unit × bucket rows, or empty buckets).")
        .def_property_readonly(
            "units",
            [](const KpiDiagnostic& d) {
                std::vector<std::string> out;
                for (const DivisionCode& code : d.units) out.push_back(code.str());
                return out;
            },
            "Codes of the first units concerned (at most 5).")
        .def_property_readonly("message", [](const KpiDiagnostic& d) { return d.message; }, "The warning's text.")
        .def("__repr__", [](const KpiDiagnostic& d) { return "<KpiDiagnostic " + std::string(to_string(d.kind)) + ": " + d.message + ">"; });
}

/// @p report as bound to Python: it holds the tree of @p table and a copy of @p options (in C++, see Holding).
template <class Report>
std::shared_ptr<Report> keeping(Report report, const std::shared_ptr<CaseTable>& table, const OptionsBox& options) {
    return holding(std::move(report), holding_of(table).tree, std::make_shared<const OptionsBox>(options));
}

/// The options @p report was computed with.
template <class Report>
OptionsBox options_of(const std::shared_ptr<Report>& report) {
    return *holding_of(report).options;
}

void bind_kpi_report(py::module_& m) {
    py::class_<KpiReport, std::shared_ptr<KpiReport>> report(
        m, "KpiReport",
        "KPIs of one period for every unit of the ladder (rolled up in one pass), every grid and every matter type. "
        "Keeps its tree alive.");
    report.def_property_readonly("cutoff", &KpiReport::cutoff, "The cut-off used.")
        .def_property_readonly("options", &options_of<KpiReport>, "The options used (a copy).")
        .def_property_readonly("units", [](const KpiReport& r) { return std::vector<KpiRow>(r.units().begin(), r.units().end()); },
                               "Unit rows in tree order (index = unit index), at the levels asked for.")
        .def_property_readonly("grids", [](const KpiReport& r) { return std::vector<KpiRow>(r.grids().begin(), r.grids().end()); },
                               "Grid rows (index = grid index).")
        .def_property_readonly("matters", [](const KpiReport& r) { return std::vector<KpiRow>(r.matters().begin(), r.matters().end()); },
                               "Matter rows (index = matter index).")
        .def("unit", [](const KpiReport& r, const UnitArgument& code) { return r.unit(to_code(code)); }, py::arg("code"),
             "The row of a unit; NotFoundError (also for a unit left out by levels or scope).")
        .def("code", &KpiReport::code, py::arg("row"), "The code of the unit of a unit row.")
        .def("name", [](const KpiReport& r, const KpiRow& row) { return std::string(r.name(row)); }, py::arg("row"),
             "The name of the unit of a unit row.")
        .def("level", &KpiReport::level, py::arg("row"), "The level of the unit of a unit row.")
        .def("grid", &KpiReport::grid, py::arg("code"), "The row of a grid; NotFoundError.")
        .def("matter", &KpiReport::matter, py::arg("key"), "The row of a matter; NotFoundError.")
        .def("_columns", &report_columns, py::arg("part"), "Columns for to_pandas() (internal).")
        .def_property_readonly(
            "diagnostics",
            [](const KpiReport& r) { return std::vector<KpiDiagnostic>(r.diagnostics().begin(), r.diagnostics().end()); },
            "An empty period and unit rows with undefined rates (each also issued as a warning).")
        .def("__repr__", [](const KpiReport& r) {
            return "<KpiReport: " + std::to_string(r.units().size()) + " units, " + std::to_string(r.grids().size()) + " grids, " +
                   std::to_string(r.matters().size()) + " matters>";
        });
}

void bind_bucket_report(py::module_& m) {
    py::class_<BucketReport, std::shared_ptr<BucketReport>> buckets(
        m, "BucketReport", "Counts and rates per unit and time bucket (no percentiles). Keeps its tree alive.");
    buckets.def_property_readonly("cutoff", &BucketReport::cutoff, "The cut-off used (one for every bucket).")
        .def_property_readonly("options", &options_of<BucketReport>, "The options used (a copy).")
        .def_property_readonly("bucket", &BucketReport::bucket, "The bucket width.")
        .def_property_readonly("starts", [](const BucketReport& r) { return std::vector<Date>(r.starts().begin(), r.starts().end()); },
                               "First day (CST) of each bucket; the first may start before the period.")
        .def_property_readonly(
            "unit_codes",
            [](const BucketReport& r) {
                std::vector<std::string> out;
                for (const DivisionId unit : r.units()) out.push_back(r.tree().code(unit).str());
                return out;
            },
            "Codes of the units of one bucket's rows, in order.")
        .def_property_readonly("rows", [](const BucketReport& r) { return std::vector<KpiRow>(r.rows().begin(), r.rows().end()); },
                               "Rows bucket by bucket, units in tree order within each.")
        .def("row", [](const BucketReport& r, const UnitArgument& code, Date start) { return r.row(to_code(code), start); },
             py::arg("code"), py::arg("start"), "The row of a unit in the bucket starting on start; NotFoundError.")
        .def("code", &BucketReport::code, py::arg("row"), "The code of the unit of a row.")
        .def("start", &BucketReport::start, py::arg("row"), "The first day of the bucket of a row.")
        .def("_columns", &bucket_columns, "Columns for to_pandas() (internal).")
        .def_property_readonly(
            "diagnostics",
            [](const BucketReport& r) { return std::vector<KpiDiagnostic>(r.diagnostics().begin(), r.diagnostics().end()); },
            "An empty period or empty buckets, and unit rows with undefined rates (each also issued as a warning).")
        .def("__repr__", [](const BucketReport& r) {
            return "<BucketReport: " + std::to_string(r.starts().size()) + " " + std::string(to_string(r.bucket())) + "s × " +
                   std::to_string(r.units().size()) + " units>";
        });
}

}  // namespace

void bind_kpi_reports(py::module_& m) {
    bind_diagnostics(m);
    bind_kpi_report(m);
    bind_bucket_report(m);

    m.def(
        "compute_kpis",
        [](const std::shared_ptr<CaseTable>& table, const OptionsBox& options) {
            const KpiOptions resolved = options.resolved();
            KpiReport out;
            {
                const py::gil_scoped_release release;
                out = compute_kpis(*table, resolved);
            }
            warn(out);
            return keeping(std::move(out), table, options);
        },
        py::arg("table"), py::arg("options"),
        "KPIs of the period for every unit (counts rolled up the ladder in one pass, then divided), every grid and "
        "every matter. InvalidInputError for an empty period, a cap outside 1–65,535, an unknown scope, or a column the "
        "options need that no case has (handling_due under the default basis, handled_at under by_handling). "
        "EmptyPeriodWarning when no case falls in the period, UndefinedRateWarning for unit rows with cases whose "
        "rate has a zero denominator (report.diagnostics lists them).");
    m.def(
        "compute_kpis_by_bucket",
        [](const std::shared_ptr<CaseTable>& table, const OptionsBox& options, TimeBucket bucket) {
            const KpiOptions resolved = options.resolved();
            BucketReport out;
            {
                const py::gil_scoped_release release;
                out = compute_kpis_by_bucket(*table, resolved, bucket);
            }
            warn(out);
            return keeping(std::move(out), table, options);
        },
        py::arg("table"), py::arg("options"), py::arg_v("bucket", TimeBucket::month, "TimeBucket.MONTH"),
        "Counts and rates per unit (rolled up) and per day, Monday week or month; a case falls in the bucket of its "
        "handling deadline (or filing, by options.basis). Errors and warnings as compute_kpis; EmptyPeriodWarning "
        "also names the buckets holding no case.");
}

}  // namespace grassroots::python
