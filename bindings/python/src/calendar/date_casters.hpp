// Argument and result types of the calendar bindings and their casters: NumPy date arrays (or
// sequences of datetime.date), working-day offsets and datetime.time.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <Python.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace grassroots::python {

namespace py = pybind11;

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

/// The numpy module, imported on first use and kept (the casters run on every vectorised call).
/// Constant-initialised and set with the GIL held: no static-initialisation guard that an import
/// releasing the GIL could deadlock on; two threads racing here import the same module.
inline py::handle numpy_module() {
    static PyObject* module = nullptr;
    if (module == nullptr) module = py::module_::import("numpy").release().ptr();
    return module;
}

/// The datetime module, kept like numpy_module().
inline py::handle datetime_module() {
    static PyObject* module = nullptr;
    if (module == nullptr) module = py::module_::import("datetime").release().ptr();
    return module;
}

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
    const handle datetime = grassroots::python::datetime_module();
    const object date_type = datetime.attr("date");
    const object datetime_type = datetime.attr("datetime");
    if (isinstance(source, date_type)) {
        return {};  // one date: the scalar overload (or DatesOrDate) takes it
    }
    const handle numpy = grassroots::python::numpy_module();
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
        const handle datetime = grassroots::python::datetime_module();
        if (isinstance(source, datetime.attr("date"))) {
            const auto day = calendar_casters::epoch_day(source, datetime.attr("date"), datetime.attr("datetime"));
            if (!day) {
                return false;  // a datetime
            }
            const handle numpy = grassroots::python::numpy_module();
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
        const handle numpy = grassroots::python::numpy_module();
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
        if (!source || !isinstance(source, grassroots::python::datetime_module().attr("time"))) {
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
        return grassroots::python::datetime_module().attr("time")(minute / 60, minute % 60).release();
    }
};

}  // namespace pybind11::detail
