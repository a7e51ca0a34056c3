// The hash chain's tables over the database interface (internal; issue 13 §3): the chain's
// algorithm in the store's metadata, the chain head, hashes for events of a v1 store, anchors and
// retention checkpoints. Engine-independent: portable SQL over database.hpp. The event backend
// calls these inside its transactions; the hashing itself is chain.hpp's.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "grassroots/privacy/crypto.hpp"
#include "grassroots/store/chain.hpp"
#include "grassroots/store/store.hpp"
#include "store/database.hpp"

namespace grassroots::detail {

// --- schema version 2: the hash chain (issue 13 §3) -------------------------------------------
// store_metadata: the store's settings fixed at creation ("chain.algorithm": sha256 | sm3).
// anchors: signed (position, head hash, algorithm, time) — copies; the proof is an exported copy.
// chain_checkpoints: where verification starts after a retention purge (the last removed event).
inline constexpr const char* chain_schema_v2 =
    "CREATE TABLE IF NOT EXISTS store_metadata ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ") {without_rowid};"
    "CREATE TABLE anchors ("
    "  anchor_id {auto_id},"
    "  position BIGINT NOT NULL CHECK (position >= 1),"
    "  head_hash TEXT NOT NULL,"
    "  algorithm TEXT NOT NULL,"
    "  created_at BIGINT NOT NULL,"
    "  signature TEXT NOT NULL"
    ");"
    "CREATE TABLE chain_checkpoints ("
    "  position {int64_key},"
    "  hash TEXT NOT NULL,"
    "  cut_off BIGINT NOT NULL,"
    "  purged_at BIGINT NOT NULL"
    ");";


/// The chain's algorithm, kept in store_metadata under "chain.algorithm": written with @p wanted
/// (or SHA-256) when absent; InvalidInput naming both when @p wanted differs from the stored one.
/// Runs inside the migration transaction.
HashAlgorithm settle_chain_algorithm(Database& db, std::optional<HashAlgorithm> wanted);

/// Computes the hash of every event whose hash is NULL (a store of schema v1), in position order,
/// chaining from the event before it. Runs inside the migration transaction. Returns how many.
std::int64_t fill_missing_hashes(Database& db, HashAlgorithm algorithm);

/// The chain head: the last event's position and hash, else the checkpoint, else {0, genesis}.
struct ChainHead {
    std::int64_t position = 0;
    Bytes hash;
};
/// The query read_chain_head() runs, to prepare once per connection.
inline constexpr const char* chain_head_sql = "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1";
/// The chain head, read with @p last_event (prepared from chain_head_sql on @p db).
ChainHead read_chain_head(Database& db, Statement& last_event);

/// Stores @p anchor.
void write_anchor(Database& db, const Anchor& anchor);
/// The stored anchors by position.
std::vector<Anchor> read_anchors(Database& db);
/// The latest retention checkpoint ({0, ""} when none).
ChainCheckpoint read_checkpoint(Database& db);
/// Removes the longest prefix of events recorded before @p cut_off_us, never the last event, and
/// records the checkpoint. Runs in its own transaction holding the append lock.
PurgeResult purge_events_before(Database& db, std::int64_t cut_off_us, std::int64_t now_us);

}  // namespace grassroots::detail
