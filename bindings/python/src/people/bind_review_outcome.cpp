// The outcome of a review: indicator scores, quota adjustments and pools, worker reviews, and review().
// ReviewOutcome.to_pandas and scores_frame are Python (grassroots/people/_pandas.py).
#include <pybind11/stl.h>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "grassroots/people/review.hpp"
#include "casters.hpp"
#include "people/people.hpp"
#include "people/support.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_review_outcome(py::module_& m) {
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

}  // namespace grassroots::python
