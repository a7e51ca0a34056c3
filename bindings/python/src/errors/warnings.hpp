// The base of the warning classes the areas issue (bind_errors() makes it, before the areas bind).
#pragma once

#include <pybind11/pybind11.h>

namespace grassroots::python {

/// GrassrootsWarning (a UserWarning): the base of the areas' warning classes, e.g. analytics'
/// EmptyPeriodWarning and UndefinedRateWarning.
pybind11::handle grassroots_warning();

}  // namespace grassroots::python
