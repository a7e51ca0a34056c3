// The binding functions of the dual ledger (双台账), called in this order by bind_ledger()
// (bindings.cpp), and what they share: ProblemId and MeasureId are plain ints in Python.
#pragma once

#include <optional>

#include "bindings.hpp"
#include "grassroots/ledger/ledger.hpp"
#include "ids.hpp"
#include "unit_argument.hpp"

namespace pybind11::detail {

template <>
struct type_caster<grassroots::ProblemId> : strong_id_caster<grassroots::ProblemId> {};
template <>
struct type_caster<grassroots::MeasureId> : strong_id_caster<grassroots::MeasureId> {};

}  // namespace pybind11::detail

namespace grassroots::python {

/// ProblemStatus, MeasureStatus, LedgerAction, ProblemSourceKind.
void bind_ledger_enums(py::module_& m);
/// OwnerUnit, ProblemSource, LedgerEntry.
void bind_ledger_values(py::module_& m);
/// Problem and Measure (read-only copies).
void bind_ledger_items(py::module_& m);
/// LedgerReportRow and LedgerReport (its to_pandas() is Python: grassroots/ledger/_pandas.py).
void bind_ledger_report(py::module_& m);
/// DualLedger (its *_frame() methods are Python: grassroots/ledger/_pandas.py).
void bind_dual_ledger(py::module_& m);

/// The division given (str or DivisionCode), or none.
inline std::optional<DivisionCode> optional_code(const std::optional<UnitArgument>& unit) {
    if (!unit) return std::nullopt;
    return to_code(*unit);
}

}  // namespace grassroots::python
