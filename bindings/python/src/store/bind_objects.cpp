// save() and load_<kind>() of the model objects through the store (issue 13 §2). The GIL stays
// held (a Store is one SQLite connection); a GridStaffing is read under its lock.
#include <pybind11/stl.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>

#include "autonomy/rule_set_ref.hpp"
#include "grassroots/autonomy/chain.hpp"
#include "grassroots/autonomy/consultation.hpp"
#include "grassroots/autonomy/meeting.hpp"
#include "grassroots/burden/burden.hpp"
#include "grassroots/error.hpp"
#include "grassroots/grid/grid_map.hpp"
#include "grassroots/grid/posts.hpp"
#include "grassroots/ledger/ledger.hpp"
#include "grassroots/people/participation.hpp"
#include "grassroots/people/review.hpp"
#include "grassroots/people/volunteers.hpp"
#include "grassroots/store/objects.hpp"
#include "grid/grid.hpp"
#include "grid/staffing.hpp"
#include "store/store.hpp"

namespace grassroots::python {

namespace {

constexpr const char* save_doc =
    "Saves the object as the next version of stream `stream_id` (autonomy chains, grid maps, staffing, burden "
    "ledgers, workforces, evidence, review outcomes, volunteers, party members, social organisations, review "
    "rules, redivision plans, consultation meetings and meeting records: one "
    "`<kind>_saved` document; a DualLedger: the journal "
    "entries the stream lacks, one event each) and returns the stream's version. Saving an object equal to the "
    "latest version writes nothing. expected_version (the version it was loaded at) turns a concurrent edit into "
    "RuleViolationError (store.expected_version); InvalidInputError for a stream of another kind. A "
    "ConsultationMeeting needs chain_stream (the stream of its AutonomyChain, read to check the meeting belongs to "
    "it); a MeetingRecord needs chain_stream and rules (the RuleSet it is decided under: its result is stored "
    "with it, and a record hold_meeting refuses is not saved).";

std::int64_t expected(std::optional<std::int64_t> version) { return version.value_or(any_version); }
std::int64_t at(std::optional<std::int64_t> version) { return version.value_or(0); }

// The map behind @p map; InvalidInput (not a crash) for None.
const GridMap& map_of(const MapPtr& map) {
    if (!map) throw InvalidInput("no grid map given (None)");
    return *map;
}

template <class T>
void def_save(py::module_& m) {
    m.def(
        "save",
        [](Store& store, const std::string& stream_id, const T& object, const std::string& actor,
           std::optional<std::int64_t> expected_version) {
            return save(store, stream_id, object, actor, expected(expected_version));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("object"), py::arg("actor"),
        py::arg("expected_version") = py::none(), save_doc);
}

// save() of the objects that refer to a chain's people: the chain's stream named, keyword-only.
void def_chain_saves(py::module_& m) {
    m.def(
        "save",
        [](Store& store, const std::string& stream_id, const ConsultationMeeting& meeting, const std::string& actor,
           std::optional<std::int64_t> expected_version, const std::string& chain_stream) {
            return save(store, stream_id, meeting, chain_stream, actor, expected(expected_version));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("object"), py::arg("actor"),
        py::arg("expected_version") = py::none(), py::kw_only(), py::arg("chain_stream"), save_doc);
    m.def(
        "save",
        [](Store& store, const std::string& stream_id, const MeetingRecord& record, const std::string& actor,
           std::optional<std::int64_t> expected_version, const std::string& chain_stream, const RuleSetRef& rules) {
            return save(store, stream_id, record, chain_stream, rules.get(), actor, expected(expected_version));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("object"), py::arg("actor"),
        py::arg("expected_version") = py::none(), py::kw_only(), py::arg("chain_stream"), py::arg("rules"), save_doc);
}

void def_plan_loads(py::module_& m) {
    m.def(
        "load_consultation",
        [](const Store& store, const std::string& stream_id, const AutonomyChain& chain,
           std::optional<std::int64_t> version) { return load_consultation(store, stream_id, chain, at(version)); },
        py::arg("store"), py::arg("stream_id"), py::arg("chain"), py::arg("version") = py::none(),
        "The ConsultationMeeting saved as `version` (None: the latest) of the stream, rebuilt over `chain`. "
        "InvalidInputError when `chain` is not the chain it was held in (another unit or committee, or a person "
        "id now naming someone else); otherwise errors as load_autonomy_chain.");
    m.def(
        "load_meeting",
        [](const Store& store, const std::string& stream_id, const AutonomyChain& chain, const RuleSetRef& rules,
           std::optional<std::int64_t> version) {
            StoredMeeting loaded = load_meeting(store, stream_id, chain, rules.get(), at(version));
            return std::pair{std::move(loaded.record), std::move(loaded.result)};
        },
        py::arg("store"), py::arg("stream_id"), py::arg("chain"), py::arg("rules"), py::arg("version") = py::none(),
        "(MeetingRecord, MeetingResult) saved as `version` (None: the latest) of the stream, decided again over "
        "`chain` under `rules`. InvalidInputError when the chain or the rule set is not the one it was saved with, "
        "or the result decided again differs from the stored one (naming the field).");
    m.def(
        "load_review_rules",
        [](const Store& store, const std::string& stream_id, std::optional<std::int64_t> version) {
            return load_review_rules(store, stream_id, at(version));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("version") = py::none(),
        "The ReviewRules saved as `version` (None: the latest) of the stream, rebuilt through its constructor (so "
        "its checks run again); errors as load_autonomy_chain.");
    m.def(
        "load_redivision",
        [](const Store& store, const std::string& stream_id, std::optional<std::int64_t> version) {
            return redivision_view(load_redivision(store, stream_id, at(version)));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("version") = py::none(),
        "The Redivision plan saved as `version` (None: the latest) of the stream: its map rebuilt from GeoJSON, "
        "changes, households and findings checked against it; errors as load_autonomy_chain.");
}

}  // namespace

void bind_store_objects(py::module_& m) {
    def_save<AutonomyChain>(m);
    m.def(
        "save",
        [](Store& store, const std::string& stream_id, const MapPtr& map, const std::string& actor,
           std::optional<std::int64_t> expected_version) {
            return save(store, stream_id, map_of(map), actor, expected(expected_version));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("object"), py::arg("actor"),
        py::arg("expected_version") = py::none(), save_doc);
    m.def(
        "save",
        [](Store& store, const std::string& stream_id, const Staffing& staffing, const std::string& actor,
           std::optional<std::int64_t> expected_version) {
            const std::shared_lock lock(staffing.mutex);
            return save(store, stream_id, staffing.staffing, actor, expected(expected_version));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("object"), py::arg("actor"),
        py::arg("expected_version") = py::none(), save_doc);
    def_save<DualLedger>(m);
    def_save<BurdenLedger>(m);
    def_save<Workforce>(m);
    def_save<ReviewEvidence>(m);
    def_save<ReviewOutcome>(m);
    def_save<VolunteerRegistry>(m);
    def_save<ResidentPartyMembers>(m);
    def_save<SocialOrganisationRegistry>(m);
    def_save<ReviewRules>(m);
    m.def(
        "save",
        [](Store& store, const std::string& stream_id, const RedivisionView& plan, const std::string& actor,
           std::optional<std::int64_t> expected_version) {
            return save(store, stream_id, *plan.plan, actor, expected(expected_version));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("object"), py::arg("actor"),
        py::arg("expected_version") = py::none(), save_doc);
    def_chain_saves(m);
    def_plan_loads(m);

    m.def(
        "load_autonomy_chain",
        [](const Store& store, const std::string& stream_id, std::optional<std::int64_t> version) {
            return load_autonomy_chain(store, stream_id, at(version));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("version") = py::none(),
        "The AutonomyChain saved as `version` (None: the latest) of the stream. NotFoundError for an unknown "
        "stream; InvalidInputError (naming stream and version) for another kind, a missing version or a "
        "corrupted payload.");
    m.def(
        "load_grid_map",
        [](const Store& store, const std::string& stream_id, std::optional<std::int64_t> version) {
            return std::make_shared<GridMap>(load_grid_map(store, stream_id, at(version)));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("version") = py::none(),
        "The GridMap saved as `version` (None: the latest) of the stream; errors as load_autonomy_chain.");
    m.def(
        "load_staffing",
        [](const Store& store, const std::string& stream_id, const MapPtr& map, std::optional<std::int64_t> version) {
            GridStaffing loaded = load_staffing(store, stream_id, map_of(map), at(version));
            auto out = std::make_unique<Staffing>(map);
            out->staffing = std::move(loaded);
            return out;
        },
        py::arg("store"), py::arg("stream_id"), py::arg("map"), py::arg("version") = py::none(),
        "The GridStaffing saved as `version` (None: the latest) of the stream, over `map` (which must hold every "
        "grid code it names); errors as load_autonomy_chain.");
    m.def(
        "load_ledger",
        [](const Store& store, const std::string& stream_id, std::optional<std::int64_t> version) {
            return load_ledger(store, stream_id, at(version));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("version") = py::none(),
        "The DualLedger after the first `version` journal entries (None: all) of the stream, replayed through "
        "the ledger's rules; errors as load_autonomy_chain.");
    m.def(
        "load_burden",
        [](const Store& store, const std::string& stream_id, std::optional<std::int64_t> version) {
            return load_burden(store, stream_id, at(version));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("version") = py::none(),
        "The BurdenLedger saved as `version` (None: the latest) of the stream; errors as load_autonomy_chain.");
    m.def(
        "load_workforce",
        [](const Store& store, const std::string& stream_id, std::optional<std::int64_t> version) {
            return load_workforce(store, stream_id, at(version));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("version") = py::none(),
        "The Workforce saved as `version` (None: the latest) of the stream; errors as load_autonomy_chain.");
    m.def(
        "load_review_evidence",
        [](const Store& store, const std::string& stream_id, std::optional<std::int64_t> version) {
            return load_review_evidence(store, stream_id, at(version));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("version") = py::none(),
        "The ReviewEvidence saved as `version` (None: the latest) of the stream; errors as load_autonomy_chain.");
    m.def(
        "load_review",
        [](const Store& store, const std::string& stream_id, std::optional<std::int64_t> version) {
            return load_review(store, stream_id, at(version));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("version") = py::none(),
        "The ReviewOutcome saved as `version` (None: the latest) of the stream; errors as load_autonomy_chain.");
    m.def(
        "load_volunteers",
        [](const Store& store, const std::string& stream_id, std::optional<std::int64_t> version) {
            return load_volunteers(store, stream_id, at(version));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("version") = py::none(),
        "The VolunteerRegistry saved as `version` (None: the latest) of the stream; errors as load_autonomy_chain.");
    m.def(
        "load_party_members",
        [](const Store& store, const std::string& stream_id, std::optional<std::int64_t> version) {
            return load_party_members(store, stream_id, at(version));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("version") = py::none(),
        "The ResidentPartyMembers saved as `version` (None: the latest) of the stream; errors as "
        "load_autonomy_chain.");
    m.def(
        "load_social_organisations",
        [](const Store& store, const std::string& stream_id, std::optional<std::int64_t> version) {
            return load_social_organisations(store, stream_id, at(version));
        },
        py::arg("store"), py::arg("stream_id"), py::arg("version") = py::none(),
        "The SocialOrganisationRegistry saved as `version` (None: the latest) of the stream; errors as "
        "load_autonomy_chain.");
}

}  // namespace grassroots::python
