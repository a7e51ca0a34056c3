// Helpers shared by the calendar binding files.
#pragma once

#include <pybind11/chrono.h>
#include <pybind11/pybind11.h>

#include <chrono>
#include <string>

#include "grassroots/error.hpp"

namespace grassroots::python {

namespace py = pybind11;

/// A timedelta as a whole number of @p Unit; InvalidInput (naming @p what) otherwise.
template <class Unit>
Unit whole(std::chrono::microseconds amount, const char* what, const char* unit) {
    const auto whole_units = std::chrono::duration_cast<Unit>(amount);
    if (whole_units != amount) {
        throw InvalidInput(std::string(what) + " must be a whole number of " + unit + ", got " +
                           std::string(py::str(py::cast(amount))));
    }
    return whole_units;
}

}  // namespace grassroots::python
