// The review's vocabulary: Rating, ScoringKind and QuotaRounding (from their name tables), ScoringStep,
// Scoring, Indicator and QuotaOptions.
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "grassroots/people/review.hpp"
#include "casters.hpp"
#include "people/people.hpp"
#include "people/support.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_review_enums(py::module_& m) {
    bind_enum<Rating>(m, "Rating", "The rating (等次) a review gives.");
    m.def("parse_rating", &parse_rating, py::arg("text"),
          "The rating named in English ('excellent') or Chinese ('优秀'); InvalidInputError otherwise.");
    bind_enum<ScoringKind>(m, "ScoringKind", "How an indicator turns its evidence into points.");
    bind_enum<QuotaRounding>(m, "QuotaRounding", "How the 优秀 quota rounds a share of a pool to whole workers.");
}

void bind_scoring(py::module_& m) {
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
}

}  // namespace grassroots::python
