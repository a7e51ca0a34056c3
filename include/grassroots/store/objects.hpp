/// @file objects.hpp
/// @brief The library's model objects through the store (issue 13 §2): autonomy chains, grid maps,
/// grid staffing, the dual ledger, burden ledgers, workforces, review evidence, review outcomes,
/// volunteer registries, party members registered with their communities and social organisations.
///
/// Each object lives in its own stream. The dual ledger keeps its journal event by event (one event
/// per journal sequence: `problem_created`, `linked`, `measure_completed` …) and is rebuilt by
/// replaying it through the ledger's rules. Every other object is a versioned document: each save
/// appends one `<kind>_saved` event whose payload is the whole object in canonical JSON (the
/// object's own writers — GeoJSON, CSV — where they exist and are exact). Saving an object equal to
/// the latest saved version writes nothing and returns that version; passing @p expected_version
/// (the version the object was loaded at) turns a concurrent edit into a RuleViolation
/// (`store.expected_version`). Loading an unknown stream throws NotFound; a stream of another kind,
/// a version out of range or a corrupted payload throws InvalidInput naming the stream and version.
/// See docs/store.md, "What persists and how".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "grassroots/store/store.hpp"

namespace grassroots {

class AutonomyChain;
class GridMap;
class GridStaffing;
class DualLedger;
class BurdenLedger;
class Workforce;
class ReviewEvidence;
struct ReviewOutcome;
class VolunteerRegistry;
class ResidentPartyMembers;
class SocialOrganisationRegistry;

/// @brief Stream kinds of the persisted objects (the `kind` of their streams).
namespace stream_kind {
inline constexpr std::string_view autonomy_chain = "autonomy_chain";    ///< An AutonomyChain.
inline constexpr std::string_view grid_map = "grid_map";                ///< A GridMap.
inline constexpr std::string_view staffing = "staffing";                ///< A GridStaffing.
inline constexpr std::string_view ledger = "ledger";                    ///< A DualLedger (its journal).
inline constexpr std::string_view burden = "burden";                    ///< A BurdenLedger.
inline constexpr std::string_view workforce = "workforce";              ///< A Workforce.
inline constexpr std::string_view review_evidence = "review_evidence";  ///< A ReviewEvidence.
inline constexpr std::string_view review = "review";                    ///< A ReviewOutcome.
inline constexpr std::string_view volunteers = "volunteers";            ///< A VolunteerRegistry.
inline constexpr std::string_view party_members = "party_members";      ///< A ResidentPartyMembers.
inline constexpr std::string_view social_organisations = "social_organisations";  ///< A SocialOrganisationRegistry.
}  // namespace stream_kind

/// @brief Saves @p chain as the next version of stream @p id (kind autonomy_chain); returns the
/// stream's version (unchanged when @p chain equals the latest version).
std::int64_t save(Store& store, const std::string& id, const AutonomyChain& chain, const std::string& actor,
                  std::int64_t expected_version = any_version);
/// @brief Saves @p map (its GeoJSON, coordinate system and code layout) to stream @p id (kind grid_map).
std::int64_t save(Store& store, const std::string& id, const GridMap& map, const std::string& actor,
                  std::int64_t expected_version = any_version);
/// @brief Saves @p staffing (workers and assignments; grids by code) to stream @p id (kind staffing).
std::int64_t save(Store& store, const std::string& id, const GridStaffing& staffing, const std::string& actor,
                  std::int64_t expected_version = any_version);
/// @brief Appends the journal entries of @p ledger that stream @p id (kind ledger) lacks, one event
/// per journal sequence; the stream's version is the number of journal sequences. Throws
/// RuleViolation (`store.expected_version`) when the stored journal is not a prefix of @p ledger's.
std::int64_t save(Store& store, const std::string& id, const DualLedger& ledger, const std::string& actor,
                  std::int64_t expected_version = any_version);
/// @brief Saves @p ledger (items.csv, staff.csv and the weights) to stream @p id (kind burden).
std::int64_t save(Store& store, const std::string& id, const BurdenLedger& ledger, const std::string& actor,
                  std::int64_t expected_version = any_version);
/// @brief Saves @p workforce to stream @p id (kind workforce).
std::int64_t save(Store& store, const std::string& id, const Workforce& workforce, const std::string& actor,
                  std::int64_t expected_version = any_version);
/// @brief Saves @p evidence (its values in order) to stream @p id (kind review_evidence).
std::int64_t save(Store& store, const std::string& id, const ReviewEvidence& evidence, const std::string& actor,
                  std::int64_t expected_version = any_version);
/// @brief Saves a review's results to stream @p id (kind review).
std::int64_t save(Store& store, const std::string& id, const ReviewOutcome& outcome, const std::string& actor,
                  std::int64_t expected_version = any_version);

/// @brief Saves @p registry (volunteers, teams and members, projects, service records) to stream
/// @p id (kind volunteers).
std::int64_t save(Store& store, const std::string& id, const VolunteerRegistry& registry, const std::string& actor,
                  std::int64_t expected_version = any_version);
/// @brief Saves @p members (党员回家 registrations) to stream @p id (kind party_members).
std::int64_t save(Store& store, const std::string& id, const ResidentPartyMembers& members, const std::string& actor,
                  std::int64_t expected_version = any_version);
/// @brief Saves @p registry (community social organisations) to stream @p id (kind social_organisations).
std::int64_t save(Store& store, const std::string& id, const SocialOrganisationRegistry& registry,
                  const std::string& actor, std::int64_t expected_version = any_version);

/// @brief The chain saved as version @p version (0: the latest) of stream @p id.
[[nodiscard]] AutonomyChain load_autonomy_chain(const Store& store, const std::string& id, std::int64_t version = 0);
/// @brief The grid map saved as version @p version (0: the latest) of stream @p id.
[[nodiscard]] GridMap load_grid_map(const Store& store, const std::string& id, std::int64_t version = 0);
/// @brief The staffing of version @p version (0: the latest) of stream @p id over @p map (which
/// must outlive it and hold every grid code the staffing names).
[[nodiscard]] GridStaffing load_staffing(const Store& store, const std::string& id, const GridMap& map,
                                         std::int64_t version = 0);
/// @brief The ledger after the first @p version journal sequences (0: all) of stream @p id,
/// replayed through the ledger's rules.
[[nodiscard]] DualLedger load_ledger(const Store& store, const std::string& id, std::int64_t version = 0);
/// @brief The burden ledger saved as version @p version (0: the latest) of stream @p id.
[[nodiscard]] BurdenLedger load_burden(const Store& store, const std::string& id, std::int64_t version = 0);
/// @brief The workforce saved as version @p version (0: the latest) of stream @p id.
[[nodiscard]] Workforce load_workforce(const Store& store, const std::string& id, std::int64_t version = 0);
/// @brief The evidence saved as version @p version (0: the latest) of stream @p id.
[[nodiscard]] ReviewEvidence load_review_evidence(const Store& store, const std::string& id, std::int64_t version = 0);
/// @brief The review results saved as version @p version (0: the latest) of stream @p id.
[[nodiscard]] ReviewOutcome load_review(const Store& store, const std::string& id, std::int64_t version = 0);
/// @brief The volunteer registry saved as version @p version (0: the latest) of stream @p id.
[[nodiscard]] VolunteerRegistry load_volunteers(const Store& store, const std::string& id, std::int64_t version = 0);
/// @brief The party-member registrations saved as version @p version (0: the latest) of stream @p id.
[[nodiscard]] ResidentPartyMembers load_party_members(const Store& store, const std::string& id,
                                                      std::int64_t version = 0);
/// @brief The social organisations saved as version @p version (0: the latest) of stream @p id.
[[nodiscard]] SocialOrganisationRegistry load_social_organisations(const Store& store, const std::string& id,
                                                                   std::int64_t version = 0);

}  // namespace grassroots
