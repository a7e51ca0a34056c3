// The document objects: autonomy chains, grid maps, staffing, burden ledgers, workforces, review
// evidence and review outcomes — each as canonical JSON (reusing the object's own exact writers:
// GeoJSON for grid maps, items.csv and staff.csv for burden ledgers) and rebuilt through its API.
#include <map>
#include <memory>
#include <unordered_map>

#include "grassroots/autonomy/chain.hpp"
#include "grassroots/burden/burden.hpp"
#include "grassroots/grid/grid_map.hpp"
#include "grassroots/grid/posts.hpp"
#include "grassroots/people/review.hpp"
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
using detail::optional_enum_field;
using detail::optional_id_field;

namespace {

std::optional<Point> optional_point(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_array() || it->size() != 2) throw InvalidInput(std::string("field '") + key + "' is not [x, y]");
    return Point{(*it)[0].get<double>(), (*it)[1].get<double>()};
}

}  // namespace

// ---- autonomy chains -------------------------------------------------------------------------------

std::int64_t save(Store& store, const std::string& id, const AutonomyChain& chain, const std::string& actor,
                  std::int64_t expected_version) {
    json body{{"committee_kind", enum_json(chain.kind())},
              {"unit", chain.unit().str()},
              {"name", chain.name()},
              {"elected", to_string(chain.elected())}};
    json& groups = body["groups"] = json::array();
    for (const Group& g : chain.groups()) {
        groups.push_back({{"name", g.name}, {"households", g.households}, {"adult_residents", g.adult_residents}});
    }
    json& people = body["people"] = json::array();
    for (const Person& p : chain.people()) {
        people.push_back({{"name", p.name},
                          {"sex", enum_json(p.sex)},
                          {"birth_date", date_json(p.birth_date)},
                          {"group", id_json(p.group)},
                          {"household", p.household},
                          {"party_member", p.party_member}});
    }
    json& subordinates = body["subordinate_committees"] = json::array();
    for (const SubordinateCommittee& s : chain.subordinate_committees()) {
        subordinates.push_back({{"kind", enum_json(s.kind)}, {"name", s.name}});
    }
    json& party = body["party_organisations"] = json::array();
    for (const PartyOrganisation& o : chain.party_organisations()) {
        party.push_back({{"kind", enum_json(o.kind)}, {"name", o.name}, {"parent", id_json(o.parent)}});
    }
    json& posts = body["posts"] = json::array();
    for (const Post& p : chain.posts()) {
        posts.push_back({{"kind", enum_json(p.kind)},
                         {"person", p.person.value()},
                         {"start", to_string(p.start)},
                         {"end", date_json(p.end)},
                         {"group", id_json(p.group)},
                         {"subordinate", id_json(p.subordinate)},
                         {"party_organisation", id_json(p.party_organisation)},
                         {"duty", p.duty ? enum_json(*p.duty) : json(nullptr)}});
    }
    return detail::save_document(store, id, stream_kind::autonomy_chain, std::move(body), actor, expected_version);
}

AutonomyChain load_autonomy_chain(const Store& store, const std::string& id, std::int64_t version) {
    const detail::LoadedDocument doc = detail::load_document(store, id, stream_kind::autonomy_chain, version);
    return detail::decode_payload(detail::stream_where(id, doc.version), [&] {
        const json& b = doc.body;
        AutonomyChain chain(enum_field<CommitteeKind>(b, "committee_kind"), code_field(b, "unit"),
                            field<std::string>(b, "name"), date_field(b, "elected"));
        each(b, "groups", [&](const json& g) {
            (void)chain.add_group(field<std::string>(g, "name"), field<std::int64_t>(g, "households"),
                                  field<std::int64_t>(g, "adult_residents"));
        });
        each(b, "people", [&](const json& p) {
            (void)chain.add_person(Person{.name = field<std::string>(p, "name"),
                                          .sex = enum_field<Sex>(p, "sex"),
                                          .birth_date = optional_date_field(p, "birth_date"),
                                          .group = optional_id_field<GroupId>(p, "group", chain.groups().size()),
                                          .household = field<std::uint32_t>(p, "household"),
                                          .party_member = field<bool>(p, "party_member")});
        });
        each(b, "subordinate_committees", [&](const json& s) {
            (void)chain.add_subordinate_committee(enum_field<SubordinateKind>(s, "kind"), field<std::string>(s, "name"));
        });
        each(b, "party_organisations", [&](const json& o) {
            (void)chain.add_party_organisation(
                enum_field<PartyOrganisationKind>(o, "kind"), field<std::string>(o, "name"),
                optional_id_field<PartyOrganisationId>(o, "parent", chain.party_organisations().size()));
        });
        each(b, "posts", [&](const json& p) {
            const auto kind = enum_field<PostKind>(p, "kind");
            const auto person = *optional_id_field<PersonId>(p, "person", chain.people().size());
            const Date start = date_field(p, "start");
            const std::optional<Date> end = optional_date_field(p, "end");
            const auto need = [](auto value, const char* what) {
                if (!value) throw InvalidInput(std::string("the post needs its ") + what);
                return *value;
            };
            switch (kind) {
                case PostKind::director:
                case PostKind::deputy_director:
                case PostKind::member:
                    (void)chain.appoint(kind, person, start, end);
                    break;
                case PostKind::group_head:
                    (void)chain.appoint_group_head(
                        need(optional_id_field<GroupId>(p, "group", chain.groups().size()), "group"), person, start, end);
                    break;
                case PostKind::representative:
                    (void)chain.elect_representative(
                        need(optional_id_field<GroupId>(p, "group", chain.groups().size()), "group"), person, start, end);
                    break;
                case PostKind::subordinate_head:
                case PostKind::subordinate_member:
                    (void)chain.appoint_to_subordinate(
                        need(optional_id_field<SubordinateCommitteeId>(p, "subordinate",
                                                                       chain.subordinate_committees().size()),
                             "subordinate committee"),
                        person, kind == PostKind::subordinate_head, start, end);
                    break;
                case PostKind::duty:
                    (void)chain.assign_duty(need(optional_enum_field<SubordinateKind>(p, "duty"), "duty"), person, start,
                                            end);
                    break;
                case PostKind::party_secretary:
                case PostKind::party_deputy_secretary:
                case PostKind::party_member_post:
                    (void)chain.appoint_party_post(
                        need(optional_id_field<PartyOrganisationId>(p, "party_organisation",
                                                                    chain.party_organisations().size()),
                             "party organisation"),
                        kind, person, start, end);
                    break;
            }
        });
        return chain;
    });
}

// ---- grid maps --------------------------------------------------------------------------------------

namespace {

json layout_json(const GridCodeLayout& layout) {
    json segments = json::array();
    for (const GridCodeSegment& s : layout.segments()) segments.push_back({{"name", s.name}, {"width", s.width}});
    return {{"name", layout.name()}, {"segments", std::move(segments)}};
}

}  // namespace

std::shared_ptr<const GridCodeLayout> detail::grid_layout_from(const json& j) {
    for (auto known : {GridCodeLayout::unit_grid(), GridCodeLayout::beijing()}) {
        if (layout_json(*known) == j) return known;
    }
    std::vector<GridCodeSegment> segments;
    each(j, "segments", [&](const json& s) {
        segments.push_back({field<std::string>(s, "name"), field<int>(s, "width")});
    });
    return std::make_shared<const GridCodeLayout>(field<std::string>(j, "name"), std::move(segments));
}

json detail::grid_map_json(const GridMap& map) {
    json body{{"coordinates", enum_json(map.coordinates())},
              {"layout", map.size() > 0 ? layout_json(map.grids().front().code.layout())
                                        : layout_json(*GridCodeLayout::unit_grid())},
              {"geojson", json::parse(map.to_geojson(MapFeatures::all))}};
    if (map.epsg()) body["epsg"] = *map.epsg();
    return body;
}

GridMap detail::grid_map_from(const json& body, const std::string& where) {
    const auto layout = detail::grid_layout_from(body.at("layout"));
    GridMapBuilder builder = GridMapBuilder::from_geojson(body.at("geojson").dump(), where,
                                                          enum_field<CoordinateSystem>(body, "coordinates"), layout);
    if (body.contains("epsg")) builder.set_epsg(field<int>(body, "epsg"));
    return builder.build();
}

std::int64_t save(Store& store, const std::string& id, const GridMap& map, const std::string& actor,
                  std::int64_t expected_version) {
    return detail::save_document(store, id, stream_kind::grid_map, detail::grid_map_json(map), actor,
                                 expected_version);
}

GridMap load_grid_map(const Store& store, const std::string& id, std::int64_t version) {
    const detail::LoadedDocument doc = detail::load_document(store, id, stream_kind::grid_map, version);
    const std::string where = detail::stream_where(id, doc.version);
    return detail::decode_payload(where, [&] { return detail::grid_map_from(doc.body, where); });
}

// ---- grid staffing ----------------------------------------------------------------------------------

std::int64_t save(Store& store, const std::string& id, const GridStaffing& staffing, const std::string& actor,
                  std::int64_t expected_version) {
    json body;
    json& workers = body["workers"] = json::array();
    for (const GridWorker& w : staffing.workers()) {
        workers.push_back({{"name", w.name},
                           {"home", w.home.str()},
                           {"part_time", w.part_time ? enum_json(*w.part_time) : json(nullptr)},
                           {"may_serve_elsewhere", w.may_serve_elsewhere},
                           {"location", w.location ? json::array({w.location->x, w.location->y}) : json(nullptr)}});
    }
    json& assignments = body["assignments"] = json::array();
    for (const GridAssignment& a : staffing.assignments()) {
        assignments.push_back({{"worker", a.worker.value()},
                               {"grid", staffing.map().grid(a.grid).code.str()},
                               {"role", enum_json(a.role)},
                               {"start", to_string(a.start)},
                               {"end", date_json(a.end)}});
    }
    return detail::save_document(store, id, stream_kind::staffing, std::move(body), actor, expected_version);
}

GridStaffing load_staffing(const Store& store, const std::string& id, const GridMap& map, std::int64_t version) {
    const detail::LoadedDocument doc = detail::load_document(store, id, stream_kind::staffing, version);
    return detail::decode_payload(detail::stream_where(id, doc.version), [&] {
        std::unordered_map<std::string, GridId> grids;
        for (std::size_t i = 0; i < map.size(); ++i) {
            grids.emplace(map.grids()[i].code.str(), GridId(static_cast<GridId::rep_type>(i)));
        }
        GridStaffing staffing(map);
        each(doc.body, "workers", [&](const json& w) {
            (void)staffing.add_worker(GridWorker{.name = field<std::string>(w, "name"),
                                                 .home = code_field(w, "home"),
                                                 .part_time = optional_enum_field<PartTimeKind>(w, "part_time"),
                                                 .may_serve_elsewhere = field<bool>(w, "may_serve_elsewhere"),
                                                 .location = optional_point(w, "location")});
        });
        each(doc.body, "assignments", [&](const json& a) {
            const auto code = field<std::string>(a, "grid");
            const auto grid = grids.find(code);
            if (grid == grids.end()) throw NotFound("grid " + code + " is not in the grid map given");
            (void)staffing.assign(*optional_id_field<GridWorkerId>(a, "worker", staffing.workers().size()), grid->second,
                                  enum_field<GridRole>(a, "role"), date_field(a, "start"), optional_date_field(a, "end"));
        });
        return staffing;
    });
}

// ---- burden ledgers ---------------------------------------------------------------------------------

std::int64_t save(Store& store, const std::string& id, const BurdenLedger& ledger, const std::string& actor,
                  std::int64_t expected_version) {
    json weights = json::object();
    for (const BurdenKind kind : all_burden_kinds) weights[std::string(enum_name(kind))] = ledger.weights()[kind];
    json body{{"items_csv", ledger.items_csv()},
              {"staff_csv", ledger.staff_csv()},
              {"weights", std::move(weights)},
              {"weights_source", ledger.weights().source}};
    return detail::save_document(store, id, stream_kind::burden, std::move(body), actor, expected_version);
}

BurdenLedger load_burden(const Store& store, const std::string& id, std::int64_t version) {
    const detail::LoadedDocument doc = detail::load_document(store, id, stream_kind::burden, version);
    return detail::decode_payload(detail::stream_where(id, doc.version), [&] {
        const json& b = doc.body;
        BurdenWeights weights;
        const json& per_kind = b.at("weights");
        for (const BurdenKind kind : all_burden_kinds) weights.set(kind, field<double>(per_kind, enum_name(kind).data()));
        weights.source = field<std::string>(b, "weights_source");
        return BurdenLedger::parse_csv(field<std::string>(b, "items_csv"), field<std::string>(b, "staff_csv"),
                                       std::move(weights));
    });
}

// ---- workforces, evidence, review outcomes ---------------------------------------------------------

std::int64_t save(Store& store, const std::string& id, const Workforce& workforce, const std::string& actor,
                  std::int64_t expected_version) {
    json body;
    json& workers = body["workers"] = json::array();
    for (const CommunityWorker& w : workforce.workers()) {
        workers.push_back({{"id", w.id},
                           {"name", w.name},
                           {"unit", w.unit.str()},
                           {"grade", w.grade},
                           {"grade_start", date_json(w.grade_start)},
                           {"wait_change_months", w.wait_change_months},
                           {"actor", w.actor}});
    }
    return detail::save_document(store, id, stream_kind::workforce, std::move(body), actor, expected_version);
}

Workforce load_workforce(const Store& store, const std::string& id, std::int64_t version) {
    const detail::LoadedDocument doc = detail::load_document(store, id, stream_kind::workforce, version);
    return detail::decode_payload(detail::stream_where(id, doc.version), [&] {
        Workforce workforce;
        each(doc.body, "workers", [&](const json& w) {
            (void)workforce.add(CommunityWorker{.id = field<std::string>(w, "id"),
                                                .name = field<std::string>(w, "name"),
                                                .unit = code_field(w, "unit"),
                                                .grade = field<std::int64_t>(w, "grade"),
                                                .grade_start = optional_date_field(w, "grade_start"),
                                                .wait_change_months = field<std::int64_t>(w, "wait_change_months"),
                                                .actor = field<std::string>(w, "actor")});
        });
        return workforce;
    });
}

std::int64_t save(Store& store, const std::string& id, const ReviewEvidence& evidence, const std::string& actor,
                  std::int64_t expected_version) {
    json body;
    json& values = body["values"] = json::array();
    for (const EvidenceValue& v : evidence.values()) {
        values.push_back({{"worker", v.worker},
                          {"key", v.key},
                          {"value", v.value},
                          {"source", v.where.source},
                          {"row", v.where.row},
                          {"field", v.where.field}});
    }
    return detail::save_document(store, id, stream_kind::review_evidence, std::move(body), actor, expected_version);
}

ReviewEvidence load_review_evidence(const Store& store, const std::string& id, std::int64_t version) {
    const detail::LoadedDocument doc = detail::load_document(store, id, stream_kind::review_evidence, version);
    return detail::decode_payload(detail::stream_where(id, doc.version), [&] {
        ReviewEvidence evidence;
        each(doc.body, "values", [&](const json& v) {
            evidence.set(field<std::string>(v, "worker"), field<std::string>(v, "key"), field<double>(v, "value"),
                         Location{field<std::string>(v, "source"), field<std::size_t>(v, "row"),
                                  field<std::string>(v, "field")});
        });
        return evidence;
    });
}

std::int64_t save(Store& store, const std::string& id, const ReviewOutcome& outcome, const std::string& actor,
                  std::int64_t expected_version) {
    json body{{"rules", outcome.rules}, {"first", to_string(outcome.first)}, {"last", to_string(outcome.last)}};
    json& reviews = body["reviews"] = json::array();
    for (const WorkerReview& r : outcome.reviews) {
        json indicators = json::array();
        for (const IndicatorScore& s : r.indicators) {
            indicators.push_back({{"indicator", s.indicator},
                                  {"evidence", s.evidence},
                                  {"value", s.value ? json(*s.value) : json(nullptr)},
                                  {"points", s.points},
                                  {"weight", s.weight},
                                  {"contribution", s.contribution}});
        }
        json adjustment = nullptr;
        if (r.adjustment) {
            const QuotaAdjustment& a = *r.adjustment;
            adjustment = {{"from", enum_json(a.from)}, {"to", enum_json(a.to)},         {"pool", a.pool.str()},
                          {"reviewed", a.reviewed},    {"allowed", a.allowed},          {"rank", a.rank},
                          {"reason", a.reason}};
        }
        reviews.push_back({{"worker", r.worker.value()},
                           {"worker_id", r.worker_id},
                           {"unit", r.unit.str()},
                           {"pool", r.pool.str()},
                           {"indicators", std::move(indicators)},
                           {"score", r.score},
                           {"score_rating", enum_json(r.score_rating)},
                           {"rating", enum_json(r.rating)},
                           {"adjustment", std::move(adjustment)},
                           {"wait_change_months", r.wait_change_months},
                           {"next_grade_date", date_json(r.next_grade_date)},
                           {"explanation", r.explanation}});
    }
    json& pools = body["pools"] = json::array();
    for (const QuotaPool& p : outcome.pools) {
        pools.push_back({{"unit", p.unit.str()},
                         {"reviewed", p.reviewed},
                         {"allowed", p.allowed},
                         {"excellent_by_score", p.excellent_by_score},
                         {"excellent", p.excellent},
                         {"moved_down", p.moved_down}});
    }
    return detail::save_document(store, id, stream_kind::review, std::move(body), actor, expected_version);
}

ReviewOutcome load_review(const Store& store, const std::string& id, std::int64_t version) {
    const detail::LoadedDocument doc = detail::load_document(store, id, stream_kind::review, version);
    return detail::decode_payload(detail::stream_where(id, doc.version), [&] {
        const json& b = doc.body;
        ReviewOutcome out{.rules = field<std::string>(b, "rules"), .first = date_field(b, "first"),
                          .last = date_field(b, "last"),
                          .reviews = {},
                          .pools = {}};
        each(b, "reviews", [&](const json& r) {
            WorkerReview review{.worker = CommunityWorkerId(field<CommunityWorkerId::rep_type>(r, "worker")),
                                .worker_id = field<std::string>(r, "worker_id"),
                                .unit = code_field(r, "unit"),
                                .pool = code_field(r, "pool"),
                                .indicators = {},
                                .score = 0,
                                .score_rating = Rating::incompetent,
                                .rating = Rating::incompetent,
                                .adjustment = std::nullopt,
                                .wait_change_months = 0,
                                .next_grade_date = std::nullopt,
                                .explanation = {}};
            each(r, "indicators", [&](const json& s) {
                const auto value = s.find("value");
                review.indicators.push_back(IndicatorScore{
                    .indicator = field<std::string>(s, "indicator"),
                    .evidence = field<std::string>(s, "evidence"),
                    .value = value == s.end() || value->is_null() ? std::nullopt : std::optional<double>(field<double>(s, "value")),
                    .points = field<double>(s, "points"),
                    .weight = field<double>(s, "weight"),
                    .contribution = field<double>(s, "contribution")});
            });
            review.score = field<double>(r, "score");
            review.score_rating = enum_field<Rating>(r, "score_rating");
            review.rating = enum_field<Rating>(r, "rating");
            if (const auto a = r.find("adjustment"); a != r.end() && !a->is_null()) {
                review.adjustment = QuotaAdjustment{.from = enum_field<Rating>(*a, "from"),
                                                    .to = enum_field<Rating>(*a, "to"),
                                                    .pool = code_field(*a, "pool"),
                                                    .reviewed = field<std::int64_t>(*a, "reviewed"),
                                                    .allowed = field<std::int64_t>(*a, "allowed"),
                                                    .rank = field<std::int64_t>(*a, "rank"),
                                                    .reason = field<std::string>(*a, "reason")};
            }
            review.wait_change_months = field<std::int64_t>(r, "wait_change_months");
            review.next_grade_date = optional_date_field(r, "next_grade_date");
            review.explanation = field<std::string>(r, "explanation");
            out.reviews.push_back(std::move(review));
        });
        each(b, "pools", [&](const json& p) {
            out.pools.push_back(QuotaPool{.unit = code_field(p, "unit"),
                                          .reviewed = field<std::int64_t>(p, "reviewed"),
                                          .allowed = field<std::int64_t>(p, "allowed"),
                                          .excellent_by_score = field<std::int64_t>(p, "excellent_by_score"),
                                          .excellent = field<std::int64_t>(p, "excellent"),
                                          .moved_down = field<std::int64_t>(p, "moved_down")});
        });
        return out;
    });
}

}  // namespace grassroots
