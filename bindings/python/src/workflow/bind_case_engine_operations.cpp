// CaseEngine: its actors, its subscribers and the operations that change it (open, take, reopen, advance).
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "casters.hpp"
#include "workflow/case_engine.hpp"

namespace grassroots::python {

void bind_engine_actors(EngineClass& engine_class) {
    engine_class
        .def(
            "change_actor",
            [](const py::object& self, Actor actor) {
                EngineBox& box = box_of(self);
                change(box, [&] { box.engine.change_actor(std::move(actor)); });
            },
            py::arg("actor"),
            "Changes the actor with this actor's id (name, roles, scope, grid, unit) for later operations; past events "
            "are unchanged. NotFoundError (unknown id), InvalidInputError (no roles), RuleViolationError (deactivated).")
        .def(
            "deactivate_actor",
            [](const py::object& self, const ActorArgument& actor) {
                EngineBox& box = box_of(self);
                change(box, [&] { box.engine.deactivate_actor(actor_id(box.engine, actor)); });
            },
            py::arg("actor"),
            "Deactivates the actor (离岗): its later operations raise RuleViolationError and change nothing; its past "
            "events stay valid. RuleViolationError when already deactivated.")
        .def(
            "is_active",
            [](const py::object& self, const ActorArgument& actor) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.is_active(actor_id(box.engine, actor)); });
            },
            py::arg("actor"), "False once the actor is deactivated.")
        .def(
            "add_holiday_notice",
            [](const py::object& self, const std::string& json, const std::string& source) {
                EngineBox& box = box_of(self);
                change(box, [&] { box.engine.add_holiday_notice(json, source); });
            },
            py::arg("json"), py::arg("source"),
            "Adds a holiday-cn JSON notice (a year's schedule) to the running engine's calendar; later deadlines use "
            "it. All or nothing (InvalidInputError).");
}

void bind_engine_operations(EngineClass& engine_class) {
    bind_engine_actors(engine_class);
    engine_class
        .def(
            "add_actor",
            [](const py::object& self, Actor actor) {
                EngineBox& box = box_of(self);
                return change(box, [&] { return box.engine.add_actor(std::move(actor)); });
            },
            py::arg("actor"),
            "Adds an actor and returns its int id; InvalidInputError for an empty or duplicate id or no roles.")
        .def(
            "actor",
            [](const py::object& self, const ActorArgument& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.actor(actor_id(box.engine, id)); });
            },
            py::arg("id"), "The actor with this int id or string id (a copy); NotFoundError.")
        .def(
            "find_actor",
            [](const py::object& self, const std::string& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.find_actor(id); });
            },
            py::arg("id"), "The int id of the actor with string id, or None.")
        .def_property_readonly(
            "actors",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    std::vector<Actor> out;
                    for (std::size_t i = 0; i < box.engine.actor_count(); ++i) {
                        out.push_back(box.engine.actor(ActorId(static_cast<std::uint32_t>(i))));
                    }
                    return out;
                });
            },
            "All actors (copies), by int id.")
        .def(
            "subscribe",
            [](const py::object& self, const Callback& callback) {
                EngineBox& box = box_of(self);
                const EngineLock lock(box);
                box.self = self.ptr();
                py::object subscribers = py::getattr(self, subscribers_attribute, py::none());
                if (!py::isinstance<py::list>(subscribers)) {
                    subscribers = py::list();
                    py::setattr(self, subscribers_attribute, subscribers);
                }
                subscribers.cast<py::list>().append(callback);
                ++box.subscribers;
                add_python_sink(box);
                return callback;
            },
            py::arg("callback"),
            "Calls callback(record: EventRecord) for every later event (not for replayed ones), in order, once the "
            "operation that recorded it has finished, on the thread that ran it. A callback may read and change the "
            "engine; the events of its change follow those already recorded. Its exceptions do not interrupt the "
            "engine: the operation completes, then the first one is raised (unless the operation itself raised, "
            "whose error wins; the callback's then goes to sys.unraisablehook). Returns callback, so it works as a "
            "decorator.")
        .def(
            "unsubscribe",
            [](const py::object& self, const py::object& callback) {
                EngineBox& box = box_of(self);
                const EngineLock lock(box);
                const py::object subscribers = py::getattr(self, subscribers_attribute, py::none());
                if (!py::isinstance<py::list>(subscribers)) return false;
                const auto list = subscribers.cast<py::list>();
                for (std::size_t i = 0; i < list.size(); ++i) {
                    if (py::reinterpret_borrow<py::object>(list[i]).equal(callback)) {
                        PySequence_DelItem(list.ptr(), static_cast<Py_ssize_t>(i));
                        if (box.subscribers != 0) --box.subscribers;
                        return true;
                    }
                }
                return false;
            },
            py::arg("callback"), "Stops calling callback; False when it was not subscribed.")
        // ---- operations ----
        .def(
            "open",
            [](const py::object& self, const CaseInput& input, const ActorArgument& reporter, Instant at) {
                EngineBox& box = box_of(self);
                return change(box, [&] { return box.engine.open(input, actor_id(box.engine, reporter), at); });
            },
            py::arg("input"), py::arg("reporter"), py::arg("at"),
            "Files a case reported by reporter (int or string actor id) at at and returns its case number "
            "('C000001', as the frames, reprs and events show it). "
            "InvalidInputError naming the bad field (unknown matter or loop, unlocatable place, unknown division, "
            "bad attachment) or NotFoundError (unknown reporter).")
        .def(
            "take",
            [](const py::object& self, const CaseArgument& id, const std::string& transition, const ActorArgument& actor,
               Instant at, FieldList fields, std::string note) {
                EngineBox& box = box_of(self);
                change(box, [&] {
                    box.engine.take(case_id(box.engine, id), transition, actor_id(box.engine, actor), at,
                                    std::move(fields.fields), std::move(note));
                });
            },
            py::arg("case"), py::arg("transition"), py::arg("actor"), py::arg("at"), py::arg("fields") = py::dict(),
            py::arg("note") = "",
            "Takes transition of case as actor at at, with fields ({name: value} or [Field]) and a note. Deadlines "
            "that fell due before at are processed first. Refused, recorded and raised: PermissionDeniedError (role, "
            "scope, grid, assigned unit, separation of duties), RuleViolationError (not from the current state, "
            "missing field, closing without a passed verification, case closed). Not recorded: InvalidInputError "
            "(unknown transition, a field given twice, at before the case's last event), NotFoundError.")
        .def(
            "reopen",
            [](const py::object& self, const CaseArgument& id, const ActorArgument& actor, Instant at, std::string note) {
                EngineBox& box = box_of(self);
                change(box, [&] {
                    box.engine.reopen(case_id(box.engine, id), actor_id(box.engine, actor), at, std::move(note));
                });
            },
            py::arg("case"), py::arg("actor"), py::arg("at"), py::arg("note") = "",
            "Reopens a closed case; only its reporter, within EngineOptions.reopen_window of closing (else refused, "
            "recorded and raised: PermissionDeniedError / RuleViolationError).")
        .def(
            "advance",
            [](const py::object& self, Instant now) {
                EngineBox& box = box_of(self);
                return change(box, [&] {
                    const py::gil_scoped_release release;  // callbacks take the GIL back
                    return box.engine.advance(now);
                });
            },
            py::arg("now"),
            "Processes every timer due before now, in time order (催办, 督办 one rung up with re-routing, 通知) and "
            "returns the number of events recorded. Runs without the GIL.");
}

}  // namespace grassroots::python
