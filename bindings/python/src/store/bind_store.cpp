// Store: open a SQLite event store, append (one, or a batch in one transaction), read.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "grassroots/store/store.hpp"
#include "store/store.hpp"

namespace grassroots::python {

namespace {

Store open_store(const std::filesystem::path& path, Durability durability, int busy_timeout_ms,
                 const std::string& vfs) {
    return Store::open(path, StoreOptions{.durability = durability, .busy_timeout_ms = busy_timeout_ms, .vfs = vfs});
}

}  // namespace

void bind_store_class(py::module_& m) {
    // The GIL stays held: a Store is one SQLite connection and must not be used by two threads at once.
    py::class_<Store>(m, "Store",
                      "The event store (事件存储): streams of events in one SQLite file (WAL). Open with "
                      "grassroots.store.open(path). Not for use by two threads at once.")
        .def_static("open", &open_store, py::arg("path"), py::arg("durability") = Durability::full,
                    py::arg("busy_timeout_ms") = 5000, py::arg("vfs") = "",
                    "Opens (creating it if missing) the store at path and migrates it; FileError for a file that is "
                    "not SQLite or was written by a newer grassroots. vfs: a registered SQLite VFS name such as "
                    "'unix-dotfile' ('' for the default; an unknown name is InvalidInputError).")
        .def(
            "append",
            [](Store& store, const std::string& stream_id, const std::string& kind,
               std::optional<std::int64_t> expected_version, const std::vector<NewEvent>& events) {
                return store.append(stream_id, kind, expected_version.value_or(any_version), events);
            },
            py::arg("stream_id"), py::arg("kind"), py::arg("expected_version"), py::arg("events"),
            "Appends events to a stream in one transaction. expected_version: 0 for a new stream, N for a "
            "stream at N, None for no check (RuleViolationError on a conflict, nothing written). Repeating the "
            "event ids of an earlier append returns its positions with duplicate=True and writes nothing.")
        .def("append_batch", &Store::append_batch, py::arg("requests"),
             "Appends every AppendRequest in ONE transaction (group commit): all are written or none.")
        .def("read_stream", &Store::read_stream, py::arg("stream_id"), py::arg("from_version") = 1,
             py::arg("limit") = 0, "The stream's events from from_version on (at most limit; 0: all).")
        .def("read_all", &Store::read_all, py::arg("after_position") = 0, py::arg("limit") = 0,
             "Every event after a global position, in order (at most limit; 0: all) — for tailing.")
        .def("stream_version", &Store::stream_version, py::arg("stream_id"), "The stream's version (0 if none).")
        .def("streams", &Store::streams, "Every stream with its kind and version, by id.")
        .def_property_readonly("last_position", &Store::last_position, "The highest global position (0: empty).")
        .def_property_readonly("applied_schema_versions", &Store::applied_schema_versions,
                               "The schema versions applied to the file, oldest first.")
        .def_property_readonly("path", &Store::path, "The store's file.")
        .def_property_readonly("durability", [](const Store& s) { return s.options().durability; },
                               "FULL or NORMAL.")
        .def_property_readonly_static("schema_version", [](const py::object&) { return Store::schema_version; },
                                      "The schema version this build writes.")
        .def("__repr__", [](const Store& s) {
            return "Store('" + s.path().string() + "', durability=" + std::string(to_string(s.options().durability)) +
                   ", last_position=" + std::to_string(s.last_position()) + ")";
        });
    m.def("open", &open_store, py::arg("path"), py::arg("durability") = Durability::full,
          py::arg("busy_timeout_ms") = 5000, py::arg("vfs") = "", "Opens (creating it if missing) the SQLite store at path: Store.open.");
}

}  // namespace grassroots::python
