// The SQLite engine of the store: the schema and its migrations, appends with version checks and
// idempotency, and reads. See docs/store.md for the schema and the durability settings.
#include <sqlite3.h>

#include <array>
#include <optional>
#include <string>
#include <utility>

#include "grassroots/error.hpp"
#include "grassroots/store/chain.hpp"
#include "store/backend.hpp"
#include "store/sqlite.hpp"

namespace grassroots::detail {

namespace {

struct Migration {
    int version;
    const char* description;
    const char* sql;
};

// Each migration moves the schema one version up; all pending ones run in one transaction.
// Version 2 is one migration with one commented block per part of issue 13 added in it.
constexpr std::array<Migration, 2> migrations{{
    {1, "streams and events",
     "CREATE TABLE streams ("
     "  stream_id TEXT PRIMARY KEY,"
     "  kind TEXT NOT NULL,"
     "  version INTEGER NOT NULL CHECK (version >= 0)"
     ") WITHOUT ROWID;"
     "CREATE TABLE events ("
     "  position INTEGER PRIMARY KEY,"
     "  stream_id TEXT NOT NULL REFERENCES streams(stream_id),"
     "  stream_version INTEGER NOT NULL CHECK (stream_version >= 1),"
     "  event_id TEXT NOT NULL UNIQUE,"
     "  type TEXT NOT NULL,"
     "  schema_version INTEGER NOT NULL,"
     "  occurred_at INTEGER NOT NULL,"
     "  recorded_at INTEGER NOT NULL,"
     "  actor TEXT,"
     "  correlation_id TEXT,"
     "  causation_id TEXT,"
     "  payload TEXT NOT NULL,"
     "  hash BLOB,"
     "  UNIQUE (stream_id, stream_version)"
     ");"},
    {2, "issue 13, second increment: the hash chain",
     // --- the hash chain (issue 13 §3) ---------------------------------------------------------
     // store_metadata: settings fixed at creation ("chain.algorithm": sha256 | sm3).
     // anchors: signed (position, head hash, algorithm, time): copies; the proof is an exported copy.
     // chain_checkpoints: where verification starts after a retention purge (last removed event).
     // events.hash (from version 1) is filled by the migration for the events already stored.
     "CREATE TABLE IF NOT EXISTS store_metadata ("
     "  key TEXT PRIMARY KEY,"
     "  value TEXT NOT NULL"
     ") WITHOUT ROWID;"
     "CREATE TABLE anchors ("
     "  anchor_id INTEGER PRIMARY KEY,"
     "  position BIGINT NOT NULL CHECK (position >= 1),"
     "  head_hash TEXT NOT NULL,"
     "  algorithm TEXT NOT NULL,"
     "  created_at BIGINT NOT NULL,"
     "  signature TEXT NOT NULL"
     ");"
     "CREATE TABLE chain_checkpoints ("
     "  position INTEGER PRIMARY KEY,"
     "  hash TEXT NOT NULL,"
     "  cut_off BIGINT NOT NULL,"
     "  purged_at BIGINT NOT NULL"
     ");"},
}};
static_assert(migrations.back().version == Store::schema_version);

constexpr const char* event_columns =
    "SELECT position, stream_id, stream_version, event_id, type, schema_version, occurred_at, recorded_at, "
    "actor, correlation_id, causation_id, payload, hash FROM events ";

class SqliteBackend final : public StoreBackend {
public:
    SqliteBackend(const std::string& path, const StoreOptions& options, ChainSettings chain)
        : db_(path, options.vfs), chain_(std::move(chain)), ready_(set_up(options)) {}

    std::vector<AppendResult> append_batch(const std::vector<AppendRequest>& requests,
                                           std::int64_t recorded_at_us) override {
        std::vector<AppendResult> results;
        results.reserve(requests.size());
        SqliteTransaction transaction(db_);
        head_ = read_head();
        for (const AppendRequest& request : requests) {
            results.push_back(append_one(request, recorded_at_us));
        }
        transaction.commit();
        return results;
    }

    std::vector<StoredEvent> read_stream(const std::string& stream_id, std::int64_t from_version,
                                         std::int64_t limit) override {
        read_stream_.reset();
        read_stream_.bind(1, stream_id);
        read_stream_.bind(2, from_version);
        read_stream_.bind(3, limit == 0 ? -1 : limit);
        return collect(read_stream_);
    }

    std::vector<StoredEvent> read_all(std::int64_t after_position, std::int64_t limit) override {
        read_all_.reset();
        read_all_.bind(1, after_position);
        read_all_.bind(2, limit == 0 ? -1 : limit);
        return collect(read_all_);
    }

    std::int64_t stream_version(const std::string& stream_id) override {
        find_stream_.reset();
        find_stream_.bind(1, stream_id);
        const std::int64_t version = find_stream_.step() ? find_stream_.column_int(1) : 0;
        find_stream_.reset();
        return version;
    }

    std::vector<StreamInfo> streams() override {
        SqliteStatement statement(db_, "SELECT stream_id, kind, version FROM streams ORDER BY stream_id");
        std::vector<StreamInfo> out;
        while (statement.step()) {
            out.push_back({statement.column_text(0), statement.column_text(1), statement.column_int(2)});
        }
        return out;
    }

    std::int64_t last_position() override {
        SqliteStatement statement(db_, "SELECT coalesce(max(position), 0) FROM events");
        statement.step();
        return statement.column_int(0);
    }

    std::vector<int> applied_schema_versions() override {
        SqliteStatement statement(db_, "SELECT version FROM schema_versions ORDER BY version");
        std::vector<int> out;
        while (statement.step()) {
            out.push_back(static_cast<int>(statement.column_int(0)));
        }
        return out;
    }

    HashAlgorithm chain_algorithm() override { return algorithm_; }

    Anchor anchor_head(ByteView key, std::int64_t now_us) override {
        SqliteTransaction transaction(db_);
        const ChainHead head = read_head();
        const Anchor anchor = sign_anchor(
            {.position = head.position, .head_hash = to_hex(head.hash), .algorithm = algorithm_, .created_at_us = now_us},
            key);
        write_anchor(anchor);
        transaction.commit();
        return anchor;
    }

    std::vector<Anchor> anchors() override {
        SqliteStatement rows(db_, "SELECT position, head_hash, algorithm, created_at, signature FROM anchors "
                                  "ORDER BY position, anchor_id");
        std::vector<Anchor> out;
        while (rows.step()) {
            const std::string algorithm = rows.column_text(2);
            const auto parsed = find_enum<HashAlgorithm>(algorithm);
            if (!parsed) {
                throw FileError(db_.file() + ": an anchor at position " + std::to_string(rows.column_int(0)) +
                                " names an unknown algorithm '" + algorithm + "'");
            }
            out.push_back(Anchor{.position = rows.column_int(0), .head_hash = rows.column_text(1),
                                 .algorithm = *parsed, .created_at_us = rows.column_int(3),
                                 .signature = rows.column_text(4)});
        }
        return out;
    }

    ChainCheckpoint checkpoint() override {
        SqliteStatement row(db_, "SELECT position, hash FROM chain_checkpoints ORDER BY position DESC LIMIT 1");
        if (row.step()) {
            return {row.column_int(0), row.column_text(1)};
        }
        return {};
    }

    PurgeResult purge_before(std::int64_t cut_off_us, std::int64_t now_us) override {
        SqliteTransaction transaction(db_);
        PurgeResult result{.checkpoint = checkpoint()};
        // The prefix ends before the first event recorded at or after the cut-off, and before the
        // last event (which always stays, so positions go on).
        SqliteStatement bound(db_,
                              "SELECT min(coalesce((SELECT min(position) FROM events WHERE recorded_at >= ?), "
                              "9223372036854775807), coalesce((SELECT max(position) FROM events), 0))");
        bound.bind(1, cut_off_us);
        bound.step();
        const std::int64_t end = bound.column_int(0);
        bound.reset();
        SqliteStatement last(db_, "SELECT position, hash, (SELECT count(*) FROM events WHERE position < ?1) FROM events "
                                  "WHERE position < ?1 ORDER BY position DESC LIMIT 1");
        last.bind(1, end);
        if (!last.step()) {
            return result;  // nothing old enough
        }
        const std::int64_t through = last.column_int(0);
        result.checkpoint = {through, to_hex(last.column_blob(1))};
        result.events_removed = last.column_int(2);
        last.reset();
        SqliteStatement remove(db_, "DELETE FROM events WHERE position <= ?");
        remove.bind(1, through);
        remove.step();
        SqliteStatement record(db_, "INSERT INTO chain_checkpoints(position, hash, cut_off, purged_at) VALUES (?, ?, ?, ?)");
        record.bind(1, through);
        record.bind(2, result.checkpoint.hash);
        record.bind(3, cut_off_us);
        record.bind(4, now_us);
        record.step();
        transaction.commit();
        return result;
    }

private:
    struct ChainHead {
        std::int64_t position = 0;
        Bytes hash;
    };

    // The last event's position and hash, else the retention checkpoint, else {0, genesis}.
    ChainHead read_head() {
        SqliteStatement last(db_, "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1");
        if (last.step()) {
            return {last.column_int(0), last.column_blob(1)};
        }
        const ChainCheckpoint at = checkpoint();
        if (at.position > 0) {
            return {at.position, from_hex(at.hash)};
        }
        return {0, chain_genesis()};
    }

    void write_anchor(const Anchor& anchor) {
        SqliteStatement insert(db_, "INSERT INTO anchors(position, head_hash, algorithm, created_at, signature) "
                                    "VALUES (?, ?, ?, ?, ?)");
        insert.bind(1, anchor.position);
        insert.bind(2, anchor.head_hash);
        insert.bind(3, to_string(anchor.algorithm));
        insert.bind(4, anchor.created_at_us);
        insert.bind(5, anchor.signature);
        insert.step();
    }

    // The chain's algorithm from store_metadata: written (the option's, or SHA-256) when absent;
    // InvalidInput naming both when the option asks for another. In the migration transaction.
    HashAlgorithm settle_chain_algorithm() {
        SqliteStatement read(db_, "SELECT value FROM store_metadata WHERE key = 'chain.algorithm'");
        if (read.step()) {
            const std::string stored = read.column_text(0);
            const auto algorithm = find_enum<HashAlgorithm>(stored);
            if (!algorithm) {
                throw FileError(db_.file() + ": the store's chain algorithm '" + stored + "' is unknown");
            }
            if (chain_.algorithm && *chain_.algorithm != *algorithm) {
                throw InvalidInput(db_.file() + ": the store's hash chain uses " + stored + ", but it was opened with " +
                                   std::string(to_string(*chain_.algorithm)) +
                                   " (the algorithm is fixed when a store is created; leave chain_algorithm unset)");
            }
            return *algorithm;
        }
        const HashAlgorithm algorithm = chain_.algorithm.value_or(HashAlgorithm::sha256);
        (void)digest(ByteView{}, algorithm);  // NotFound now, where OpenSSL lacks it, not at the first append
        SqliteStatement write(db_, "INSERT INTO store_metadata(key, value) VALUES ('chain.algorithm', ?)");
        write.bind(1, to_string(algorithm));
        write.step();
        return algorithm;
    }

    // Hashes for the events stored without one (a store of schema version 1), in position order.
    void fill_missing_hashes() {
        SqliteStatement rows(db_, std::string(event_columns) + "ORDER BY position");
        SqliteStatement update(db_, "UPDATE events SET hash = ? WHERE position = ?");
        Bytes previous = chain_genesis();
        std::vector<std::pair<std::int64_t, Bytes>> hashes;
        {
            SqliteStatement any(db_, "SELECT 1 FROM events WHERE hash IS NULL LIMIT 1");
            if (!any.step()) return;
        }
        while (rows.step()) {
            if (!rows.column_is_null(12)) {
                previous = rows.column_blob(12);
                continue;
            }
            const StoredEvent event{.position = rows.column_int(0), .stream_id = rows.column_text(1),
                                    .stream_version = rows.column_int(2), .event_id = rows.column_text(3),
                                    .type = rows.column_text(4), .schema_version = rows.column_int(5),
                                    .occurred_at_us = rows.column_int(6), .recorded_at_us = rows.column_int(7),
                                    .actor = rows.column_text(8), .correlation_id = rows.column_text(9),
                                    .causation_id = rows.column_text(10), .payload = rows.column_text(11)};
            previous = chain_hash(previous, event, algorithm_);
            hashes.emplace_back(event.position, previous);
        }
        rows.reset();
        for (const auto& [position, hash] : hashes) {
            update.reset();
            update.bind_blob(1, hash);
            update.bind(2, position);
            update.step();
        }
    }

    // Settings and migrations, before any statement over the tables is prepared.
    bool set_up(const StoreOptions& options) {
        sqlite3_busy_timeout(db_.handle(), options.busy_timeout_ms);
        db_.exec("PRAGMA journal_mode=WAL");  // the first read of the file: a non-SQLite file fails here
        db_.exec(options.durability == Durability::full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
        db_.exec("PRAGMA foreign_keys=ON");
        migrate();
        return true;
    }

    void migrate() {
        SqliteTransaction transaction(db_);
        db_.exec(
            "CREATE TABLE IF NOT EXISTS schema_versions ("
            "  version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
            "  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
        std::int64_t current = 0;
        {
            SqliteStatement statement(db_, "SELECT coalesce(max(version), 0) FROM schema_versions");
            statement.step();
            current = statement.column_int(0);
        }
        if (current > Store::schema_version) {
            throw FileError(db_.file() + ": was written by a newer version of grassroots (store schema version " +
                            std::to_string(current) + "; this grassroots reads up to version " +
                            std::to_string(Store::schema_version) + "): upgrade grassroots to open it");
        }
        for (const Migration& migration : migrations) {
            if (migration.version <= current) {
                continue;
            }
            db_.exec(migration.sql);
            SqliteStatement record(db_, "INSERT INTO schema_versions(version, description) VALUES (?, ?)");
            record.bind(1, static_cast<std::int64_t>(migration.version));
            record.bind(2, std::string_view(migration.description));
            record.step();
        }
        algorithm_ = settle_chain_algorithm();
        fill_missing_hashes();
        transaction.commit();
    }

    AppendResult append_one(const AppendRequest& request, std::int64_t recorded_at_us) {
        if (auto repeated = repeated_append(request)) {
            return *repeated;
        }
        std::int64_t current = 0;
        find_stream_.reset();
        find_stream_.bind(1, request.stream_id);
        const bool exists = find_stream_.step();
        if (exists) {
            const std::string kind = find_stream_.column_text(0);
            current = find_stream_.column_int(1);
            find_stream_.reset();
            if (kind != request.kind) {
                throw InvalidInput("stream '" + request.stream_id + "' is of kind '" + kind + "', not '" +
                                   request.kind + "'; nothing was written");
            }
        }
        find_stream_.reset();
        if (request.expected_version != any_version && request.expected_version != current) {
            throw RuleViolation("store.expected_version",
                                "version conflict on stream '" + request.stream_id + "': expected version " +
                                    std::to_string(request.expected_version) + ", but the stream is at version " +
                                    std::to_string(current) + "; nothing was written");
        }
        AppendResult result{.stream_id = request.stream_id};
        std::int64_t version = current;
        for (const NewEvent& event : request.events) {
            ++version;
            insert_event_.reset();
            insert_event_.bind(1, request.stream_id);
            insert_event_.bind(2, version);
            insert_event_.bind(3, event.event_id);
            insert_event_.bind(4, event.type);
            insert_event_.bind(5, event.schema_version);
            insert_event_.bind(6, event.occurred_at_us == 0 ? recorded_at_us : event.occurred_at_us);
            insert_event_.bind(7, recorded_at_us);
            insert_event_.bind_text_or_null(8, event.actor);
            insert_event_.bind_text_or_null(9, event.correlation_id);
            insert_event_.bind_text_or_null(10, event.causation_id);
            insert_event_.bind(11, event.payload);
            // The chain: position head + 1, hash H(head hash ‖ the event's fields), and an anchor at
            // each multiple of the interval when the store has a key.
            const StoredEvent stored{.position = head_.position + 1, .stream_id = request.stream_id,
                                     .stream_version = version, .event_id = event.event_id, .type = event.type,
                                     .schema_version = event.schema_version,
                                     .occurred_at_us = event.occurred_at_us == 0 ? recorded_at_us : event.occurred_at_us,
                                     .recorded_at_us = recorded_at_us, .actor = event.actor,
                                     .correlation_id = event.correlation_id, .causation_id = event.causation_id,
                                     .payload = event.payload};
            head_ = {stored.position, chain_hash(head_.hash, stored, algorithm_)};
            insert_event_.bind(12, stored.position);
            insert_event_.bind_blob(13, head_.hash);
            if (version == current + 1) {
                // The stream row must exist before its first event (foreign key).
                upsert_stream_.reset();
                upsert_stream_.bind(1, request.stream_id);
                upsert_stream_.bind(2, request.kind);
                upsert_stream_.bind(3, current + static_cast<std::int64_t>(request.events.size()));
                upsert_stream_.step();
            }
            insert_event_.step();
            const std::int64_t position = head_.position;
            if (chain_.anchor_key && position % chain_.anchor_interval == 0) {
                write_anchor(sign_anchor({.position = position, .head_hash = to_hex(head_.hash),
                                          .algorithm = algorithm_, .created_at_us = recorded_at_us},
                                         *chain_.anchor_key));
            }
            if (result.first_position == 0) {
                result.first_position = position;
            }
            result.last_position = position;
        }
        result.stream_version = version;
        return result;
    }

    // The original result when every event id of @p request is stored already, in this stream and
    // order; nothing when none is; InvalidInput when only some are or they belong elsewhere.
    std::optional<AppendResult> repeated_append(const AppendRequest& request) {
        AppendResult original{.stream_id = request.stream_id, .duplicate = true};
        std::size_t found = 0;
        std::string missing;
        for (const NewEvent& event : request.events) {
            find_event_.reset();
            find_event_.bind(1, event.event_id);
            if (!find_event_.step()) {
                if (missing.empty()) {
                    missing = event.event_id;
                }
                continue;
            }
            const std::int64_t position = find_event_.column_int(0);
            const std::string stream = find_event_.column_text(1);
            const std::int64_t version = find_event_.column_int(2);
            find_event_.reset();
            if (stream != request.stream_id) {
                throw InvalidInput("event id '" + event.event_id + "' is already stored in stream '" + stream +
                                   "' (position " + std::to_string(position) + "), not in '" + request.stream_id +
                                   "'; nothing was written");
            }
            if (found > 0 && position != original.last_position + 1) {
                throw InvalidInput("event ids of this append to '" + request.stream_id +
                                   "' were stored before, but not together in this order; nothing was written");
            }
            if (found == 0) {
                original.first_position = position;
            }
            original.last_position = position;
            original.stream_version = version;
            ++found;
        }
        find_event_.reset();
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

    static std::vector<StoredEvent> collect(SqliteStatement& statement) {
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

    SqliteConnection db_;
    ChainSettings chain_;
    HashAlgorithm algorithm_ = HashAlgorithm::sha256;
    ChainHead head_;
    bool ready_;
    SqliteStatement find_event_{db_, "SELECT position, stream_id, stream_version FROM events WHERE event_id = ?"};
    SqliteStatement find_stream_{db_, "SELECT kind, version FROM streams WHERE stream_id = ?"};
    SqliteStatement upsert_stream_{db_,
                                   "INSERT INTO streams(stream_id, kind, version) VALUES (?, ?, ?) "
                                   "ON CONFLICT(stream_id) DO UPDATE SET version = excluded.version"};
    SqliteStatement insert_event_{db_,
                                  "INSERT INTO events(stream_id, stream_version, event_id, type, schema_version, "
                                  "occurred_at, recorded_at, actor, correlation_id, causation_id, payload, position, "
                                  "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"};
    SqliteStatement read_stream_{db_, std::string(event_columns) +
                                          "WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version LIMIT ?"};
    SqliteStatement read_all_{db_, std::string(event_columns) + "WHERE position > ? ORDER BY position LIMIT ?"};
};

}  // namespace

std::unique_ptr<StoreBackend> open_sqlite(const std::string& path, const StoreOptions& options) {
    if (!options.vfs.empty() && sqlite3_vfs_find(options.vfs.c_str()) == nullptr) {
        throw InvalidInput("Store::open: no SQLite VFS named '" + options.vfs +
                           "' is registered (leave vfs empty for SQLite's default)");
    }
    return std::make_unique<SqliteBackend>(
        path, options,
        ChainSettings{options.chain_algorithm, options.anchor_key, options.anchor_interval});
}

}  // namespace grassroots::detail
