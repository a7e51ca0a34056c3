// The store's backend interface (internal): what Store sits on. One implementation, the event store
// over the database interface (event_backend.cpp over database.hpp), serves every engine. The
// arguments reach a backend already checked and canonicalised by Store.
#pragma once

#include <cstdint>
#include <memory>
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
    virtual std::int64_t stream_version(const std::string& stream_id) = 0;
    virtual std::vector<StreamInfo> streams() = 0;
    virtual std::int64_t last_position() = 0;
    virtual std::vector<int> applied_schema_versions() = 0;
    /// The vault's tables over the same connection.
    virtual VaultTables& vault_tables() = 0;
};

class Database;

/// The event store in @p database, migrated to Store::schema_version.
std::unique_ptr<StoreBackend> open_event_store(std::unique_ptr<Database> database);

}  // namespace grassroots::detail
