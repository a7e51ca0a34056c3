// The event store over the database interface (database.hpp), the same on every engine: the schema
// and its migrations, appends with version checks and idempotency, and reads. See docs/store.md.
//
// An append batch runs in one transaction holding the append lock, and costs a fixed number of
// statements whatever its size (what is stored already is looked up set-wise, the rows are written
// with multi-row INSERTs): over a network connection round trips, not rows, are what costs.
// Positions are given here (last position + 1 …) under the append lock, so they have no gaps and
// become visible in order on every engine.
#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "grassroots/error.hpp"
#include "store/backend.hpp"
#include "store/database.hpp"

namespace grassroots::detail {

namespace {

struct Migration {
    int version;
    const char* description;
    const char* sql;  ///< portable DDL with Database::ddl() tokens
};

// Each migration moves the schema one version up; all pending ones run in one transaction.
// The hash column is reserved for the hash chain (issue 13 §3): this version writes NULL there.
constexpr std::array<Migration, 2> migrations{{
    {1, "streams and events",
     "CREATE TABLE streams ("
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
     ");"},
    // Schema version 2 (issue 13 §3): one migration; each feature adds its own commented block.
    {2, "vault",
     // --- vault (branch vault): residents' personal information, encrypted per person. Key check
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
     ");"
     // --- end vault
    },
}};
static_assert(migrations.back().version == Store::schema_version);

constexpr const char* event_columns =
    "SELECT position, stream_id, stream_version, event_id, type, schema_version, occurred_at, recorded_at, "
    "actor, correlation_id, causation_id, payload FROM events ";

// Rows per multi-row statement: far below SQLite's 32,766 and PostgreSQL's 65,535 parameters.
constexpr std::size_t rows_per_statement = 500;
constexpr int event_parameters = 12;

// "$first, $first+1, …" (@p count placeholders).
std::string placeholders(int first, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        out += (i == 0 ? "$" : ", $") + std::to_string(first + static_cast<int>(i));
    }
    return out;
}

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

class EventBackend final : public StoreBackend {
public:
    explicit EventBackend(std::unique_ptr<Database> database) : db_(std::move(database)) { migrate(); }

    std::vector<AppendResult> append_batch(const std::vector<AppendRequest>& requests,
                                           std::int64_t recorded_at_us) override {
        Database::Transaction transaction(*db_);
        db_->lock_appends();
        const std::unordered_map<std::string, StoredRef> stored = stored_events(requests);
        std::map<std::string, StreamState> streams = stored_streams(requests);
        std::int64_t position = last_position();

        std::vector<AppendResult> results;
        std::vector<Row> rows;
        results.reserve(requests.size());
        for (const AppendRequest& request : requests) {
            if (auto repeated = repeated_append(request, stored)) {
                results.push_back(*repeated);
                continue;
            }
            StreamState& stream = streams[request.stream_id];
            if (stream.kind.empty()) {
                stream.kind = request.kind;
            } else if (stream.kind != request.kind) {
                throw InvalidInput("stream '" + request.stream_id + "' is of kind '" + stream.kind + "', not '" +
                                   request.kind + "'; nothing was written");
            }
            if (request.expected_version != any_version && request.expected_version != stream.version) {
                throw RuleViolation("store.expected_version",
                                    "version conflict on stream '" + request.stream_id + "': expected version " +
                                        std::to_string(request.expected_version) +
                                        ", but the stream is at version " + std::to_string(stream.version) +
                                        "; nothing was written");
            }
            AppendResult result{.stream_id = request.stream_id, .first_position = position + 1};
            for (const NewEvent& event : request.events) {
                rows.push_back({&request, &event, ++stream.version, ++position});
            }
            stream.changed = true;
            result.last_position = position;
            result.stream_version = stream.version;
            results.push_back(result);
        }
        write_streams(streams);  // before the events: they reference their stream
        write_events(rows, recorded_at_us);
        transaction.commit();
        return results;
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
            db_->exec(db_->ddl(migration.sql));
            const auto record = db_->prepare("INSERT INTO schema_versions(version, description) VALUES ($1, $2)");
            record->bind(1, static_cast<std::int64_t>(migration.version));
            record->bind_text(2, migration.description);
            record->run();
        }
        transaction.commit();
        prepare_statements();
    }

    void prepare_statements() {
        find_stream_ = db_->prepare("SELECT version FROM streams WHERE stream_id = $1");
        last_position_ = db_->prepare("SELECT coalesce(max(position), 0) FROM events");
        read_stream_ = db_->prepare(std::string(event_columns) +
                                    "WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version LIMIT $3");
        read_all_ = db_->prepare(std::string(event_columns) + "WHERE position > $1 ORDER BY position LIMIT $2");
    }

    // A statement for @p sql, prepared once and kept (the multi-row statements differ by row count).
    Statement& cached(const std::string& sql) {
        auto found = cache_.find(sql);
        if (found == cache_.end()) {
            if (cache_.size() >= 64) {
                cache_.clear();
            }
            found = cache_.emplace(sql, db_->prepare(sql)).first;
        }
        found->second->reset();
        return *found->second;
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
            Statement& statement = cached("SELECT event_id, position, stream_id, stream_version FROM events "
                                          "WHERE event_id IN (" + placeholders(1, count) + ")");
            for (std::size_t i = 0; i < count; ++i) {
                statement.bind_text(static_cast<int>(i) + 1, *ids[first + i]);
            }
            while (statement.step()) {
                out.emplace(statement.column_text(0),
                            StoredRef{statement.column_int(1), statement.column_text(2), statement.column_int(3)});
            }
            statement.reset();
        }
        return out;
    }

    // The stored streams among the batch's streams, by id.
    std::map<std::string, StreamState> stored_streams(const std::vector<AppendRequest>& requests) {
        std::vector<std::string> ids;
        for (const AppendRequest& request : requests) {
            ids.push_back(request.stream_id);
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        std::map<std::string, StreamState> out;
        for (std::size_t first = 0; first < ids.size(); first += rows_per_statement) {
            const std::size_t count = std::min(rows_per_statement, ids.size() - first);
            Statement& statement = cached("SELECT stream_id, kind, version FROM streams WHERE stream_id IN (" +
                                          placeholders(1, count) + ")");
            for (std::size_t i = 0; i < count; ++i) {
                statement.bind_text(static_cast<int>(i) + 1, ids[first + i]);
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
        for (std::size_t first = 0; first < changed.size(); first += rows_per_statement) {
            const std::size_t count = std::min(rows_per_statement, changed.size() - first);
            std::string sql = "INSERT INTO streams(stream_id, kind, version) VALUES ";
            for (std::size_t i = 0; i < count; ++i) {
                sql += (i == 0 ? "(" : ", (") + placeholders(static_cast<int>(3 * i) + 1, 3) + ")";
            }
            sql += " ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version";
            Statement& statement = cached(sql);
            for (std::size_t i = 0; i < count; ++i) {
                const int at = static_cast<int>(3 * i);
                statement.bind_text(at + 1, *changed[first + i].first);
                statement.bind_text(at + 2, changed[first + i].second->kind);
                statement.bind(at + 3, changed[first + i].second->version);
            }
            statement.run();
            statement.reset();
        }
    }

    // Inserts the rows (multi-row INSERTs).
    void write_events(const std::vector<Row>& rows, std::int64_t recorded_at_us) {
        for (std::size_t first = 0; first < rows.size(); first += rows_per_statement) {
            const std::size_t count = std::min(rows_per_statement, rows.size() - first);
            std::string sql =
                "INSERT INTO events(position, stream_id, stream_version, event_id, type, schema_version, "
                "occurred_at, recorded_at, actor, correlation_id, causation_id, payload) VALUES ";
            for (std::size_t i = 0; i < count; ++i) {
                sql += (i == 0 ? "(" : ", (") + placeholders(static_cast<int>(event_parameters * i) + 1,
                                                             event_parameters) + ")";
            }
            Statement& statement = cached(sql);
            for (std::size_t i = 0; i < count; ++i) {
                const Row& row = rows[first + i];
                const NewEvent& event = *row.event;
                const int at = static_cast<int>(event_parameters * i);
                statement.bind(at + 1, row.position);
                statement.bind_text(at + 2, row.request->stream_id);
                statement.bind(at + 3, row.stream_version);
                statement.bind_text(at + 4, event.event_id);
                statement.bind_text(at + 5, event.type);
                statement.bind(at + 6, event.schema_version);
                statement.bind(at + 7, event.occurred_at_us == 0 ? recorded_at_us : event.occurred_at_us);
                statement.bind(at + 8, recorded_at_us);
                statement.bind_text_or_null(at + 9, event.actor);
                statement.bind_text_or_null(at + 10, event.correlation_id);
                statement.bind_text_or_null(at + 11, event.causation_id);
                statement.bind_text(at + 12, event.payload);
            }
            statement.run();
            statement.reset();
        }
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
                                      .payload = statement.column_text(11)});
        }
        statement.reset();
        return out;
    }

    std::unique_ptr<Database> db_;
    std::unique_ptr<Statement> find_stream_, last_position_, read_stream_, read_all_;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
    std::unique_ptr<VaultTables> vault_;  // declared after db_: destroyed before it
};

}  // namespace

std::unique_ptr<StoreBackend> open_event_store(std::unique_ptr<Database> database) {
    return std::make_unique<EventBackend>(std::move(database));
}

}  // namespace grassroots::detail
