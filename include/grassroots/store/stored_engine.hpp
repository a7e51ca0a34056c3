/// @file stored_engine.hpp
/// @brief A case engine persisted in a store: every change written through, reloadable without
/// registering actors or loops by hand (issue 13 §2).
///
/// Streams (kind in brackets): "engine" [engine] its options and the calendar's years; "workflow-<id>"
/// [workflow] each version added; "catalogue" [catalogue] and "responsibilities" [responsibility_list]
/// each list set, as canonical CSV; "actor-<id>" [actor] added, changed, deactivated; "calendar"
/// [calendar] each holiday notice added at runtime; "case-C000001" [case] the case's events, whose
/// payload is the engine's JSON line (CaseEngine::to_json_line). Event ids are "<stream>/<version>",
/// so a retried append is idempotent. See docs/store.md, "Persisting the case engine".
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/store/store.hpp"
#include "grassroots/workflow/engine.hpp"

namespace grassroots {

class DivisionTree;
class GridMap;

/// @brief A CaseEngine whose every change is written to a Store (持久化的案件引擎).
///
/// Changes go through this class: setup (loops, catalogue, responsibility list, actors and their
/// lifecycle, holiday notices) and operations (open, take, reopen, advance). Each operation's events
/// are appended in ONE transaction (group commit, one stream per case, in the order the engine
/// applied them) before the call returns; a refused attempt's event is written and then the refusal
/// is thrown. Between begin_batch() and commit_batch() the writes wait and go in one transaction.
///
/// When the store refuses or fails a write (FileError, or RuleViolation `store.expected_version` when
/// another writer changed the same streams), the engine is rebuilt from what the store holds (the
/// store is the truth: the failed operation, or the whole uncommitted batch, is gone from both) and
/// the error is rethrown. If even that rebuild fails, the StoredEngine is broken: every later call
/// throws FileError until the store is loaded again.
///
/// Not thread-safe. The division tree and grid map are reference data: not stored, given again to load().
class StoredEngine {
public:
    /// @brief A new engine on @p calendar with @p options in @p store, which must hold no engine yet
    /// (InvalidInput otherwise). The calendar's published years are recorded: load() checks them.
    [[nodiscard]] static StoredEngine create(Store store, Calendar calendar, EngineOptions options = {},
                                            const DivisionTree* tree = nullptr, const GridMap* grids = nullptr);
    /// @brief The engine held in @p store, rebuilt: options, loops, catalogue, responsibility list,
    /// actors (with their lifecycle), holiday notices added at runtime (onto @p calendar), then every
    /// case event replayed. NotFound when the store holds no engine; InvalidInput when @p calendar
    /// lacks a year the engine was created with or a stored event does not fit (naming its position).
    [[nodiscard]] static StoredEngine load(Store store, Calendar calendar, const DivisionTree* tree = nullptr,
                                          const GridMap* grids = nullptr);
    /// @brief load() when @p store holds an engine, else create() with @p options.
    [[nodiscard]] static StoredEngine load_or_create(Store store, Calendar calendar, EngineOptions options = {},
                                          const DivisionTree* tree = nullptr, const GridMap* grids = nullptr);
    /// @brief True when @p store holds an engine.
    [[nodiscard]] static bool holds_engine(const Store& store);

    StoredEngine(StoredEngine&&) noexcept;             ///< Moves.
    StoredEngine& operator=(StoredEngine&&) noexcept;  ///< Moves.
    ~StoredEngine();                                   ///< Closes; an uncommitted batch is discarded.

    /// @brief The engine, for queries (changes must go through this class).
    [[nodiscard]] const CaseEngine& engine() const;
    /// @brief The store.
    [[nodiscard]] const Store& store() const noexcept;
    /// @brief True when this StoredEngine was rebuilt from its store after the last operation's write
    /// failed and that rebuild failed too; every call then throws FileError.
    [[nodiscard]] bool broken() const noexcept;

    // ---- setup (each written before it returns) ----
    /// @brief CaseEngine::add_workflow, persisted in stream "workflow-<id>".
    void add_workflow(WorkflowDefinition definition);
    /// @brief CaseEngine::set_catalogue, persisted as CSV in stream "catalogue" (the urban standard
    /// layout only: InvalidInput for another).
    void set_catalogue(MatterCatalogue catalogue);
    /// @brief CaseEngine::set_responsibilities, persisted as CSV in stream "responsibilities".
    void set_responsibilities(ResponsibilityList list);
    /// @brief CaseEngine::add_actor, persisted in stream "actor-<id>".
    ActorId add_actor(Actor actor);
    /// @brief CaseEngine::change_actor, persisted.
    void change_actor(Actor actor);
    /// @brief CaseEngine::deactivate_actor, persisted.
    void deactivate_actor(ActorId id);
    /// @brief CaseEngine::add_holiday_notice (a holiday-cn JSON document), persisted in stream "calendar".
    void add_holiday_notice(std::string_view json, std::string_view source);

    // ---- operations ----
    /// @brief CaseEngine::open, its events written before it returns.
    CaseId open(const CaseInput& input, ActorId reporter, Instant at);
    /// @brief CaseEngine::take, its events (a refusal's too) written before it returns or throws.
    void take(CaseId id, std::string_view transition, ActorId actor, Instant at, std::vector<Field> fields = {},
              std::string note = {});
    /// @brief CaseEngine::reopen, written as take().
    void reopen(CaseId id, ActorId actor, Instant at, std::string note = {});
    /// @brief CaseEngine::advance, its events written in one transaction; returns how many.
    std::size_t advance(Instant now);

    /// @brief Holds back the writes of later operations until commit_batch() (one transaction for all);
    /// InvalidInput when a batch is already open.
    void begin_batch();
    /// @brief Writes everything held back since begin_batch() in one transaction; returns the events written.
    std::size_t commit_batch();
    /// @brief Events recorded by the engine and not yet written (non-zero only inside a batch).
    [[nodiscard]] std::size_t pending() const noexcept;

    /// @brief Saves a snapshot of the engine (CaseEngine::snapshot()) at the store's last position, replacing
    /// older ones; load() then restores it and replays only the events after it. Returns the position.
    /// InvalidInput inside a batch (commit it first).
    std::int64_t save_snapshot();
    /// @brief True when the last load started from a snapshot (false: every case event was replayed,
    /// e.g. none was saved, or it was stale — another format — or did not fit the events).
    [[nodiscard]] bool loaded_from_snapshot() const noexcept;
    /// @brief An identical, independent copy of the engine (not stored): the same calendar, options,
    /// setup (in order) and events, restored from a snapshot of the engine (CaseEngine::snapshot());
    /// e.g. for analysis or the Python CaseEngine's DataFrames.
    [[nodiscard]] CaseEngine copy() const;

private:
    struct Impl;
    explicit StoredEngine(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// @brief StoredEngine::load(): the engine in @p store rebuilt on @p calendar (with @p tree and @p grids).
[[nodiscard]] StoredEngine load_engine(Store store, Calendar calendar, const DivisionTree* tree = nullptr,
                                       const GridMap* grids = nullptr);

}  // namespace grassroots
