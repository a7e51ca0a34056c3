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
    /// Snapshots (schema v2): saves one (deleting that name's older ones), the latest of a name, deletes.
    virtual void save_snapshot(const std::string& name, std::int64_t position, std::int64_t format, std::string_view data,
                               std::int64_t created_at_us) = 0;
    virtual std::optional<Snapshot> latest_snapshot(const std::string& name) = 0;
    virtual std::int64_t delete_snapshots(const std::string& name) = 0;
};

class Database;

/// The event store in @p database, migrated to Store::schema_version.
std::unique_ptr<StoreBackend> open_event_store(std::unique_ptr<Database> database);

}  // namespace grassroots::detail
