// The people registries as documents: volunteers (teams, members, projects, service records),
// party members registered with their communities (党员回家) and community social organisations.
#include "grassroots/people/participation.hpp"
#include "grassroots/people/volunteers.hpp"
#include "grassroots/store/objects.hpp"
#include "store/objects_support.hpp"

namespace grassroots {

using detail::code_field;
using detail::each;
using detail::date_field;
using detail::date_json;
using detail::enum_field;
using detail::enum_json;
using detail::field;
using detail::id_json;
using detail::json;
using detail::optional_date_field;
using detail::optional_id_field;

std::int64_t save(Store& store, const std::string& id, const VolunteerRegistry& registry, const std::string& actor,
                  std::int64_t expected_version) {
    json body;
    json& volunteers = body["volunteers"] = json::array();
    for (const Volunteer& v : registry.volunteers()) {
        volunteers.push_back({{"id", v.id}, {"name", v.name}, {"unit", v.unit.str()}, {"registered", to_string(v.registered)}});
    }
    json& teams = body["teams"] = json::array();
    for (std::size_t t = 0; t < registry.teams().size(); ++t) {
        const VolunteerTeam& team = registry.teams()[t];
        json members = json::array();
        for (const VolunteerId m : registry.members(VolunteerTeamId(static_cast<VolunteerTeamId::rep_type>(t)))) {
            members.push_back(m.value());
        }
        teams.push_back({{"name", team.name},
                         {"unit", team.unit.str()},
                         {"founded", to_string(team.founded)},
                         {"members", std::move(members)}});
    }
    json& projects = body["projects"] = json::array();
    for (const VolunteerProject& p : registry.projects()) {
        projects.push_back({{"name", p.name},
                            {"unit", p.unit.str()},
                            {"team", id_json(p.team)},
                            {"start", to_string(p.start)},
                            {"end", date_json(p.end)}});
    }
    json& records = body["records"] = json::array();
    for (const ServiceRecord& r : registry.records()) {
        records.push_back({{"volunteer", r.volunteer.value()},
                           {"project", id_json(r.project)},
                           {"day", to_string(r.day)},
                           {"hours", r.hours}});
    }
    return detail::save_document(store, id, stream_kind::volunteers, std::move(body), actor, expected_version);
}

VolunteerRegistry load_volunteers(const Store& store, const std::string& id, std::int64_t version) {
    const detail::LoadedDocument doc = detail::load_document(store, id, stream_kind::volunteers, version);
    return detail::decode_payload(detail::stream_where(id, doc.version), [&] {
        VolunteerRegistry registry;
        const json& b = doc.body;
        each(b, "volunteers", [&](const json& v) {
            (void)registry.add_volunteer(Volunteer{.id = field<std::string>(v, "id"),
                                                   .name = field<std::string>(v, "name"),
                                                   .unit = code_field(v, "unit"),
                                                   .registered = date_field(v, "registered")});
        });
        each(b, "teams", [&](const json& t) {
            const VolunteerTeamId team = registry.add_team(VolunteerTeam{
                .name = field<std::string>(t, "name"), .unit = code_field(t, "unit"), .founded = date_field(t, "founded")});
            for (const auto m : field<std::vector<std::int64_t>>(t, "members")) {
                if (m < 0 || static_cast<std::size_t>(m) >= registry.volunteers().size()) {
                    throw InvalidInput("member " + std::to_string(m) + " is not a volunteer id");
                }
                registry.join(VolunteerId(static_cast<VolunteerId::rep_type>(m)), team);
            }
        });
        each(b, "projects", [&](const json& p) {
            (void)registry.add_project(VolunteerProject{
                .name = field<std::string>(p, "name"),
                .unit = code_field(p, "unit"),
                .team = optional_id_field<VolunteerTeamId>(p, "team", registry.teams().size()),
                .start = date_field(p, "start"),
                .end = optional_date_field(p, "end")});
        });
        each(b, "records", [&](const json& r) {
            const auto volunteer = optional_id_field<VolunteerId>(r, "volunteer", registry.volunteers().size());
            if (!volunteer) throw InvalidInput("field 'volunteer' is missing");
            registry.record(ServiceRecord{.volunteer = *volunteer,
                                          .project = optional_id_field<VolunteerProjectId>(r, "project",
                                                                                           registry.projects().size()),
                                          .day = date_field(r, "day"),
                                          .hours = field<double>(r, "hours")});
        });
        return registry;
    });
}

std::int64_t save(Store& store, const std::string& id, const ResidentPartyMembers& members, const std::string& actor,
                  std::int64_t expected_version) {
    json body;
    json& registrations = body["registrations"] = json::array();
    for (const PartyMemberRegistration& r : members.registrations()) {
        registrations.push_back({{"member", r.member},
                                 {"organisation", r.organisation},
                                 {"community", r.community.str()},
                                 {"registered", to_string(r.registered)},
                                 {"ended", date_json(r.ended)}});
    }
    return detail::save_document(store, id, stream_kind::party_members, std::move(body), actor, expected_version);
}

ResidentPartyMembers load_party_members(const Store& store, const std::string& id, std::int64_t version) {
    const detail::LoadedDocument doc = detail::load_document(store, id, stream_kind::party_members, version);
    return detail::decode_payload(detail::stream_where(id, doc.version), [&] {
        ResidentPartyMembers members;
        each(doc.body, "registrations", [&](const json& r) {
            (void)members.add(PartyMemberRegistration{.member = field<std::string>(r, "member"),
                                                      .organisation = field<std::string>(r, "organisation"),
                                                      .community = code_field(r, "community"),
                                                      .registered = date_field(r, "registered"),
                                                      .ended = optional_date_field(r, "ended")});
        });
        return members;
    });
}

std::int64_t save(Store& store, const std::string& id, const SocialOrganisationRegistry& registry,
                  const std::string& actor, std::int64_t expected_version) {
    json body;
    json& organisations = body["organisations"] = json::array();
    for (const SocialOrganisation& o : registry.organisations()) {
        organisations.push_back({{"name", o.name},
                                 {"kind", enum_json(o.kind)},
                                 {"unit", o.unit.str()},
                                 {"incubation_site", o.incubation_site},
                                 {"households_taking_part", o.households_taking_part}});
    }
    return detail::save_document(store, id, stream_kind::social_organisations, std::move(body), actor,
                                 expected_version);
}

SocialOrganisationRegistry load_social_organisations(const Store& store, const std::string& id, std::int64_t version) {
    const detail::LoadedDocument doc = detail::load_document(store, id, stream_kind::social_organisations, version);
    return detail::decode_payload(detail::stream_where(id, doc.version), [&] {
        SocialOrganisationRegistry registry;
        each(doc.body, "organisations", [&](const json& o) {
            (void)registry.add(SocialOrganisation{.name = field<std::string>(o, "name"),
                                                  .kind = enum_field<SocialOrganisationKind>(o, "kind"),
                                                  .unit = code_field(o, "unit"),
                                                  .incubation_site = field<bool>(o, "incubation_site"),
                                                  .households_taking_part = field<std::int64_t>(o, "households_taking_part")});
        });
        return registry;
    });
}

}  // namespace grassroots
