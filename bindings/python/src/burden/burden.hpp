// The burden area's binding functions (bindings.cpp calls them in this order).
#pragma once

#include <pybind11/pybind11.h>

namespace grassroots::python {

namespace py = pybind11;

/// BurdenKind, BurdenStatus and BurdenItem.
void bind_burden_item(py::module_& m);
/// BurdenWeights.
void bind_burden_weights(py::module_& m);
/// BurdenIndexRow, BurdenChange, BurdenKindChange and BurdenComparison.
void bind_burden_comparison(py::module_& m);
/// BurdenLedger.
void bind_burden_ledger(py::module_& m);

}  // namespace grassroots::python
