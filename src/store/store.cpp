// The store's front: argument checks, canonical JSON, the recorded-at clock; the engine does the rest.
#include "grassroots/store/store.hpp"

#include <array>
#include <chrono>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "grassroots/error.hpp"
#include "store/backend.hpp"
#include "store/canonical.hpp"
#include "store/database.hpp"

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

// "append to stream 's'" — built only when something is refused.
std::string stream_where(const AppendRequest& request) { return "append to stream '" + request.stream_id + "'"; }

// "append to stream 's', event n: ".
std::string event_where(const AppendRequest& request, std::size_t index) {
    return stream_where(request) + ", event " + std::to_string(index + 1) + ": ";
}

// InvalidInput unless @p request's stream, kind and version are usable and it has events.
void check_stream(const AppendRequest& request) {
    if (request.stream_id.empty()) {
        throw InvalidInput("append: the stream id is empty");
    }
    if (request.kind.empty()) {
        throw InvalidInput(stream_where(request) + ": the stream kind is empty");
    }
    if (request.expected_version < any_version) {
        throw InvalidInput(stream_where(request) + ": expected version " + std::to_string(request.expected_version) +
                           " is negative (use 0 for a new stream, any_version (-1) for no check)");
    }
    if (request.events.empty()) {
        throw InvalidInput(stream_where(request) + ": no events");
    }
}

// InvalidInput unless event @p index of @p request has an id, a type, a schema version and a time.
void check_event(const AppendRequest& request, std::size_t index) {
    const NewEvent& event = request.events[index];
    if (event.event_id.empty()) {
        throw InvalidInput(event_where(request, index) + "the event id is empty");
    }
    if (event.type.empty()) {
        throw InvalidInput(event_where(request, index) + "the event type is empty");
    }
    if (event.schema_version < 1) {
        throw InvalidInput(event_where(request, index) + "schema version " + std::to_string(event.schema_version) +
                           " is below 1");
    }
    if (event.occurred_at_us < 0) {
        throw InvalidInput(event_where(request, index) + "occurred_at is before 1970");
    }
}

// Which append of the batch each event id came from: an id twice is refused.
class EventIds {
public:
    explicit EventIds(std::size_t count) { seen_.reserve(count); }

    void add(const AppendRequest& request, std::size_t request_index, std::size_t event_index) {
        const std::string& id = request.events[event_index].event_id;
        const auto [at, added] = seen_.try_emplace(id, request_index);
        if (added) return;
        throw InvalidInput(event_where(request, event_index) + "event id '" + id +
                           (at->second == request_index ? "' appears twice in the append"
                                                        : "' appears in two appends of the batch"));
    }

private:
    std::unordered_map<std::string_view, std::size_t> seen_;
};

// @p event without its payload (checked() writes the canonical one in its place).
NewEvent without_payload(const NewEvent& event) {
    return NewEvent{.event_id = event.event_id, .type = event.type, .payload = {}, .schema_version = event.schema_version,
                    .occurred_at_us = event.occurred_at_us, .actor = event.actor, .correlation_id = event.correlation_id,
                    .causation_id = event.causation_id};
}

// @p request checked, its payloads canonical and screened; InvalidInput naming what is wrong.
AppendRequest checked(const AppendRequest& request, std::size_t request_index, EventIds& ids) {
    check_stream(request);
    AppendRequest out{.stream_id = request.stream_id, .kind = request.kind,
                      .expected_version = request.expected_version, .events = {}};
    out.events.reserve(request.events.size());
    for (std::size_t i = 0; i < request.events.size(); ++i) {
        check_event(request, i);
        ids.add(request, request_index, i);
        out.events.push_back(without_payload(request.events[i]));
        try {
            detail::canonicalise(request.events[i].payload, detail::Screening::identifiers, out.events[i].payload);
        } catch (const InvalidInput& error) {
            throw InvalidInput(stream_where(request) + ", event " + std::to_string(i + 1) + " ('" +
                               request.events[i].event_id + "'): " + error.problem());
        }
    }
    return out;
}

}  // namespace

std::span<const EnumName<Durability>> enum_names(Durability) noexcept { return durability_table; }
std::string_view to_string(Durability durability) noexcept { return enum_name(durability); }

std::string canonical_json(std::string_view json) {
    std::string out;
    detail::canonicalise(json, detail::Screening::off, out);
    return out;
}

Store::Store(std::filesystem::path path, std::string location, StoreOptions options,
             std::unique_ptr<detail::StoreBackend> backend)
    : path_(std::move(path)),
      location_(std::move(location)),
      options_(options),
      backend_(std::move(backend)),
      mutex_(std::make_unique<std::mutex>()) {}

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
    const bool full = options.durability == Durability::full;
    const detail::ChainSettings chain{options.chain_algorithm, options.anchor_key, options.anchor_interval};
    if (detail::is_postgres_url(path.string())) {
        return Store({}, detail::redacted_url(path.string()), options,
                     detail::open_event_store(
                         detail::open_postgres_database(path.string(), full, options.busy_timeout_ms), chain));
    }
    if (std::filesystem::is_directory(path)) {
        throw FileError(path.string() + ": is a directory, not a store file");
    }
    return Store(path, path.string(), options,
                 detail::open_event_store(detail::open_sqlite_database(path.string(), full, options.busy_timeout_ms, options.vfs),
                                          chain));
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
    std::size_t events = 0;
    for (const AppendRequest& request : requests) events += request.events.size();
    EventIds ids(events);  // views into @p requests, which outlive it
    std::vector<AppendRequest> canonical;
    canonical.reserve(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i) {
        canonical.push_back(checked(requests[i], i, ids));
    }
    const std::lock_guard lock(*mutex_);
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
    const std::lock_guard lock(*mutex_);
    return backend_->read_stream(stream_id, from_version, limit);
}

std::vector<StoredEvent> Store::read_all(std::int64_t after_position, std::int64_t limit) const {
    if (after_position < 0) {
        throw InvalidInput("read_all: after_position " + std::to_string(after_position) + " is negative");
    }
    if (limit < 0) {
        throw InvalidInput("read_all: limit " + std::to_string(limit) + " is negative");
    }
    const std::lock_guard lock(*mutex_);
    return backend_->read_all(after_position, limit);
}

detail::PayloadScan Store::scan_payloads(std::int64_t after_position, std::int64_t limit, std::string_view stream_prefix,
                                         const detail::PayloadVisitor& each) const {
    const std::lock_guard lock(*mutex_);
    return backend_->scan_payloads(after_position, limit, stream_prefix, each);
}

std::int64_t Store::stream_version(const std::string& stream_id) const {
    const std::lock_guard lock(*mutex_);
    return backend_->stream_version(stream_id);
}

std::vector<StreamInfo> Store::streams() const {
    const std::lock_guard lock(*mutex_);
    return backend_->streams();
}

std::int64_t Store::last_position() const {
    const std::lock_guard lock(*mutex_);
    return backend_->last_position();
}

std::vector<int> Store::applied_schema_versions() const {
    const std::lock_guard lock(*mutex_);
    return backend_->applied_schema_versions();
}

HashAlgorithm Store::chain_algorithm() const {
    const std::lock_guard lock(*mutex_);
    return backend_->chain_algorithm();
}

Anchor Store::anchor(ByteView key) {
    if (key.size() < min_anchor_key_size) {
        throw InvalidInput("Store::anchor: the key has " + std::to_string(key.size()) + " bytes; at least " +
                           std::to_string(min_anchor_key_size) + " are needed");
    }
    const std::lock_guard lock(*mutex_);
    if (backend_->last_position() == 0) {
        throw InvalidInput("Store::anchor: the store has no events to anchor");
    }
    return backend_->anchor_head(key, now_us());
}

std::vector<Anchor> Store::anchors() const {
    const std::lock_guard lock(*mutex_);
    return backend_->anchors();
}

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
    const std::lock_guard lock(*mutex_);
    const ChainCheckpoint start = backend_->checkpoint();
    ChainVerifier verifier(backend_->chain_algorithm(), start, key && anchors.empty() ? backend_->anchors() : anchors, key);
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
    const std::lock_guard lock(*mutex_);
    return backend_->purge_before(cut_off_us, now);
}

ChainCheckpoint Store::checkpoint() const {
    const std::lock_guard lock(*mutex_);
    return backend_->checkpoint();
}

void Store::save_snapshot(const std::string& name, std::int64_t position, std::int64_t format, std::string_view data) {
    if (name.empty()) throw InvalidInput("save_snapshot: the name is empty");
    const std::lock_guard lock(*mutex_);
    const std::int64_t last = backend_->last_position();
    if (position < 0 || position > last) {
        throw InvalidInput("save_snapshot: position " + std::to_string(position) + " is not in 0.." + std::to_string(last));
    }
    backend_->save_snapshot(name, position, format, data, now_us());
}

std::optional<Snapshot> Store::latest_snapshot(const std::string& name) const {
    const std::lock_guard lock(*mutex_);
    return backend_->latest_snapshot(name);
}

std::int64_t Store::delete_snapshots(const std::string& name) {
    const std::lock_guard lock(*mutex_);
    return backend_->delete_snapshots(name);
}

const std::filesystem::path& Store::path() const noexcept { return path_; }
const std::string& Store::location() const noexcept { return location_; }
const StoreOptions& Store::options() const noexcept { return options_; }

}  // namespace grassroots
