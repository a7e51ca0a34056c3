// The store's backend interface (internal): what Store sits on. One implementation, the event store
// over the database interface (event_backend.cpp over database.hpp), serves every engine. The
// arguments reach a backend already checked and canonicalised by Store.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "grassroots/store/store.hpp"
#include "store/vault_tables.hpp"

namespace grassroots::detail {

class StoreBackend {
public:
    virtual ~StoreBackend() = default;
    /// Appends every request in one transaction (all or nothing); @p recorded_at_us stamps them.
    virtual std::vector<AppendResult> append_batch(const std::vector<AppendRequest>& requests,
                                                   std::int64_t recorded_at_us) = 0;
    virtual std::vector<StoredEvent> read_stream(const std::string& stream_id, std::int64_t from_version,
                                                 std::int64_t limit) = 0;
    virtual std::vector<StoredEvent> read_all(std::int64_t after_position, std::int64_t limit) = 0;
    /// Streams the events after @p after_position in order, at most @p limit rows, reading only the
    /// position, stream and payload: @p each sees the payload of each event whose stream id starts
    /// with @p stream_prefix (a view valid during the call). Loading an engine reads this way.
    virtual PayloadScan scan_payloads(std::int64_t after_position, std::int64_t limit, std::string_view stream_prefix,
                                      const PayloadVisitor& each) = 0;
    virtual std::int64_t stream_version(const std::string& stream_id) = 0;
    virtual std::vector<StreamInfo> streams() = 0;
    virtual std::int64_t last_position() = 0;
    virtual std::vector<int> applied_schema_versions() = 0;

    // The hash chain (issue 13 §3). The backend computes each event's hash inside the append
    // transaction (chain.hpp) and writes the automatic anchors; Store verifies over read_all().
    /// The chain's algorithm, as kept in the store's metadata.
    virtual HashAlgorithm chain_algorithm() = 0;
    /// Signs the head (last position, its hash) with @p key at @p now_us and stores the anchor.
    virtual Anchor anchor_head(ByteView key, std::int64_t now_us) = 0;
    /// The stored anchors by position.
    virtual std::vector<Anchor> anchors() = 0;
    /// The retention checkpoint ({0, ""} when nothing was purged).
    virtual ChainCheckpoint checkpoint() = 0;
    /// Removes the longest prefix recorded before @p cut_off_us (never the last event) and records
    /// the checkpoint, in one transaction.
    virtual PurgeResult purge_before(std::int64_t cut_off_us, std::int64_t now_us) = 0;

    /// Snapshots (schema v2): saves one (deleting that name's older ones), the latest of a name, deletes.
    virtual void save_snapshot(const std::string& name, std::int64_t position, std::int64_t format, std::string_view data,
                               std::int64_t created_at_us) = 0;
    virtual std::optional<Snapshot> latest_snapshot(const std::string& name) = 0;
    virtual std::int64_t delete_snapshots(const std::string& name) = 0;

    /// The vault's tables over the same connection.
    virtual VaultTables& vault_tables() = 0;
};

/// What the chain needs from StoreOptions when a store is opened.
struct ChainSettings {
    std::optional<HashAlgorithm> algorithm;  ///< unset: the store's own (SHA-256 for a new store)
    std::optional<Bytes> anchor_key;         ///< automatic anchors' key; unset: none
    std::int64_t anchor_interval = default_anchor_interval;
};

class Database;

/// The event store in @p database, migrated to Store::schema_version, chaining as @p chain says.
std::unique_ptr<StoreBackend> open_event_store(std::unique_ptr<Database> database, ChainSettings chain = {});

}  // namespace grassroots::detail
