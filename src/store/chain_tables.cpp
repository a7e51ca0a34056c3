// The hash chain's tables over the database interface (see chain_tables.hpp).
#include "store/chain_tables.hpp"

#include <string>

#include "grassroots/error.hpp"

namespace grassroots::detail {

namespace {

constexpr const char* algorithm_key = "chain.algorithm";

// The event columns chain_hash() covers, in StoredEvent order, then the hash.
constexpr const char* chained_columns =
    "SELECT position, stream_id, stream_version, event_id, type, schema_version, occurred_at, recorded_at, "
    "actor, correlation_id, causation_id, payload, hash FROM events ";

StoredEvent event_from(const Statement& row) {
    return StoredEvent{.position = row.column_int(0),
                       .stream_id = row.column_text(1),
                       .stream_version = row.column_int(2),
                       .event_id = row.column_text(3),
                       .type = row.column_text(4),
                       .schema_version = row.column_int(5),
                       .occurred_at_us = row.column_int(6),
                       .recorded_at_us = row.column_int(7),
                       .actor = row.column_text(8),
                       .correlation_id = row.column_text(9),
                       .causation_id = row.column_text(10),
                       .payload = row.column_text(11)};
}

}  // namespace

HashAlgorithm settle_chain_algorithm(Database& db, std::optional<HashAlgorithm> wanted) {
    const auto read = db.prepare("SELECT value FROM store_metadata WHERE key = $1");
    read->bind_text(1, algorithm_key);
    if (read->step()) {
        const std::string stored = read->column_text(0);
        read->reset();
        const auto algorithm = find_enum<HashAlgorithm>(stored);
        if (!algorithm) {
            throw FileError(db.location() + ": the store's chain algorithm '" + stored + "' is unknown");
        }
        if (wanted && *wanted != *algorithm) {
            throw InvalidInput(db.location() + ": the store's hash chain uses " + stored + ", but it was opened with " +
                               std::string(to_string(*wanted)) +
                               " (the algorithm is fixed when a store is created; leave chain_algorithm unset)");
        }
        return *algorithm;
    }
    read->reset();
    const HashAlgorithm algorithm = wanted.value_or(HashAlgorithm::sha256);
    (void)digest(ByteView{}, algorithm);  // NotFound now, not at the first append, where OpenSSL lacks it
    const auto write = db.prepare("INSERT INTO store_metadata(key, value) VALUES ($1, $2)");
    write->bind_text(1, algorithm_key);
    write->bind_text(2, to_string(algorithm));
    write->run();
    return algorithm;
}

std::int64_t fill_missing_hashes(Database& db, HashAlgorithm algorithm) {
    std::int64_t first = 0;
    {
        const auto find = db.prepare("SELECT coalesce(min(position), 0) FROM events WHERE hash IS NULL");
        find->step();
        first = find->column_int(0);
    }
    if (first == 0) {
        return 0;
    }
    Bytes previous = chain_genesis();
    {
        const auto before = db.prepare("SELECT hash FROM events WHERE position < $1 ORDER BY position DESC LIMIT 1");
        before->bind(1, first);
        if (before->step()) {
            previous = before->column_blob(0);
        }
    }
    const auto rows = db.prepare(std::string(chained_columns) + "WHERE position >= $1 ORDER BY position");
    rows->bind(1, first);
    std::vector<std::pair<std::int64_t, Bytes>> hashes;
    while (rows->step()) {
        const StoredEvent event = event_from(*rows);
        if (!rows->column_is_null(12)) {
            previous = rows->column_blob(12);  // hashed already: chain on from it
            continue;
        }
        previous = chain_hash(previous, event, algorithm);
        hashes.emplace_back(event.position, previous);
    }
    rows->reset();
    const auto update = db.prepare("UPDATE events SET hash = $1 WHERE position = $2");
    for (const auto& [position, hash] : hashes) {
        update->bind_blob(1, hash);
        update->bind(2, position);
        update->run();
        update->reset();
    }
    return static_cast<std::int64_t>(hashes.size());
}

ChainHead read_chain_head(Database& db, Statement& last_event) {
    last_event.reset();
    if (last_event.step()) {
        ChainHead head{last_event.column_int(0), last_event.column_blob(1)};
        last_event.reset();
        return head;
    }
    last_event.reset();
    const ChainCheckpoint checkpoint = read_checkpoint(db);
    if (checkpoint.position > 0) {
        return {checkpoint.position, from_hex(checkpoint.hash)};
    }
    return {0, chain_genesis()};
}

void write_anchor(Database& db, const Anchor& anchor) {
    const auto insert = db.prepare(
        "INSERT INTO anchors(position, head_hash, algorithm, created_at, signature) VALUES ($1, $2, $3, $4, $5)");
    insert->bind(1, anchor.position);
    insert->bind_text(2, anchor.head_hash);
    insert->bind_text(3, to_string(anchor.algorithm));
    insert->bind(4, anchor.created_at_us);
    insert->bind_text(5, anchor.signature);
    insert->run();
}

std::vector<Anchor> read_anchors(Database& db) {
    const auto rows = db.prepare(
        "SELECT position, head_hash, algorithm, created_at, signature FROM anchors ORDER BY position, anchor_id");
    std::vector<Anchor> out;
    while (rows->step()) {
        const std::string algorithm = rows->column_text(2);
        const auto parsed = find_enum<HashAlgorithm>(algorithm);
        if (!parsed) {
            throw FileError(db.location() + ": an anchor at position " + std::to_string(rows->column_int(0)) +
                            " names an unknown algorithm '" + algorithm + "'");
        }
        out.push_back(Anchor{.position = rows->column_int(0),
                             .head_hash = rows->column_text(1),
                             .algorithm = *parsed,
                             .created_at_us = rows->column_int(3),
                             .signature = rows->column_text(4)});
    }
    return out;
}

ChainCheckpoint read_checkpoint(Database& db) {
    const auto row = db.prepare("SELECT position, hash FROM chain_checkpoints ORDER BY position DESC LIMIT 1");
    if (row->step()) {
        return {row->column_int(0), row->column_text(1)};
    }
    return {};
}

PurgeResult purge_events_before(Database& db, std::int64_t cut_off_us, std::int64_t now_us) {
    Database::Transaction transaction(db);
    db.lock_appends();
    PurgeResult result{.checkpoint = read_checkpoint(db)};
    // The first event recorded at or after the cut-off ends the prefix; the last event always stays.
    std::int64_t last = 0;
    {
        const auto row = db.prepare("SELECT coalesce(max(position), 0) FROM events");
        row->step();
        last = row->column_int(0);
    }
    std::int64_t end = last;  // remove positions < end
    {
        const auto row = db.prepare("SELECT coalesce(min(position), 0) FROM events WHERE recorded_at >= $1");
        row->bind(1, cut_off_us);
        row->step();
        if (row->column_int(0) != 0 && row->column_int(0) < end) {
            end = row->column_int(0);
        }
    }
    Bytes hash;
    std::int64_t through = 0;
    {
        const auto row = db.prepare("SELECT position, hash FROM events WHERE position < $1 ORDER BY position DESC LIMIT 1");
        row->bind(1, end);
        if (!row->step()) {
            return result;  // nothing old enough
        }
        through = row->column_int(0);
        hash = row->column_blob(1);
    }
    {
        const auto count = db.prepare("SELECT count(*) FROM events WHERE position <= $1");
        count->bind(1, through);
        count->step();
        result.events_removed = count->column_int(0);
    }
    const auto remove = db.prepare("DELETE FROM events WHERE position <= $1");
    remove->bind(1, through);
    remove->run();
    result.checkpoint = ChainCheckpoint{.position = through, .hash = to_hex(hash)};
    const auto record =
        db.prepare("INSERT INTO chain_checkpoints(position, hash, cut_off, purged_at) VALUES ($1, $2, $3, $4)");
    record->bind(1, through);
    record->bind_text(2, result.checkpoint.hash);
    record->bind(3, cut_off_us);
    record->bind(4, now_us);
    record->run();
    transaction.commit();
    return result;
}

}  // namespace grassroots::detail
