#include "calendar/date_arrays.hpp"

#include <chrono>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "grassroots/error.hpp"

namespace grassroots::python {

void refuse_if_read_only(const Calendar& calendar) {
    // The object Python holds for this calendar (pybind11 finds the registered instance).
    const py::object self = py::cast(&calendar, py::return_value_policy::reference);
    const py::object reason = py::getattr(self, read_only_attribute, py::none());
    if (!reason.is_none()) throw RuleViolation("calendar.read-only", py::str(reason).cast<std::string>());
}

std::shared_mutex& calendar_mutex() {
    static std::shared_mutex mutex;
    return mutex;
}

namespace {

template <class Work>
void without_gil(Work&& work) {
    const py::gil_scoped_release release;
    const std::shared_lock lock(calendar_mutex());
    work();
}

// ---- arrays -------------------------------------------------------------------------------------

using Int32Array = py::array_t<std::int32_t, py::array::c_style | py::array::forcecast>;

py::handle numpy() { return numpy_module(); }

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

}  // namespace

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

}  // namespace grassroots::python
