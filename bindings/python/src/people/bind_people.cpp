// People, performance and participation: community-worker reviews (履职评估) with their rules,
// evidence, scores, ratings, quotas and the grade clock; volunteers, teams, projects and service
// hours; party members registered where they live (党员回家); community social organisations and
// the share of households taking part.
//
// Value types (workers, indicators, scores, totals) are read-only copies with the value protocol;
// the registries (Workforce, ReviewEvidence, VolunteerRegistry, …) are mutable objects. Ids are
// plain ints, division codes are given as str or DivisionCode, dates as datetime.date.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "casters.hpp"
#include "workflow/engine_box.hpp"
#include "grassroots/autonomy/chain.hpp"
#include "grassroots/division/tree.hpp"
#include "grassroots/people/case_evidence.hpp"
#include "grassroots/people/participation.hpp"
#include "grassroots/people/review.hpp"
#include "grassroots/people/volunteers.hpp"
#include "ids.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"

namespace pybind11::detail {
template <>
struct type_caster<grassroots::CommunityWorkerId> : strong_id_caster<grassroots::CommunityWorkerId> {};
template <>
struct type_caster<grassroots::VolunteerId> : strong_id_caster<grassroots::VolunteerId> {};
template <>
struct type_caster<grassroots::VolunteerTeamId> : strong_id_caster<grassroots::VolunteerTeamId> {};
template <>
struct type_caster<grassroots::VolunteerProjectId> : strong_id_caster<grassroots::VolunteerProjectId> {};
template <>
struct type_caster<grassroots::PartyRegistrationId> : strong_id_caster<grassroots::PartyRegistrationId> {};
template <>
struct type_caster<grassroots::SocialOrganisationId> : strong_id_caster<grassroots::SocialOrganisationId> {};
}  // namespace pybind11::detail

namespace grassroots::python {

namespace {

template <class T>
std::vector<T> copy_of(std::span<const T> items) {
    return std::vector<T>(items.begin(), items.end());
}

py::object pandas_helper(const char* name) { return py::module_::import("grassroots._people_pandas").attr(name); }

/// Households given as UnitHouseholds rows or as {code: households}.
using HouseholdsArgument = std::variant<std::vector<UnitHouseholds>, std::map<std::string, std::int64_t>>;

std::vector<UnitHouseholds> households_rows(const HouseholdsArgument& households) {
    if (const auto* rows = std::get_if<std::vector<UnitHouseholds>>(&households)) return *rows;
    std::vector<UnitHouseholds> out;
    for (const auto& [code, count] : std::get<std::map<std::string, std::int64_t>>(households)) {
        out.push_back(UnitHouseholds{DivisionCode::parse(code), count, std::nullopt});
    }
    return out;
}

void bind_review(py::module_& m) {
    bind_enum<Rating>(m, "Rating", "The rating (等次) a review gives.",
                      {{"EXCELLENT", Rating::excellent, "优秀"},
                       {"COMPETENT", Rating::competent, "称职"},
                       {"BASICALLY_COMPETENT", Rating::basically_competent, "基本称职"},
                       {"INCOMPETENT", Rating::incompetent, "不称职"}});
    m.def("parse_rating", &parse_rating, py::arg("text"),
          "The rating named in English ('excellent') or Chinese ('优秀'); InvalidInputError otherwise.");
    bind_enum<ScoringKind>(m, "ScoringKind", "How an indicator turns its evidence into points.",
                           {{"LINEAR", ScoringKind::linear, "0 points at zero_at, 100 at full_at, a line between"},
                            {"STEPS", ScoringKind::steps, "the points of the highest step reached"}});
    bind_enum<QuotaRounding>(m, "QuotaRounding", "How the 优秀 quota rounds a share of a pool to whole workers.",
                             {{"DOWN", QuotaRounding::down, "floor: never more than the share"},
                              {"NEAREST", QuotaRounding::nearest, "round half up"},
                              {"UP", QuotaRounding::up, "ceil: at least one in a pool with a positive share"}});

    // ---- workers ------------------------------------------------------------------------------
    py::class_<CommunityWorker> worker_class(m, "CommunityWorker",
                                             "A community worker (社区工作者): who, where, and their grade clock.");
    worker_class.def(py::init([](std::string id, std::string name, const UnitArgument& unit, std::int64_t grade,
                                 std::optional<Date> grade_start, std::int64_t wait_change_months, std::string actor) {
                         return CommunityWorker{std::move(id), std::move(name), to_code(unit), grade, grade_start,
                                                wait_change_months, std::move(actor)};
                     }),
                     py::arg("id"), py::arg("name"), py::arg("unit"), py::arg("grade") = 1,
                     py::arg("grade_start") = py::none(), py::arg("wait_change_months") = 0, py::arg("actor") = "");
    field(worker_class, "id", &CommunityWorker::id, "Unique staff id.");
    field(worker_class, "name", &CommunityWorker::name, "Name.");
    field(worker_class, "unit", &CommunityWorker::unit, "The unit they work for (DivisionCode).");
    field(worker_class, "grade", &CommunityWorker::grade, "Current post grade (岗位等级).");
    field(worker_class, "grade_start", &CommunityWorker::grade_start, "When they reached it, or None.");
    field(worker_class, "wait_change_months", &CommunityWorker::wait_change_months,
          "Months earlier reviews at this grade added to (+) or took off (−) the wait.");
    field(worker_class, "actor", &CommunityWorker::actor, "Their actor id in a CaseEngine ('' = none).");
    add_value_protocol(worker_class, {"id", "name", "unit", "grade", "grade_start", "wait_change_months", "actor"});

    py::class_<Workforce>(m, "Workforce", "The community workers under review; staff ids are unique. Ids are ints.")
        .def(py::init<>(), "An empty workforce.")
        .def("add", &Workforce::add, py::arg("worker"),
             "Adds a CommunityWorker; returns its id. InvalidInputError for an empty or duplicate id, an empty name "
             "or a grade below 1.")
        .def("__len__", &Workforce::size)
        .def_property_readonly("workers", [](const Workforce& w) { return copy_of(w.workers()); },
                               "All workers (copies), by id.")
        .def("worker", &Workforce::worker, py::arg("id"), "The worker with this int id; NotFoundError.")
        .def("find", &Workforce::find, py::arg("staff_id"), "The int id of the worker with this staff id, or None.")
        .def("at", &Workforce::at, py::arg("staff_id"), "The int id of the worker with this staff id; NotFoundError.")
        .def_static("parse_csv", &Workforce::parse_csv, py::arg("text"), py::arg("source") = "<text>",
                    "Parses CSV with the columns id,name,unit and optionally grade, grade_start, wait_change_months, "
                    "actor; errors name the source, line and field.")
        .def_static("read_csv", &Workforce::read_csv, py::arg("path"), "Reads such a CSV file (gzip allowed).")
        .def(
            "to_pandas", [](const py::object& self) { return pandas_helper("workforce_frame")(self); },
            "One row per worker, indexed by id: staff_id, name, unit, grade, grade_start, wait_change_months, actor.");

    // ---- evidence -----------------------------------------------------------------------------
    py::class_<EvidenceValue> value_class(m, "EvidenceValue",
                                          "One number read by a review: a worker's value for an evidence key.");
    value_class.def(py::init([](std::string worker, std::string key, double value, std::string where) {
                        return EvidenceValue{std::move(worker), std::move(key), value, Location{std::move(where), 0, {}}};
                    }),
                    py::arg("worker"), py::arg("key"), py::arg("value"), py::arg("where") = "");
    field(value_class, "worker", &EvidenceValue::worker, "Staff id.");
    field(value_class, "key", &EvidenceValue::key, "Evidence key.");
    field(value_class, "value", &EvidenceValue::value, "The number (≥ 0).");
    value_class.def_property_readonly(
        "where", [](const EvidenceValue& v) { return v.where.to_string(); },
        "Where it came from ('evidence.csv, row 3, field \\'cases\\''), or ''.");
    add_value_protocol(value_class, {"worker", "key", "value", "where"});

    py::class_<ReviewEvidence>(m, "ReviewEvidence",
                               "The evidence of one review period: at most one finite value ≥ 0 per worker and key.")
        .def(py::init<>(), "No evidence yet.")
        .def(
            "set",
            [](ReviewEvidence& e, std::string worker, std::string key, double value) {
                e.set(std::move(worker), std::move(key), value);
            },
            py::arg("worker"), py::arg("key"), py::arg("value"),
            "Records a value; InvalidInputError for a negative or non-finite value or one already given.")
        .def("find", &ReviewEvidence::find, py::arg("worker"), py::arg("key"), "The value, or None.")
        .def_property_readonly("values", [](const ReviewEvidence& e) { return copy_of(e.values()); },
                               "Every value (EvidenceValue), in the order given.")
        .def("__len__", &ReviewEvidence::size)
        .def("merge", &ReviewEvidence::merge, py::arg("other"),
             "Adds every value of another ReviewEvidence; all or nothing (InvalidInputError for a value in both).")
        .def_static(
            "from_mapping",
            [](const std::map<std::string, std::map<std::string, double>>& values) {
                ReviewEvidence out;
                for (const auto& [worker, keys] : values) {
                    for (const auto& [key, value] : keys) out.set(worker, key, value);
                }
                return out;
            },
            py::arg("values"), "From {staff_id: {key: value}}.")
        .def_static("parse_csv", &ReviewEvidence::parse_csv, py::arg("text"), py::arg("source") = "<text>",
                    "Parses wide CSV: a 'worker' column and one column per evidence key (an empty cell is no value); "
                    "errors name the source, line and column.")
        .def_static("read_csv", &ReviewEvidence::read_csv, py::arg("path"), "Reads such a CSV file (gzip allowed).")
        .def(
            "to_pandas", [](const py::object& self) { return pandas_helper("evidence_frame")(self); },
            "Wide: one row per worker (index 'worker'), one float64 column per key (NaN where not given).");

    py::class_<HandledCase> handled_class(m, "HandledCase",
                                          "One handled case as a review reads it: handler, when handled, when due.");
    handled_class.def(py::init([](std::string actor, Instant handled_at, std::optional<Instant> handling_due) {
                          return HandledCase{std::move(actor), handled_at, handling_due};
                      }),
                      py::arg("actor"), py::arg("handled_at"), py::arg("handling_due") = py::none());
    field(handled_class, "actor", &HandledCase::actor, "The handler's actor id.");
    field(handled_class, "handled_at", &HandledCase::handled_at, "When it was handled.");
    field(handled_class, "handling_due", &HandledCase::handling_due, "Its handling deadline, or None.");
    add_value_protocol(handled_class, {"actor", "handled_at", "handling_due"});
    m.def(
        "evidence_from_handled_cases",
        [](const std::vector<HandledCase>& cases, const Workforce& workforce, Date first, Date last) {
            return evidence_from_handled_cases(cases, workforce, first, last);
        },
        py::arg("cases"), py::arg("workforce"), py::arg("first"), py::arg("last"),
        "cases_handled, cases_on_time and on_time_rate for every worker with an actor id, from the cases handled "
        "(a CST date) in [first, last]; on time when handled_at <= handling_due or without a deadline. Workers with "
        "no case get zero counts and no on_time_rate.");
    m.def(
        "evidence_from_cases",
        [](EngineBox& engine, const Workforce& workforce, Date first, Date last) {
            const Workforce workers = workforce;  // a copy: Python may change the workforce while the GIL is released
            return read_engine_without_gil(engine, [&](const CaseEngine& cases) {
                return evidence_from_cases(cases, workers, first, last);
            });
        },
        py::arg("engine"), py::arg("workforce"), py::arg("first"), py::arg("last"),
        "As evidence_from_handled_cases, from the cases of a CaseEngine: each handled case counts once, for its last "
        "handler (CaseState.handler), on its handled_at. NotFoundError names a worker whose actor id the engine does "
        "not have; InvalidInputError for first after last or two workers with the same actor id. Runs without the GIL.");

    // ---- the rules ----------------------------------------------------------------------------
    py::class_<ScoringStep> step_class(m, "ScoringStep", "One step of a step scoring: evidence >= at_least earns points.");
    step_class.def(py::init([](double at_least, double points) { return ScoringStep{at_least, points}; }),
                   py::arg("at_least"), py::arg("points"));
    field(step_class, "at_least", &ScoringStep::at_least, "The evidence needed.");
    field(step_class, "points", &ScoringStep::points, "Points earned (0–100).");
    add_value_protocol(step_class, {"at_least", "points"});

    py::class_<Scoring> scoring_class(m, "Scoring",
                                      "An indicator's scoring function: evidence → points on a 0–100 scale. Linear: 0 "
                                      "at zero_at, 100 at full_at (falling when zero_at > full_at), flat outside; "
                                      "steps: the points of the highest step reached.");
    scoring_class
        .def_static("linear", &Scoring::linear, py::arg("zero_at"), py::arg("full_at"),
                    "A linear scoring from zero_at (0 points) to full_at (100 points).")
        .def_static("stepped", &Scoring::stepped, py::arg("steps"), "A step scoring (ascending ScoringSteps).")
        .def(py::init([](ScoringKind kind, double zero_at, double full_at, std::vector<ScoringStep> steps) {
                 return Scoring{kind, zero_at, full_at, std::move(steps)};
             }),
             py::arg("kind"), py::arg("zero_at") = 0.0, py::arg("full_at") = 1.0,
             py::arg("steps") = std::vector<ScoringStep>{})
        .def("points", &Scoring::points, py::arg("evidence"), "The points for a piece of evidence (0–100).")
        .def("check", &Scoring::check, py::arg("what") = "scoring",
             "InvalidInputError (mentioning what) unless the function is well formed.")
        .def("__str__", &Scoring::to_string);
    field(scoring_class, "kind", &Scoring::kind, "ScoringKind.");
    field(scoring_class, "zero_at", &Scoring::zero_at, "Linear: evidence worth 0 points.");
    field(scoring_class, "full_at", &Scoring::full_at, "Linear: evidence worth 100 points.");
    field(scoring_class, "steps", &Scoring::steps, "Steps: ascending ScoringSteps.");
    add_value_protocol(scoring_class, {"kind", "zero_at", "full_at", "steps"}, {.hash = false});

    py::class_<Indicator> indicator_class(
        m, "Indicator", "One indicator (指标) of a review: the evidence it reads, its weight, scoring and source.");
    indicator_class.def(
        py::init([](std::string id, std::string name, std::string evidence, double weight, Scoring scoring,
                    std::optional<double> evidence_max, std::optional<double> points_if_missing, std::string law,
                    std::string article, bool verified, std::string override_note) {
            return Indicator{std::move(id),   std::move(name),   std::move(evidence),
                             weight,          std::move(scoring), evidence_max,
                             points_if_missing, RuleSource{std::move(law), std::move(article)}, verified,
                             std::move(override_note)};
        }),
        py::arg("id"), py::arg("name"), py::arg("evidence"), py::arg("weight"), py::arg("scoring"),
        py::arg("evidence_max") = py::none(), py::arg("points_if_missing") = py::none(), py::arg("law") = "",
        py::arg("article") = "", py::arg("verified") = false, py::arg("override_note") = "",
        "An indicator (checked when put into ReviewRules).");
    field(indicator_class, "id", &Indicator::id, "Stable id.");
    field(indicator_class, "name", &Indicator::name, "What it measures, with the Chinese term.");
    field(indicator_class, "evidence", &Indicator::evidence, "The evidence key it reads.");
    field(indicator_class, "weight", &Indicator::weight, "Share of the score (weights sum to 1).");
    field(indicator_class, "scoring", &Indicator::scoring, "Evidence → points.");
    field(indicator_class, "evidence_max", &Indicator::evidence_max, "Largest acceptable evidence, or None.");
    field(indicator_class, "points_if_missing", &Indicator::points_if_missing,
          "Points when a worker has no evidence (None: an error).");
    indicator_class.def_property_readonly("law", [](const Indicator& i) { return i.source.law; }, "Where it comes from.");
    indicator_class.def_property_readonly("article", [](const Indicator& i) { return i.source.article; },
                                          "Article or section, '' when not known.");
    field(indicator_class, "verified", &Indicator::verified, "False for defaults not checked against a published scheme.");
    field(indicator_class, "override_note", &Indicator::override_note, "Non-empty when a user replaced it.");
    add_value_protocol(indicator_class, {"id", "name", "evidence", "weight", "scoring", "evidence_max",
                                         "points_if_missing", "law", "article", "verified", "override_note"},
                       {.hash = false});

    py::class_<QuotaOptions> quota_class(m, "QuotaOptions",
                                         "Where and how the 优秀 quota applies (configurable defaults, not verified).");
    quota_class.def(py::init([](Level level, QuotaRounding rounding, std::vector<std::string> tie_break) {
                        return QuotaOptions{level, rounding, std::move(tie_break)};
                    }),
                    py::arg("level") = Level::village, py::arg("rounding") = QuotaRounding::down,
                    py::arg("tie_break") = std::vector<std::string>{});
    field(quota_class, "level", &QuotaOptions::level,
          "Workers are pooled by their unit's ancestor at this Level (VILLAGE: each community on its own).");
    field(quota_class, "rounding", &QuotaOptions::rounding, "QuotaRounding of reviewed × percent / 100.");
    field(quota_class, "tie_break", &QuotaOptions::tie_break,
          "Indicator ids that break ties in score, in order; workers still tied at the edge all move down.");
    add_value_protocol(quota_class, {"level", "rounding", "tie_break"}, {.hash = false});

    py::class_<ReviewRules>(m, "ReviewRules",
                            "A review scheme (履职评估办法): indicators, rating bands, the 优秀 quota and the grade clock. "
                            "Numbers are Rules with a single-number IntRange, a source and a verified flag.")
        .def(py::init([](std::string id, std::string title, Date effective_from, std::vector<Indicator> indicators,
                         std::optional<std::vector<Rule>> parameters, std::optional<QuotaOptions> quota) {
                 return ReviewRules(std::move(id), std::move(title), effective_from, std::move(indicators),
                                    parameters ? std::move(*parameters) : ReviewRules::default_parameters(),
                                    quota ? std::move(*quota) : QuotaOptions{});
             }),
             py::arg("id"), py::arg("title"), py::arg("effective_from"), py::arg("indicators"),
             py::arg("parameters") = py::none(), py::arg("quota") = py::none(),
             "A scheme (parameters: default_parameters() when None); InvalidInputError naming the bad item, e.g. "
             "weights that do not sum to 1.")
        .def_static("defaults", &ReviewRules::defaults,
                    "The library's default scheme: six indicators (unverified defaults), bands 90/75/60, at most 20 % "
                    "优秀 per community, a 36-month grade wait (unverified) and the seed's 6 months off per 优秀.")
        .def_static("default_parameters", &ReviewRules::default_parameters, "The default parameters (Rules).")
        .def_static("default_indicators", &ReviewRules::default_indicators, "The six default indicators.")
        .def_property_readonly("id", &ReviewRules::id, "e.g. 'default-2024'.")
        .def_property_readonly("title", &ReviewRules::title, "The scheme's title.")
        .def_property_readonly("effective_from", &ReviewRules::effective_from, "First day in force.")
        .def_property_readonly("indicators", [](const ReviewRules& r) { return copy_of(r.indicators()); },
                               "The indicators (copies).")
        .def_property_readonly("parameters", [](const ReviewRules& r) { return copy_of(r.parameters()); },
                               "The numeric parameters (Rules).")
        .def_property_readonly("quota", &ReviewRules::quota, "The QuotaOptions.")
        .def("indicator", &ReviewRules::indicator, py::arg("id"), "The indicator with this id; NotFoundError.")
        .def("parameter", &ReviewRules::parameter, py::arg("id"), "The parameter Rule with this id; NotFoundError.")
        .def("value", &ReviewRules::value, py::arg("id"), "The number of parameter id.")
        .def("min_score", &ReviewRules::min_score, py::arg("rating"), "The lowest score rated so.")
        .def("rate", &ReviewRules::rate, py::arg("score"), "The Rating band of a score.")
        .def("wait_change_months", &ReviewRules::wait_change_months, py::arg("rating"),
             "Months one review rated so adds to (+) or takes off (−) the grade wait.")
        .def("round_score", &ReviewRules::round_score, py::arg("score"), "A score rounded to score.decimals.")
        .def("override_parameter", &ReviewRules::override_parameter, py::arg("id"), py::arg("value"), py::arg("note"),
             "Replaces a parameter's value; the note says whose rule it is. NotFoundError / InvalidInputError.")
        .def("override_indicators", &ReviewRules::override_indicators, py::arg("indicators"), py::arg("note"),
             "Replaces every indicator (weights must sum to 1); InvalidInputError keeps the old set.")
        .def("set_quota", &ReviewRules::set_quota, py::arg("quota"), "Replaces the QuotaOptions.")
        .def(
            "to_pandas", [](const py::object& self) { return pandas_helper("rules_frame")(self); },
            "One row per indicator and parameter: kind, id, summary, value, weight, scoring, law, article, verified, "
            "override_note.")
        .def("__repr__", [](const ReviewRules& r) {
            return "<ReviewRules " + r.id() + ": " + r.title() + ", from " + to_string(r.effective_from()) + ", " +
                   std::to_string(r.indicators().size()) + " indicators>";
        });

    m.def("add_months", &add_months, py::arg("date"), py::arg("months"),
          "date plus months calendar months; a day past the month's end becomes its last day.");
    py::class_<GradeProgress> progress_class(m, "GradeProgress", "When a worker reaches the next grade, and why.");
    progress_class.def(py::init([](Date grade_start, std::int64_t standard_wait_months, std::int64_t change_months,
                                   Date next_grade_date, std::string explanation) {
                           return GradeProgress{grade_start, standard_wait_months, change_months, next_grade_date,
                                                std::move(explanation)};
                       }),
                       py::arg("grade_start"), py::arg("standard_wait_months"), py::arg("change_months"),
                       py::arg("next_grade_date"), py::arg("explanation"));
    field(progress_class, "grade_start", &GradeProgress::grade_start, "Reached the current grade.");
    field(progress_class, "standard_wait_months", &GradeProgress::standard_wait_months, "The scheme's wait.");
    field(progress_class, "change_months", &GradeProgress::change_months, "Sum of the changes (−6 per 优秀).");
    field(progress_class, "next_grade_date", &GradeProgress::next_grade_date, "The next grade's date.");
    field(progress_class, "explanation", &GradeProgress::explanation, "The sum in words.");
    add_value_protocol(progress_class,
                       {"grade_start", "standard_wait_months", "change_months", "next_grade_date", "explanation"});
    m.def(
        "next_grade",
        [](const ReviewRules& rules, Date grade_start, const std::vector<Rating>& ratings,
           std::int64_t earlier_change_months) { return next_grade(rules, grade_start, ratings, earlier_change_months); },
        py::arg("rules"), py::arg("grade_start"), py::arg("ratings") = std::vector<Rating>{},
        py::arg("earlier_change_months") = 0,
        "The next grade date for a worker who reached the grade on grade_start and has since been rated ratings.");

    // ---- the outcome --------------------------------------------------------------------------
    py::class_<IndicatorScore> score_class(m, "IndicatorScore",
                                           "One indicator of one worker's score: evidence → points → contribution.");
    score_class.def(py::init([](std::string indicator, std::string evidence, std::optional<double> value, double points,
                                double weight, double contribution) {
                        return IndicatorScore{std::move(indicator), std::move(evidence), value, points, weight,
                                              contribution};
                    }),
                    py::arg("indicator"), py::arg("evidence"), py::arg("value"), py::arg("points"), py::arg("weight"),
                    py::arg("contribution"));
    field(score_class, "indicator", &IndicatorScore::indicator, "Indicator id.");
    field(score_class, "evidence", &IndicatorScore::evidence, "Evidence key read.");
    field(score_class, "value", &IndicatorScore::value, "The evidence, or None when scored by points_if_missing.");
    field(score_class, "points", &IndicatorScore::points, "0–100.");
    field(score_class, "weight", &IndicatorScore::weight, "The indicator's weight.");
    field(score_class, "contribution", &IndicatorScore::contribution, "points × weight.");
    add_value_protocol(score_class, {"indicator", "evidence", "value", "points", "weight", "contribution"});

    py::class_<QuotaAdjustment> adjustment_class(m, "QuotaAdjustment",
                                                 "A rating moved down because a pool had more 优秀 than its quota.");
    adjustment_class.def(py::init([](Rating from, Rating to, const UnitArgument& pool, std::int64_t reviewed,
                                     std::int64_t allowed, std::int64_t rank, std::string reason) {
                             return QuotaAdjustment{from, to, to_code(pool), reviewed, allowed, rank, std::move(reason)};
                         }),
                         py::arg("from_"), py::arg("to"), py::arg("pool"), py::arg("reviewed"), py::arg("allowed"),
                         py::arg("rank"), py::arg("reason"));
    field(adjustment_class, "from_", &QuotaAdjustment::from, "The rating by score.");
    field(adjustment_class, "to", &QuotaAdjustment::to, "The rating given.");
    field(adjustment_class, "pool", &QuotaAdjustment::pool, "The pool's unit.");
    field(adjustment_class, "reviewed", &QuotaAdjustment::reviewed, "Workers reviewed in the pool.");
    field(adjustment_class, "allowed", &QuotaAdjustment::allowed, "优秀 allowed in the pool.");
    field(adjustment_class, "rank", &QuotaAdjustment::rank, "1-based rank among the pool's 优秀 (ties share a rank).");
    field(adjustment_class, "reason", &QuotaAdjustment::reason, "In words.");
    add_value_protocol(adjustment_class, {"from_", "to", "pool", "reviewed", "allowed", "rank", "reason"});

    py::class_<WorkerReview> review_class(m, "WorkerReview",
                                          "One worker's review: scores, rating, any quota adjustment, the grade clock "
                                          "and an explanation of every step.");
    field(review_class, "worker", &WorkerReview::worker, "Int id in the workforce.");
    field(review_class, "worker_id", &WorkerReview::worker_id, "Staff id.");
    field(review_class, "unit", &WorkerReview::unit, "The unit they work for.");
    field(review_class, "pool", &WorkerReview::pool, "The quota pool's unit.");
    field(review_class, "indicators", &WorkerReview::indicators, "IndicatorScores, in the scheme's order.");
    field(review_class, "score", &WorkerReview::score, "Σ contributions, rounded to score.decimals.");
    field(review_class, "score_rating", &WorkerReview::score_rating, "The band of the score.");
    field(review_class, "rating", &WorkerReview::rating, "The rating given (after the quota).");
    field(review_class, "adjustment", &WorkerReview::adjustment, "QuotaAdjustment, or None.");
    field(review_class, "wait_change_months", &WorkerReview::wait_change_months, "What the rating does to the wait.");
    field(review_class, "next_grade_date", &WorkerReview::next_grade_date, "With this rating; None without a start.");
    field(review_class, "explanation", &WorkerReview::explanation, "Every step in words, one line each.");
    add_value_protocol(review_class,
                       {"worker", "worker_id", "unit", "pool", "indicators", "score", "score_rating", "rating",
                        "adjustment", "wait_change_months", "next_grade_date", "explanation"},
                       {.repr = false, .hash = false, .pickle = false});
    review_class.def("__repr__", [](const WorkerReview& r) {
        char score[32];
        std::snprintf(score, sizeof score, "%.2f", r.score);
        return "<WorkerReview " + r.worker_id + " score " + score + " " +
               std::string(chinese_name(r.rating)) + (r.adjustment ? " (moved down by the quota)" : "") + ">";
    });

    py::class_<QuotaPool> pool_class(m, "QuotaPool", "One quota pool of a review.");
    pool_class.def(py::init([](const UnitArgument& unit, std::int64_t reviewed, std::int64_t allowed,
                               std::int64_t excellent_by_score, std::int64_t excellent, std::int64_t moved_down) {
                       return QuotaPool{to_code(unit), reviewed, allowed, excellent_by_score, excellent, moved_down};
                   }),
                   py::arg("unit"), py::arg("reviewed"), py::arg("allowed"), py::arg("excellent_by_score"),
                   py::arg("excellent"), py::arg("moved_down"));
    field(pool_class, "unit", &QuotaPool::unit, "The pool's unit.");
    field(pool_class, "reviewed", &QuotaPool::reviewed, "Workers reviewed.");
    field(pool_class, "allowed", &QuotaPool::allowed, "优秀 allowed.");
    field(pool_class, "excellent_by_score", &QuotaPool::excellent_by_score, "优秀 by score.");
    field(pool_class, "excellent", &QuotaPool::excellent, "优秀 given.");
    field(pool_class, "moved_down", &QuotaPool::moved_down, "Moved down by the quota.");
    add_value_protocol(pool_class, {"unit", "reviewed", "allowed", "excellent_by_score", "excellent", "moved_down"});

    py::class_<ReviewOutcome>(m, "ReviewOutcome", "The outcome of a review period.")
        .def_readonly("rules", &ReviewOutcome::rules, "The scheme's id.")
        .def_readonly("first", &ReviewOutcome::first, "First day of the period.")
        .def_readonly("last", &ReviewOutcome::last, "Last day of the period.")
        .def_readonly("reviews", &ReviewOutcome::reviews, "One WorkerReview per worker, by worker id.")
        .def_readonly("pools", &ReviewOutcome::pools, "One QuotaPool per pool, in code order.")
        .def("count", &ReviewOutcome::count, py::arg("rating"), "Workers given this rating.")
        .def(
            "to_pandas", [](const py::object& self) { return pandas_helper("outcome_frame")(self); },
            "One row per worker (index worker_id): unit, pool (categoricals), score, score_rating and rating (ordered "
            "categoricals, 不称职 < … < 优秀), moved_down, quota_rank, wait_change_months, next_grade_date.")
        .def(
            "scores_frame", [](const py::object& self) { return pandas_helper("scores_frame")(self); },
            "One row per worker and indicator: worker_id, indicator (categorical), evidence, value, points, weight, "
            "contribution.")
        .def("__repr__", [](const ReviewOutcome& o) {
            return "<ReviewOutcome " + o.rules + " " + to_string(o.first) + " – " + to_string(o.last) + ": " +
                   std::to_string(o.reviews.size()) + " workers, " + std::to_string(o.count(Rating::excellent)) +
                   " 优秀>";
        });

    m.def("review", &review, py::arg("rules"), py::arg("workforce"), py::arg("evidence"), py::arg("first"),
          py::arg("last"),
          "Reviews every worker of the workforce over [first, last]. InvalidInputError, naming the worker, key and "
          "where the value came from, for evidence of an unknown worker, evidence above an indicator's maximum or "
          "missing evidence; also for a bad period or a scheme not yet in force.");
}

void bind_volunteers(py::module_& m) {
    py::class_<Volunteer> volunteer_class(m, "Volunteer", "A registered volunteer (注册志愿者).");
    volunteer_class.def(py::init([](std::string id, std::string name, const UnitArgument& unit, Date registered) {
                            return Volunteer{std::move(id), std::move(name), to_code(unit), registered};
                        }),
                        py::arg("id"), py::arg("name"), py::arg("unit"), py::arg("registered"));
    field(volunteer_class, "id", &Volunteer::id, "Unique registration id.");
    field(volunteer_class, "name", &Volunteer::name, "Name.");
    field(volunteer_class, "unit", &Volunteer::unit, "Where registered.");
    field(volunteer_class, "registered", &Volunteer::registered, "Registration date.");
    add_value_protocol(volunteer_class, {"id", "name", "unit", "registered"});

    py::class_<VolunteerTeam> team_class(m, "VolunteerTeam", "A volunteer team (志愿服务队).");
    team_class.def(py::init([](std::string name, const UnitArgument& unit, Date founded) {
                       return VolunteerTeam{std::move(name), to_code(unit), founded};
                   }),
                   py::arg("name"), py::arg("unit"), py::arg("founded"));
    field(team_class, "name", &VolunteerTeam::name, "Name (unique within its unit).");
    field(team_class, "unit", &VolunteerTeam::unit, "The unit it belongs to.");
    field(team_class, "founded", &VolunteerTeam::founded, "Founding date.");
    add_value_protocol(team_class, {"name", "unit", "founded"});

    py::class_<VolunteerProject> project_class(m, "VolunteerProject",
                                               "A volunteer service project (志愿服务项目), start to end inclusive.");
    project_class.def(py::init([](std::string name, const UnitArgument& unit, Date start, std::optional<Date> end,
                                  std::optional<VolunteerTeamId> team) {
                          return VolunteerProject{std::move(name), to_code(unit), team, start, end};
                      }),
                      py::arg("name"), py::arg("unit"), py::arg("start"), py::arg("end") = py::none(),
                      py::arg("team") = py::none());
    field(project_class, "name", &VolunteerProject::name, "Name.");
    field(project_class, "unit", &VolunteerProject::unit, "The unit that runs it.");
    field(project_class, "team", &VolunteerProject::team, "The team (int id) that runs it, or None.");
    field(project_class, "start", &VolunteerProject::start, "First day.");
    field(project_class, "end", &VolunteerProject::end, "Last day, or None while running.");
    add_value_protocol(project_class, {"name", "unit", "start", "end", "team"});

    py::class_<ServiceRecord> record_class(m, "ServiceRecord", "Service by one volunteer on one day (志愿服务记录).");
    record_class.def(py::init([](VolunteerId volunteer, std::optional<VolunteerProjectId> project, Date day,
                                 double hours) { return ServiceRecord{volunteer, project, day, hours}; }),
                     py::arg("volunteer"), py::arg("project"), py::arg("day"), py::arg("hours"));
    field(record_class, "volunteer", &ServiceRecord::volunteer, "Volunteer (int id).");
    field(record_class, "project", &ServiceRecord::project, "Project (int id), or None.");
    field(record_class, "day", &ServiceRecord::day, "When.");
    field(record_class, "hours", &ServiceRecord::hours, "Service hours (0 < hours <= 24).");
    add_value_protocol(record_class, {"volunteer", "project", "day", "hours"});

    py::class_<VolunteerTotals> totals_class(
        m, "VolunteerTotals",
        "Volunteer totals of one unit over a period: registered and active volunteers, teams, projects running, "
        "service records and hours (volunteers and hours where the volunteer is registered).");
    totals_class.def(py::init([](const UnitArgument& unit, std::int64_t volunteers, std::int64_t active_volunteers,
                                 std::int64_t teams, std::int64_t projects, std::int64_t service_records, double hours) {
                         return VolunteerTotals{to_code(unit), volunteers, active_volunteers, teams, projects,
                                                service_records, hours};
                     }),
                     py::arg("unit"), py::arg("volunteers"), py::arg("active_volunteers"), py::arg("teams"),
                     py::arg("projects"), py::arg("service_records"), py::arg("hours"));
    field(totals_class, "unit", &VolunteerTotals::unit, "The unit.");
    field(totals_class, "volunteers", &VolunteerTotals::volunteers, "Registered volunteers (by the last day).");
    field(totals_class, "active_volunteers", &VolunteerTotals::active_volunteers, "Volunteers who served.");
    field(totals_class, "teams", &VolunteerTotals::teams, "Teams (founded by the last day).");
    field(totals_class, "projects", &VolunteerTotals::projects, "Projects running in the period.");
    field(totals_class, "service_records", &VolunteerTotals::service_records, "Service records.");
    field(totals_class, "hours", &VolunteerTotals::hours, "Service hours.");
    add_value_protocol(totals_class,
                       {"unit", "volunteers", "active_volunteers", "teams", "projects", "service_records", "hours"});

    py::class_<VolunteerRegistry>(m, "VolunteerRegistry",
                                  "Volunteers, teams, projects and service records of a place. Ids are ints.")
        .def(py::init<>(), "An empty registry.")
        .def("add_volunteer", &VolunteerRegistry::add_volunteer, py::arg("volunteer"),
             "Registers a Volunteer; returns its id. InvalidInputError for an empty or duplicate id.")
        .def("add_team", &VolunteerRegistry::add_team, py::arg("team"), "Adds a VolunteerTeam; returns its id.")
        .def("add_project", &VolunteerRegistry::add_project, py::arg("project"),
             "Adds a VolunteerProject; returns its id. InvalidInputError for end before start.")
        .def("join", &VolunteerRegistry::join, py::arg("volunteer"), py::arg("team"),
             "Makes a volunteer a member of a team (idempotent).")
        .def("record", &VolunteerRegistry::record, py::arg("service"),
             "Records a ServiceRecord; InvalidInputError for hours outside (0, 24], a day before registration or "
             "outside the project's dates.")
        .def(
            "record",
            [](VolunteerRegistry& r, VolunteerId volunteer, Date day, double hours,
               std::optional<VolunteerProjectId> project) { r.record(ServiceRecord{volunteer, project, day, hours}); },
            py::arg("volunteer"), py::arg("day"), py::arg("hours"), py::arg("project") = py::none(),
            "Records service from its fields.")
        .def_property_readonly("volunteers", [](const VolunteerRegistry& r) { return copy_of(r.volunteers()); },
                               "All volunteers (copies), by id.")
        .def_property_readonly("teams", [](const VolunteerRegistry& r) { return copy_of(r.teams()); },
                               "All teams (copies), by id.")
        .def_property_readonly("projects", [](const VolunteerRegistry& r) { return copy_of(r.projects()); },
                               "All projects (copies), by id.")
        .def_property_readonly("records", [](const VolunteerRegistry& r) { return copy_of(r.records()); },
                               "All service records (copies), in order recorded.")
        .def("volunteer", &VolunteerRegistry::volunteer, py::arg("id"), "The volunteer with this int id.")
        .def("find_volunteer", &VolunteerRegistry::find_volunteer, py::arg("registration_id"),
             "The int id of the volunteer with this registration id, or None.")
        .def("members", &VolunteerRegistry::members, py::arg("team"), "Member ids of a team.")
        .def("teams_of", &VolunteerRegistry::teams_of, py::arg("volunteer"), "Team ids of a volunteer.")
        .def("hours_of", &VolunteerRegistry::hours_of, py::arg("volunteer"), py::arg("first"), py::arg("last"),
             "Hours served by a volunteer in [first, last].")
        .def(
            "totals",
            [](const VolunteerRegistry& r, Date first, Date last, const DivisionTree* tree) {
                return tree != nullptr ? r.totals(*tree, first, last) : r.totals(first, last);
            },
            py::arg("first"), py::arg("last"), py::arg("tree") = py::none(),
            "VolunteerTotals over [first, last]: per unit that has anything (no tree), or for every unit of the tree "
            "over its subtree (rolled up the ladder).")
        .def(
            "totals_frame",
            [](const py::object& self, Date first, Date last, const py::object& tree) {
                return pandas_helper("volunteer_totals_frame")(self.attr("totals")(first, last, tree));
            },
            py::arg("first"), py::arg("last"), py::arg("tree") = py::none(),
            "totals() as a DataFrame indexed by unit (categorical codes).");
}

void bind_participation(py::module_& m) {
    py::class_<UnitCount> count_class(m, "UnitCount", "A count for one unit of the ladder.");
    count_class.def(py::init([](const UnitArgument& unit, std::int64_t count) { return UnitCount{to_code(unit), count}; }),
                    py::arg("unit"), py::arg("count"));
    field(count_class, "unit", &UnitCount::unit, "The unit.");
    field(count_class, "count", &UnitCount::count, "The count.");
    add_value_protocol(count_class, {"unit", "count"});

    py::class_<PartyMemberRegistration> registration_class(
        m, "PartyMemberRegistration",
        "A party member registered with the community where they live (党员回家, 到社区报到).");
    registration_class.def(py::init([](std::string member, std::string organisation, const UnitArgument& community,
                                       Date registered, std::optional<Date> ended) {
                               return PartyMemberRegistration{std::move(member), std::move(organisation),
                                                              to_code(community), registered, ended};
                           }),
                           py::arg("member"), py::arg("organisation"), py::arg("community"), py::arg("registered"),
                           py::arg("ended") = py::none());
    field(registration_class, "member", &PartyMemberRegistration::member, "Member id or name.");
    field(registration_class, "organisation", &PartyMemberRegistration::organisation,
          "The party organisation of origin (所在党组织).");
    field(registration_class, "community", &PartyMemberRegistration::community, "The village-level unit of residence.");
    field(registration_class, "registered", &PartyMemberRegistration::registered, "Registration date.");
    field(registration_class, "ended", &PartyMemberRegistration::ended, "Last day, or None.");
    registration_class.def("active_on", &PartyMemberRegistration::active_on, py::arg("on"), "True when registered on.");
    add_value_protocol(registration_class, {"member", "organisation", "community", "registered", "ended"});

    py::class_<ResidentPartyMembers>(m, "ResidentPartyMembers",
                                     "Registrations of party members with their communities of residence (党员回家).")
        .def(py::init<>(), "No registrations yet.")
        .def("add", &ResidentPartyMembers::add, py::arg("registration"),
             "Adds a registration; returns its id. InvalidInputError for a community above village level or a member "
             "registered elsewhere over overlapping dates.")
        .def("end", &ResidentPartyMembers::end, py::arg("registration"), py::arg("ended"), "Ends a registration.")
        .def_property_readonly("registrations",
                               [](const ResidentPartyMembers& r) { return copy_of(r.registrations()); },
                               "All registrations (copies), by id.")
        .def(
            "counts",
            [](const ResidentPartyMembers& r, Date on, const DivisionTree* tree) {
                return tree != nullptr ? r.counts(*tree, on) : r.counts(on);
            },
            py::arg("on"), py::arg("tree") = py::none(),
            "UnitCounts of members registered on a day: per community (no tree), or for every unit of the tree over "
            "its subtree.")
        .def("counts_by_organisation", &ResidentPartyMembers::counts_by_organisation, py::arg("on"),
             "(organisation, count) pairs of members registered on a day, by organisation name.")
        .def(
            "counts_frame",
            [](const py::object& self, Date on, const py::object& tree) {
                return pandas_helper("unit_counts_frame")(self.attr("counts")(on, tree), "party_members");
            },
            py::arg("on"), py::arg("tree") = py::none(), "counts() as a DataFrame indexed by unit.");

    bind_enum<SocialOrganisationKind>(m, "SocialOrganisationKind",
                                      "The kind of a community social organisation (common categories).",
                                      {{"LIFE_SERVICE", SocialOrganisationKind::life_service, "生活服务类"},
                                       {"PUBLIC_WELFARE", SocialOrganisationKind::public_welfare, "公益慈善类"},
                                       {"MUTUAL_AID", SocialOrganisationKind::mutual_aid, "居民互助类"},
                                       {"CULTURE_SPORTS", SocialOrganisationKind::culture_sports, "文体娱乐类"},
                                       {"MEDIATION", SocialOrganisationKind::mediation, "专业调处类"},
                                       {"OTHER", SocialOrganisationKind::other, "其他"}});
    m.def("parse_social_organisation_kind", &parse_social_organisation_kind, py::arg("text"),
          "The kind named in English or Chinese; InvalidInputError otherwise.");

    py::class_<SocialOrganisation> organisation_class(m, "SocialOrganisation",
                                                      "A community social organisation (社区社会组织).");
    organisation_class.def(py::init([](std::string name, SocialOrganisationKind kind, const UnitArgument& unit,
                                       bool incubation_site, std::int64_t households_taking_part) {
                               return SocialOrganisation{std::move(name), kind, to_code(unit), incubation_site,
                                                         households_taking_part};
                           }),
                           py::arg("name"), py::arg("kind"), py::arg("unit"), py::arg("incubation_site") = false,
                           py::arg("households_taking_part") = 0);
    field(organisation_class, "name", &SocialOrganisation::name, "Name.");
    field(organisation_class, "kind", &SocialOrganisation::kind, "SocialOrganisationKind.");
    field(organisation_class, "unit", &SocialOrganisation::unit, "The unit it serves.");
    field(organisation_class, "incubation_site", &SocialOrganisation::incubation_site,
          "It is (or runs) an incubation site (孵化场所).");
    field(organisation_class, "households_taking_part", &SocialOrganisation::households_taking_part,
          "Households taking part in it.");
    add_value_protocol(organisation_class, {"name", "kind", "unit", "incubation_site", "households_taking_part"});

    py::class_<UnitHouseholds> households_class(
        m, "UnitHouseholds", "Households of a unit and, if surveyed, the distinct households taking part.");
    households_class.def(py::init([](const UnitArgument& unit, std::int64_t households,
                                     std::optional<std::int64_t> participating_households) {
                             return UnitHouseholds{to_code(unit), households, participating_households};
                         }),
                         py::arg("unit"), py::arg("households"), py::arg("participating_households") = py::none());
    field(households_class, "unit", &UnitHouseholds::unit, "The unit.");
    field(households_class, "households", &UnitHouseholds::households, "Households.");
    field(households_class, "participating_households", &UnitHouseholds::participating_households,
          "Distinct households taking part, or None.");
    add_value_protocol(households_class, {"unit", "households", "participating_households"});
    m.def(
        "households_of",
        [](const py::iterable& chains) {
            std::vector<UnitHouseholds> out;
            for (const py::handle chain : chains) {
                const auto& c = chain.cast<const AutonomyChain&>();
                out.push_back(UnitHouseholds{c.unit(), c.households(), std::nullopt});
            }
            return out;
        },
        py::arg("chains"), "UnitHouseholds of each AutonomyChain (households summed over its groups).");

    py::class_<ParticipationShare> share_class(
        m, "ParticipationShare",
        "Organisations and the share of households taking part in one unit. participating_households is the surveyed "
        "distinct count, else the sum over organisations capped at the households (estimated=True: an upper bound).");
    share_class.def(py::init([](const UnitArgument& unit, std::int64_t organisations, std::int64_t incubation_sites,
                                std::int64_t households, std::int64_t participating_households,
                                std::optional<double> share, bool estimated) {
                        return ParticipationShare{to_code(unit), organisations, incubation_sites, households,
                                                  participating_households, share, estimated};
                    }),
                    py::arg("unit"), py::arg("organisations"), py::arg("incubation_sites"), py::arg("households"),
                    py::arg("participating_households"), py::arg("share"), py::arg("estimated"));
    field(share_class, "unit", &ParticipationShare::unit, "The unit.");
    field(share_class, "organisations", &ParticipationShare::organisations, "Organisations.");
    field(share_class, "incubation_sites", &ParticipationShare::incubation_sites, "Of which incubation sites.");
    field(share_class, "households", &ParticipationShare::households, "Households (0 when not given).");
    field(share_class, "participating_households", &ParticipationShare::participating_households,
          "Households taking part.");
    field(share_class, "share", &ParticipationShare::share, "participating / households, or None without households.");
    field(share_class, "estimated", &ParticipationShare::estimated, "True when summed over organisations somewhere.");
    add_value_protocol(share_class, {"unit", "organisations", "incubation_sites", "households",
                                     "participating_households", "share", "estimated"});

    py::class_<SocialOrganisationRegistry>(m, "SocialOrganisationRegistry",
                                           "The community social organisations of a place. Ids are ints.")
        .def(py::init<>(), "An empty registry.")
        .def("add", &SocialOrganisationRegistry::add, py::arg("organisation"),
             "Adds a SocialOrganisation; returns its id. InvalidInputError for an empty or repeated name in the unit "
             "or negative households.")
        .def_property_readonly("organisations",
                               [](const SocialOrganisationRegistry& r) { return copy_of(r.organisations()); },
                               "All organisations (copies), by id.")
        .def("organisation", &SocialOrganisationRegistry::organisation, py::arg("id"), "The organisation with this id.")
        .def(
            "participation",
            [](const SocialOrganisationRegistry& r, const HouseholdsArgument& households, const DivisionTree* tree) {
                const std::vector<UnitHouseholds> rows = households_rows(households);
                return tree != nullptr ? r.participation(*tree, rows) : r.participation(rows);
            },
            py::arg("households"), py::arg("tree") = py::none(),
            "ParticipationShares from households (UnitHouseholds rows or {code: households}): per unit (no tree), or "
            "for every unit of the tree over its subtree.")
        .def(
            "participation_frame",
            [](const py::object& self, const py::object& households, const py::object& tree) {
                return pandas_helper("participation_frame")(self.attr("participation")(households, tree));
            },
            py::arg("households"), py::arg("tree") = py::none(), "participation() as a DataFrame indexed by unit.");
}

}  // namespace

void bind_people(py::module_& m) {
    bind_review(m);
    bind_volunteers(m);
    bind_participation(m);
}

}  // namespace grassroots::python
