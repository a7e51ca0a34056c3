// The event store over the database interface (database.hpp), the same on every engine: the schema
// and its migrations, appends with version checks and idempotency, and reads. See docs/store.md.
//
// An append batch runs in one transaction holding the append lock. On PostgreSQL it costs a fixed
// number of statements whatever its size (multi-row INSERTs): over a network connection round
// trips, not rows, are what costs; on SQLite each row is one prepared INSERT (Dialect). It first runs the fast way: no event id looked up
// (a retry is rare: the UNIQUE index on event_id refuses a stored one) and each stream's kind and
// version from the cache this connection keeps, valid while the chain head is the one its last
// commit left (no other writer came in between). Whatever the fast way would refuse — a stored event
// id, a version conflict, a kind changed — it rolls back and runs again the checked way, which looks
// the event ids and the streams up set-wise, so a retried append still gets its original positions.
// Positions are given here (last position + 1 …) under the append lock, so they have no gaps and
// become visible in order on every engine.
#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>

#include "grassroots/error.hpp"
#include "grassroots/store/chain.hpp"
#include "store/backend.hpp"
#include "store/chain_fields.hpp"
#include "store/chain_tables.hpp"
#include "store/database.hpp"

namespace grassroots::detail {

namespace {

struct Migration {
    int version;
    const char* description;
    std::array<const char*, 6> blocks;  ///< portable DDL with Database::ddl() tokens, one block per part
};

// Each migration moves the schema one version up; all pending ones run in one transaction.
// Version 2 is ONE migration: one commented block per part of issue 13 added in it.
constexpr std::array<Migration, 2> migrations{{
    {1, "streams and events",
     {"CREATE TABLE streams ("
     "  stream_id TEXT PRIMARY KEY,"
     "  kind TEXT NOT NULL,"
     "  version BIGINT NOT NULL CHECK (version >= 0)"
     ") {without_rowid};"
     "CREATE TABLE events ("
     "  position {int64_key},"
     "  stream_id TEXT NOT NULL REFERENCES streams(stream_id),"
     "  stream_version BIGINT NOT NULL CHECK (stream_version >= 1),"
     "  event_id TEXT NOT NULL UNIQUE,"
     "  type TEXT NOT NULL,"
     "  schema_version BIGINT NOT NULL,"
     "  occurred_at BIGINT NOT NULL,"
     "  recorded_at BIGINT NOT NULL,"
     "  actor TEXT,"
     "  correlation_id TEXT,"
     "  causation_id TEXT,"
     "  payload TEXT NOT NULL,"
     "  hash {blob},"
     "  UNIQUE (stream_id, stream_version)"
     ");"}},
    // ---- schema v2: one migration, one block per part ----
    {2, "issue 13, second increment: the hash chain; snapshots; the vault",
     {
         // [chain] the hash chain's metadata, anchors and retention checkpoint (chain_tables.hpp).
         chain_schema_v2,
         // [persist] snapshots: a droppable cache of an object's state at a global position (a reader
         // takes the latest of a name in a format it knows and replays the events after it).
         "CREATE TABLE snapshots ("
         "  name TEXT NOT NULL,"
         "  position BIGINT NOT NULL CHECK (position >= 0),"
         "  format BIGINT NOT NULL,"
         "  created_at BIGINT NOT NULL,"
         "  data {blob} NOT NULL,"
         "  PRIMARY KEY (name, position)"
         ");",
         // [vault] residents' personal information, encrypted per person. Key check
         // values (HMAC of a fixed label under each key) tell a wrong key from a right one; a person's
         // data key is stored wrapped under the master key and erased (NULL) when they are forgotten;
         // every clear value is stored only encrypted under the person's data key.
         "CREATE TABLE vault_key_checks ("
         "  name TEXT PRIMARY KEY,"
         "  check_value {blob} NOT NULL"
         ");"
         "CREATE TABLE vault_people ("
         "  pseudonym TEXT PRIMARY KEY,"
         "  cipher TEXT NOT NULL,"
         "  wrapped_key {blob},"
         "  registered_at BIGINT NOT NULL,"
         "  forgotten_at BIGINT"
         ");"
         "CREATE TABLE vault_values ("
         "  pseudonym TEXT NOT NULL REFERENCES vault_people(pseudonym),"
         "  field TEXT NOT NULL,"
         "  seq BIGINT NOT NULL,"
         "  sealed {blob} NOT NULL,"
         "  PRIMARY KEY (pseudonym, field, seq)"
         ");",
     }},
}};
static_assert(migrations.back().version == Store::schema_version);

constexpr const char* event_columns =
    "SELECT position, stream_id, stream_version, event_id, type, schema_version, occurred_at, recorded_at, "
    "actor, correlation_id, causation_id, payload, hash FROM events ";

// Rows per multi-row look-up: far below SQLite's 32,766 and PostgreSQL's 65,535 parameters (rows per
// INSERT: Dialect::rows_per_insert).
constexpr std::size_t rows_per_statement = 500;
constexpr int event_parameters = 13;

// "$first, $first+1, …" (@p count placeholders).
std::string placeholders(int first, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        out += (i == 0 ? "$" : ", $") + std::to_string(first + static_cast<int>(i));
    }
    return out;
}

// The statements whose SQL depends on a row count, prepared once per count (multi_row()).
enum class Shape { find_events, find_streams, upsert_streams, insert_events };

// At most this many streams' kinds and versions are cached (then the cache starts again).
constexpr std::size_t max_cached_streams = 100'000;

// Where a stored event is (for repeated appends).
struct StoredRef {
    std::int64_t position;
    std::string stream_id;
    std::int64_t stream_version;
};

// A stream as the batch sees it: stored, then as the batch's earlier appends left it.
struct StreamState {
    std::string kind;
    std::int64_t version = 0;
    bool changed = false;
};

// One event row to insert.
struct Row {
    const AppendRequest* request;
    const NewEvent* event;
    std::int64_t stream_version;
    std::int64_t position;
};

// Hashes std::string and std::string_view alike (look-ups by a view without a copy).
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

// A stream's kind and version as this connection last wrote them.
struct CachedStream {
    std::string kind;
    std::int64_t version = 0;
};

// How a batch learns what is stored: assumed new (event ids not looked up, streams from the cache)
// or looked up (both read from the tables: what decides a refusal or a repeated append).
enum class Lookup { assumed_new, looked_up };

// What a batch writes and answers: built before anything is written.
struct BatchPlan {
    std::vector<AppendResult> results;
    std::vector<Row> rows;
    std::map<std::string, StreamState> streams;
};

class EventBackend final : public StoreBackend {
public:
    EventBackend(std::unique_ptr<Database> database, ChainSettings chain)
        : db_(std::move(database)), chain_(std::move(chain)) {
        migrate();
    }

    std::vector<AppendResult> append_batch(const std::vector<AppendRequest>& requests,
                                           std::int64_t recorded_at_us) override {
        if (auto results = run_batch(requests, recorded_at_us, Lookup::assumed_new)) {
            return std::move(*results);
        }
        return std::move(*run_batch(requests, recorded_at_us, Lookup::looked_up));
    }

    std::vector<StoredEvent> read_stream(const std::string& stream_id, std::int64_t from_version,
                                         std::int64_t limit) override {
        read_stream_->reset();
        read_stream_->bind_text(1, stream_id);
        read_stream_->bind(2, from_version);
        read_stream_->bind(3, limit == 0 ? std::numeric_limits<std::int64_t>::max() : limit);
        return collect(*read_stream_);
    }

    std::vector<StoredEvent> read_all(std::int64_t after_position, std::int64_t limit) override {
        read_all_->reset();
        read_all_->bind(1, after_position);
        read_all_->bind(2, limit == 0 ? std::numeric_limits<std::int64_t>::max() : limit);
        return collect(*read_all_);
    }

    PayloadScan scan_payloads(std::int64_t after_position, std::int64_t limit, std::string_view stream_prefix,
                              const PayloadVisitor& each) override {
        PayloadScan scan{0, after_position};
        scan_payloads_->reset();
        scan_payloads_->bind(1, after_position);
        scan_payloads_->bind(2, limit == 0 ? std::numeric_limits<std::int64_t>::max() : limit);
        while (scan_payloads_->step()) {
            ++scan.rows;
            scan.last_position = scan_payloads_->column_int(0);
            if (scan_payloads_->column_view(1).starts_with(stream_prefix)) each(scan.last_position, scan_payloads_->column_view(2));
        }
        scan_payloads_->reset();
        return scan;
    }

    std::int64_t stream_version(const std::string& stream_id) override {
        find_stream_->reset();
        find_stream_->bind_text(1, stream_id);
        const std::int64_t version = find_stream_->step() ? find_stream_->column_int(0) : 0;
        find_stream_->reset();
        return version;
    }

    std::vector<StreamInfo> streams() override {
        const auto statement = db_->prepare("SELECT stream_id, kind, version FROM streams ORDER BY stream_id");
        std::vector<StreamInfo> out;
        while (statement->step()) {
            out.push_back({statement->column_text(0), statement->column_text(1), statement->column_int(2)});
        }
        return out;
    }

    std::int64_t last_position() override {
        last_position_->reset();
        last_position_->step();
        const std::int64_t position = last_position_->column_int(0);
        last_position_->reset();
        return position;
    }

    HashAlgorithm chain_algorithm() override { return algorithm_; }

    Anchor anchor_head(ByteView key, std::int64_t now_us) override {
        Database::Transaction transaction(*db_);
        db_->lock_appends();
        const ChainHead head = read_chain_head(*db_, *chain_head_);
        const Anchor anchor = sign_anchor(
            {.position = head.position, .head_hash = to_hex(head.hash), .algorithm = algorithm_, .created_at_us = now_us},
            key);
        write_anchor(*db_, anchor);
        transaction.commit();
        return anchor;
    }

    std::vector<Anchor> anchors() override { return read_anchors(*db_); }
    ChainCheckpoint checkpoint() override { return read_checkpoint(*db_); }
    PurgeResult purge_before(std::int64_t cut_off_us, std::int64_t now_us) override {
        return purge_events_before(*db_, cut_off_us, now_us);
    }

    VaultTables& vault_tables() override {
        if (!vault_) {
            vault_ = database_vault_tables(*db_);
        }
        return *vault_;
    }

    std::vector<int> applied_schema_versions() override {
        const auto statement = db_->prepare("SELECT version FROM schema_versions ORDER BY version");
        std::vector<int> out;
        while (statement->step()) {
            out.push_back(static_cast<int>(statement->column_int(0)));
        }
        return out;
    }

    // [persist] snapshots.
    void save_snapshot(const std::string& name, std::int64_t position, std::int64_t format, std::string_view data,
                       std::int64_t created_at_us) override {
        Database::Transaction transaction(*db_);
        {
            // Older ones, and one at the same position.
            const auto remove = db_->prepare("DELETE FROM snapshots WHERE name = $1 AND position <= $2");
            remove->bind_text(1, name);
            remove->bind(2, position);
            remove->run();
        }
        const auto insert = db_->prepare("INSERT INTO snapshots(name, position, format, created_at, data) VALUES ($1, $2, $3, $4, $5)");
        insert->bind_text(1, name);
        insert->bind(2, position);
        insert->bind(3, format);
        insert->bind(4, created_at_us);
        insert->bind_blob(5, std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(data.data()), data.size()));
        insert->run();
        transaction.commit();
    }

    std::optional<Snapshot> latest_snapshot(const std::string& name) override {
        const auto select =
            db_->prepare("SELECT position, format, created_at, data FROM snapshots WHERE name = $1 ORDER BY position DESC LIMIT 1");
        select->bind_text(1, name);
        if (!select->step()) return std::nullopt;
        Snapshot snapshot;
        snapshot.name = name;
        snapshot.position = select->column_int(0);
        snapshot.format = select->column_int(1);
        snapshot.created_at_us = select->column_int(2);
        select->column_blob_into(3, snapshot.data);  // hundreds of MB for a city-year: one copy
        select->reset();
        return snapshot;
    }

    std::int64_t delete_snapshots(const std::string& name) override {
        Database::Transaction transaction(*db_);
        const std::string where = name.empty() ? "" : " WHERE name = $1";
        std::int64_t count = 0;
        {
            const auto counting = db_->prepare("SELECT count(*) FROM snapshots" + where);
            if (!name.empty()) counting->bind_text(1, name);
            counting->step();
            count = counting->column_int(0);
            counting->reset();
        }
        const auto remove = db_->prepare("DELETE FROM snapshots" + where);
        if (!name.empty()) remove->bind_text(1, name);
        remove->run();
        transaction.commit();
        return count;
    }

private:
    // All pending migrations in one transaction, under the append lock (two processes opening a new
    // store at once take turns). Runs before any statement over the tables is prepared.
    void migrate() {
        Database::Transaction transaction(*db_);
        db_->lock_appends();
        db_->exec(db_->ddl(
            "CREATE TABLE IF NOT EXISTS schema_versions ("
            "  version BIGINT PRIMARY KEY, description TEXT NOT NULL,"
            "  applied_at TEXT NOT NULL DEFAULT ({now}))"));
        std::int64_t current = 0;
        {
            const auto statement = db_->prepare("SELECT coalesce(max(version), 0) FROM schema_versions");
            statement->step();
            current = statement->column_int(0);
        }
        if (current > Store::schema_version) {
            throw FileError(db_->location() + ": was written by a newer version of grassroots (store schema version " +
                            std::to_string(current) + "; this grassroots reads up to version " +
                            std::to_string(Store::schema_version) + "): upgrade grassroots to open it");
        }
        for (const Migration& migration : migrations) {
            if (migration.version <= current) {
                continue;
            }
            for (const char* block : migration.blocks) {
                if (block != nullptr) {
                    db_->exec(db_->ddl(block));
                }
            }
            const auto record = db_->prepare("INSERT INTO schema_versions(version, description) VALUES ($1, $2)");
            record->bind(1, static_cast<std::int64_t>(migration.version));
            record->bind_text(2, migration.description);
            record->run();
        }
        algorithm_ = settle_chain_algorithm(*db_, chain_.algorithm);
        // Only the migration to version 2 meets events without a hash (appends hash every event):
        // looking for them at every open scanned the whole events table (most of a snapshot reopen),
        // and would have re-hashed a hash deleted since, which verify() is to report (missing_hash).
        if (current < 2) (void)fill_missing_hashes(*db_, algorithm_);
        transaction.commit();
        prepare_statements();
    }

    void prepare_statements() {
        find_stream_ = db_->prepare("SELECT version FROM streams WHERE stream_id = $1");
        last_position_ = db_->prepare("SELECT coalesce(max(position), 0) FROM events");
        read_stream_ = db_->prepare(std::string(event_columns) +
                                    "WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version LIMIT $3");
        read_all_ = db_->prepare(std::string(event_columns) + "WHERE position > $1 ORDER BY position LIMIT $2");
        scan_payloads_ = db_->prepare("SELECT position, stream_id, payload FROM events WHERE position > $1 ORDER BY position LIMIT $2");
        chain_head_ = db_->prepare(chain_head_sql);
    }

    // One transaction of the batch; nothing (rolled back) when the assumed-new way meets what only
    // the look-up can judge.
    std::optional<std::vector<AppendResult>> run_batch(const std::vector<AppendRequest>& requests,
                                                       std::int64_t recorded_at_us, Lookup lookup) {
        Database::Transaction transaction(*db_, Database::Locking::appends);
        const ChainHead head = read_chain_head(*db_, *chain_head_);
        if (head.position != cached_head_.position || head.hash != cached_head_.hash) {
            stream_cache_.clear();  // another writer came in: what the cache holds may be stale
        }
        std::optional<BatchPlan> plan = plan_batch(requests, head.position, lookup);
        if (!plan) {
            return std::nullopt;
        }
        write_streams(plan->streams);  // before the events: they reference their stream
        Bytes last_hash;
        try {
            last_hash = write_events(plan->rows, recorded_at_us, head.hash);
        } catch (const UniqueViolation&) {
            if (lookup == Lookup::assumed_new) return std::nullopt;  // an event id is stored already
            throw;
        }
        transaction.commit();
        remember(plan->streams, plan->rows.empty() ? head : ChainHead{plan->rows.back().position, last_hash});
        return std::move(plan->results);
    }

    // The batch's rows, positions and results; nothing when assumed new and a stream refuses an append
    // (the look-up decides: it may be a repeated append). Throws when looked up.
    std::optional<BatchPlan> plan_batch(const std::vector<AppendRequest>& requests, std::int64_t position,
                                        Lookup lookup) {
        const bool looked_up = lookup == Lookup::looked_up;
        const std::unordered_map<std::string, StoredRef> stored =
            looked_up ? stored_events(requests) : std::unordered_map<std::string, StoredRef>{};
        BatchPlan plan{.results = {}, .rows = {}, .streams = stream_states(requests, lookup)};
        plan.results.reserve(requests.size());
        for (const AppendRequest& request : requests) {
            if (auto repeated = repeated_append(request, stored)) {
                plan.results.push_back(*repeated);
                continue;
            }
            StreamState& stream = plan.streams[request.stream_id];
            if (!accepts(stream, request, looked_up)) {
                return std::nullopt;
            }
            AppendResult result{.stream_id = request.stream_id, .first_position = position + 1};
            for (const NewEvent& event : request.events) {
                plan.rows.push_back({&request, &event, ++stream.version, ++position});
            }
            stream.changed = true;
            result.last_position = position;
            result.stream_version = stream.version;
            plan.results.push_back(std::move(result));
        }
        return plan;
    }

    // Whether @p stream takes @p request (its kind, its expected version): when not, false, or when
    // @p refuse the refusal (InvalidInput, RuleViolation).
    static bool accepts(StreamState& stream, const AppendRequest& request, bool refuse) {
        if (stream.kind.empty()) {
            stream.kind = request.kind;
        } else if (stream.kind != request.kind) {
            if (!refuse) return false;
            throw InvalidInput("stream '" + request.stream_id + "' is of kind '" + stream.kind + "', not '" +
                               request.kind + "'; nothing was written");
        }
        if (request.expected_version != any_version && request.expected_version != stream.version) {
            if (!refuse) return false;
            throw RuleViolation("store.expected_version",
                                "version conflict on stream '" + request.stream_id + "': expected version " +
                                    std::to_string(request.expected_version) + ", but the stream is at version " +
                                    std::to_string(stream.version) + "; nothing was written");
        }
        return true;
    }

    // After a commit: the streams the batch changed, and the head it left, as the cache's.
    void remember(const std::map<std::string, StreamState>& streams, ChainHead head) {
        if (stream_cache_.size() + streams.size() > max_cached_streams) {
            stream_cache_.clear();
        }
        for (const auto& [id, state] : streams) {
            if (state.changed) {
                CachedStream& cached = stream_cache_[id];
                cached.kind = state.kind;
                cached.version = state.version;
            }
        }
        cached_head_ = std::move(head);
    }

    // The statement of @p shape for @p count rows, prepared once per shape and count and kept.
    Statement& multi_row(Shape shape, std::size_t count) {
        const std::pair<Shape, std::size_t> key{shape, count};
        auto found = multi_row_.find(key);
        if (found == multi_row_.end()) {
            if (multi_row_.size() >= 64) {
                multi_row_.clear();
            }
            found = multi_row_.emplace(key, db_->prepare(multi_row_sql(shape, count))).first;
        }
        found->second->reset();
        return *found->second;
    }

    // The SQL of @p shape for @p count rows.
    static std::string multi_row_sql(Shape shape, std::size_t count) {
        switch (shape) {
            case Shape::find_events:
                return "SELECT event_id, position, stream_id, stream_version FROM events WHERE event_id IN (" +
                       placeholders(1, count) + ")";
            case Shape::find_streams:
                return "SELECT stream_id, kind, version FROM streams WHERE stream_id IN (" + placeholders(1, count) + ")";
            case Shape::upsert_streams:
                return "INSERT INTO streams(stream_id, kind, version) VALUES " + value_rows(count, 3) +
                       " ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version";
            case Shape::insert_events:
                return "INSERT INTO events(position, stream_id, stream_version, event_id, type, schema_version, "
                       "occurred_at, recorded_at, actor, correlation_id, causation_id, payload, hash) VALUES " +
                       value_rows(count, event_parameters);
        }
        return {};
    }

    // "($1, …, $n), ($n+1, …)": @p count rows of @p width parameters.
    static std::string value_rows(std::size_t count, int width) {
        std::string out;
        for (std::size_t i = 0; i < count; ++i) {
            out += (i == 0 ? "(" : ", (") + placeholders(static_cast<int>(i) * width + 1, static_cast<std::size_t>(width)) + ")";
        }
        return out;
    }

    // The stored events among the batch's event ids, by id.
    std::unordered_map<std::string, StoredRef> stored_events(const std::vector<AppendRequest>& requests) {
        std::vector<const std::string*> ids;
        for (const AppendRequest& request : requests) {
            for (const NewEvent& event : request.events) {
                ids.push_back(&event.event_id);
            }
        }
        std::unordered_map<std::string, StoredRef> out;
        for (std::size_t first = 0; first < ids.size(); first += rows_per_statement) {
            const std::size_t count = std::min(rows_per_statement, ids.size() - first);
            Statement& statement = multi_row(Shape::find_events, count);
            for (std::size_t i = 0; i < count; ++i) {
                statement.bind_text_view(static_cast<int>(i) + 1, *ids[first + i]);
            }
            while (statement.step()) {
                out.emplace(statement.column_text(0),
                            StoredRef{statement.column_int(1), statement.column_text(2), statement.column_int(3)});
            }
            statement.reset();
        }
        return out;
    }

    // The batch's streams as stored, by id (a new one absent): from the cache when assumed new,
    // the rest read set-wise.
    std::map<std::string, StreamState> stream_states(const std::vector<AppendRequest>& requests, Lookup lookup) {
        std::vector<std::string_view> ids;
        ids.reserve(requests.size());
        for (const AppendRequest& request : requests) ids.emplace_back(request.stream_id);
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        std::map<std::string, StreamState> out;
        std::vector<std::string_view> unknown;
        for (const std::string_view id : ids) {
            const auto cached = lookup == Lookup::assumed_new ? stream_cache_.find(id) : stream_cache_.end();
            if (cached != stream_cache_.end()) {
                out.emplace(id, StreamState{cached->second.kind, cached->second.version});
            } else {
                unknown.push_back(id);
            }
        }
        for (std::size_t first = 0; first < unknown.size(); first += rows_per_statement) {
            const std::size_t count = std::min(rows_per_statement, unknown.size() - first);
            Statement& statement = multi_row(Shape::find_streams, count);
            for (std::size_t i = 0; i < count; ++i) {
                statement.bind_text_view(static_cast<int>(i) + 1, unknown[first + i]);
            }
            while (statement.step()) {
                out.emplace(statement.column_text(0), StreamState{statement.column_text(1), statement.column_int(2)});
            }
            statement.reset();
        }
        return out;
    }

    // The original result when every event id of @p request is stored already, in this stream and
    // order; nothing when none is; InvalidInput when only some are or they belong elsewhere.
    static std::optional<AppendResult> repeated_append(const AppendRequest& request,
                                                       const std::unordered_map<std::string, StoredRef>& stored) {
        AppendResult original{.stream_id = request.stream_id, .duplicate = true};
        std::size_t found = 0;
        std::string missing;
        for (const NewEvent& event : request.events) {
            const auto it = stored.find(event.event_id);
            if (it == stored.end()) {
                if (missing.empty()) {
                    missing = event.event_id;
                }
                continue;
            }
            const StoredRef& ref = it->second;
            if (ref.stream_id != request.stream_id) {
                throw InvalidInput("event id '" + event.event_id + "' is already stored in stream '" + ref.stream_id +
                                   "' (position " + std::to_string(ref.position) + "), not in '" +
                                   request.stream_id + "'; nothing was written");
            }
            if (found > 0 && ref.position != original.last_position + 1) {
                throw InvalidInput("event ids of this append to '" + request.stream_id +
                                   "' were stored before, but not together in this order; nothing was written");
            }
            if (found == 0) {
                original.first_position = ref.position;
            }
            original.last_position = ref.position;
            original.stream_version = ref.stream_version;
            ++found;
        }
        if (found == 0) {
            return std::nullopt;
        }
        if (found != request.events.size()) {
            throw InvalidInput("append to '" + request.stream_id + "' repeats " + std::to_string(found) +
                               " stored event id(s) but event id '" + missing +
                               "' is new: a retry must repeat the original append exactly; nothing was written");
        }
        return original;
    }

    // Creates or moves up the streams the batch changed (multi-row upserts).
    void write_streams(const std::map<std::string, StreamState>& streams) {
        std::vector<std::pair<const std::string*, const StreamState*>> changed;
        for (const auto& [id, state] : streams) {
            if (state.changed) {
                changed.emplace_back(&id, &state);
            }
        }
        for (std::size_t first = 0; first < changed.size(); first += db_->dialect().rows_per_insert) {
            const std::size_t count = std::min<std::size_t>(db_->dialect().rows_per_insert, changed.size() - first);
            Statement& statement = multi_row(Shape::upsert_streams, count);
            for (std::size_t i = 0; i < count; ++i) {
                const int at = static_cast<int>(3 * i);
                statement.bind_text_view(at + 1, *changed[first + i].first);
                statement.bind_text_view(at + 2, changed[first + i].second->kind);
                statement.bind(at + 3, changed[first + i].second->version);
            }
            statement.run();
            statement.reset();
        }
    }

    // Inserts the rows (multi-row INSERTs), each with its chain hash H(previous ‖ its fields), and
    // the automatic anchors at each multiple of the interval when the store has a key. Returns the
    // last row's hash (@p previous when there are no rows).
    Bytes write_events(const std::vector<Row>& rows, std::int64_t recorded_at_us, Bytes previous) {
        std::vector<Bytes> hashes;
        hashes.reserve(rows.size());
        for (const Row& row : rows) {
            previous = chain_hash_of(previous, chained_fields(row, recorded_at_us), algorithm_, hash_input_);
            hashes.push_back(previous);
        }
        for (std::size_t first = 0; first < rows.size(); first += db_->dialect().rows_per_insert) {
            const std::size_t count = std::min<std::size_t>(db_->dialect().rows_per_insert, rows.size() - first);
            Statement& statement = multi_row(Shape::insert_events, count);
            for (std::size_t i = 0; i < count; ++i) {
                bind_event(statement, static_cast<int>(event_parameters * i), chained_fields(rows[first + i], recorded_at_us),
                           hashes[first + i]);
            }
            statement.run();
            statement.reset();
        }
        if (chain_.anchor_key) {
            for (std::size_t i = 0; i < rows.size(); ++i) {
                if (rows[i].position % chain_.anchor_interval == 0) {
                    write_anchor(*db_, sign_anchor({.position = rows[i].position, .head_hash = to_hex(hashes[i]),
                                                    .algorithm = algorithm_, .created_at_us = recorded_at_us},
                                                   *chain_.anchor_key));
                }
            }
        }
        return previous;
    }

    // The stored fields of @p row's event, as views into the request.
    static ChainedFields chained_fields(const Row& row, std::int64_t recorded_at_us) {
        const NewEvent& event = *row.event;
        return {.position = row.position, .stream_id = row.request->stream_id, .stream_version = row.stream_version,
                .event_id = event.event_id, .type = event.type, .schema_version = event.schema_version,
                .occurred_at_us = event.occurred_at_us == 0 ? recorded_at_us : event.occurred_at_us,
                .recorded_at_us = recorded_at_us, .actor = event.actor, .correlation_id = event.correlation_id,
                .causation_id = event.causation_id, .payload = event.payload};
    }

    // Binds one event row's 13 parameters after the first @p at, without copies (the request and
    // @p hash outlive the statement's run).
    static void bind_event(Statement& statement, int at, const ChainedFields& row, const Bytes& hash) {
        statement.bind(at + 1, row.position);
        statement.bind_text_view(at + 2, row.stream_id);
        statement.bind(at + 3, row.stream_version);
        statement.bind_text_view(at + 4, row.event_id);
        statement.bind_text_view(at + 5, row.type);
        statement.bind(at + 6, row.schema_version);
        statement.bind(at + 7, row.occurred_at_us);
        statement.bind(at + 8, row.recorded_at_us);
        statement.bind_text_view_or_null(at + 9, row.actor);
        statement.bind_text_view_or_null(at + 10, row.correlation_id);
        statement.bind_text_view_or_null(at + 11, row.causation_id);
        statement.bind_text_view(at + 12, row.payload);
        statement.bind_blob_view(at + 13, hash);
    }

    static std::vector<StoredEvent> collect(Statement& statement) {
        std::vector<StoredEvent> out;
        while (statement.step()) {
            out.push_back(StoredEvent{.position = statement.column_int(0),
                                      .stream_id = statement.column_text(1),
                                      .stream_version = statement.column_int(2),
                                      .event_id = statement.column_text(3),
                                      .type = statement.column_text(4),
                                      .schema_version = statement.column_int(5),
                                      .occurred_at_us = statement.column_int(6),
                                      .recorded_at_us = statement.column_int(7),
                                      .actor = statement.column_text(8),
                                      .correlation_id = statement.column_text(9),
                                      .causation_id = statement.column_text(10),
                                      .payload = statement.column_text(11),
                                      .hash = to_hex(statement.column_blob(12))});
        }
        statement.reset();
        return out;
    }

    std::unique_ptr<Database> db_;
    ChainSettings chain_;
    HashAlgorithm algorithm_ = HashAlgorithm::sha256;
    std::unique_ptr<Statement> find_stream_, last_position_, read_stream_, read_all_, scan_payloads_, chain_head_;
    std::map<std::pair<Shape, std::size_t>, std::unique_ptr<Statement>> multi_row_;
    std::unordered_map<std::string, CachedStream, TextHash, std::equal_to<>> stream_cache_;  // valid while the head is cached_head_
    ChainHead cached_head_;
    Bytes hash_input_;  // chain_hash_of's buffer, reused
    std::unique_ptr<VaultTables> vault_;  // declared after db_: destroyed before it
};

}  // namespace

std::unique_ptr<StoreBackend> open_event_store(std::unique_ptr<Database> database, ChainSettings chain) {
    return std::make_unique<EventBackend>(std::move(database), std::move(chain));
}

}  // namespace grassroots::detail
