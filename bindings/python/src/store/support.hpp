// Conversions for the store's bindings: dict payloads ↔ JSON text, aware datetimes ↔ µs since the epoch.
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>

#include "grassroots/error.hpp"

namespace grassroots::python {

namespace py = pybind11;

/// The UTC epoch as an aware datetime.
inline py::object utc_epoch() {
    auto datetime = py::module_::import("datetime");
    return datetime.attr("datetime")(1970, 1, 1, py::arg("tzinfo") = datetime.attr("timezone").attr("utc"));
}

/// @p payload (a dict of JSON values) as JSON text; InvalidInput when it is not a dict or not JSON.
inline std::string payload_to_json(const py::object& payload) {
    if (!py::isinstance<py::dict>(payload)) {
        throw InvalidInput("the payload must be a dict, not " + std::string(py::str(py::type::handle_of(payload).attr("__name__"))));
    }
    try {
        return py::module_::import("json")
            .attr("dumps")(payload, py::arg("ensure_ascii") = false, py::arg("allow_nan") = false)
            .cast<std::string>();
    } catch (py::error_already_set& error) {
        throw InvalidInput(std::string("the payload is not JSON: ") + error.what());
    }
}

/// JSON text as a new dict.
inline py::object json_to_payload(const std::string& json) { return py::module_::import("json").attr("loads")(json); }

/// An aware datetime as µs since 1970-01-01 UTC; InvalidInput for anything else.
inline std::int64_t datetime_to_us(const py::object& value, const char* what) {
    auto datetime = py::module_::import("datetime");
    if (!py::isinstance(value, datetime.attr("datetime"))) {
        throw InvalidInput(std::string(what) + " must be a datetime, not " +
                           std::string(py::str(py::type::handle_of(value).attr("__name__"))));
    }
    if (value.attr("utcoffset")().is_none()) {
        throw InvalidInput(std::string(what) + " is a naive datetime: give its time zone (e.g. tzinfo=timezone.utc)");
    }
    const py::object delta = value - utc_epoch();
    const py::object micro = delta.attr("__floordiv__")(datetime.attr("timedelta")(py::arg("microseconds") = 1));
    const auto us = micro.cast<std::int64_t>();
    if (us <= 0) {
        throw InvalidInput(std::string(what) + " is not after 1970-01-01 UTC");
    }
    return us;
}

/// µs since 1970-01-01 UTC as an aware datetime in UTC.
inline py::object us_to_datetime(std::int64_t us) {
    return utc_epoch() + py::module_::import("datetime").attr("timedelta")(py::arg("microseconds") = us);
}

}  // namespace grassroots::python
