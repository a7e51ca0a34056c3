// StoredEngine: a case engine persisted in a store (every change written through, reloadable).
// Python holds it with the division tree and grid map it points at; to_engine() gives an
// independent grassroots.CaseEngine copy for the DataFrames and everything else CaseEngine reads.
//
// The GIL stays held (one SQLite connection, not for two threads at once), except while loading.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "casters.hpp"
#include "grassroots/division/tree.hpp"
#include "grassroots/grid/grid_map.hpp"
#include "grassroots/store/stored_engine.hpp"
#include "store/store.hpp"
#include "workflow/case_engine.hpp"

namespace grassroots::python {

namespace {

using OptionalTree = std::optional<std::shared_ptr<DivisionTree>>;
using OptionalGridMap = std::optional<std::shared_ptr<GridMap>>;
using UnitOrActor = std::variant<ActorId, std::string>;

/// The StoredEngine with the reference data it points at, kept alive with it.
struct StoredBox {
    std::optional<StoredEngine> stored;
    std::shared_ptr<DivisionTree> divisions;
    std::shared_ptr<GridMap> grids;

    StoredEngine& get() {
        if (!stored) throw InvalidInput("this StoredEngine is closed");
        return *stored;
    }
};

enum class Mode { create, load, load_or_create };

std::unique_ptr<StoredBox> make(Mode mode, const std::filesystem::path& path, Calendar calendar,
                                const std::optional<EngineOptions>& options, const OptionalTree& tree,
                                const OptionalGridMap& grids, Durability durability) {
    auto box = std::make_unique<StoredBox>();
    box->divisions = tree.value_or(nullptr);
    box->grids = grids.value_or(nullptr);
    const py::gil_scoped_release release;
    Store store = Store::open(path, StoreOptions{.durability = durability});
    const EngineOptions chosen = options.value_or(EngineOptions{});
    switch (mode) {
        case Mode::create:
            box->stored.emplace(StoredEngine::create(std::move(store), std::move(calendar), chosen, box->divisions.get(), box->grids.get()));
            break;
        case Mode::load:
            box->stored.emplace(StoredEngine::load(std::move(store), std::move(calendar), box->divisions.get(), box->grids.get()));
            break;
        case Mode::load_or_create:
            box->stored.emplace(
                StoredEngine::load_or_create(std::move(store), std::move(calendar), chosen, box->divisions.get(), box->grids.get()));
            break;
    }
    return box;
}

}  // namespace

namespace {

using StoredClass = py::class_<StoredBox>;

void bind_stored_setup(StoredClass& cls) {
    cls
        // ---- setup ----
        .def("add_workflow", [](StoredBox& b, WorkflowDefinition d) { b.get().add_workflow(std::move(d)); },
             py::arg("definition"), "CaseEngine.add_workflow, written to the store.")
        .def("set_catalogue", [](StoredBox& b, MatterCatalogue c) { b.get().set_catalogue(std::move(c)); },
             py::arg("catalogue"), "CaseEngine.set_catalogue, written to the store.")
        .def("set_responsibilities", [](StoredBox& b, ResponsibilityList l) { b.get().set_responsibilities(std::move(l)); },
             py::arg("responsibilities"), "CaseEngine.set_responsibilities, written to the store.")
        .def("add_actor", [](StoredBox& b, Actor a) { return b.get().add_actor(std::move(a)); }, py::arg("actor"),
             "CaseEngine.add_actor, written to the store; returns the int id.")
        .def("change_actor", [](StoredBox& b, Actor a) { b.get().change_actor(std::move(a)); }, py::arg("actor"),
             "CaseEngine.change_actor (the actor with this id gets these roles, scope …), written to the store.")
        .def(
            "deactivate_actor",
            [](StoredBox& b, const ActorArgument& actor) {
                StoredEngine& s = b.get();
                s.deactivate_actor(actor_id(s.engine(), actor));
            },
            py::arg("actor"), "CaseEngine.deactivate_actor, written to the store.")
        .def(
            "add_holiday_notice",
            [](StoredBox& b, const std::string& json, const std::string& source) { b.get().add_holiday_notice(json, source); },
            py::arg("json"), py::arg("source"),
            "Adds a holiday-cn JSON notice (a year's schedule) to the running engine's calendar, written to the store "
            "and used after reload.");
}

void bind_stored_operations(StoredClass& cls) {
    cls
        // ---- operations ----
        .def(
            "open",
            [](StoredBox& b, const CaseInput& input, const ActorArgument& reporter, Instant at) {
                StoredEngine& s = b.get();
                return s.open(input, actor_id(s.engine(), reporter), at);
            },
            py::arg("input"), py::arg("reporter"), py::arg("at"), "CaseEngine.open, its events written before it returns.")
        .def(
            "take",
            [](StoredBox& b, const CaseArgument& id, const std::string& transition, const ActorArgument& actor, Instant at,
               FieldList fields, std::string note) {
                StoredEngine& s = b.get();
                s.take(case_id(s.engine(), id), transition, actor_id(s.engine(), actor), at, std::move(fields.fields),
                       std::move(note));
            },
            py::arg("case"), py::arg("transition"), py::arg("actor"), py::arg("at"), py::arg("fields") = py::dict(),
            py::arg("note") = "", "CaseEngine.take; its events (a refusal's too) are written before it returns or raises.")
        .def(
            "reopen",
            [](StoredBox& b, const CaseArgument& id, const ActorArgument& actor, Instant at, std::string note) {
                StoredEngine& s = b.get();
                s.reopen(case_id(s.engine(), id), actor_id(s.engine(), actor), at, std::move(note));
            },
            py::arg("case"), py::arg("actor"), py::arg("at"), py::arg("note") = "", "CaseEngine.reopen, written.")
        .def("advance", [](StoredBox& b, Instant now) { return b.get().advance(now); }, py::arg("now"),
             "CaseEngine.advance; its events written in one transaction. Returns how many.")
        .def("begin_batch", [](StoredBox& b) { b.get().begin_batch(); },
             "Holds back the writes of later operations until commit_batch() (one transaction).")
        .def("commit_batch", [](StoredBox& b) { return b.get().commit_batch(); },
             "Writes everything held back since begin_batch() in one transaction; returns the events written.")
        .def_property_readonly("pending", [](StoredBox& b) { return b.get().pending(); },
                               "Events recorded and not yet written (non-zero only inside a batch).");
}

void bind_stored_queries(StoredClass& cls) {
    cls
        // ---- queries ----
        .def("__len__", [](StoredBox& b) { return b.get().engine().size(); }, "Number of cases.")
        .def_property_readonly("event_count", [](StoredBox& b) { return b.get().engine().events().size(); },
                               "Number of events.")
        .def(
            "state",
            [](StoredBox& b, const CaseArgument& id) {
                const CaseEngine& e = b.get().engine();
                return view_of(e.state(case_id(e, id)));
            },
            py::arg("case"), "The state of case (a snapshot); NotFoundError.")
        .def(
            "find_actor", [](StoredBox& b, const std::string& id) { return b.get().engine().find_actor(id); }, py::arg("id"),
            "The int id of the actor with this string id, or None.")
        .def(
            "actor",
            [](StoredBox& b, const ActorArgument& id) {
                const CaseEngine& e = b.get().engine();
                return e.actor(actor_id(e, id));
            },
            py::arg("id"), "The actor (a copy); NotFoundError.")
        .def(
            "is_active",
            [](StoredBox& b, const ActorArgument& id) {
                const CaseEngine& e = b.get().engine();
                return e.is_active(actor_id(e, id));
            },
            py::arg("actor"), "False once the actor is deactivated.")
        .def(
            "work_list",
            [](StoredBox& b, const UnitOrActor& who) {
                const CaseEngine& e = b.get().engine();
                if (const auto* actor = std::get_if<ActorId>(&who)) return e.work_list(*actor);
                const std::string& name = std::get<std::string>(who);
                if (const std::optional<ActorId> actor = e.find_actor(name)) return e.work_list(*actor);
                return e.work_list(name);
            },
            py::arg("unit_or_actor"),
            "The open cases waiting on a unit (its name) or an actor (int id or string id), soonest deadline first.")
        .def("due_before", [](StoredBox& b, Instant at) { return b.get().engine().due_before(at); }, py::arg("instant"),
             "The open cases whose next timer falls before instant, soonest first (what advance(instant) acts on).")
        .def_property_readonly("next_timer", [](StoredBox& b) { return b.get().engine().next_timer(); },
                               "The earliest pending timer (when to call advance next), or None.")
        .def("to_json_lines", [](StoredBox& b) { return b.get().engine().to_json_lines(); }, "Every event as JSON lines.")
        .def(
            "to_engine",
            [](StoredBox& b) {
                const CaseEngine& e = b.get().engine();
                auto box = std::make_unique<EngineBox>(e.calendar(), e.options());
                box->engine = b.get().copy();
                box->divisions = b.divisions;
                box->grids = b.grids;
                return box;
            },
            "An independent CaseEngine copy (not stored): the same setup and events, for DataFrames, Open311 and queries.")
        .def("save_snapshot", [](StoredBox& b) { return b.get().save_snapshot(); },
             "Saves a snapshot of the engine at the store's last position (replacing older ones) and returns the "
             "position; load() then restores it and replays only what follows. InvalidInputError inside a batch.")
        .def_property_readonly("loaded_from_snapshot", [](StoredBox& b) { return b.get().loaded_from_snapshot(); },
                               "True when the last load started from a snapshot (False: none, or stale, or not fitting).")
        .def_property_readonly("path", [](StoredBox& b) { return b.get().store().path(); }, "The store's file.")
        .def_property_readonly("last_position", [](StoredBox& b) { return b.get().store().last_position(); },
                               "The store's highest global position.")
        .def_property_readonly("broken", [](StoredBox& b) { return b.get().broken(); },
                               "True when a failed write could not even be followed by a rebuild (load again).")
        .def("close", [](StoredBox& b) { b.stored.reset(); }, "Closes the store (an open batch is discarded).")
        .def("__enter__", [](py::object self) { return self; })
        .def("__exit__", [](StoredBox& b, const py::object&, const py::object&, const py::object&) { b.stored.reset(); })
        .def("__repr__", [](StoredBox& b) {
            if (!b.stored) return std::string("StoredEngine(closed)");
            return "StoredEngine('" + b.stored->store().path().string() + "', cases=" +
                   std::to_string(b.stored->engine().size()) + ", events=" + std::to_string(b.stored->engine().events().size()) + ")";
        });
}

}  // namespace

void bind_stored_engine(py::module_& m) {
    // Snapshots on the Store class (bound in bind_store.cpp): deleting them changes nothing but speed.
    auto store_class = py::reinterpret_borrow<py::class_<Store>>(m.attr("Store"));
    store_class.def("delete_snapshots", &Store::delete_snapshots, py::arg("name") = "",
                    "Deletes the snapshots of name ('' = all) and returns how many: loads then replay every event.");
    store_class.def(
        "snapshot_position",
        [](const Store& store, const std::string& name) -> std::optional<std::int64_t> {
            const std::optional<Snapshot> latest = store.latest_snapshot(name);
            return latest ? std::optional<std::int64_t>(latest->position) : std::nullopt;
        },
        py::arg("name"), "The position of the latest snapshot of name, or None.");

    py::class_<StoredBox> cls(m, "StoredEngine",
                              "A case engine persisted in a SQLite store (持久化的案件引擎): every setup change and every "
                              "operation's events are written before the call returns (one transaction per operation; "
                              "a refusal is written, then raised). StoredEngine.load(path, calendar) rebuilds it — "
                              "loops, catalogue, responsibility list, actors with their lifecycle, holiday notices — "
                              "without registering anything by hand. When a write fails, the engine is rebuilt from "
                              "the store and the error raised. to_engine() gives a CaseEngine copy for DataFrames.");
    auto factory = [](Mode mode) {
        return [mode](const std::filesystem::path& path, Calendar calendar, const std::optional<EngineOptions>& options,
                      const OptionalTree& divisions, const OptionalGridMap& grid_map, Durability durability) {
            return make(mode, path, std::move(calendar), options, divisions, grid_map, durability);
        };
    };
    cls.def_static("create", factory(Mode::create), py::arg("path"), py::arg("calendar"), py::arg("options") = py::none(),
                   py::arg("divisions") = py::none(), py::arg("grid_map") = py::none(),
                   py::arg("durability") = Durability::full,
                   "A new engine in the store at path (created if missing), which must hold no engine yet "
                   "(InvalidInputError).")
        .def_static(
            "load",
            [](const std::filesystem::path& path, Calendar calendar, const OptionalTree& divisions,
               const OptionalGridMap& grid_map, Durability durability) {
                return make(Mode::load, path, std::move(calendar), std::nullopt, divisions, grid_map, durability);
            },
            py::arg("path"), py::arg("calendar"), py::arg("divisions") = py::none(), py::arg("grid_map") = py::none(),
            py::arg("durability") = Durability::full,
            "The engine held in the store at path, rebuilt on calendar (plus the notices added at runtime). "
            "NotFoundError when it holds none; InvalidInputError when calendar lacks a year the engine was created "
            "with, or a stored event does not fit.")
        .def_static("load_or_create", factory(Mode::load_or_create), py::arg("path"), py::arg("calendar"),
                    py::arg("options") = py::none(), py::arg("divisions") = py::none(), py::arg("grid_map") = py::none(),
                    py::arg("durability") = Durability::full, "load() when the store holds an engine, else create().")
        .def_static(
            "holds_engine",
            [](const std::filesystem::path& path) { return StoredEngine::holds_engine(Store::open(path)); },
            py::arg("path"), "True when the store at path holds a case engine.");
    bind_stored_setup(cls);
    bind_stored_operations(cls);
    bind_stored_queries(cls);
}

}  // namespace grassroots::python
