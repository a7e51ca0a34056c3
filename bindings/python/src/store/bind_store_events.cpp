// The store's value types: Durability, NewEvent (payload a dict), AppendRequest, AppendResult,
// StoredEvent (payload a dict, times as UTC datetimes) and StreamInfo.
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "grassroots/error.hpp"
#include "grassroots/store/store.hpp"
#include "store/support.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_store_events(py::module_& m) {
    bind_enum<Durability>(m, "Durability",
                          "How hard a commit is pushed to disk: FULL (survives power loss) or NORMAL (faster; power "
                          "loss may roll back the last commits, never corrupts).");

    py::class_<NewEvent> new_event(m, "NewEvent",
                                   "An event to append: id (the idempotency key), type, payload (a dict of JSON "
                                   "values), schema version, when it occurred, actor, correlation and causation ids.");
    new_event
        .def(py::init([](std::string event_id, std::string type, const py::object& payload, std::int64_t schema_version,
                         const py::object& occurred_at, std::string actor, std::string correlation_id,
                         std::string causation_id) {
                 NewEvent out{.event_id = std::move(event_id), .type = std::move(type),
                              .payload = payload_to_json(payload), .schema_version = schema_version,
                              .occurred_at_us = occurred_at.is_none() ? 0 : datetime_to_us(occurred_at, "occurred_at"),
                              .actor = std::move(actor), .correlation_id = std::move(correlation_id),
                              .causation_id = std::move(causation_id)};
                 out.payload = canonical_json(out.payload);
                 return out;
             }),
             py::arg("event_id"), py::arg("type"), py::arg("payload") = py::dict(), py::arg("schema_version") = 1,
             py::arg("occurred_at") = py::none(), py::arg("actor") = "", py::arg("correlation_id") = "",
             py::arg("causation_id") = "",
             "An event; payload a dict (InvalidInputError if it is not a JSON object), occurred_at a timezone-aware "
             "datetime or None (then: when recorded).")
        .def_readonly("event_id", &NewEvent::event_id, "The idempotency key.")
        .def_readonly("type", &NewEvent::type, "The event type.")
        .def_property_readonly("payload", [](const NewEvent& e) { return json_to_payload(e.payload); },
                               "The payload as a dict.")
        .def_readonly("payload_json", &NewEvent::payload, "The payload as canonical JSON text.")
        .def_readonly("schema_version", &NewEvent::schema_version, "Version of the payload's schema.")
        .def_property_readonly("occurred_at",
                               [](const NewEvent& e) -> py::object {
                                   return e.occurred_at_us == 0 ? py::object(py::none()) : us_to_datetime(e.occurred_at_us);
                               },
                               "When it happened (UTC), or None: when recorded.")
        .def_readonly("actor", &NewEvent::actor, "Who did it.")
        .def_readonly("correlation_id", &NewEvent::correlation_id, "Correlation id.")
        .def_readonly("causation_id", &NewEvent::causation_id, "Causation id.");
    add_value_protocol(new_event, {"event_id", "type", "payload", "schema_version", "occurred_at", "actor",
                                   "correlation_id", "causation_id"},
                       {.hash = false});

    py::class_<AppendRequest> request(m, "AppendRequest", "One append of a batch: events for one stream.");
    request
        .def(py::init([](std::string stream_id, std::string kind, std::optional<std::int64_t> expected_version,
                         std::vector<NewEvent> events) {
                 return AppendRequest{.stream_id = std::move(stream_id), .kind = std::move(kind),
                                      .expected_version = expected_version.value_or(any_version),
                                      .events = std::move(events)};
             }),
             py::arg("stream_id"), py::arg("kind"), py::arg("expected_version"), py::arg("events"),
             "expected_version: 0 for a new stream, N for a stream at version N, None for no check.")
        .def_readonly("stream_id", &AppendRequest::stream_id, "The stream.")
        .def_readonly("kind", &AppendRequest::kind, "The stream's kind.")
        .def_property_readonly("expected_version",
                               [](const AppendRequest& r) -> std::optional<std::int64_t> {
                                   if (r.expected_version == any_version) return std::nullopt;
                                   return r.expected_version;
                               },
                               "The expected version (None: no check).")
        .def_readonly("events", &AppendRequest::events, "The events.");
    add_value_protocol(request, {"stream_id", "kind", "expected_version", "events"}, {.hash = false});

    py::class_<AppendResult> result(m, "AppendResult",
                                    "Where an append went: first and last global position, the stream's version "
                                    "after it, and duplicate (True: the event ids were stored before; nothing "
                                    "was written and these are the original positions).");
    result.def_readonly("stream_id", &AppendResult::stream_id, "The stream.")
        .def_readonly("first_position", &AppendResult::first_position, "Global position of the first event.")
        .def_readonly("last_position", &AppendResult::last_position, "Global position of the last event.")
        .def_readonly("stream_version", &AppendResult::stream_version, "The stream's version after the append.")
        .def_readonly("duplicate", &AppendResult::duplicate, "True when nothing was written (a repeated append).");
    add_value_protocol(result, {"stream_id", "first_position", "last_position", "stream_version", "duplicate"},
                       {.pickle = false});

    py::class_<StoredEvent> stored(m, "StoredEvent", "An event as stored, with its global position and times.");
    stored.def_readonly("position", &StoredEvent::position, "Global position (1, 2, … in commit order).")
        .def_readonly("stream_id", &StoredEvent::stream_id, "The stream.")
        .def_readonly("stream_version", &StoredEvent::stream_version, "The stream version this event made.")
        .def_readonly("event_id", &StoredEvent::event_id, "The idempotency key.")
        .def_readonly("type", &StoredEvent::type, "The event type.")
        .def_readonly("schema_version", &StoredEvent::schema_version, "Version of the payload's schema.")
        .def_property_readonly("occurred_at", [](const StoredEvent& e) { return us_to_datetime(e.occurred_at_us); },
                               "When it happened (UTC datetime).")
        .def_property_readonly("recorded_at", [](const StoredEvent& e) { return us_to_datetime(e.recorded_at_us); },
                               "When the store wrote it (UTC datetime).")
        .def_readonly("actor", &StoredEvent::actor, "Who did it (\"\" if unknown).")
        .def_readonly("correlation_id", &StoredEvent::correlation_id, "Correlation id (\"\" if none).")
        .def_readonly("causation_id", &StoredEvent::causation_id, "Causation id (\"\" if none).")
        .def_property_readonly("payload", [](const StoredEvent& e) { return json_to_payload(e.payload); },
                               "The payload as a dict (a new dict each time).")
        .def_readonly("payload_json", &StoredEvent::payload, "The payload as canonical JSON text.")
        .def_readonly("hash", &StoredEvent::hash, "The chain hash H(previous hash ‖ this event's fields), hex.");
    add_value_protocol(stored, {"position", "stream_id", "stream_version", "event_id", "type", "schema_version",
                                "occurred_at", "recorded_at", "actor", "correlation_id", "causation_id", "payload"},
                       {.hash = false, .pickle = false});

    py::class_<StreamInfo> info(m, "StreamInfo", "A stream, its kind and its version (number of events).");
    info.def_readonly("stream_id", &StreamInfo::stream_id, "The stream.")
        .def_readonly("kind", &StreamInfo::kind, "Its kind.")
        .def_readonly("version", &StreamInfo::version, "Its version.");
    add_value_protocol(info, {"stream_id", "kind", "version"}, {.pickle = false});
}

}  // namespace grassroots::python
