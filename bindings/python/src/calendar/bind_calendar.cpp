// China's working-day calendar (工作日): public holidays, make-up working days (调休), working hours
// and the deadlines of closed loops.
//
// Dates are datetime.date; instants are datetime.datetime (naive = China Standard Time, aware =
// converted; results are aware, +08:00; see casters.hpp); amounts of time are datetime.timedelta.
// is_working_day, add_working_days, working_days_between and next/previous_working_day also take
// NumPy datetime64 arrays (any unit, whole days) or sequences of dates and return NumPy arrays; they
// convert the arguments, then run the C++ bulk forms with the GIL released.
#include <pybind11/chrono.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <Python.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "casters.hpp"
#include "grassroots/calendar/calendar.hpp"
#include "grassroots/calendar/deadline.hpp"
#include "grassroots/calendar/working_hours.hpp"
#include "grassroots/error.hpp"
#include "value_types.hpp"

namespace grassroots::python {

/// Dates for the vectorised forms: a NumPy datetime64 array (any shape; any unit, as long as every
/// value is a whole day), anything NumPy turns into one (a pandas Series or DatetimeIndex), or a
/// sequence of datetime.date. Held as a datetime64 array.
struct DateArray {
    py::array values;
};

/// As DateArray, or one datetime.date (held as a 0-dimensional array) to broadcast against an array.
struct DatesOrDate {
    py::array values;
};

/// Working-day offsets for the vectorised add_working_days: an int, or an integer array or sequence.
/// Held as an int64 array.
struct Offsets {
    py::array values;
};

/// Dates a vectorised call returns: a datetime64[D] array.
struct DateArrayResult {
    py::object values;
};

/// A wall-clock time of day (datetime.time), as time after midnight.
struct TimeOfDay {
    std::chrono::microseconds value{};
};

}  // namespace grassroots::python

namespace pybind11::detail {

namespace calendar_casters {

/// Days since 1970-01-01 of a datetime.date (not a datetime), or nothing.
inline std::optional<std::int64_t> epoch_day(handle item, const object& date_type, const object& datetime_type) {
    if (!isinstance(item, date_type) || isinstance(item, datetime_type)) {
        return std::nullopt;
    }
    constexpr std::int64_t ordinal_of_1970_01_01 = 719163;
    return item.attr("toordinal")().cast<std::int64_t>() - ordinal_of_1970_01_01;
}

/// A datetime64 array from @p source (see DateArray), or a null object when it is none. (Not a
/// py::array: a default-constructed one is an empty array, not null.)
inline object load_dates(handle source) {
    if (!source || PyUnicode_Check(source.ptr()) || PyBytes_Check(source.ptr())) {
        return {};
    }
    const auto datetime = module_::import("datetime");
    const object date_type = datetime.attr("date");
    const object datetime_type = datetime.attr("datetime");
    if (isinstance(source, date_type)) {
        return {};  // one date: the scalar overload (or DatesOrDate) takes it
    }
    const auto numpy = module_::import("numpy");
    object items;  // a sequence to read date by date
    object shape;
    if (isinstance(source, numpy.attr("ndarray")) || hasattr(source, "__array__")) {
        object values;
        try {
            values = numpy.attr("asarray")(source);
        } catch (const error_already_set&) {
            return {};
        }
        const auto kind = values.attr("dtype").attr("kind").cast<std::string>();
        if (kind == "M") {
            return values;
        }
        if (kind != "O") {
            return {};
        }
        items = values.attr("ravel")();
        shape = values.attr("shape");
    } else if (PySequence_Check(source.ptr()) != 0) {
        items = reinterpret_borrow<object>(source);
    } else {
        return {};
    }
    const auto size = len(items);
    array_t<std::int64_t> days(static_cast<ssize_t>(size));
    auto* out = days.mutable_data();
    for (std::size_t i = 0; i < size; ++i) {
        const auto day = epoch_day(items[int_(i)], date_type, datetime_type);
        if (!day) {
            return {};  // not a date (a datetime, a string, …): a TypeError
        }
        out[i] = *day;
    }
    object result = days.attr("view")("datetime64[D]");
    if (shape) {
        result = result.attr("reshape")(shape);
    }
    return result;
}

}  // namespace calendar_casters

template <>
struct type_caster<grassroots::python::DateArray> {
    PYBIND11_TYPE_CASTER(grassroots::python::DateArray,
                         const_name("numpy.typing.NDArray[numpy.datetime64] | collections.abc.Sequence[datetime.date]"));

    bool load(handle source, bool /*convert*/) {
        const object dates = calendar_casters::load_dates(source);
        if (!dates) {
            return false;
        }
        value.values = reinterpret_borrow<array>(dates);
        return true;
    }

    static handle cast(const grassroots::python::DateArray& dates, return_value_policy, handle) {
        return dates.values.inc_ref();
    }
};

template <>
struct type_caster<grassroots::python::DatesOrDate> {
    PYBIND11_TYPE_CASTER(grassroots::python::DatesOrDate,
                         const_name("numpy.typing.NDArray[numpy.datetime64] | collections.abc.Sequence[datetime.date] "
                                    "| datetime.date"));

    bool load(handle source, bool /*convert*/) {
        if (!source) {
            return false;
        }
        const auto datetime = module_::import("datetime");
        if (isinstance(source, datetime.attr("date"))) {
            const auto day = calendar_casters::epoch_day(source, datetime.attr("date"), datetime.attr("datetime"));
            if (!day) {
                return false;  // a datetime
            }
            const auto numpy = module_::import("numpy");
            value.values = reinterpret_borrow<array>(
                numpy.attr("array")(*day, arg("dtype") = "int64").attr("view")("datetime64[D]"));
            return true;
        }
        const object dates = calendar_casters::load_dates(source);
        if (!dates) {
            return false;
        }
        value.values = reinterpret_borrow<array>(dates);
        return true;
    }

    static handle cast(const grassroots::python::DatesOrDate& dates, return_value_policy, handle) {
        return dates.values.inc_ref();
    }
};

template <>
struct type_caster<grassroots::python::Offsets> {
    PYBIND11_TYPE_CASTER(grassroots::python::Offsets,
                         const_name("int | numpy.typing.NDArray[numpy.integer[typing.Any]] | "
                                    "collections.abc.Sequence[int]"));

    bool load(handle source, bool /*convert*/) {
        if (!source || PyBool_Check(source.ptr()) || PyUnicode_Check(source.ptr()) || PyBytes_Check(source.ptr())) {
            return false;
        }
        const auto numpy = module_::import("numpy");
        object values;
        try {
            values = numpy.attr("asarray")(source);
        } catch (const error_already_set&) {
            return false;
        }
        const auto kind = values.attr("dtype").attr("kind").cast<std::string>();
        const bool empty = values.attr("size").cast<std::size_t>() == 0;
        if (kind != "i" && kind != "u" && !empty) {
            return false;
        }
        value.values = reinterpret_borrow<array>(values.attr("astype")("int64"));
        return true;
    }

    static handle cast(const grassroots::python::Offsets& offsets, return_value_policy, handle) {
        return offsets.values.inc_ref();
    }
};

template <>
struct type_caster<grassroots::python::DateArrayResult> {
    PYBIND11_TYPE_CASTER(grassroots::python::DateArrayResult, const_name("numpy.typing.NDArray[numpy.datetime64]"));

    bool load(handle, bool) { return false; }

    static handle cast(const grassroots::python::DateArrayResult& dates, return_value_policy, handle) {
        return dates.values.inc_ref();
    }
};

/// datetime.time <-> time after midnight; 24:00 (the end of a period that runs to midnight) is
/// time(0, 0).
template <>
struct type_caster<grassroots::python::TimeOfDay> {
    PYBIND11_TYPE_CASTER(grassroots::python::TimeOfDay, const_name("datetime.time"));

    bool load(handle source, bool /*convert*/) {
        using namespace std::chrono;
        if (!source || !isinstance(source, module_::import("datetime").attr("time"))) {
            return false;
        }
        value.value = hours{source.attr("hour").cast<int>()} + minutes{source.attr("minute").cast<int>()} +
                      seconds{source.attr("second").cast<int>()} +
                      microseconds{source.attr("microsecond").cast<int>()};
        return true;
    }

    static handle cast(const grassroots::python::TimeOfDay& time, return_value_policy, handle) {
        using namespace std::chrono;
        const auto minute = duration_cast<minutes>(time.value).count() % (24 * 60);
        return module_::import("datetime").attr("time")(minute / 60, minute % 60).release();
    }
};

}  // namespace pybind11::detail

namespace grassroots::python {

namespace {

using std::chrono::microseconds;
using std::chrono::minutes;
using std::chrono::seconds;

// ---- concurrency --------------------------------------------------------------------------------

/// The bulk forms run without the GIL, so another Python thread could change the calendar under
/// them. Every change takes this lock exclusively (with the GIL held); the bulk forms take it
/// shared after releasing the GIL (and let it go before taking the GIL back), so they cannot deadlock.
/// The work must not touch Python objects: take spans of the arrays first.
std::shared_mutex& calendar_mutex() {
    static std::shared_mutex mutex;
    return mutex;
}

template <class Change>
void change(Calendar& calendar, Change&& apply) {
    const std::unique_lock lock(calendar_mutex());
    apply(calendar);
}

template <class Work>
void without_gil(Work&& work) {
    const py::gil_scoped_release release;
    const std::shared_lock lock(calendar_mutex());
    work();
}

// ---- arrays -------------------------------------------------------------------------------------

using Int32Array = py::array_t<std::int32_t, py::array::c_style | py::array::forcecast>;
using Int64Array = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;

py::module_ numpy() { return py::module_::import("numpy"); }

std::string range_text() {
    const auto [first, last] = Calendar::range();
    return to_string(first) + " … " + to_string(last);
}

std::int64_t first_true(const py::object& mask) {
    return numpy().attr("flatnonzero")(mask)[py::int_(0)].cast<std::int64_t>();
}

/// Days since 1970-01-01 of a datetime64 array, as a C-contiguous int32 array of the same shape.
/// InvalidInput naming the element for NaT, a value with a time of day, or a day beyond int32.
Int32Array days_of(const py::array& dates, const std::string& what) {
    const py::object days = dates.attr("astype")("datetime64[D]");
    const py::object nat = numpy().attr("isnat")(days);
    if (nat.attr("any")().cast<bool>()) {
        throw InvalidInput("element " + std::to_string(first_true(nat)) + " of " + what + " is NaT, not a date");
    }
    if (!days.attr("dtype").equal(dates.attr("dtype"))) {
        const py::object partial = numpy().attr("not_equal")(days, dates);
        if (partial.attr("any")().cast<bool>()) {
            const std::int64_t at = first_true(partial);
            throw InvalidInput("element " + std::to_string(at) + " of " + what + " is " +
                               std::string(py::str(dates.attr("ravel")()[py::int_(at)])) +
                               ", not a whole day (floor it with .astype('datetime64[D]'))");
        }
    }
    const py::object ints = days.attr("view")("int64");
    if (ints.attr("size").cast<std::size_t>() > 0) {
        for (const char* end : {"argmin", "argmax"}) {
            const std::int64_t at = ints.attr(end)(py::none()).cast<std::int64_t>();
            const std::int64_t day = ints.attr("ravel")()[py::int_(at)].cast<std::int64_t>();
            if (day < std::numeric_limits<std::int32_t>::min() || day > std::numeric_limits<std::int32_t>::max()) {
                throw InvalidInput("date " + std::string(py::str(days.attr("ravel")()[py::int_(at)])) +
                                   " is outside the calendar's range " + range_text());
            }
        }
    }
    return Int32Array::ensure(ints.attr("astype")("int32"));
}

/// The common shape of two arrays; InvalidInput when they do not broadcast.
py::tuple common_shape(const py::array& a, const py::array& b, const std::string& problem) {
    try {
        return numpy().attr("broadcast_shapes")(a.attr("shape"), b.attr("shape"));
    } catch (const py::error_already_set&) {
        throw InvalidInput(problem);
    }
}

template <class T>
py::array_t<T, py::array::c_style | py::array::forcecast> spread(const py::array& values, const py::tuple& shape) {
    return py::array_t<T, py::array::c_style | py::array::forcecast>::ensure(
        numpy().attr("ascontiguousarray")(numpy().attr("broadcast_to")(values, shape)));
}

template <class T>
std::span<const T> view(const py::array_t<T, py::array::c_style | py::array::forcecast>& values) {
    return {values.data(), static_cast<std::size_t>(values.size())};
}

template <class T>
std::span<T> view_mutable(py::array_t<T, py::array::c_style | py::array::forcecast>& values) {
    return {values.mutable_data(), static_cast<std::size_t>(values.size())};
}

std::string shape_text(const py::array& values) {
    if (values.ndim() == 1) {
        return std::to_string(values.size());
    }
    return "shape " + std::string(py::str(values.attr("shape")));
}

py::array_t<bool> is_working_day_array(const Calendar& calendar, const DateArray& dates) {
    const Int32Array days = days_of(dates.values, "dates");
    py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast> out(
        std::vector<py::ssize_t>(days.shape(), days.shape() + days.ndim()));
    const auto in = view(days);
    const auto result = view_mutable(out);
    without_gil([&] { calendar.is_working_day(in, result); });
    return py::array_t<bool>::ensure(out.attr("view")("bool"));
}

DateArrayResult add_working_days_array(const Calendar& calendar, const DatesOrDate& dates, const Offsets& offsets) {
    const Int32Array days = days_of(dates.values, "dates");
    const py::array& n = offsets.values;
    const py::tuple shape = common_shape(
        days, n,
        "add_working_days: " + std::string(n.ndim() <= 1 && days.ndim() <= 1
                                               ? std::to_string(n.size()) + " offsets for " + std::to_string(days.size()) +
                                                     " dates (give one offset or one per date)"
                                               : "offsets of " + shape_text(n) + " do not broadcast against dates of " +
                                                     shape_text(days)));
    const Int32Array starts = spread<std::int32_t>(days, shape);
    const Int64Array steps = n.size() == 1 ? Int64Array::ensure(n.attr("reshape")(1)) : spread<std::int64_t>(n, shape);
    Int32Array out(std::vector<py::ssize_t>(starts.shape(), starts.shape() + starts.ndim()));
    const auto in = view(starts);
    const auto by = view(steps);
    const auto result = view_mutable(out);
    without_gil([&] { calendar.add_working_days(in, by, result); });
    return {out.attr("astype")("datetime64[D]")};
}

/// One date as a 0-dimensional datetime64[D] array.
DatesOrDate one_date(Date date) {
    const auto day = (std::chrono::sys_days{date} - std::chrono::sys_days{}).count();
    return {py::array(numpy().attr("array")(day, py::arg("dtype") = "int64").attr("view")("datetime64[D]"))};
}

py::array_t<std::int64_t> working_days_between_array(const Calendar& calendar, const DatesOrDate& start,
                                                     const DatesOrDate& end) {
    const Int32Array first = days_of(start.values, "start");
    const Int32Array last = days_of(end.values, "end");
    const py::tuple shape =
        common_shape(first, last,
                     "working_days_between: start (" + shape_text(first) + " dates) and end (" + shape_text(last) +
                         " dates) do not match (give one date or the same number of dates)");
    const Int32Array a = spread<std::int32_t>(first, shape);
    const Int32Array b = spread<std::int32_t>(last, shape);
    Int64Array out(std::vector<py::ssize_t>(a.shape(), a.shape() + a.ndim()));
    const auto from = view(a);
    const auto to = view(b);
    const auto result = view_mutable(out);
    without_gil([&] { calendar.working_days_between(from, to, result); });
    return out;
}

// ---- small conversions --------------------------------------------------------------------------

std::optional<std::string> optional_str(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

/// A timedelta as a whole number of @p Unit; InvalidInput (naming @p what) otherwise.
template <class Unit>
Unit whole(microseconds amount, const char* what, const char* unit) {
    const auto whole_units = std::chrono::duration_cast<Unit>(amount);
    if (whole_units != amount) {
        throw InvalidInput(std::string(what) + " must be a whole number of " + unit + ", got " +
                           std::string(py::str(py::cast(amount))));
    }
    return whole_units;
}

minutes period_time(microseconds time, std::size_t period, const char* end) {
    if (time % minutes{1} != microseconds{0}) {
        throw InvalidInput("working period " + std::to_string(period) + ": the " + end +
                           " time must be in whole minutes (no seconds)");
    }
    return std::chrono::duration_cast<minutes>(time);
}

using PeriodPair = std::pair<TimeOfDay, TimeOfDay>;

WorkingHours hours_from(const std::vector<PeriodPair>& pairs) {
    std::vector<WorkingPeriod> periods;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const minutes start = period_time(pairs[i].first.value, i + 1, "start");
        minutes end = period_time(pairs[i].second.value, i + 1, "end");
        if (end == minutes{0}) {
            end = minutes{24 * 60};  // a period running to midnight ends at time(0, 0)
        }
        periods.push_back({start, end});
    }
    return WorkingHours(std::move(periods));
}

std::vector<PeriodPair> pairs_of(const WorkingHours& hours) {
    std::vector<PeriodPair> out;
    for (const WorkingPeriod& p : hours.periods()) {
        out.push_back({TimeOfDay{p.start}, TimeOfDay{p.end}});
    }
    return out;
}

std::string years_text(const std::vector<int>& years) {
    if (years.empty()) {
        return "no notices";
    }
    std::string text = "notices ";
    for (std::size_t i = 0; i < years.size();) {
        std::size_t j = i;
        while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
        text += (i == 0 ? "" : ", ") + std::to_string(years[i]) + (j > i ? "–" + std::to_string(years[j]) : "");
        i = j + 1;
    }
    return text;
}

std::string deadline_repr(const Deadline& deadline) {
    switch (deadline.kind()) {
        case DeadlineKind::elapsed:
        case DeadlineKind::working_hours:
            return std::string("Deadline.") + (deadline.kind() == DeadlineKind::elapsed ? "elapsed(" : "working_hours(") +
                   std::string(py::repr(py::cast(minutes{deadline.amount()}))) + ")";
        case DeadlineKind::working_days: return "Deadline.working_days(" + std::to_string(deadline.amount()) + ")";
    }
    return "Deadline(?)";
}

Deadline make_deadline(DeadlineKind kind, std::int64_t amount) {
    switch (kind) {
        case DeadlineKind::elapsed: return Deadline::elapsed(minutes{amount});
        case DeadlineKind::working_hours: return Deadline::working_hours(minutes{amount});
        case DeadlineKind::working_days: return Deadline::working_days(amount);
    }
    throw InvalidInput("unknown deadline kind");
}

py::object pandas_helper(const char* name) { return py::module_::import("grassroots._calendar_pandas").attr(name); }

}  // namespace

void bind_calendar(py::module_& m) {
    // ---- enums ----------------------------------------------------------------------------------
    bind_enum<DayKind>(m, "DayKind", "Why a day is or is not a working day.",
                       {{"WORKDAY", DayKind::workday, "工作日: Monday–Friday, no override"},
                        {"WEEKEND", DayKind::weekend, "周末: Saturday or Sunday, no override"},
                        {"HOLIDAY", DayKind::holiday, "节假日: a day off by a notice or local rule"},
                        {"MAKEUP_WORKDAY", DayKind::makeup_workday, "调休上班: a weekend day made a working day"}},
                       "工作日, 周末, 节假日 or 调休上班.");
    bind_enum<UnpublishedYears>(
        m, "UnpublishedYears", "What queries about a year whose holiday notice is not published do.",
        {{"RAISE", UnpublishedYears::raise, "raise NotFoundError naming the year (the default)"},
         {"WEEKDAY_RULE", UnpublishedYears::weekday_rule,
          "answer by the weekday rule; DayInfo.provisional tells"}});
    bind_enum<DeadlineKind>(
        m, "DeadlineKind", "How a deadline's clock runs.",
        {{"ELAPSED", DeadlineKind::elapsed, "wall-clock time, day and night (e.g. emergencies within 2 h)"},
         {"WORKING_HOURS", DeadlineKind::working_hours, "only during working hours of working days"},
         {"WORKING_DAYS", DeadlineKind::working_days, "whole working days, due at close of business"}});

    m.attr("CHINA_STANDARD_TIME") =
        py::module_::import("datetime").attr("timezone")(py::module_::import("datetime").attr("timedelta")(
            py::arg("hours") = 8));
    m.def(
        "parse_instant", [](std::string_view text) { return parse_instant(text); }, py::arg("text"),
        "Parses 'YYYY-MM-DDTHH:MM[:SS]' with an optional 'Z' or '±HH:MM' offset (none: China Standard Time) "
        "into an aware datetime in CST. InvalidInputError for anything else.");

    // ---- DayInfo, HolidayNotice -----------------------------------------------------------------
    py::class_<DayInfo> day_class(m, "DayInfo", "What the calendar says about one day.");
    day_class.def(py::init([](Date date, bool working, DayKind kind, std::optional<std::string> holiday_name,
                              bool provisional, std::optional<std::string> source) {
                      return DayInfo{.date = date, .working = working, .kind = kind,
                                     .holiday_name = holiday_name.value_or(""), .provisional = provisional,
                                     .source = source.value_or("")};
                  }),
                  py::arg("date"), py::arg("working"), py::arg("kind"), py::arg("holiday_name") = py::none(),
                  py::arg("provisional") = false, py::arg("source") = py::none());
    field(day_class, "date", &DayInfo::date, "The day.");
    field(day_class, "working", &DayInfo::working, "Is it a working day.");
    field(day_class, "kind", &DayInfo::kind, "Why: DayKind.");
    day_class.def_property_readonly(
        "holiday_name", [](const DayInfo& d) { return optional_str(d.holiday_name); },
        "The holiday (e.g. 春节) on its days off and its make-up working days; None otherwise.");
    field(day_class, "provisional", &DayInfo::provisional,
          "True when no notice covers the day (answered by the weekday rule).");
    day_class.def_property_readonly(
        "source", [](const DayInfo& d) { return optional_str(d.source); },
        "The notice (URL or file) or local rule behind an override; None for an ordinary day.");
    add_value_protocol(day_class, {"date", "working", "kind", "holiday_name", "provisional", "source"});

    py::class_<HolidayNotice> notice_class(
        m, "HolidayNotice",
        "A State Council notice on public holidays (国务院办公厅关于…部分节假日安排的通知) or another source of "
        "overrides.");
    notice_class.def(py::init([](int year, std::string title, std::string source) {
                         return HolidayNotice{.year = year, .title = std::move(title), .source = std::move(source)};
                     }),
                     py::arg("year"), py::arg("title"), py::arg("source"));
    field(notice_class, "year", &HolidayNotice::year, "The year it arranges.");
    field(notice_class, "title", &HolidayNotice::title, "Its title.");
    field(notice_class, "source", &HolidayNotice::source, "Where it was published (URL) or the file it came from.");
    add_value_protocol(notice_class, {"year", "title", "source"});

    // ---- WorkingHours ---------------------------------------------------------------------------
    py::class_<WorkingHours> hours_class(
        m, "WorkingHours",
        "The daily working hours of a working day (a local rule). The default, standard(), is 08:30–12:00 and "
        "13:30–17:30: 7.5 hours.");
    hours_class
        .def(py::init(&hours_from), py::arg("periods"),
             "Periods as (start, end) datetime.time pairs, in order, not overlapping, in whole minutes; an end "
             "of time(0, 0) means midnight at the end of the day. InvalidInputError otherwise.")
        .def_static("standard", &WorkingHours::standard, "08:30–12:00 and 13:30–17:30 (a common local rule).")
        .def_static("parse", &WorkingHours::parse, py::arg("text"),
                    "Parses '08:30-12:00,13:30-17:30'; InvalidInputError otherwise.")
        .def_property_readonly("periods", &pairs_of, "The periods as (start, end) datetime.time pairs.")
        .def_property_readonly("per_day", &WorkingHours::per_day, "Working time per working day (timedelta).")
        .def_property_readonly(
            "close", [](const WorkingHours& h) { return TimeOfDay{h.close()}; },
            "End of the last period: close of business, when working-day deadlines fall due.")
        .def("__str__", &WorkingHours::to_string, "'08:30-12:00,13:30-17:30'.")
        .def("__repr__", [](const WorkingHours& h) { return "WorkingHours.parse('" + h.to_string() + "')"; })
        .def(
            "__eq__",
            [](const WorkingHours& a, const py::object& b) {
                return py::isinstance<WorkingHours>(b) && a == b.cast<const WorkingHours&>();
            },
            py::arg("other"))
        .def("__hash__", [](const WorkingHours& h) { return py::hash(py::str(h.to_string())); })
        .def(
            "to_dict",
            [](const WorkingHours& h) {
                StringDict out;
                out["periods"] = py::cast(pairs_of(h));
                return out;
            },
            "{'periods': [(start, end), …]} (the constructor's keyword).")
        .def(py::pickle([](const WorkingHours& h) { return h.to_string(); },
                        [](const std::string& text) { return WorkingHours::parse(text); }));

    // ---- Calendar -------------------------------------------------------------------------------
    py::class_<Calendar> calendar_class(
        m, "Calendar",
        "China's working-day calendar (工作日): weekdays, public holidays and make-up working days (调休) from the "
        "State Council's yearly notices, local rules, and working hours. A year whose notice is not published is "
        "never guessed: queries about it raise NotFoundError unless unpublished = UnpublishedYears.WEEKDAY_RULE.");
    calendar_class
        .def(py::init<>(), "A calendar with no notices: every year unpublished.")
        .def_static("china", &Calendar::china,
                    "China's schedule 2019–2026 shipped in the library, with each year's notice (a fresh copy).")
        .def_static(
            "from_holiday_cn",
            [](const IterableOf<std::filesystem::path>& paths) {
                std::vector<std::filesystem::path> files;
                if (PyUnicode_Check(paths.ptr()) || PyBytes_Check(paths.ptr())) {
                    files.push_back(paths.cast<std::filesystem::path>());  // one path, not its characters
                } else {
                    for (const py::handle path : paths) {
                        files.push_back(path.cast<std::filesystem::path>());
                    }
                }
                return Calendar::from_holiday_cn(files);
            },
            py::arg("paths"),
            "A calendar from holiday-cn JSON files (one per year, e.g. 2026.json). InvalidInputError naming the "
            "file for malformed JSON, a bad date, conflicting values or a year loaded twice; FileError for a file "
            "that cannot be read.")
        .def(
            "add_holiday_cn",
            [](Calendar& c, std::string_view json, std::string_view source) {
                change(c, [&](Calendar& calendar) { calendar.add_holiday_cn(json, source); });
            },
            py::arg("json_text"), py::arg("source"),
            "Adds one holiday-cn JSON document (its text; source names it in errors). All or nothing.")
        .def(
            "add_local",
            [](Calendar& c, Date date, bool working, std::string name, std::string source) {
                change(c, [&](Calendar& calendar) {
                    calendar.add_local(date, working, std::move(name), std::move(source));
                });
            },
            py::arg("date"), py::arg("working"), py::arg("name"), py::arg("source") = "local rule",
            "Adds a local holiday (working=False) or working day; it wins over the notices. InvalidInputError when "
            "the date already has a local rule with the other value.")
        .def(
            "read_local",
            [](Calendar& c, const std::filesystem::path& path) {
                change(c, [&](Calendar& calendar) { calendar.read_local(path); });
            },
            py::arg("path"),
            "Reads local rules from 'date,working,name' CSV (working: 1/0, true/false, work/off). All or "
            "nothing; errors name the file and row.")
        .def_property(
            "unpublished", &Calendar::unpublished,
            [](Calendar& c, UnpublishedYears policy) {
                change(c, [&](Calendar& calendar) { calendar.set_unpublished(policy); });
            },
            "What queries about unpublished years do: UnpublishedYears.RAISE (default) or WEEKDAY_RULE.")
        .def("is_published", &Calendar::is_published, py::arg("year"), "True when the notice for year is loaded.")
        .def_property_readonly("published_years", &Calendar::published_years,
                               "The years whose notices are loaded, ascending.")
        .def_property_readonly(
            "notices",
            [](const Calendar& c) { return std::vector<HolidayNotice>(c.notices().begin(), c.notices().end()); },
            "The notices loaded (copies), by year.")
        .def("is_covered", &Calendar::is_covered, py::arg("date"),
             "True when a loaded notice covers the day (from 29 December on, the next year's notice is needed too).")
        .def("day", &Calendar::day, py::arg("date"),
             "Everything about one day (DayInfo). NotFoundError for an uncovered day under UnpublishedYears.RAISE.")
        .def("is_working_day", py::overload_cast<Date>(&Calendar::is_working_day, py::const_), py::arg("date"),
             "Is the day a working day.")
        .def("is_working_day", &is_working_day_array, py::arg("dates"),
             "Vectorised: a bool array of the dates' shape.")
        .def("holiday_name", &Calendar::holiday_name, py::arg("date"),
             "The holiday's name (e.g. 国庆节), also on its make-up working days; None on ordinary days.")
        .def("next_working_day", &Calendar::next_working_day, py::arg("date"), "The first working day after date.")
        .def(
            "next_working_day",
            [](const Calendar& c, const DateArray& dates) {
                return add_working_days_array(c, DatesOrDate{dates.values}, Offsets{Int64Array::ensure(py::int_(1))});
            },
            py::arg("dates"), "Vectorised: a datetime64[D] array.")
        .def("previous_working_day", &Calendar::previous_working_day, py::arg("date"),
             "The last working day before date.")
        .def(
            "previous_working_day",
            [](const Calendar& c, const DateArray& dates) {
                return add_working_days_array(c, DatesOrDate{dates.values}, Offsets{Int64Array::ensure(py::int_(-1))});
            },
            py::arg("dates"), "Vectorised: a datetime64[D] array.")
        .def("add_working_days", py::overload_cast<Date, std::int64_t>(&Calendar::add_working_days, py::const_),
             py::arg("date"), py::arg("n"),
             "The n-th working day after date (before it for negative n; date itself for 0) — from the make-up "
             "Saturday 2026-02-14, one working day later is 2026-02-24.")
        .def("add_working_days", &add_working_days_array, py::arg("dates"), py::arg("n"),
             "Vectorised: dates (datetime64 array, sequence of dates, or one date) plus n (an int, or ints "
             "broadcast against the dates) as a datetime64[D] array. InvalidInputError when the shapes do not match.")
        .def("working_days_between",
             py::overload_cast<Date, Date>(&Calendar::working_days_between, py::const_), py::arg("start"),
             py::arg("end"), "Working days in [start, end): start inclusive, end exclusive; negative when end < start.")
        .def(
            "working_days_between",
            [](const Calendar& c, const DateArray& start, const DatesOrDate& end) {
                return working_days_between_array(c, DatesOrDate{start.values}, end);
            },
            py::arg("start"), py::arg("end"),
            "Vectorised: an int64 array; start and end are arrays that broadcast (end may be one date).")
        .def(
            "working_days_between",
            [](const Calendar& c, Date start, const DateArray& end) {
                return working_days_between_array(c, one_date(start), DatesOrDate{end.values});
            },
            py::arg("start"), py::arg("end"), "Vectorised: from one date to each of an array of dates.")
        .def_property(
            "working_hours", [](const Calendar& c) { return c.working_hours(); },
            [](Calendar& c, WorkingHours hours) {
                change(c, [&](Calendar& calendar) { calendar.set_working_hours(std::move(hours)); });
            },
            "The working-hours schedule (a copy; default WorkingHours.standard()); assign to change it.")
        .def(
            "add_working_time",
            [](const Calendar& c, Instant start, microseconds amount) {
                return c.add_working_time(start, whole<seconds>(amount, "the amount of working time", "seconds"));
            },
            py::arg("start"), py::arg("amount"),
            "The instant at which amount (timedelta, whole seconds) of working time after start has passed: an "
            "aware datetime in CST. InvalidInputError for a negative amount.")
        .def("working_time_between", &Calendar::working_time_between, py::arg("start"), py::arg("end"),
             "Working time between two instants (timedelta); negative when end is before start.")
        .def_static("range", &Calendar::range,
                    "First and last day the calendar can answer for: (1949-01-01, 2149-12-31).")
        .def(
            "to_pandas",
            [](const py::object& self, Date start, Date end) { return pandas_helper("days_frame")(self, start, end); },
            py::arg("start"), py::arg("end"),
            "One row per day in [start, end), indexed by date: working, kind, holiday_name, provisional, source. "
            "Needs pandas.")
        .def("__copy__", [](const Calendar& c) { return Calendar(c); })
        .def("__deepcopy__", [](const Calendar& c, const py::object&) { return Calendar(c); }, py::arg("memo"))
        .def("__repr__", [](const Calendar& c) {
            return "<Calendar: " + years_text(c.published_years()) + ", unpublished years " +
                   (c.unpublished() == UnpublishedYears::raise ? "raise" : "by the weekday rule") + ", hours " +
                   c.working_hours().to_string() + ">";
        });

    // ---- Deadline -------------------------------------------------------------------------------
    py::class_<Deadline> deadline_class(
        m, "Deadline",
        "A time limit of a closed loop: elapsed time (emergencies), working hours, or working days (due at close of "
        "business of the n-th working day after the start's date).");
    deadline_class
        .def_static(
            "elapsed",
            [](microseconds amount) {
                return Deadline::elapsed(whole<minutes>(amount, "a deadline's time", "minutes"));
            },
            py::arg("amount"),
            "amount (timedelta, whole minutes) of wall-clock time; InvalidInputError unless positive.")
        .def_static(
            "working_hours",
            [](microseconds amount) {
                return Deadline::working_hours(whole<minutes>(amount, "a deadline's working time", "minutes"));
            },
            py::arg("amount"), "amount (timedelta, whole minutes) of working time; InvalidInputError unless positive.")
        .def_static("working_days", &Deadline::working_days, py::arg("days"),
                    "days working days; InvalidInputError unless positive.")
        .def_property_readonly("kind", &Deadline::kind, "Which clock: DeadlineKind.")
        .def_property_readonly("amount", &Deadline::amount,
                               "Minutes for ELAPSED and WORKING_HOURS deadlines, days for WORKING_DAYS ones.")
        .def("due", &Deadline::due, py::arg("calendar"), py::arg("start"),
             "When a case started at start is due (aware datetime, +08:00).")
        .def("remaining", &Deadline::remaining, py::arg("calendar"), py::arg("start"), py::arg("now"),
             "Time left at now in the deadline's clock (timedelta); negative when overdue.")
        .def("overdue_by", &Deadline::overdue_by, py::arg("calendar"), py::arg("start"), py::arg("now"),
             "How far past due at now, in the deadline's clock; zero when not overdue.")
        .def("is_overdue", &Deadline::is_overdue, py::arg("calendar"), py::arg("start"), py::arg("now"),
             "True when now is after the due instant.")
        .def("__str__", &Deadline::to_string, "'2 hours', '24 working hours', '7 working days'.")
        .def("__repr__", &deadline_repr)
        .def(
            "__eq__",
            [](const Deadline& a, const py::object& b) {
                return py::isinstance<Deadline>(b) && a == b.cast<const Deadline&>();
            },
            py::arg("other"))
        .def("__hash__",
             [](const Deadline& d) { return py::hash(py::make_tuple(static_cast<int>(d.kind()), d.amount())); })
        .def(
            "to_dict",
            [](const Deadline& d) {
                StringDict out;
                out["kind"] = py::str(std::string(to_string(d.kind())));
                out["amount"] = py::int_(d.amount());
                return out;
            },
            "{'kind': 'working_days', 'amount': 7}.")
        .def(py::pickle([](const Deadline& d) { return py::make_tuple(d.kind(), d.amount()); },
                        [](const py::tuple& state) {
                            return make_deadline(state[0].cast<DeadlineKind>(), state[1].cast<std::int64_t>());
                        }));
}

}  // namespace grassroots::python
