// Consultation meetings and meetings with their votes as documents. Both refer to a chain's people by
// person id; the payload names the chain (its stream, unit and committee) and each person's name, so
// loading over another chain, or over a chain whose ids now name other people, is refused.
#include <span>
#include <tuple>
#include <vector>

#include "grassroots/autonomy/consultation.hpp"
#include "grassroots/autonomy/meeting.hpp"
#include "grassroots/store/objects.hpp"
#include "store/objects_support.hpp"

namespace grassroots {

using detail::date_field;
using detail::each;
using detail::enum_field;
using detail::enum_json;
using detail::field;
using detail::json;

namespace {

// ---- the chain and its people -----------------------------------------------------------------------

/// The latest chain of @p chain_stream (NotFound / InvalidInput as load_autonomy_chain).
AutonomyChain chain_of(const Store& store, const std::string& chain_stream) {
    return load_autonomy_chain(store, chain_stream);
}

json chain_json(const std::string& chain_stream, const AutonomyChain& chain) {
    return {{"stream", chain_stream}, {"unit", chain.unit().str()}, {"name", chain.name()}};
}

/// Throws InvalidInput "<where>: … was held in <name> (<unit>; chain stream 's'), not in …" unless
/// @p chain is the chain named by @p saved.
void check_chain(const std::string& where, const json& saved, const AutonomyChain& chain) {
    const auto [stream, unit, name] = detail::decode_payload(where, [&] {
        const json& c = saved.at("chain");
        return std::tuple{field<std::string>(c, "stream"), field<std::string>(c, "unit"), field<std::string>(c, "name")};
    });
    if (unit != chain.unit().str() || name != chain.name()) {
        throw InvalidInput(where + ": it was held in " + name + " (" + unit + "; chain stream '" + stream +
                           "'), not in the chain given, " + chain.name() + " (" + chain.unit().str() + ")");
    }
}

json person_json(const AutonomyChain& chain, PersonId id) {
    return {{"person", id.value()}, {"name", chain.person(id).name}};
}

/// The person id of a person_json(), checked against @p chain: the id exists and names the same person.
PersonId person_from(const json& saved, const AutonomyChain& chain) {
    const auto id = detail::optional_id_field<PersonId>(saved, "person", chain.people().size());
    if (!id) throw InvalidInput("field 'person' is missing");
    const auto name = field<std::string>(saved, "name");
    if (chain.person(*id).name != name) {
        throw InvalidInput("person " + std::to_string(id->value()) + " is " + chain.person(*id).name +
                           " in the chain given, not " + name + " (its people have changed since)");
    }
    return *id;
}

json people_json(const AutonomyChain& chain, std::span<const PersonId> ids) {
    json out = json::array();
    for (const PersonId id : ids) out.push_back(person_json(chain, id));
    return out;
}

std::vector<PersonId> people_from(const json& object, const char* key, const AutonomyChain& chain) {
    std::vector<PersonId> out;
    each(object, key, [&](const json& p) { out.push_back(person_from(p, chain)); });
    return out;
}

}  // namespace

// ---- consultation meetings -------------------------------------------------------------------------

std::int64_t save(Store& store, const std::string& id, const ConsultationMeeting& meeting,
                  const std::string& chain_stream, const std::string& actor, std::int64_t expected_version) {
    const AutonomyChain chain = chain_of(store, chain_stream);
    if (meeting.unit() != chain.unit() || meeting.chain_name() != chain.name()) {
        throw InvalidInput("consultation meeting '" + meeting.topic() + "' was held in " + meeting.chain_name() + " (" +
                           meeting.unit().str() + "), not in the chain of stream '" + chain_stream + "', " +
                           chain.name() + " (" + chain.unit().str() + ")");
    }
    json body{{"chain", chain_json(chain_stream, chain)},
              {"topic", meeting.topic()},
              {"date", to_string(meeting.date())},
              {"participants", people_json(chain, meeting.participants())}};
    json& decisions = body["decisions"] = json::array();
    for (const ConsultationDecision& d : meeting.decisions()) {
        json history = json::array();
        for (const FollowUp& f : d.history) {
            history.push_back({{"date", to_string(f.date)}, {"status", enum_json(f.status)}, {"note", f.note}});
        }
        decisions.push_back({{"text", d.text},
                             {"owner", person_json(chain, d.owner)},
                             {"due", to_string(d.due)},
                             {"history", std::move(history)}});
    }
    return detail::save_document(store, id, stream_kind::consultation, std::move(body), actor, expected_version);
}

ConsultationMeeting load_consultation(const Store& store, const std::string& id, const AutonomyChain& chain,
                                      std::int64_t version) {
    const detail::LoadedDocument doc = detail::load_document(store, id, stream_kind::consultation, version);
    const std::string where = detail::stream_where(id, doc.version);
    check_chain(where, doc.body, chain);
    return detail::decode_payload(where, [&] {
        const json& b = doc.body;
        ConsultationMeeting meeting(chain, field<std::string>(b, "topic"), date_field(b, "date"),
                                    people_from(b, "participants", chain));
        each(b, "decisions", [&](const json& d) {
            const std::size_t index = meeting.decide(chain, field<std::string>(d, "text"),
                                                     person_from(d.at("owner"), chain), date_field(d, "due"));
            each(d, "history", [&](const json& f) {
                meeting.follow_up(index, enum_field<DecisionStatus>(f, "status"), date_field(f, "date"),
                                  field<std::string>(f, "note"));
            });
        });
        return meeting;
    });
}

// ---- meetings and their votes ----------------------------------------------------------------------

namespace {

json result_json(const MeetingResult& r) {
    return {{"base", r.base},
            {"present", r.present},
            {"required_present", r.required_present},
            {"quorate", r.quorate},
            {"votes_for", r.votes_for},
            {"required_votes", r.required_votes},
            {"passed", r.passed},
            {"quorum_rule", r.quorum_rule},
            {"decision_rule", r.decision_rule},
            {"rules_verified", r.rules_verified},
            {"explanation", r.explanation}};
}

MeetingResult result_from(const json& r) {
    MeetingResult out;
    out.base = field<std::int64_t>(r, "base");
    out.present = field<std::int64_t>(r, "present");
    out.required_present = field<std::int64_t>(r, "required_present");
    out.quorate = field<bool>(r, "quorate");
    out.votes_for = field<std::int64_t>(r, "votes_for");
    out.required_votes = field<std::int64_t>(r, "required_votes");
    out.passed = field<bool>(r, "passed");
    out.quorum_rule = field<std::string>(r, "quorum_rule");
    out.decision_rule = field<std::string>(r, "decision_rule");
    out.rules_verified = field<bool>(r, "rules_verified");
    out.explanation = field<std::string>(r, "explanation");
    return out;
}

/// The first field (explanation aside: its wording may change) where @p stored and @p decided
/// differ, as "quorate is false stored, true decided again"; "" when they agree.
std::string first_difference(const MeetingResult& stored, const MeetingResult& decided) {
    const json a = result_json(stored), b = result_json(decided);
    for (const char* key : {"base", "present", "required_present", "quorate", "votes_for", "required_votes", "passed",
                            "quorum_rule", "decision_rule", "rules_verified"}) {
        if (a.at(key) != b.at(key)) {
            return std::string(key) + " is " + a.at(key).dump() + " stored, " + b.at(key).dump() + " decided again";
        }
    }
    return {};
}

MeetingRecord record_from(const json& r, const AutonomyChain& chain) {
    MeetingRecord record{.kind = enum_field<MeetingKind>(r, "kind"),
                         .base = enum_field<AttendanceBase>(r, "base"),
                         .date = date_field(r, "date"),
                         .motion = field<std::string>(r, "motion"),
                         .attendees = people_from(r, "attendees", chain),
                         .votes_for = {}};
    each(r, "votes_for", [&](const json& v) {
        const auto voter = v.get<std::int64_t>();
        if (voter < 0 || static_cast<std::size_t>(voter) >= chain.people().size()) {
            throw InvalidInput("voter " + std::to_string(voter) + " is not a person of the chain");
        }
        record.votes_for.push_back(PersonId(static_cast<PersonId::rep_type>(voter)));
    });
    return record;
}

}  // namespace

std::int64_t save(Store& store, const std::string& id, const MeetingRecord& record, const std::string& chain_stream,
                  const RuleSet& rules, const std::string& actor, std::int64_t expected_version) {
    const AutonomyChain chain = chain_of(store, chain_stream);
    const MeetingResult result = hold_meeting(chain, rules, record);
    json votes = json::array();
    for (const PersonId v : record.votes_for) votes.push_back(v.value());
    json body{{"chain", chain_json(chain_stream, chain)},
              {"rules", rules.id()},
              {"record",
               {{"kind", enum_json(record.kind)},
                {"base", enum_json(record.base)},
                {"date", to_string(record.date)},
                {"motion", record.motion},
                {"attendees", people_json(chain, record.attendees)},
                {"votes_for", std::move(votes)}}},
              {"result", result_json(result)}};
    return detail::save_document(store, id, stream_kind::meeting, std::move(body), actor, expected_version);
}

StoredMeeting load_meeting(const Store& store, const std::string& id, const AutonomyChain& chain, const RuleSet& rules,
                           std::int64_t version) {
    const detail::LoadedDocument doc = detail::load_document(store, id, stream_kind::meeting, version);
    const std::string where = detail::stream_where(id, doc.version);
    check_chain(where, doc.body, chain);
    const auto saved_rules = detail::decode_payload(where, [&] { return field<std::string>(doc.body, "rules"); });
    if (saved_rules != rules.id()) {
        throw InvalidInput(where + ": the meeting was decided under the rules '" + saved_rules + "', not '" +
                           rules.id() + "' given");
    }
    StoredMeeting out = detail::decode_payload(where, [&] {
        return StoredMeeting{.record = record_from(doc.body.at("record"), chain),
                             .result = result_from(doc.body.at("result"))};
    });
    const MeetingResult decided = detail::decode_payload(where, [&] { return hold_meeting(chain, rules, out.record); });
    if (const std::string difference = first_difference(out.result, decided); !difference.empty()) {
        throw InvalidInput(where + ": the stored result differs from the one the chain and rules given decide: " +
                           difference);
    }
    return out;
}

}  // namespace grassroots
