// Versioned documents in streams: one `<kind>_saved` event per version, nothing written for an
// unchanged object, expected versions for concurrent edits.
#include <cstdio>

#include "store/objects_support.hpp"

namespace grassroots::detail {

std::string object_event_id(const std::string& stream, std::int64_t version, std::string_view payload) {
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a 64
    for (const char c : payload) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return stream + "#" + std::to_string(version) + "#" + hex;
}

std::string stream_where(const std::string& stream, std::int64_t version) {
    return "stream '" + stream + "' version " + std::to_string(version);
}

namespace {

std::string saved_type(std::string_view kind) { return std::string(kind) + "_saved"; }

void check_arguments(const std::string& stream, std::string_view kind, std::int64_t version, const char* name) {
    if (stream.empty()) throw InvalidInput("no stream id given for the " + std::string(kind));
    if (version < (std::string_view(name) == "version" ? 0 : any_version)) {
        throw InvalidInput("stream '" + stream + "': " + name + " " + std::to_string(version) + " is negative");
    }
}

}  // namespace

std::int64_t save_document(Store& store, const std::string& stream, std::string_view kind, json body,
                           const std::string& actor, std::int64_t expected_version) {
    check_arguments(stream, kind, expected_version, "expected version");
    body["format"] = "grassroots." + std::string(kind);
    body["format_version"] = object_format_version;
    const std::string payload = body.dump(-1, ' ', false, json::error_handler_t::strict);
    const std::int64_t current = store.stream_version(stream);
    if (current > 0) {
        const std::vector<StoredEvent> last = store.read_stream(stream, current, 1);
        if (last.size() == 1) {
            if (last.front().type != saved_type(kind)) {
                throw InvalidInput(stream_where(stream, current) + " holds a '" + last.front().type +
                                   "' event: it is not a " + std::string(kind) + " stream");
            }
            if (last.front().payload == canonical_json(payload)) return current;  // unchanged: write nothing
        }
    }
    const std::int64_t next = (expected_version == any_version ? current : expected_version) + 1;
    NewEvent event{.event_id = object_event_id(stream, next, payload),
                   .type = saved_type(kind),
                   .payload = payload,
                   .schema_version = object_format_version,
                   .actor = actor,
                   .correlation_id = {},
                   .causation_id = {}};
    return store.append(stream, std::string(kind), expected_version, {std::move(event)}).stream_version;
}

LoadedDocument load_document(const Store& store, const std::string& stream, std::string_view kind,
                             std::int64_t version) {
    check_arguments(stream, kind, version, "version");
    const std::int64_t current = store.stream_version(stream);
    if (current == 0) {
        throw NotFound("no stream '" + stream + "' in the store " + store.path().string() + " (looking for a " +
                       std::string(kind) + ")");
    }
    const std::int64_t at = version == 0 ? current : version;
    if (at > current) {
        throw InvalidInput("stream '" + stream + "' has versions 1 to " + std::to_string(current) + "; there is no version " +
                           std::to_string(at));
    }
    const std::vector<StoredEvent> events = store.read_stream(stream, at, 1);
    const std::string where = stream_where(stream, at);
    if (events.size() != 1) throw InvalidInput(where + " cannot be read");
    const StoredEvent& event = events.front();
    if (event.type != saved_type(kind)) {
        throw InvalidInput(where + " holds a '" + event.type + "' event: it is not a " + std::string(kind) +
                           " stream (expected '" + saved_type(kind) + "')");
    }
    if (event.schema_version > object_format_version) {
        throw InvalidInput(where + " was written by a newer grassroots (format version " +
                           std::to_string(event.schema_version) + "; this one reads up to " +
                           std::to_string(object_format_version) + ")");
    }
    LoadedDocument out{.body = decode_payload(where, [&] { return json::parse(event.payload); }), .version = at};
    if (!out.body.is_object() || out.body.value("format", std::string()) != "grassroots." + std::string(kind)) {
        throw InvalidInput(where + ": corrupted payload: its format is not grassroots." + std::string(kind));
    }
    return out;
}

}  // namespace grassroots::detail
