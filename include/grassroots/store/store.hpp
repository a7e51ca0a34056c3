/// @file store.hpp
/// @brief The store: a durable event store on SQLite or PostgreSQL (issue 13).
///
/// A Store keeps streams (one per case, ledger item, chain …) and their events in one SQLite file
/// (WAL, `synchronous=FULL` by default) or in a PostgreSQL database (`postgresql://…` URL). Appends check the stream's expected version, are
/// idempotent by event id, and a batch of appends commits in one transaction (group commit).
/// Events are read back per stream or in global order from a position (for tailing). Payloads are
/// canonical JSON (keys sorted, no spaces). See docs/store.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <optional>

#include "grassroots/core/enum_table.hpp"
#include "grassroots/privacy/crypto.hpp"
#include "grassroots/store/chain.hpp"

namespace grassroots {

/// @brief How hard a commit is pushed to disk (SQLite `PRAGMA synchronous` under WAL; PostgreSQL
/// `synchronous_commit` on or off).
enum class Durability {
    full,    ///< synchronous=FULL / synchronous_commit=on: a commit survives power loss once append() returns.
    normal,  ///< synchronous=NORMAL / synchronous_commit=off: faster; a crash may roll back the last commits (no corruption).
};

/// @brief The name table of Durability ("full", "normal").
[[nodiscard]] std::span<const EnumName<Durability>> enum_names(Durability) noexcept;
/// @brief "full" or "normal".
[[nodiscard]] std::string_view to_string(Durability durability) noexcept;

/// @brief The default number of events between two automatic anchors (StoreOptions::anchor_interval).
inline constexpr std::int64_t default_anchor_interval = 1000;
/// @brief The default retention in days (StoreOptions::retention_days): 180, the six months the
/// Cybersecurity Law (art. 21) asks logs to be kept at least (docs/domain.md §8); a default, not legal advice.
inline constexpr int default_retention_days = 180;

/// @brief Options for Store::open().
struct StoreOptions {
    Durability durability = Durability::full;  ///< How hard commits are pushed to disk.
    int busy_timeout_ms = 5000;                 ///< How long to wait for another writer's lock (ms, >= 0; PostgreSQL: lock_timeout).
    /// The hash chain's algorithm: fixed when the store is created and kept in it; unset: the
    /// store's own (SHA-256 for a new store); set and different from the store's: an error naming both.
    std::optional<HashAlgorithm> chain_algorithm{};
    /// The HMAC key of automatic anchors (kept outside the store, >= 16 bytes); unset: no automatic anchors.
    std::optional<Bytes> anchor_key{};
    /// With an anchor key: an anchor is written when an append passes a multiple of this many events (>= 1).
    std::int64_t anchor_interval = default_anchor_interval;
    /// purge_before() refuses to remove events recorded less than this many days ago (>= 0).
    int retention_days = default_retention_days;
    /// @brief Name of a registered SQLite VFS to open the file through ("": SQLite's default).
    ///
    /// E.g. "unix-excl" (one process holds the file exclusively: network filesystems with unreliable
    /// locks), or a test harness simulating power cuts and disk errors (tests/crash/crash_vfs.hpp).
    /// The VFS must provide shared memory for WAL. An unknown name is InvalidInput.
    std::string vfs{};
};

/// @brief What Store::purge_before() did.
struct PurgeResult {
    std::int64_t events_removed = 0;  ///< How many events were removed.
    ChainCheckpoint checkpoint{};     ///< Where verification now starts (the last removed position and its hash).
};

/// @brief Expected stream version that skips the version check (append whatever the version).
inline constexpr std::int64_t any_version = -1;

/// @brief One event to append: what happened, who did it and why (the store adds position and times).
struct NewEvent {
    std::string event_id;              ///< Unique id across the store: the idempotency key (non-empty).
    std::string type;                  ///< Event type, e.g. "case_opened" (non-empty).
    std::string payload = "{}";        ///< JSON object text; stored canonical (keys sorted, compact).
    std::int64_t schema_version = 1;   ///< Version of the payload's schema for this type (>= 1).
    std::int64_t occurred_at_us = 0;   ///< When it happened, µs since 1970-01-01 UTC (0: when recorded).
    std::string actor{};               ///< Who did it ("" if unknown).
    std::string correlation_id{};      ///< Id shared by the events of one request or process ("" if none).
    std::string causation_id{};        ///< Id of the event or command that caused this one ("" if none).
};

/// @brief One append: events for one stream, checked against the version the caller expects.
struct AppendRequest {
    std::string stream_id;                   ///< The stream (non-empty), e.g. "case-2024-000123".
    std::string kind;                        ///< The stream's kind, e.g. "case"; fixed when the stream is created.
    std::int64_t expected_version = any_version;  ///< 0: the stream must not exist yet; N: its version must be N; any_version: no check.
    std::vector<NewEvent> events;            ///< At least one event.
};

/// @brief What an append wrote (or, for a repeated event id, what the original append wrote).
struct AppendResult {
    std::string stream_id;               ///< The stream appended to.
    std::int64_t first_position = 0;     ///< Global position of the first event.
    std::int64_t last_position = 0;      ///< Global position of the last event.
    std::int64_t stream_version = 0;     ///< The stream's version after its last event.
    bool duplicate = false;              ///< True when the event ids were already stored: nothing was written.
};

/// @brief An event as stored.
struct StoredEvent {
    std::int64_t position = 0;         ///< Global position (1, 2, … in commit order).
    std::string stream_id;             ///< The stream.
    std::int64_t stream_version = 0;   ///< Version of the stream this event made (1 for its first event).
    std::string event_id;              ///< The idempotency key.
    std::string type;                  ///< Event type.
    std::int64_t schema_version = 1;   ///< Version of the payload's schema.
    std::int64_t occurred_at_us = 0;   ///< When it happened, µs since 1970-01-01 UTC.
    std::int64_t recorded_at_us = 0;   ///< When the store wrote it, µs since 1970-01-01 UTC.
    std::string actor;                 ///< Who did it ("" if unknown).
    std::string correlation_id;        ///< Correlation id ("" if none).
    std::string causation_id;          ///< Causation id ("" if none).
    std::string payload;               ///< Canonical JSON text.
    std::string hash{};                ///< Chain hash H(previous hash ‖ this event's fields), hex (see chain.hpp).

    /// @brief Field-by-field equality.
    friend bool operator==(const StoredEvent&, const StoredEvent&) = default;
};

/// @brief A stream and its current version.
struct StreamInfo {
    std::string stream_id;          ///< The stream.
    std::string kind;               ///< Its kind.
    std::int64_t version = 0;       ///< Its version: the number of events in it.

    /// @brief Field-by-field equality.
    friend bool operator==(const StreamInfo&, const StreamInfo&) = default;
};

class Vault;

/// @brief A snapshot (快照): an object's state at a global position, kept as a droppable cache.
///
/// Deleting snapshots changes nothing but how fast an object loads: a reader takes the latest one
/// whose format it knows and replays the events after its position (schema version 2).
struct Snapshot {
    std::string name;                 ///< What it is a snapshot of, e.g. "case-engine" (non-empty).
    std::int64_t position = 0;        ///< The global position it reflects (every event up to it; >= 0).
    std::int64_t format = 1;          ///< The writer's format version (readers ignore formats they do not know).
    std::int64_t created_at_us = 0;   ///< When it was saved, µs since 1970-01-01 UTC (set by the store).
    std::string data;                 ///< The bytes (binary).
};

namespace detail {
class StoreBackend;

/// @brief What a payload scan read: its rows (of every stream) and the position of the last.
struct PayloadScan {
    std::int64_t rows = 0;           ///< Rows read.
    std::int64_t last_position = 0;  ///< The position of the last row read (the start when none).
};
/// @brief Sees one event's position and payload (a view valid during the call).
using PayloadVisitor = std::function<void(std::int64_t position, std::string_view payload)>;
}  // namespace detail

/// @brief The event store (事件存储): streams of events in one SQLite file or PostgreSQL database.
///
/// Several threads may share a Store: its calls take turns (one connection, one mutex). Several
/// Stores, even in several processes, may open the same file or database; writers take turns,
/// waiting up to the busy timeout. Errors: bad arguments throw InvalidInput, a version conflict
/// RuleViolation ("store.expected_version"), a file that cannot be opened, is not SQLite or was
/// written by a newer grassroots, a server that cannot be reached, and any engine failure,
/// FileError naming the file or URL (without password) and the engine's message. A failed append
/// writes nothing.
class Store {
public:
    /// @brief The schema version this build writes (and the newest it can open).
    static constexpr int schema_version = 2;

    /// @brief Opens the store at @p path and migrates it to schema_version: a SQLite file (created if
    /// missing) or, for a `postgresql://…` or `postgres://…` URL, a PostgreSQL database (which must exist).
    [[nodiscard]] static Store open(const std::filesystem::path& path, StoreOptions options = {});

    /// @brief Moves the store (the moved-from store may only be destroyed or assigned).
    Store(Store&&) noexcept;
    /// @brief Move-assigns the store.
    Store& operator=(Store&&) noexcept;
    /// @brief Closes the connection.
    ~Store();

    /// @brief Appends @p request's events in one transaction and returns where they went.
    [[nodiscard]] AppendResult append(const AppendRequest& request);
    /// @brief Appends events to @p stream_id (of @p kind) expecting @p expected_version.
    [[nodiscard]] AppendResult append(const std::string& stream_id, const std::string& kind,
                                      std::int64_t expected_version, const std::vector<NewEvent>& events);
    /// @brief Appends every request in ONE transaction (group commit): all are written or none.
    [[nodiscard]] std::vector<AppendResult> append_batch(const std::vector<AppendRequest>& requests);

    /// @brief The events of @p stream_id from stream version @p from_version (inclusive), at most @p limit (0: all).
    [[nodiscard]] std::vector<StoredEvent> read_stream(const std::string& stream_id, std::int64_t from_version = 1,
                                                       std::int64_t limit = 0) const;
    /// @brief All events with global position > @p after_position, in order, at most @p limit (0: all).
    [[nodiscard]] std::vector<StoredEvent> read_all(std::int64_t after_position = 0, std::int64_t limit = 0) const;
    /// @brief The version of @p stream_id (0 if it does not exist).
    [[nodiscard]] std::int64_t stream_version(const std::string& stream_id) const;
    /// @brief Every stream with its kind and version, ordered by id.
    [[nodiscard]] std::vector<StreamInfo> streams() const;
    /// @brief The highest global position (0 when the store is empty).
    [[nodiscard]] std::int64_t last_position() const;
    /// @brief Saves a snapshot of @p name at @p position (<= last_position()) in format @p format, and
    /// deletes that name's older ones; InvalidInput for an empty name or a position out of range.
    void save_snapshot(const std::string& name, std::int64_t position, std::int64_t format, std::string_view data);
    /// @brief The latest snapshot of @p name (highest position), if any.
    [[nodiscard]] std::optional<Snapshot> latest_snapshot(const std::string& name) const;
    /// @brief Deletes the snapshots of @p name ("" = every snapshot); returns how many.
    std::int64_t delete_snapshots(const std::string& name = "");
    /// @brief The schema versions applied to this file, oldest first.
    [[nodiscard]] std::vector<int> applied_schema_versions() const;
    /// @brief The hash chain's algorithm (fixed when the store was created).
    [[nodiscard]] HashAlgorithm chain_algorithm() const;
    /// @brief Signs the chain's head (last position and hash) with @p key, stores the anchor and returns it.
    Anchor anchor(ByteView key);
    /// @brief The anchors stored in the store, by position.
    [[nodiscard]] std::vector<Anchor> anchors() const;
    /// @brief The stored anchors as JSON lines (one anchor a line), to keep outside the store.
    [[nodiscard]] std::string export_anchors() const;
    /// @brief Verifies the chain from the genesis (or the retention checkpoint) to the head.
    ///
    /// With @p key and no @p anchors the store's own anchors are checked; with @p anchors (copies
    /// kept elsewhere) those are checked under @p key (anchors without a key: InvalidInput).
    [[nodiscard]] VerifyReport verify(const std::vector<Anchor>& anchors = {},
                                      const std::optional<Bytes>& key = std::nullopt) const;
    /// @brief Removes the oldest events, those recorded before @p cut_off_us, keeping a checkpoint.
    ///
    /// Refused (RuleViolation "store.retention", nothing removed) when @p cut_off_us is later than
    /// now minus StoreOptions::retention_days. Removes the longest prefix of the log (by position)
    /// recorded before the cut-off, never the last event; the checkpoint lets verify() start there.
    PurgeResult purge_before(std::int64_t cut_off_us);
    /// @brief The retention checkpoint verify() starts from ({0, ""} when nothing was purged).
    [[nodiscard]] ChainCheckpoint checkpoint() const;
    /// @brief The file this store is in (empty for a PostgreSQL store: see location()).
    [[nodiscard]] const std::filesystem::path& path() const noexcept;
    /// @brief Where the store is: the file path, or the PostgreSQL URL without its password.
    [[nodiscard]] const std::string& location() const noexcept;
    /// @brief The options it was opened with.
    [[nodiscard]] const StoreOptions& options() const noexcept;

private:
    friend class Vault;  // the vault's tables sit on the same connection, under the same mutex
    friend class StoredEngine;  // loads through scan_payloads
    // The events after @p after_position (at most @p limit rows) streamed to @p each, for those of
    // streams starting with @p stream_prefix: position and payload only, no StoredEvent copies.
    detail::PayloadScan scan_payloads(std::int64_t after_position, std::int64_t limit, std::string_view stream_prefix,
                                      const detail::PayloadVisitor& each) const;
    Store(std::filesystem::path path, std::string location, StoreOptions options,
          std::unique_ptr<detail::StoreBackend> backend);
    std::filesystem::path path_;
    std::string location_;
    StoreOptions options_;
    std::unique_ptr<detail::StoreBackend> backend_;
    std::unique_ptr<std::mutex> mutex_;  ///< every call that reaches backend_ holds it (Store may be shared)
};

/// @brief @p json (a JSON object) in canonical form: keys sorted, compact; InvalidInput if not an object.
[[nodiscard]] std::string canonical_json(std::string_view json);

}  // namespace grassroots
