// Store: open an event store (a SQLite file or a PostgreSQL URL), append (one, or a batch in one
// transaction), read. Opening, appends and reads release the GIL (they wait for disk or server);
// the Store's own mutex keeps threads sharing it in turn.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "grassroots/store/store.hpp"
#include "store/store.hpp"
#include "store/support.hpp"

namespace grassroots::python {

namespace {

std::optional<Bytes> key_from(const std::optional<py::bytes>& key) {
    if (!key) return std::nullopt;
    return to_bytes(std::string(*key));
}

Store open_store(const std::filesystem::path& path, Durability durability, int busy_timeout_ms,
                 std::optional<HashAlgorithm> chain_algorithm, const std::optional<py::bytes>& anchor_key,
                 std::int64_t anchor_interval, int retention_days, const std::string& vfs) {
    StoreOptions options{.durability = durability,
                         .busy_timeout_ms = busy_timeout_ms,
                         .chain_algorithm = chain_algorithm,
                         .anchor_key = key_from(anchor_key),
                         .anchor_interval = anchor_interval,
                         .retention_days = retention_days,
                         .vfs = vfs};
    const py::gil_scoped_release release;  // opening waits for the disk or the server
    return Store::open(path, std::move(options));
}

using release_gil = py::call_guard<py::gil_scoped_release>;

constexpr const char* open_doc =
    "Opens the store at path (a SQLite file, created if missing) or at a postgresql:// URL and migrates it; "
    "FileError for a file that is not SQLite, a server that cannot be reached, or a store written by a newer "
    "grassroots. chain_algorithm: the hash chain's HashAlgorithm, fixed when the store is "
    "created (None: the store's own, SHA256 for a new one; another than the store's: InvalidInputError naming both). "
    "anchor_key (bytes, >= 16, kept outside the store): appends write a signed anchor every anchor_interval "
    "events. retention_days: purge_before refuses younger events (default 180). vfs: a registered SQLite VFS name "
    "such as 'unix-excl' ('' for the default; an unknown name is InvalidInputError).";

}  // namespace

void bind_store_class(py::module_& m) {
    py::class_<Store>(m, "Store",
                      "The event store (事件存储): streams of events in one SQLite file (WAL) or a PostgreSQL "
                      "database. Open with grassroots.store.open(path or 'postgresql://…' URL). Threads may share "
                      "a Store: its calls take turns, and appends and reads release the GIL.")
        .def_static("open", &open_store, py::arg("path"), py::arg("durability") = Durability::full,
                    py::arg("busy_timeout_ms") = 5000, py::kw_only(), py::arg("chain_algorithm") = py::none(),
                    py::arg("anchor_key") = py::none(), py::arg("anchor_interval") = default_anchor_interval,
                    py::arg("retention_days") = default_retention_days, py::arg("vfs") = "", open_doc)
        .def(
            "append",
            [](Store& store, const std::string& stream_id, const std::string& kind,
               std::optional<std::int64_t> expected_version, const std::vector<NewEvent>& events) {
                const py::gil_scoped_release release;
                return store.append(stream_id, kind, expected_version.value_or(any_version), events);
            },
            py::arg("stream_id"), py::arg("kind"), py::arg("expected_version"), py::arg("events"),
            "Appends events to a stream in one transaction. expected_version: 0 for a new stream, N for a "
            "stream at N, None for no check (RuleViolationError on a conflict, nothing written). Repeating the "
            "event ids of an earlier append returns its positions with duplicate=True and writes nothing.")
        .def("append_batch", &Store::append_batch, py::arg("requests"), release_gil(),
             "Appends every AppendRequest in ONE transaction (group commit): all are written or none.")
        .def("read_stream", &Store::read_stream, py::arg("stream_id"), py::arg("from_version") = 1,
             py::arg("limit") = 0, release_gil(), "The stream's events from from_version on (at most limit; 0: all).")
        .def("read_all", &Store::read_all, py::arg("after_position") = 0, py::arg("limit") = 0, release_gil(),
             "Every event after a global position, in order (at most limit; 0: all) — for tailing.")
        .def("stream_version", &Store::stream_version, py::arg("stream_id"), "The stream's version (0 if none).")
        .def("streams", &Store::streams, "Every stream with its kind and version, by id.")
        .def_property_readonly("last_position", &Store::last_position, "The highest global position (0: empty).")
        .def_property_readonly("applied_schema_versions", &Store::applied_schema_versions,
                               "The schema versions applied to the file, oldest first.")
        .def_property_readonly("chain_algorithm", &Store::chain_algorithm,
                               "The hash chain's HashAlgorithm (fixed when the store was created).")
        .def(
            "anchor", [](Store& store, const py::bytes& key) { return store.anchor(to_bytes(std::string(key))); },
            py::arg("key"), "Signs the chain's head with key (bytes, >= 16), stores the Anchor and returns it.")
        .def("anchors", &Store::anchors, "The anchors stored in the store, by position.")
        .def("export_anchors", &Store::export_anchors,
             "The stored anchors as JSON lines, to keep outside the store (the proof is the copy kept elsewhere).")
        .def(
            "verify",
            [](const Store& store, const std::optional<std::vector<Anchor>>& anchors,
               const std::optional<py::bytes>& key) {
                return store.verify(anchors.value_or(std::vector<Anchor>{}), key_from(key));
            },
            py::arg("anchors") = py::none(), py::arg("key") = py::none(),
            "Verifies the hash chain from the genesis (or the retention checkpoint) and returns a VerifyReport. "
            "With key and no anchors the store's own anchors are checked; with anchors (copies kept elsewhere) "
            "those are, under key.")
        .def(
            "purge_before",
            [](Store& store, const py::object& cut_off) {
                return store.purge_before(datetime_to_us(cut_off, "cut_off"));
            },
            py::arg("cut_off"),
            "Removes the oldest events recorded before cut_off (an aware datetime), never the last one, and keeps a "
            "checkpoint so verify() still works. RuleViolationError ('store.retention'), nothing removed, when "
            "cut_off is within the retention.")
        .def_property_readonly("checkpoint", &Store::checkpoint,
                               "The retention checkpoint verify() starts from (position 0: nothing purged).")
        .def_property_readonly("retention_days", [](const Store& s) { return s.options().retention_days; },
                               "The retention in days purge_before() keeps.")
        .def_property_readonly(
            "path",
            [](const Store& s) -> std::optional<std::filesystem::path> {
                if (s.path().empty()) {
                    return std::nullopt;
                }
                return s.path();
            },
            "The store's file (None for PostgreSQL: see location).")
        .def_property_readonly("location", &Store::location,
                               "Where the store is: the file path, or the PostgreSQL URL without its password.")
        .def_property_readonly("durability", [](const Store& s) { return s.options().durability; },
                               "FULL or NORMAL.")
        .def_property_readonly_static("schema_version", [](const py::object&) { return Store::schema_version; },
                                      "The schema version this build writes.")
        .def("__repr__", [](const Store& s) {
            return "Store('" + s.location() + "', durability=" + std::string(to_string(s.options().durability)) +
                   ", last_position=" + std::to_string(s.last_position()) + ")";
        });
    m.def("open", &open_store, py::arg("path"), py::arg("durability") = Durability::full,
          py::arg("busy_timeout_ms") = 5000, py::kw_only(), py::arg("chain_algorithm") = py::none(),
          py::arg("anchor_key") = py::none(), py::arg("anchor_interval") = default_anchor_interval,
          py::arg("retention_days") = default_retention_days, py::arg("vfs") = "", open_doc);
}

}  // namespace grassroots::python
