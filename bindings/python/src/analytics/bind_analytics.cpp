// KPIs and roll-ups (analytics): the columnar case table, KPI definitions as data, the options, and
// the reports (per unit up the ladder, per grid, per matter; per time bucket).
//
// The table's columns are NumPy views (read-only, zero-copy, kept alive by the table). Tables made
// from arrays or from a pandas DataFrame are normalised in Python (grassroots/_analytics.py: codes
// and labels to indices, datetimes to seconds), then checked row by row in C++; a table from a
// CaseEngine is made by CaseTable::from_engine under the engine's lock (engine_box.hpp). A table
// keeps its DivisionTree alive, and a report its table. Rates whose denominator is 0 are None on the
// row objects and NaN in arrays and DataFrames. The computations run without the GIL.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "bindings.hpp"
#include "casters.hpp"
#include "workflow/engine_box.hpp"
#include "grassroots/analytics/case_table.hpp"
#include "grassroots/analytics/kpi.hpp"
#include "grassroots/calendar/calendar.hpp"
#include "grassroots/error.hpp"
#include "grassroots/grid/grid_map.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"

namespace grassroots::python {

/// A Python object of the bound type T: the stubs name T rather than object.
template <class T>
struct ObjectOf : py::object {
    using py::object::object;
    ObjectOf() = default;
    explicit ObjectOf(py::object value) : py::object(std::move(value)) {}
    static bool check_(py::handle value) { return py::isinstance<T>(value); }
};
/// A Python object of a type named in the stubs only (no check: the callee checks).
template <class Name>
struct NamedObject : py::object {
    using py::object::object;
    NamedObject() = default;
    static bool check_(py::handle /*value*/) { return true; }
};
struct FrameName {};   ///< pandas.DataFrame.
struct ArrayName {};   ///< array-like, or None.
using FrameObject = NamedObject<FrameName>;
using ArrayObject = NamedObject<ArrayName>;

}  // namespace grassroots::python

namespace pybind11::detail {
template <class T>
struct handle_type_name<grassroots::python::ObjectOf<T>> {
    static constexpr auto name = const_name<T>();
};
template <>
struct handle_type_name<grassroots::python::FrameObject> {
    static constexpr auto name = const_name("typing.Any");  // pandas.DataFrame (pandas is optional)
};
template <>
struct handle_type_name<grassroots::python::ArrayObject> {
    static constexpr auto name = const_name("numpy.typing.ArrayLike | None");
};
}  // namespace pybind11::detail

namespace grassroots::python {

namespace {

using TreePtr = std::shared_ptr<DivisionTree>;

py::object helper(const char* module, const char* name) { return py::module_::import(module).attr(name); }
py::object analytics_helper(const char* name) { return helper("grassroots._analytics", name); }
py::object pandas_helper(const char* name) { return helper("grassroots._analytics_pandas", name); }

std::optional<double> number_or_none(double value) { return std::isnan(value) ? std::nullopt : std::optional<double>(value); }
double nan_if_none(const std::optional<double>& value) { return value ? *value : KpiRates::none; }

/// A date is 00:00 CST of that day; a datetime is itself.
using InstantArgument = std::variant<Instant, Date>;
Instant to_instant(const InstantArgument& at) {
    if (const auto* instant = std::get_if<Instant>(&at)) return *instant;
    return china_time(std::get<Date>(at), std::chrono::minutes{0});
}

/// KpiOptions with the calendar it points at (a copy, owned here).
struct OptionsBox {
    KpiOptions options;
    std::optional<Calendar> calendar;
    [[nodiscard]] KpiOptions resolved() const {
        KpiOptions out = options;
        out.calendar = calendar ? &*calendar : nullptr;
        return out;
    }
};

/// A read-only NumPy view of @p values, kept alive by @p owner.
template <class T>
py::array view(const py::object& owner, const T* data, std::size_t size, const py::dtype& dtype) {
    py::array out(dtype, {static_cast<py::ssize_t>(size)}, {static_cast<py::ssize_t>(sizeof(T))}, data, owner);
    out.attr("setflags")(py::arg("write") = false);
    return out;
}

template <class T>
py::array_t<T> copy_of(const std::vector<T>& values) {
    return py::array_t<T>(static_cast<py::ssize_t>(values.size()), values.data());
}

// ---- the columns of a report, for to_pandas() ----------------------------------------------------

/// Names and members of KpiCounts, in report order.
constexpr std::pair<const char*, std::int64_t KpiCounts::*> count_fields[] = {
    {"cases", &KpiCounts::cases},
    {"deferred", &KpiCounts::deferred},
    {"closed", &KpiCounts::closed},
    {"closed_deferred", &KpiCounts::closed_deferred},
    {"on_time", &KpiCounts::on_time},
    {"on_time_deferred", &KpiCounts::on_time_deferred},
    {"closed_late", &KpiCounts::closed_late},
    {"overdue_open", &KpiCounts::overdue_open},
    {"rated", &KpiCounts::rated},
    {"responded", &KpiCounts::responded},
    {"resolved", &KpiCounts::resolved},
    {"satisfied", &KpiCounts::satisfied},
    {"reworks", &KpiCounts::reworks},
    {"reworked", &KpiCounts::reworked},
    {"escalations", &KpiCounts::escalations},
};
constexpr std::pair<const char*, double KpiRates::*> rate_fields[] = {
    {"closure_rate", &KpiRates::closure},
    {"on_time_closure_rate", &KpiRates::on_time_closure},
    {"response_rate", &KpiRates::response},
    {"resolution_rate", &KpiRates::resolution},
    {"satisfaction_rate", &KpiRates::satisfaction},
    {"reworks_per_case", &KpiRates::reworks_per_case},
    {"rework_share", &KpiRates::rework_share},
};
constexpr std::pair<const char*, double TimeToClose::*> time_fields[] = {
    {"hours_p50", &TimeToClose::hours_p50},
    {"hours_p90", &TimeToClose::hours_p90},
    {"hours_p95", &TimeToClose::hours_p95},
    {"working_days_p50", &TimeToClose::working_days_p50},
    {"working_days_p90", &TimeToClose::working_days_p90},
    {"working_days_p95", &TimeToClose::working_days_p95},
};

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

// ---- the table from normalised columns ----------------------------------------------------------

template <class T>
using Column = py::array_t<T, py::array::c_style | py::array::forcecast>;

/// A column of @p columns, or an empty one when it is absent or None.
template <class T>
Column<T> column_of(const py::dict& columns, const char* name) {
    if (!columns.contains(name) || columns[name].is_none()) return Column<T>(0);
    Column<T> out = Column<T>::ensure(columns[name]);
    if (!out) throw InvalidInput(std::string("column '") + name + "' is not a numeric array", Location{"case table", 0, name});
    if (out.ndim() != 1) throw InvalidInput(std::string("column '") + name + "' is not one-dimensional", Location{"case table", 0, name});
    return out;
}

template <class T>
std::span<const T> span_of(const Column<T>& values) {
    return {values.data(), static_cast<std::size_t>(values.size())};
}

/// 0/1 flags from an int64 column; throws InvalidInput naming the row for other values.
std::vector<std::uint8_t> flags_of(const Column<std::int64_t>& values, const char* name) {
    std::vector<std::uint8_t> out(static_cast<std::size_t>(values.size()));
    for (std::size_t i = 0; i < out.size(); ++i) {
        const std::int64_t v = values.data()[i];
        if (v != 0 && v != 1) {
            throw InvalidInput("flags are 0 or 1 (or bool), not " + std::to_string(v) + " (index " + std::to_string(i) + ")",
                               Location{"case table", i + 1, name});
        }
        out[i] = static_cast<std::uint8_t>(v);
    }
    return out;
}

CaseTable table_from_columns(const DivisionTree& tree, const py::dict& columns, std::vector<std::string> grid_codes,
                             std::vector<std::string> matter_keys) {
    const Column<std::uint32_t> unit = column_of<std::uint32_t>(columns, "unit");
    std::vector<DivisionId> units(static_cast<std::size_t>(unit.size()));
    for (std::size_t i = 0; i < units.size(); ++i) units[i] = DivisionId{unit.data()[i]};
    const auto grid = column_of<std::int32_t>(columns, "grid");
    const auto matter = column_of<std::int32_t>(columns, "matter");
    const auto opened = column_of<std::int64_t>(columns, "opened_at");
    const auto due = column_of<std::int64_t>(columns, "handling_due");
    const auto closed_at = column_of<std::int64_t>(columns, "closed_at");
    const auto handled = column_of<std::int64_t>(columns, "handled_at");
    const auto reworks = column_of<std::int32_t>(columns, "reworks");
    const auto escalations = column_of<std::int32_t>(columns, "escalations");
    const std::vector<std::uint8_t> closed = flags_of(column_of<std::int64_t>(columns, "closed"), "closed");
    const std::vector<std::uint8_t> deferred = flags_of(column_of<std::int64_t>(columns, "deferred"), "deferred");
    const std::vector<std::uint8_t> responded = flags_of(column_of<std::int64_t>(columns, "responded"), "responded");
    const std::vector<std::uint8_t> resolved = flags_of(column_of<std::int64_t>(columns, "resolved"), "resolved");
    const std::vector<std::uint8_t> satisfied = flags_of(column_of<std::int64_t>(columns, "satisfied"), "satisfied");
    const std::vector<std::uint8_t> rated = flags_of(column_of<std::int64_t>(columns, "rated"), "rated");
    const CaseColumns c{units,     span_of(grid),      span_of(matter),  span_of(opened), span_of(due),
                        span_of(closed_at), span_of(handled), closed,  deferred,        responded,
                        resolved,  satisfied,          rated,            span_of(reworks), span_of(escalations)};
    const py::gil_scoped_release release;
    return CaseTable::from_columns(tree, c, std::move(grid_codes), std::move(matter_keys));
}

/// The table as a Python object holding its tree.
ObjectOf<CaseTable> with_tree(CaseTable table, const TreePtr& tree) {
    py::object out = py::cast(std::move(table));
    out.attr("_tree") = py::cast(tree);
    return ObjectOf<CaseTable>(std::move(out));
}

// ---- bindings -----------------------------------------------------------------------------------

void bind_values(py::module_& m) {
    bind_enum<PeriodBasis>(m, "PeriodBasis", "Which cases belong to a period.",
                           {{"HANDLING_DUE", PeriodBasis::handling_due, "应结案: the handling deadline falls in the period"},
                            {"OPENED", PeriodBasis::opened, "立案: the case was filed in the period"}});
    bind_enum<OnTimeRule>(m, "OnTimeRule", "When a closed case counts as closed on time (按期).",
                          {{"BY_HANDLING", OnTimeRule::by_handling, "按期处置: handled by the handling deadline, then closed"},
                           {"BY_CLOSING", OnTimeRule::by_closing, "按期结案: closed by the handling deadline"}});
    bind_enum<TimeBucket>(m, "TimeBucket", "Width of the time buckets of compute_kpis_by_bucket().",
                          {{"DAY", TimeBucket::day, "China Standard Time calendar days"},
                           {"WEEK", TimeBucket::week, "Monday-start weeks (as ISO 8601), labelled by their Monday"},
                           {"MONTH", TimeBucket::month, "calendar months, labelled by their first day"}});

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

    py::class_<KpiCounts> counts(m, "KpiCounts", "Counts of one report row: the numerators and denominators of every KPI.");
    counts.def(py::init([](std::int64_t cases, std::int64_t deferred, std::int64_t closed, std::int64_t closed_deferred,
                           std::int64_t on_time, std::int64_t on_time_deferred, std::int64_t closed_late,
                           std::int64_t overdue_open, std::int64_t rated, std::int64_t responded, std::int64_t resolved,
                           std::int64_t satisfied, std::int64_t reworks, std::int64_t reworked, std::int64_t escalations) {
                   return KpiCounts{cases,    deferred,  closed,   closed_deferred, on_time, on_time_deferred, closed_late,
                                    overdue_open, rated, responded, resolved,     satisfied, reworks, reworked, escalations};
               }),
               py::arg("cases") = 0, py::arg("deferred") = 0, py::arg("closed") = 0, py::arg("closed_deferred") = 0,
               py::arg("on_time") = 0, py::arg("on_time_deferred") = 0, py::arg("closed_late") = 0,
               py::arg("overdue_open") = 0, py::arg("rated") = 0, py::arg("responded") = 0, py::arg("resolved") = 0,
               py::arg("satisfied") = 0, py::arg("reworks") = 0, py::arg("reworked") = 0, py::arg("escalations") = 0,
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
                          const std::optional<double>& satisfaction, const std::optional<double>& reworks_per_case,
                          const std::optional<double>& rework_share) {
                  return KpiRates{nan_if_none(closure),      nan_if_none(on_time_closure),  nan_if_none(response),
                                  nan_if_none(resolution),   nan_if_none(satisfaction),     nan_if_none(reworks_per_case),
                                  nan_if_none(rework_share)};
              }),
              py::arg("closure") = py::none(), py::arg("on_time_closure") = py::none(), py::arg("response") = py::none(),
              py::arg("resolution") = py::none(), py::arg("satisfaction") = py::none(),
              py::arg("reworks_per_case") = py::none(), py::arg("rework_share") = py::none(), "Rates (None = no denominator).");
    const std::pair<const char*, const char*> rate_docs[] = {
        {"closure", "结案率 = closed / cases."},
        {"on_time_closure", "按期结案率 = on_time / cases."},
        {"response", "响应率 = responded / rated."},
        {"resolution", "解决率 = resolved / rated."},
        {"satisfaction", "满意率 = satisfied / rated."},
        {"reworks_per_case", "返工率 = reworks / cases."},
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

void bind_options(py::module_& m) {
    py::class_<OptionsBox> options(m, "KpiOptions", "What a report counts and how (see docs/analytics.md).");
    options
        .def(py::init([](const InstantArgument& begin, const InstantArgument& end, const std::optional<InstantArgument>& cutoff,
                         PeriodBasis basis, OnTimeRule on_time, bool exclude_deferred, std::optional<Calendar> calendar,
                         std::int64_t cap_hours, std::int64_t cap_working_days, bool percentiles, bool grids, bool matters,
                         const std::optional<UnitArgument>& scope, std::vector<Level> levels) {
                 OptionsBox box;
                 box.options.begin = to_instant(begin);
                 box.options.end = to_instant(end);
                 if (cutoff) box.options.cutoff = to_instant(*cutoff);
                 box.options.basis = basis;
                 box.options.on_time = on_time;
                 box.options.exclude_deferred = exclude_deferred;
                 box.calendar = std::move(calendar);
                 box.options.cap_hours = cap_hours;
                 box.options.cap_working_days = cap_working_days;
                 box.options.percentiles = percentiles;
                 box.options.grids = grids;
                 box.options.matters = matters;
                 if (scope) box.options.scope = to_code(*scope);
                 box.options.levels = std::move(levels);
                 return box;
             }),
             py::arg("begin"), py::arg("end"), py::arg("cutoff") = py::none(), py::arg_v("basis", PeriodBasis::handling_due, "PeriodBasis.HANDLING_DUE"),
             py::arg_v("on_time", OnTimeRule::by_handling, "OnTimeRule.BY_HANDLING"), py::arg("exclude_deferred") = false,
             py::arg("calendar") = py::none(), py::arg("cap_hours") = 2160, py::arg("cap_working_days") = 90,
             py::arg("percentiles") = true, py::arg("grids") = true, py::arg("matters") = true,
             py::arg("scope") = py::none(), py::arg("levels") = std::vector<Level>{},
             "The period [begin, end) (dates are 00:00 CST; naive datetimes CST). cutoff: cases count as closed when "
             "closed before it (default end). calendar (copied): time to close in working days. scope: only cases "
             "under this unit. levels: unit rows only at these levels (default all).")
        .def_property_readonly("begin", [](const OptionsBox& b) { return b.options.begin; }, "First instant of the period.")
        .def_property_readonly("end", [](const OptionsBox& b) { return b.options.end; }, "End of the period (excluded).")
        .def_property_readonly("cutoff", [](const OptionsBox& b) { return b.options.cutoff; }, "The cut-off, None = end.")
        .def_property_readonly("basis", [](const OptionsBox& b) { return b.options.basis; }, "Which cases belong to the period.")
        .def_property_readonly("on_time", [](const OptionsBox& b) { return b.options.on_time; }, "When a case is on time.")
        .def_property_readonly("exclude_deferred", [](const OptionsBox& b) { return b.options.exclude_deferred; },
                               "Deferred cases left out of 结案率 and 按期结案率.")
        .def_property_readonly("calendar", [](const OptionsBox& b) { return b.calendar; }, "Calendar for working days, or None.")
        .def_property_readonly("cap_hours", [](const OptionsBox& b) { return b.options.cap_hours; }, "Cap of hours to close.")
        .def_property_readonly("cap_working_days", [](const OptionsBox& b) { return b.options.cap_working_days; },
                               "Cap of working days to close.")
        .def_property_readonly("percentiles", [](const OptionsBox& b) { return b.options.percentiles; }, "Compute percentiles.")
        .def_property_readonly("grids", [](const OptionsBox& b) { return b.options.grids; }, "Add grid rows.")
        .def_property_readonly("matters", [](const OptionsBox& b) { return b.options.matters; }, "Add matter rows.")
        .def_property_readonly("scope", [](const OptionsBox& b) {
            return b.options.scope ? std::optional<std::string>(b.options.scope->str()) : std::nullopt;
        }, "Only cases under this unit (code), or None.")
        .def_property_readonly("levels", [](const OptionsBox& b) { return b.options.levels; }, "Levels of the unit rows ([] = all).");
    add_value_protocol(options, {"begin", "end", "cutoff", "basis", "on_time", "exclude_deferred", "calendar", "cap_hours",
                                 "cap_working_days", "percentiles", "grids", "matters", "scope", "levels"},
                       {.hash = false, .pickle = false});
}

void bind_table(py::module_& m) {
    py::class_<CaseTable> table(m, "CaseTable",
                                "Cases as columns over one DivisionTree (kept alive by the table): unit, grid, matter, "
                                "opened_at, handling_due, closed_at, handled_at (int64 seconds since the epoch, UTC; "
                                "INT64_MIN = NaT = none), closed, deferred, responded, resolved, satisfied, rated, reworks, "
                                "escalations. Made by from_arrays(), from_pandas(), from_engine() or synthetic(); every "
                                "row is checked (InvalidInputError naming the row and column).",
                                py::dynamic_attr());
    table
        .def_static(
            "_from_columns",
            [](const TreePtr& tree, const py::dict& columns, std::vector<std::string> grid_codes,
               std::vector<std::string> matter_keys) {
                return with_tree(table_from_columns(*tree, columns, std::move(grid_codes), std::move(matter_keys)), tree);
            },
            py::arg("tree"), py::arg("columns"), py::arg("grid_codes"), py::arg("matter_keys"),
            "A table from normalised columns (internal; use from_arrays).")
        .def_static(
            "from_arrays",
            [](const TreePtr& tree, const ArrayObject& unit, const ArrayObject& opened_at, const ArrayObject& handling_due,
               const ArrayObject& closed_at, const ArrayObject& handled_at, const ArrayObject& closed, const ArrayObject& deferred,
               const ArrayObject& responded, const ArrayObject& resolved, const ArrayObject& satisfied, const ArrayObject& rated,
               const ArrayObject& reworks, const ArrayObject& escalations, const ArrayObject& grid, const ArrayObject& matter,
               const std::optional<std::vector<std::string>>& grid_codes,
               const std::optional<std::vector<std::string>>& matter_keys) {
                return ObjectOf<CaseTable>(analytics_helper("table_from_arrays")(
                    tree, unit, opened_at, handling_due, closed_at, handled_at, closed, deferred, responded, resolved,
                    satisfied, rated, reworks, escalations, grid, matter, grid_codes, matter_keys));
            },
            py::arg("tree"), py::arg("unit"), py::arg("opened_at"), py::arg("handling_due") = py::none(),
            py::arg("closed_at") = py::none(), py::arg("handled_at") = py::none(), py::arg("closed") = py::none(),
            py::arg("deferred") = py::none(), py::arg("responded") = py::none(), py::arg("resolved") = py::none(),
            py::arg("satisfied") = py::none(), py::arg("rated") = py::none(), py::arg("reworks") = py::none(),
            py::arg("escalations") = py::none(), py::arg("grid") = py::none(), py::arg("matter") = py::none(),
            py::arg("grid_codes") = py::none(), py::arg("matter_keys") = py::none(),
            "A table from arrays (NumPy, pandas or sequences), one value per case. unit: division codes (str or int). "
            "Instants: datetime64 (naive = China Standard Time), tz-aware pandas datetimes, datetime objects (naive = "
            "CST) or int seconds since the epoch; NaT/None = none. Flags: bool or 0/1 (give rated with the 三率 flags "
            "responded/resolved/satisfied). grid and matter: codes/keys "
            "(str, None = none) or, with grid_codes/matter_keys, int indices (-1 = none). closed defaults to "
            "'closed_at is set'. InvalidInputError names the row (1-based) and column.")
        .def_static(
            "from_engine",
            [](EngineBox& engine, const TreePtr& tree, std::vector<std::string> deferred_states, std::string responded_field,
               std::string resolved_field, std::string satisfied_field) {
                const EngineTableOptions options{std::move(deferred_states), std::move(responded_field),
                                                 std::move(resolved_field), std::move(satisfied_field)};
                return with_tree(read_engine_without_gil(engine,
                                                         [&](const CaseEngine& cases) {
                                                             return CaseTable::from_engine(cases, *tree, options);
                                                         }),
                                 tree);
            },
            py::arg("engine"), py::arg("tree"), py::arg("deferred_states") = std::vector<std::string>{"defer", "deferred"},
            py::arg("responded_field") = "responded", py::arg("resolved_field") = "resolved",
            py::arg("satisfied_field") = "satisfied",
            "Every case of a CaseEngine, units found in tree: deferred = has been in a state listed in deferred_states; "
            "the latest transition carrying a rating field makes the case rated, each field read as yes "
            "(yes/true/1/是) or no (no/false/0/否), ASCII case ignored, a missing one as no.")
        .def_static(
            "from_pandas",
            [](const TreePtr& tree, const FrameObject& frame, const std::optional<std::vector<std::string>>& grid_codes,
               const std::optional<std::vector<std::string>>& matter_keys) {
                return ObjectOf<CaseTable>(pandas_helper("table_from_pandas")(tree, frame, grid_codes, matter_keys));
            },
            py::arg("tree"), py::arg("frame"), py::arg("grid_codes") = py::none(), py::arg("matter_keys") = py::none(),
            "A table from a DataFrame whose columns are named as from_arrays' arguments (unit and opened_at required; "
            "others optional; extra columns ignored); to_pandas() output reads back.")
        .def_static(
            "synthetic",
            [](const TreePtr& tree, std::size_t cases, int year, std::uint64_t seed,
               const std::optional<std::shared_ptr<GridMap>>& grids, const std::optional<UnitArgument>& scope) {
                SyntheticCaseOptions options{.cases = cases, .year = year, .seed = seed};
                options.grids = grids ? grids->get() : nullptr;
                if (scope) options.scope = to_code(*scope);
                CaseTable out;
                {
                    const py::gil_scoped_release release;
                    out = CaseTable::synthetic(*tree, options);
                }
                return with_tree(std::move(out), tree);
            },
            py::arg("tree"), py::arg("cases") = 100'000, py::arg("year") = 2025, py::arg("seed") = 2024,
            py::arg("grids") = py::none(), py::arg("scope") = py::none(),
            "A deterministic synthetic year of cases over the village-level units of tree (the same on every platform "
            "for the same arguments); rates near published ones (结案率 ≈ 96 %, 按期结案率 ≈ 89 %). grids: a GridMap "
            "(e.g. synthetic_city(...).map) whose grids the cases are filed in, in proportion to their households; "
            "without it each unit gets 1–8 made-up grid codes. scope: only the units under this code get cases "
            "(NotFoundError if it is not in the tree).")
        .def("__len__", &CaseTable::size, "Number of cases.")
        .def_property_readonly(
            "tree", [](const py::object& self) { return self.attr("_tree").cast<std::shared_ptr<DivisionTree>>(); },
            "The DivisionTree of the units.")
        .def_property_readonly("grid_codes", [](const CaseTable& t) { return t.grid_codes(); }, "Grid codes, by grid index.")
        .def_property_readonly("matter_keys", [](const CaseTable& t) { return t.matter_keys(); }, "Matter keys, by matter index.")
        .def_property_readonly(
            "grid_units",
            [](const CaseTable& t) {
                std::vector<std::optional<std::string>> out;
                for (const DivisionId unit : t.grid_units()) {
                    out.push_back(unit.valid() ? std::optional<std::string>(t.tree().code(unit).str()) : std::nullopt);
                }
                return out;
            },
            "The unit (code) of each grid, None for a grid without cases.")
        .def(
            "columns",
            [](const py::object& self) {
                const CaseTable& t = self.cast<const CaseTable&>();
                const CaseColumns c = t.columns();
                const std::size_t n = t.size();
                const py::dtype flag("bool");
                StringDict out;
                static_assert(sizeof(DivisionId) == sizeof(std::uint32_t));
                out["unit"] = view(self, reinterpret_cast<const std::uint32_t*>(c.unit.data()), n, py::dtype::of<std::uint32_t>());
                out["grid"] = view(self, c.grid.data(), n, py::dtype::of<std::int32_t>());
                out["matter"] = view(self, c.matter.data(), n, py::dtype::of<std::int32_t>());
                for (const auto& [name, values] : {std::pair{"opened_at", c.opened_at}, std::pair{"handling_due", c.handling_due},
                                                   std::pair{"closed_at", c.closed_at}, std::pair{"handled_at", c.handled_at}}) {
                    out[name] = view(self, values.data(), n, py::dtype::of<std::int64_t>());
                }
                for (const auto& [name, values] : {std::pair{"closed", c.closed}, std::pair{"deferred", c.deferred},
                                                   std::pair{"responded", c.responded}, std::pair{"resolved", c.resolved},
                                                   std::pair{"satisfied", c.satisfied}, std::pair{"rated", c.rated}}) {
                    out[name] = view(self, values.data(), n, flag);
                }
                out["reworks"] = view(self, c.reworks.data(), n, py::dtype::of<std::int32_t>());
                out["escalations"] = view(self, c.escalations.data(), n, py::dtype::of<std::int32_t>());
                return out;
            },
            "Every column as a read-only NumPy view (zero-copy): unit (uint32 index into the tree), grid and matter "
            "(int32, -1 = none), instants (int64 seconds since the epoch, INT64_MIN = none), flags (bool), reworks and "
            "escalations (int32).")
        .def("to_pandas", [](const py::object& self) { return pandas_helper("table_frame")(self); },
             "One row per case: unit, grid, matter (categoricals of codes), instants (datetime64, Asia/Shanghai, NaT "
             "where absent), flags (bool), reworks, escalations. Needs pandas.")
        .def("memory_bytes", &CaseTable::memory_bytes, "Bytes held by the columns and lists.")
        .def("__repr__", [](const CaseTable& t) {
            return "<CaseTable: " + std::to_string(t.size()) + " cases, " + std::to_string(t.grid_codes().size()) + " grids, " +
                   std::to_string(t.matter_keys().size()) + " matters>";
        });
}

/// @p report holding its table (which holds the tree) and its options (the Python objects).
template <class Report>
ObjectOf<Report> keeping(Report report, const CaseTable& table, const OptionsBox& options) {
    py::object out = py::cast(std::move(report));
    out.attr("_table") = py::cast(&table, py::return_value_policy::reference);
    out.attr("_options") = py::cast(&options, py::return_value_policy::reference);
    return ObjectOf<Report>(std::move(out));
}

void bind_reports(py::module_& m) {
    py::class_<KpiReport> report(m, "KpiReport",
                                 "KPIs of one period for every unit of the ladder (rolled up in one pass), every grid and "
                                 "every matter type. Keeps its table alive.",
                                 py::dynamic_attr());
    report.def_property_readonly("cutoff", &KpiReport::cutoff, "The cut-off used.")
        .def_property_readonly(
            "options", [](const py::object& self) { return ObjectOf<OptionsBox>(self.attr("_options")); }, "The options used.")
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
        .def(
            "_columns",
            [](const KpiReport& r, const std::string& part) {
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
            },
            py::arg("part"), "Columns for to_pandas() (internal).")
        .def("to_pandas", [](const py::object& self, const std::string& part) { return pandas_helper("report_frame")(self, part); },
             py::arg("part") = "units",
             "One row per unit ('units': code, name, level, parent_code), grid ('grids': code, unit_code) or matter "
             "('matters': key), with every count (int64), rate and percentile (float64, NaN for an empty "
             "denominator); codes and levels are categoricals. Needs pandas.")
        .def("__repr__", [](const KpiReport& r) {
            return "<KpiReport: " + std::to_string(r.units().size()) + " units, " + std::to_string(r.grids().size()) + " grids, " +
                   std::to_string(r.matters().size()) + " matters>";
        });

    py::class_<BucketReport> buckets(m, "BucketReport", "Counts and rates per unit and time bucket (no percentiles).",
                                     py::dynamic_attr());
    buckets.def_property_readonly("cutoff", &BucketReport::cutoff, "The cut-off used (one for every bucket).")
        .def_property_readonly(
            "options", [](const py::object& self) { return ObjectOf<OptionsBox>(self.attr("_options")); }, "The options used.")
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
        .def(
            "_columns",
            [](const BucketReport& r) {
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
            },
            "Columns for to_pandas() (internal).")
        .def("to_pandas", [](const py::object& self) { return pandas_helper("bucket_frame")(self); },
             "One row per bucket and unit: bucket_start (datetime64), code, name, level, parent_code (categoricals), "
             "counts and rates. Needs pandas.")
        .def("__repr__", [](const BucketReport& r) {
            return "<BucketReport: " + std::to_string(r.starts().size()) + " " + std::string(to_string(r.bucket())) + "s × " +
                   std::to_string(r.units().size()) + " units>";
        });

    m.def(
        "compute_kpis",
        [](const CaseTable& table, const OptionsBox& options) {
            const KpiOptions resolved = options.resolved();
            KpiReport out;
            {
                const py::gil_scoped_release release;
                out = compute_kpis(table, resolved);
            }
            return keeping(std::move(out), table, options);
        },
        py::arg("table"), py::arg("options"),
        "KPIs of the period for every unit (counts rolled up the ladder in one pass, then divided), every grid and "
        "every matter. InvalidInputError for an empty period, a cap outside 1–65,535 or an unknown scope.");
    m.def(
        "compute_kpis_by_bucket",
        [](const CaseTable& table, const OptionsBox& options, TimeBucket bucket) {
            const KpiOptions resolved = options.resolved();
            BucketReport out;
            {
                const py::gil_scoped_release release;
                out = compute_kpis_by_bucket(table, resolved, bucket);
            }
            return keeping(std::move(out), table, options);
        },
        py::arg("table"), py::arg("options"), py::arg_v("bucket", TimeBucket::month, "TimeBucket.MONTH"),
        "Counts and rates per unit (rolled up) and per day, Monday week or month; a case falls in the bucket of its "
        "handling deadline (or filing, by options.basis).");
}

}  // namespace

void bind_analytics(py::module_& m) {
    bind_values(m);
    bind_options(m);
    bind_table(m);
    bind_reports(m);
}

}  // namespace grassroots::python
