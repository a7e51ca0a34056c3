// Review schemes (ReviewRules: indicators, parameters and quota, each with its source) and grid
// re-division plans (the new map, its splits and merges, households, what stays out of band) as
// documents, rebuilt through their own constructors and checked against the rebuilt map.
#include <memory>
#include <variant>
#include <vector>

#include "grassroots/grid/redivision.hpp"
#include "grassroots/people/review.hpp"
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

// ---- rules and their sources -----------------------------------------------------------------------

json source_json(const RuleSource& s) { return {{"law", s.law}, {"article", s.article}}; }

RuleSource source_from(const json& s) { return {field<std::string>(s, "law"), field<std::string>(s, "article")}; }

json range_json(const IntRange& r) { return {{"min", r.min}, {"max", r.max}}; }

IntRange range_from(const json& r) { return {field<std::int64_t>(r, "min"), field<std::int64_t>(r, "max")}; }

json value_json(const Rule::Value& value) {
    if (const auto* range = std::get_if<IntRange>(&value)) return {{"range", range_json(*range)}};
    if (const auto* share = std::get_if<Threshold>(&value)) {
        return {{"threshold",
                 {{"numerator", share->numerator}, {"denominator", share->denominator}, {"strict", share->strict}}}};
    }
    return nullptr;
}

Rule::Value value_from(const json& value) {
    if (value.is_null()) return std::monostate{};
    if (value.contains("range")) return range_from(value.at("range"));
    const json& share = value.at("threshold");
    return Threshold{field<std::int64_t>(share, "numerator"), field<std::int64_t>(share, "denominator"),
                     field<bool>(share, "strict")};
}

json rule_json(const Rule& r) {
    return {{"id", r.id},
            {"summary", r.summary},
            {"value", value_json(r.value)},
            {"source", source_json(r.source)},
            {"verified", r.verified},
            {"override_note", r.override_note}};
}

Rule rule_from(const json& r) {
    return Rule{.id = field<std::string>(r, "id"),
                .summary = field<std::string>(r, "summary"),
                .value = value_from(r.at("value")),
                .source = source_from(r.at("source")),
                .verified = field<bool>(r, "verified"),
                .override_note = field<std::string>(r, "override_note")};
}

json optional_number(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

std::optional<double> optional_number_from(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    return field<double>(object, key);
}

json scoring_json(const Scoring& s) {
    json steps = json::array();
    for (const ScoringStep& step : s.steps) steps.push_back({{"at_least", step.at_least}, {"points", step.points}});
    return {{"kind", enum_json(s.kind)}, {"zero_at", s.zero_at}, {"full_at", s.full_at}, {"steps", std::move(steps)}};
}

Scoring scoring_from(const json& s) {
    Scoring out{.kind = enum_field<ScoringKind>(s, "kind"),
                .zero_at = field<double>(s, "zero_at"),
                .full_at = field<double>(s, "full_at"),
                .steps = {}};
    each(s, "steps", [&](const json& step) {
        out.steps.push_back({field<double>(step, "at_least"), field<double>(step, "points")});
    });
    return out;
}

json indicator_json(const Indicator& i) {
    return {{"id", i.id},
            {"name", i.name},
            {"evidence", i.evidence},
            {"weight", i.weight},
            {"scoring", scoring_json(i.scoring)},
            {"evidence_max", optional_number(i.evidence_max)},
            {"points_if_missing", optional_number(i.points_if_missing)},
            {"source", source_json(i.source)},
            {"verified", i.verified},
            {"override_note", i.override_note}};
}

Indicator indicator_from(const json& i) {
    return Indicator{.id = field<std::string>(i, "id"),
                     .name = field<std::string>(i, "name"),
                     .evidence = field<std::string>(i, "evidence"),
                     .weight = field<double>(i, "weight"),
                     .scoring = scoring_from(i.at("scoring")),
                     .evidence_max = optional_number_from(i, "evidence_max"),
                     .points_if_missing = optional_number_from(i, "points_if_missing"),
                     .source = source_from(i.at("source")),
                     .verified = field<bool>(i, "verified"),
                     .override_note = field<std::string>(i, "override_note")};
}

}  // namespace

// ---- review schemes --------------------------------------------------------------------------------

std::int64_t save(Store& store, const std::string& id, const ReviewRules& rules, const std::string& actor,
                  std::int64_t expected_version) {
    json indicators = json::array();
    for (const Indicator& i : rules.indicators()) indicators.push_back(indicator_json(i));
    json parameters = json::array();
    for (const Rule& r : rules.parameters()) parameters.push_back(rule_json(r));
    json body{{"id", rules.id()},
              {"title", rules.title()},
              {"effective_from", to_string(rules.effective_from())},
              {"indicators", std::move(indicators)},
              {"parameters", std::move(parameters)},
              {"quota",
               {{"level", enum_json(rules.quota().level)},
                {"rounding", enum_json(rules.quota().rounding)},
                {"tie_break", rules.quota().tie_break}}}};
    return detail::save_document(store, id, stream_kind::review_rules, std::move(body), actor, expected_version);
}

ReviewRules load_review_rules(const Store& store, const std::string& id, std::int64_t version) {
    const detail::LoadedDocument doc = detail::load_document(store, id, stream_kind::review_rules, version);
    return detail::decode_payload(detail::stream_where(id, doc.version), [&] {
        const json& b = doc.body;
        std::vector<Indicator> indicators;
        each(b, "indicators", [&](const json& i) { indicators.push_back(indicator_from(i)); });
        std::vector<Rule> parameters;
        each(b, "parameters", [&](const json& r) { parameters.push_back(rule_from(r)); });
        const json& quota = b.at("quota");
        return ReviewRules(field<std::string>(b, "id"), field<std::string>(b, "title"), date_field(b, "effective_from"),
                           std::move(indicators), std::move(parameters),
                           QuotaOptions{.level = enum_field<Level>(quota, "level"),
                                        .rounding = enum_field<QuotaRounding>(quota, "rounding"),
                                        .tie_break = field<std::vector<std::string>>(quota, "tie_break")});
    });
}

// ---- grid re-division plans ------------------------------------------------------------------------

namespace {

json codes_json(const std::vector<GridCode>& codes) {
    json out = json::array();
    for (const GridCode& c : codes) out.push_back(c.str());
    return out;
}

/// The grid of @p map with code @p text (in @p layout); InvalidInput when the new map has none.
GridId grid_of(const GridMap& map, const std::shared_ptr<const GridCodeLayout>& layout, const std::string& text) {
    const std::optional<GridId> grid = map.find(GridCode::parse(text, layout));
    if (!grid) throw InvalidInput("grid " + text + " is not in the new map");
    return *grid;
}

RedivisionChange change_from(const json& c, const GridMap& map, const std::shared_ptr<const GridCodeLayout>& layout) {
    RedivisionChange change{.kind = enum_field<RedivisionChange::Kind>(c, "kind"), .from = {}, .to = {}};
    for (const auto& code : field<std::vector<std::string>>(c, "from")) change.from.push_back(GridCode::parse(code, layout));
    for (const auto& code : field<std::vector<std::string>>(c, "to")) {
        change.to.push_back(map.grid(grid_of(map, layout, code)).code);
    }
    const bool split = change.kind == RedivisionChange::Kind::split;
    const std::size_t one = split ? change.from.size() : change.to.size();
    const std::size_t many = split ? change.to.size() : change.from.size();
    if (one != 1 || many < 2) {
        throw InvalidInput(std::string("a ") +
                           (split ? "split turns one grid into two or more" : "merge turns two or more grids into one") +
                           "; this one has " + std::to_string(change.from.size()) + " from and " +
                           std::to_string(change.to.size()) + " to");
    }
    return change;
}

BandFinding finding_from(const json& f, const GridMap& map, const std::shared_ptr<const GridCodeLayout>& layout,
                         const std::vector<std::int64_t>& households) {
    const GridId grid = grid_of(map, layout, field<std::string>(f, "grid"));
    BandFinding out{.grid = grid,
                    .households = field<std::int64_t>(f, "households"),
                    .band = range_from(f.at("band")),
                    .message = field<std::string>(f, "message")};
    if (out.households != households[grid.value()]) {
        throw InvalidInput("grid " + map.grid(grid).code.str() + " has " + std::to_string(households[grid.value()]) +
                           " households in the plan, not " + std::to_string(out.households));
    }
    return out;
}

}  // namespace

std::int64_t save(Store& store, const std::string& id, const Redivision& plan, const std::string& actor,
                  std::int64_t expected_version) {
    json changes = json::array();
    for (const RedivisionChange& c : plan.changes) {
        changes.push_back({{"kind", enum_json(c.kind)}, {"from", codes_json(c.from)}, {"to", codes_json(c.to)}});
    }
    json remaining = json::array();
    for (const BandFinding& f : plan.remaining) {
        remaining.push_back({{"grid", plan.map.grid(f.grid).code.str()},
                             {"households", f.households},
                             {"band", range_json(f.band)},
                             {"message", f.message}});
    }
    json body{{"map", detail::grid_map_json(plan.map)},
              {"changes", std::move(changes)},
              {"households", plan.households},
              {"remaining", std::move(remaining)}};
    return detail::save_document(store, id, stream_kind::redivision, std::move(body), actor, expected_version);
}

Redivision load_redivision(const Store& store, const std::string& id, std::int64_t version) {
    const detail::LoadedDocument doc = detail::load_document(store, id, stream_kind::redivision, version);
    const std::string where = detail::stream_where(id, doc.version);
    return detail::decode_payload(where, [&] {
        const json& b = doc.body;
        Redivision plan{.map = detail::grid_map_from(b.at("map"), where),
                        .changes = {},
                        .households = field<std::vector<std::int64_t>>(b, "households"),
                        .remaining = {}};
        if (plan.households.size() != plan.map.size()) {
            throw InvalidInput("field 'households' has " + std::to_string(plan.households.size()) +
                               " counts for a map of " + std::to_string(plan.map.size()) + " grids");
        }
        for (const std::int64_t h : plan.households) {
            if (h < 0) throw InvalidInput("field 'households' holds a negative count (" + std::to_string(h) + ")");
        }
        const auto layout = detail::grid_layout_from(b.at("map").at("layout"));
        each(b, "changes", [&](const json& c) { plan.changes.push_back(change_from(c, plan.map, layout)); });
        each(b, "remaining", [&](const json& f) {
            plan.remaining.push_back(finding_from(f, plan.map, layout, plan.households));
        });
        return plan;
    });
}

}  // namespace grassroots
