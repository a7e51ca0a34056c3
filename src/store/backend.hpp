// The store's engine interface (internal): what an engine must do so Store can sit on it. SQLite
// implements it today (sqlite_backend.cpp); a libpq backend implements the same calls later. The
// arguments reach a backend already checked and canonicalised by Store.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "grassroots/store/store.hpp"

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
};

/// What the chain needs from StoreOptions when a store is opened.
struct ChainSettings {
    std::optional<HashAlgorithm> algorithm;  ///< unset: the store's own (SHA-256 for a new store)
    std::optional<Bytes> anchor_key;         ///< automatic anchors' key; unset: none
    std::int64_t anchor_interval = default_anchor_interval;
};

/// Opens the SQLite file @p path with @p options and migrates it to Store::schema_version.
std::unique_ptr<StoreBackend> open_sqlite(const std::string& path, const StoreOptions& options);

}  // namespace grassroots::detail
