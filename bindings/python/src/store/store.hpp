// The store area's binding functions (bindings.cpp calls them in this order).
#pragma once

#include <pybind11/pybind11.h>

namespace grassroots::python {

namespace py = pybind11;

/// Durability, NewEvent, AppendRequest, AppendResult, StoredEvent and StreamInfo.
void bind_store_events(py::module_& m);
/// ChainProblem, ChainFinding, ChainCheckpoint, VerifyReport, Anchor, anchors_from_json_lines, PurgeResult.
void bind_store_chain(py::module_& m);
/// Store and open().
void bind_store_class(py::module_& m);
/// StoredEngine: a case engine persisted in a store.
void bind_stored_engine(py::module_& m);
/// Resident, VaultEntry and Vault.
void bind_vault(py::module_& m);
/// save() and load_<kind>() of the model objects (needs the other areas' classes bound first).
void bind_store_objects(py::module_& m);

}  // namespace grassroots::python
