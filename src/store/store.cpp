// The store's front: argument checks, canonical JSON, the recorded-at clock; the engine does the rest.
#include "grassroots/store/store.hpp"

#include <array>
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "grassroots/error.hpp"
#include "store/backend.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<Durability>, 2> durability_table{{
    {Durability::full, "full", "", "synchronous=FULL: a commit survives power loss once append returns"},
    {Durability::normal, "normal", "", "synchronous=NORMAL: power loss may roll back the last commits, never corrupts"},
}};

std::int64_t now_us() {
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

// A checked, canonical copy of @p request (payloads canonical); InvalidInput naming what is wrong.
AppendRequest checked(const AppendRequest& request, std::set<std::string>& ids_in_batch) {
    const std::string where = "append to stream '" + request.stream_id + "'";
    if (request.stream_id.empty()) {
        throw InvalidInput("append: the stream id is empty");
    }
    if (request.kind.empty()) {
        throw InvalidInput(where + ": the stream kind is empty");
    }
    if (request.expected_version < any_version) {
        throw InvalidInput(where + ": expected version " + std::to_string(request.expected_version) +
                           " is negative (use 0 for a new stream, any_version (-1) for no check)");
    }
    if (request.events.empty()) {
        throw InvalidInput(where + ": no events");
    }
    AppendRequest out = request;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < out.events.size(); ++i) {
        NewEvent& event = out.events[i];
        const std::string at = where + ", event " + std::to_string(i + 1) + ": ";
        if (event.event_id.empty()) {
            throw InvalidInput(at + "the event id is empty");
        }
        if (!ids.insert(event.event_id).second) {
            throw InvalidInput(at + "event id '" + event.event_id + "' appears twice in the append");
        }
        if (ids_in_batch.contains(event.event_id)) {
            throw InvalidInput(at + "event id '" + event.event_id + "' appears in two appends of the batch");
        }
        if (event.type.empty()) {
            throw InvalidInput(at + "the event type is empty");
        }
        if (event.schema_version < 1) {
            throw InvalidInput(at + "schema version " + std::to_string(event.schema_version) + " is below 1");
        }
        if (event.occurred_at_us < 0) {
            throw InvalidInput(at + "occurred_at is before 1970");
        }
        try {
            event.payload = canonical_json(event.payload);
        } catch (const InvalidInput& error) {
            throw InvalidInput(at + error.problem());
        }
    }
    ids_in_batch.merge(ids);
    return out;
}

}  // namespace

std::span<const EnumName<Durability>> enum_names(Durability) noexcept { return durability_table; }
std::string_view to_string(Durability durability) noexcept { return enum_name(durability); }

std::string canonical_json(std::string_view json) {
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& error) {
        throw InvalidInput(std::string("the payload is not valid JSON: ") + error.what());
    }
    if (!value.is_object()) {
        throw InvalidInput(std::string("the payload must be a JSON object, not ") + value.type_name());
    }
    // nlohmann's objects are std::maps: dump() writes keys sorted, compact, UTF-8 as is.
    try {
        return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    } catch (const nlohmann::json::exception& error) {
        throw InvalidInput(std::string("the payload is not valid UTF-8: ") + error.what());
    }
}

Store::Store(std::filesystem::path path, StoreOptions options, std::unique_ptr<detail::StoreBackend> backend)
    : path_(std::move(path)), options_(options), backend_(std::move(backend)) {}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::filesystem::path& path, StoreOptions options) {
    if (path.empty()) {
        throw InvalidInput("Store::open: the path is empty");
    }
    if (options.busy_timeout_ms < 0) {
        throw InvalidInput("Store::open: busy_timeout_ms " + std::to_string(options.busy_timeout_ms) + " is negative");
    }
    if (options.anchor_key && options.anchor_key->size() < min_anchor_key_size) {
        throw InvalidInput("Store::open: the anchor key has " + std::to_string(options.anchor_key->size()) +
                           " bytes; at least " + std::to_string(min_anchor_key_size) + " are needed");
    }
    if (options.anchor_interval < 1) {
        throw InvalidInput("Store::open: anchor_interval " + std::to_string(options.anchor_interval) + " is below 1");
    }
    if (options.retention_days < 0) {
        throw InvalidInput("Store::open: retention_days " + std::to_string(options.retention_days) + " is negative");
    }
    if (std::filesystem::is_directory(path)) {
        throw FileError(path.string() + ": is a directory, not a store file");
    }
    return Store(path, options, detail::open_sqlite(path.string(), options));
}

AppendResult Store::append(const AppendRequest& request) { return append_batch({request}).front(); }

AppendResult Store::append(const std::string& stream_id, const std::string& kind, std::int64_t expected_version,
                           const std::vector<NewEvent>& events) {
    return append(AppendRequest{.stream_id = stream_id, .kind = kind, .expected_version = expected_version,
                                .events = events});
}

std::vector<AppendResult> Store::append_batch(const std::vector<AppendRequest>& requests) {
    if (requests.empty()) {
        return {};
    }
    std::vector<AppendRequest> canonical;
    canonical.reserve(requests.size());
    std::set<std::string> ids;
    for (const AppendRequest& request : requests) {
        canonical.push_back(checked(request, ids));
    }
    return backend_->append_batch(canonical, now_us());
}

std::vector<StoredEvent> Store::read_stream(const std::string& stream_id, std::int64_t from_version,
                                            std::int64_t limit) const {
    if (from_version < 1) {
        throw InvalidInput("read_stream('" + stream_id + "'): from_version " + std::to_string(from_version) +
                           " is below 1");
    }
    if (limit < 0) {
        throw InvalidInput("read_stream('" + stream_id + "'): limit " + std::to_string(limit) + " is negative");
    }
    return backend_->read_stream(stream_id, from_version, limit);
}

std::vector<StoredEvent> Store::read_all(std::int64_t after_position, std::int64_t limit) const {
    if (after_position < 0) {
        throw InvalidInput("read_all: after_position " + std::to_string(after_position) + " is negative");
    }
    if (limit < 0) {
        throw InvalidInput("read_all: limit " + std::to_string(limit) + " is negative");
    }
    return backend_->read_all(after_position, limit);
}

std::int64_t Store::stream_version(const std::string& stream_id) const { return backend_->stream_version(stream_id); }
std::vector<StreamInfo> Store::streams() const { return backend_->streams(); }
std::int64_t Store::last_position() const { return backend_->last_position(); }
std::vector<int> Store::applied_schema_versions() const { return backend_->applied_schema_versions(); }
HashAlgorithm Store::chain_algorithm() const { return backend_->chain_algorithm(); }

Anchor Store::anchor(ByteView key) {
    if (key.size() < min_anchor_key_size) {
        throw InvalidInput("Store::anchor: the key has " + std::to_string(key.size()) + " bytes; at least " +
                           std::to_string(min_anchor_key_size) + " are needed");
    }
    if (last_position() == 0) {
        throw InvalidInput("Store::anchor: the store has no events to anchor");
    }
    return backend_->anchor_head(key, now_us());
}

std::vector<Anchor> Store::anchors() const { return backend_->anchors(); }

std::string Store::export_anchors() const {
    std::string out;
    for (const Anchor& anchor : anchors()) {
        out += anchor_to_json(anchor);
        out += '\n';
    }
    return out;
}

VerifyReport Store::verify(const std::vector<Anchor>& anchors, const std::optional<Bytes>& key) const {
    if (!anchors.empty() && !key) {
        throw InvalidInput("verify: anchors were given without the anchor key that signed them");
    }
    if (key && key->empty()) {
        throw InvalidInput("verify: the anchor key is empty");
    }
    const ChainCheckpoint start = backend_->checkpoint();
    ChainVerifier verifier(chain_algorithm(), start, key && anchors.empty() ? backend_->anchors() : anchors, key);
    constexpr std::int64_t page = 10000;
    std::int64_t after = start.position;
    for (;;) {
        const std::vector<StoredEvent> events = backend_->read_all(after, page);
        for (const StoredEvent& event : events) {
            verifier.add(event);
        }
        if (static_cast<std::int64_t>(events.size()) < page) {
            break;
        }
        after = events.back().position;
    }
    return verifier.finish();
}

PurgeResult Store::purge_before(std::int64_t cut_off_us) {
    const std::int64_t now = now_us();
    const std::int64_t retention_us = std::int64_t{options_.retention_days} * 86'400'000'000;
    if (cut_off_us > now - retention_us) {
        throw RuleViolation("store.retention",
                            "purge_before: the cut-off is within the retention of " +
                                std::to_string(options_.retention_days) +
                                " days (StoreOptions::retention_days; logs are kept at least six months, "
                                "Cybersecurity Law art. 21); nothing was removed");
    }
    return backend_->purge_before(cut_off_us, now);
}

ChainCheckpoint Store::checkpoint() const { return backend_->checkpoint(); }

const std::filesystem::path& Store::path() const noexcept { return path_; }
const StoreOptions& Store::options() const noexcept { return options_; }

}  // namespace grassroots
