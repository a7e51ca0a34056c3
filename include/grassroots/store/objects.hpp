/// @file objects.hpp
/// @brief The library's model objects through the store (issue 13 §2): autonomy chains, grid maps,
/// grid staffing, the dual ledger, burden ledgers, workforces, review evidence, review outcomes,
/// volunteer registries, party members registered with their communities, social organisations,
/// consultation meetings, meetings and their votes, review schemes and grid re-division plans.
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
/// Consultation meetings and meetings refer to a chain's people by person id: their payload names
/// the chain's stream, unit and committee and each person's name, and loading them takes the chain
/// (and, for a meeting, the rule set) and checks that it is the one they were saved with.
/// See docs/store.md, "What persists and how".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "grassroots/autonomy/meeting.hpp"
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
class ConsultationMeeting;
class ReviewRules;
struct Redivision;

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
inline constexpr std::string_view consultation = "consultation";        ///< A ConsultationMeeting.
inline constexpr std::string_view meeting = "meeting";                  ///< A MeetingRecord and its result.
inline constexpr std::string_view review_rules = "review_rules";        ///< A ReviewRules scheme.
inline constexpr std::string_view redivision = "redivision";            ///< A Redivision plan.
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

/// @brief Saves @p meeting (topic, date, participants, decisions and their follow-ups) to stream
/// @p id (kind consultation). Its people are the chain saved in stream @p chain_stream (read to
/// check the meeting belongs to it and to record each person's name); NotFound when there is no such
/// stream, InvalidInput when it holds another chain or another kind.
std::int64_t save(Store& store, const std::string& id, const ConsultationMeeting& meeting,
                  const std::string& chain_stream, const std::string& actor,
                  std::int64_t expected_version = any_version);
/// @brief Saves @p record with its result under @p rules (hold_meeting() over the chain saved in
/// stream @p chain_stream) to stream @p id (kind meeting). A record hold_meeting() refuses is not
/// saved (its error is thrown); chain errors as for consultation meetings.
std::int64_t save(Store& store, const std::string& id, const MeetingRecord& record, const std::string& chain_stream,
                  const RuleSet& rules, const std::string& actor, std::int64_t expected_version = any_version);
/// @brief Saves @p rules (indicators, parameters, quota, each with its source) to stream @p id
/// (kind review_rules).
std::int64_t save(Store& store, const std::string& id, const ReviewRules& rules, const std::string& actor,
                  std::int64_t expected_version = any_version);
/// @brief Saves @p plan (the new map, its changes, households per grid and what stays out of band)
/// to stream @p id (kind redivision).
std::int64_t save(Store& store, const std::string& id, const Redivision& plan, const std::string& actor,
                  std::int64_t expected_version = any_version);

/// @brief A meeting read back: its record and the result stored with it.
struct StoredMeeting {
    MeetingRecord record;  ///< Who came and who voted.
    MeetingResult result;  ///< Quorum and vote as decided when it was saved (and decided again on load).
};

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

/// @brief The consultation meeting saved as version @p version (0: the latest) of stream @p id,
/// rebuilt through its API over @p chain. InvalidInput when @p chain is not the chain it was held
/// in (another unit or committee, or a person id naming someone else).
[[nodiscard]] ConsultationMeeting load_consultation(const Store& store, const std::string& id,
                                                    const AutonomyChain& chain, std::int64_t version = 0);
/// @brief The meeting saved as version @p version (0: the latest) of stream @p id, decided again by
/// hold_meeting() over @p chain under @p rules. InvalidInput when the chain or the rule set is not
/// the one it was saved with, or the result decided again differs from the stored one.
[[nodiscard]] StoredMeeting load_meeting(const Store& store, const std::string& id, const AutonomyChain& chain,
                                         const RuleSet& rules, std::int64_t version = 0);
/// @brief The review scheme saved as version @p version (0: the latest) of stream @p id, rebuilt
/// through the ReviewRules constructor (so its checks run again).
[[nodiscard]] ReviewRules load_review_rules(const Store& store, const std::string& id, std::int64_t version = 0);
/// @brief The re-division plan saved as version @p version (0: the latest) of stream @p id: the map
/// rebuilt from its GeoJSON; changes, households and findings checked against it.
[[nodiscard]] Redivision load_redivision(const Store& store, const std::string& id, std::int64_t version = 0);

}  // namespace grassroots
