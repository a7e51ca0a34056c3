// The store's engine interface (internal): what an engine must do so Store can sit on it. SQLite
// implements it today (sqlite_backend.cpp); a libpq backend implements the same calls later. The
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

/// Opens the SQLite file @p path with @p options and migrates it to Store::schema_version.
std::unique_ptr<StoreBackend> open_sqlite(const std::string& path, const StoreOptions& options);

}  // namespace grassroots::detail
