// Community-worker reviews (履职评估): scores pinned on hand-computed examples, band boundaries,
// the 优秀 quota with ties, the six-month grade consequence, and bad input.
#include "grassroots/people/review.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using testing::error_message;

const DivisionCode yongxing("370503102009");   // 孤岛镇永兴社区 (the seed's 崔雷鸣)
const DivisionCode gongqingtuan("370503102001");  // another community of 孤岛镇
const DivisionCode gudao("370503102");         // 孤岛镇

CommunityWorker worker(std::string id, DivisionCode unit = yongxing, std::optional<Date> grade_start = std::nullopt) {
    CommunityWorker w{std::move(id), "worker", unit};
    w.grade_start = grade_start;
    return w;
}

/// Rules with one indicator whose points are its evidence (0–100): the score is the evidence.
ReviewRules direct_rules(QuotaOptions quota = {}) {
    Indicator direct{"direct", "直接得分 direct score", "score", 1.0, Scoring::linear(0, 100), 100.0, std::nullopt,
                     RuleSource{"test", ""}, false, {}};
    return ReviewRules("direct", "test scheme", make_date(2024, 1, 1), {direct}, ReviewRules::default_parameters(),
                       std::move(quota));
}

/// Rules with a main score and an assessment, half each (for tie-breaks).
ReviewRules two_part_rules(QuotaOptions quota) {
    const RuleSource test{"test", ""};
    return ReviewRules("two-part", "test scheme", make_date(2024, 1, 1),
                       {Indicator{"main", "main", "main", 0.5, Scoring::linear(0, 100), 100.0, std::nullopt, test, false, {}},
                        Indicator{"assessment", "居民评议", "assessment", 0.5, Scoring::linear(0, 100), 100.0, std::nullopt,
                                  test, false, {}}},
                       ReviewRules::default_parameters(), std::move(quota));
}

/// A workforce of workers "w1" … in @p unit with the given direct scores.
struct Pool {
    Workforce workforce;
    ReviewEvidence evidence;
    Pool() = default;
    Pool(std::initializer_list<std::pair<std::string, double>> scores) {
        for (const auto& [id, score] : scores) add(id, score);
    }
    void add(const std::string& id, double score, DivisionCode unit = yongxing) {
        workforce.add(worker(id, unit));
        evidence.set(id, "score", score);
    }
};

const Date first = make_date(2024, 1, 1);
const Date last = make_date(2024, 12, 31);

ReviewEvidence full_evidence(const std::string& id, double cases, double on_time, double satisfaction, double training,
                             double attendance, double assessment) {
    ReviewEvidence e;
    e.set(id, "cases_handled", cases);
    e.set(id, "on_time_rate", on_time);
    e.set(id, "satisfaction_rate", satisfaction);
    e.set(id, "training_hours", training);
    e.set(id, "attendance_rate", attendance);
    e.set(id, "resident_assessment", assessment);
    return e;
}

TEST(ReviewRules, DefaultsCarryTheirSourcesAndTheSeedsSixMonths) {
    const ReviewRules rules = ReviewRules::defaults();
    EXPECT_EQ(rules.indicators().size(), 6U);
    double sum = 0;
    for (const Indicator& i : rules.indicators()) {
        sum += i.weight;
        EXPECT_FALSE(i.verified) << i.id;
    }
    EXPECT_NEAR(sum, 1.0, 1e-12);
    const Rule& six = rules.parameter(review_parameter::change_excellent);
    EXPECT_EQ(six.range().min, -6);
    EXPECT_TRUE(six.verified);
    EXPECT_THAT(six.source.law, HasSubstr("大众网, 2024-12-13"));
    EXPECT_FALSE(rules.parameter(review_parameter::excellent_quota).verified);
    EXPECT_EQ(rules.value(review_parameter::excellent_quota), 20);
    EXPECT_EQ(rules.value(review_parameter::standard_wait), 36);
    EXPECT_FALSE(rules.parameter(review_parameter::standard_wait).verified);
}

TEST(RatingNames, OneTableServesEveryName) {
    for (const EnumName<Rating>& rating : enum_names(Rating{})) {
        EXPECT_EQ(to_string(rating.value), rating.name);
        EXPECT_EQ(chinese_name(rating.value), rating.chinese);
        EXPECT_EQ(parse_rating(rating.name), rating.value);
        EXPECT_EQ(parse_rating(rating.chinese), rating.value);
    }
    EXPECT_EQ(to_string(ScoringKind::steps), "steps");
    EXPECT_EQ(to_string(QuotaRounding::nearest), "nearest");
    EXPECT_EQ(error_message<InvalidInput>([] { (void)parse_rating("good"); }),
              "unknown rating 'good' (expected excellent, competent, basically_competent, incompetent, 优秀, 称职, "
              "基本称职, 不称职)");
}

TEST(Scoring, LinearStepsAndFallingLines) {
    const Scoring rising = Scoring::linear(0.8, 1.0);
    EXPECT_EQ(rising.points(0.5), 0);
    EXPECT_EQ(rising.points(0.8), 0);
    EXPECT_NEAR(rising.points(0.9), 50, 1e-9);
    EXPECT_EQ(rising.points(1.0), 100);
    const Scoring falling = Scoring::linear(10, 0);  // complaints: fewer is better
    EXPECT_EQ(falling.points(0), 100);
    EXPECT_NEAR(falling.points(4), 60, 1e-9);
    EXPECT_EQ(falling.points(12), 0);
    const Scoring steps = Scoring::stepped({{0, 0}, {16, 60}, {32, 100}});
    EXPECT_EQ(steps.points(15.9), 0);
    EXPECT_EQ(steps.points(16), 60);
    EXPECT_EQ(steps.points(31), 60);
    EXPECT_EQ(steps.points(32), 100);
    EXPECT_EQ(steps.to_string(), "steps: ≥0 → 0, ≥16 → 60, ≥32 → 100");
    EXPECT_EQ(rising.to_string(), "linear: 0 points at 0.8, 100 at 1");
    EXPECT_THAT(error_message<InvalidInput>([] { Scoring::linear(1, 1).check("indicator 'x'"); }),
                HasSubstr("indicator 'x': a linear scoring needs zero_at ≠ full_at"));
    EXPECT_THAT(error_message<InvalidInput>([] { Scoring::stepped({{10, 50}, {5, 80}}).check("x"); }),
                HasSubstr("step thresholds must rise"));
}

TEST(Review, ScoresAHandComputedWorkerUnderTheDefaults) {
    Workforce workforce;
    workforce.add(worker("sg-0001", yongxing, make_date(2022, 1, 1)));
    // cases 30 → 75 points × 0.2 = 15; on time 0.95 → 75 × 0.2 = 15; satisfaction 0.9 → 75 × 0.2 = 15;
    // training 20 h → step 60 × 0.1 = 6; attendance 0.98 → 80 × 0.1 = 8; assessment 85 × 0.2 = 17: 76.
    const ReviewEvidence evidence = full_evidence("sg-0001", 30, 0.95, 0.9, 20, 0.98, 85);
    const ReviewOutcome outcome = review(ReviewRules::defaults(), workforce, evidence, first, last);
    ASSERT_EQ(outcome.reviews.size(), 1U);
    const WorkerReview& r = outcome.reviews[0];
    ASSERT_EQ(r.indicators.size(), 6U);
    const double points[] = {75, 75, 75, 60, 80, 85};
    const double contributions[] = {15, 15, 15, 6, 8, 17};
    for (std::size_t i = 0; i < 6; ++i) {
        EXPECT_NEAR(r.indicators[i].points, points[i], 1e-9) << r.indicators[i].indicator;
        EXPECT_NEAR(r.indicators[i].contribution, contributions[i], 1e-9) << r.indicators[i].indicator;
    }
    EXPECT_EQ(r.indicators[1].evidence, "on_time_rate");
    EXPECT_EQ(r.indicators[1].value, 0.95);
    EXPECT_DOUBLE_EQ(r.score, 76.0);
    EXPECT_EQ(r.score_rating, Rating::competent);
    EXPECT_EQ(r.rating, Rating::competent);
    EXPECT_FALSE(r.adjustment.has_value());
    EXPECT_EQ(r.wait_change_months, 0);
    EXPECT_EQ(r.next_grade_date, make_date(2025, 1, 1));  // 2022-01-01 + 36 months
    EXPECT_THAT(r.explanation, HasSubstr("on_time (按期办结率 on-time rate): evidence on_time_rate = 0.95 → 75.00 points "
                                         "(linear: 0 points at 0.8, 100 at 1) × weight 0.2 = 15.00"));
    EXPECT_THAT(r.explanation, HasSubstr("training (培训学时 training hours attended): evidence training_hours = 20 → "
                                         "60.00 points (steps: ≥0 → 0, ≥16 → 60, ≥32 → 100) × weight 0.1 = 6.00"));
    EXPECT_THAT(r.explanation, HasSubstr("score 76.00 (rounded to 2 decimals) → 称职 (competent) (from 75)"));
    EXPECT_THAT(r.explanation, HasSubstr("next grade (grade 1 → 2): 2022-01-01 + 36 months = 2025-01-01"));
}

TEST(Review, BandsIncludeTheirLowerBoundary) {
    const ReviewRules rules = direct_rules();
    EXPECT_EQ(rules.rate(90), Rating::excellent);
    EXPECT_EQ(rules.rate(89.99), Rating::competent);
    EXPECT_EQ(rules.rate(75), Rating::competent);
    EXPECT_EQ(rules.rate(74.99), Rating::basically_competent);
    EXPECT_EQ(rules.rate(60), Rating::basically_competent);
    EXPECT_EQ(rules.rate(59.99), Rating::incompetent);
    EXPECT_EQ(rules.rate(0), Rating::incompetent);
    // Through review(): weights that do not add up exactly in binary are rounded before rating.
    Pool pool{{"a", 90}, {"b", 89.99}, {"c", 60}, {"d", 59.99}, {"e", 75}};
    const ReviewOutcome outcome = review(rules, pool.workforce, pool.evidence, first, last);
    EXPECT_EQ(outcome.reviews[0].rating, Rating::excellent);
    EXPECT_EQ(outcome.reviews[1].rating, Rating::competent);
    EXPECT_EQ(outcome.reviews[2].rating, Rating::basically_competent);
    EXPECT_EQ(outcome.reviews[3].rating, Rating::incompetent);
    EXPECT_THAT(outcome.reviews[3].explanation, HasSubstr("不称职 (incompetent) (below 60)"));
    EXPECT_EQ(outcome.count(Rating::competent), 2);
}

TEST(Review, DefaultWeightsSumExactlyEnoughForAPerfectNinety) {
    Workforce workforce;
    workforce.add(worker("sg-1"));
    workforce.add(worker("sg-2"));
    // Full points everywhere but a residents' assessment of 50: 20+20+20+10+10+10 = 90 → 优秀.
    ReviewEvidence evidence = full_evidence("sg-1", 40, 1, 1, 32, 1, 50);
    evidence.merge(full_evidence("sg-2", 40, 1, 1, 32, 1, 49.95));  // 89.99 → 称职
    const ReviewOutcome outcome = review(ReviewRules::defaults(), workforce, evidence, first, last);
    EXPECT_DOUBLE_EQ(outcome.reviews[0].score, 90.0);
    EXPECT_EQ(outcome.reviews[0].score_rating, Rating::excellent);
    EXPECT_DOUBLE_EQ(outcome.reviews[1].score, 89.99);
    EXPECT_EQ(outcome.reviews[1].score_rating, Rating::competent);
}

TEST(ReviewQuota, MovesTheLowestScoredExcellentsDown) {
    Pool pool{{"w1", 95}, {"w2", 91}, {"w3", 93}, {"w4", 80}, {"w5", 70}};
    const ReviewOutcome outcome = review(direct_rules(), pool.workforce, pool.evidence, first, last);
    // 5 reviewed × 20 % = 1 优秀 allowed: w1 (95) keeps it; w3 (93, 2nd) and w2 (91, 3rd) move down.
    EXPECT_EQ(outcome.reviews[0].rating, Rating::excellent);
    EXPECT_EQ(outcome.reviews[2].rating, Rating::competent);
    EXPECT_EQ(outcome.reviews[1].rating, Rating::competent);
    EXPECT_EQ(outcome.reviews[1].score_rating, Rating::excellent);
    ASSERT_TRUE(outcome.reviews[1].adjustment.has_value());
    EXPECT_EQ(outcome.reviews[1].adjustment->rank, 3);
    EXPECT_EQ(outcome.reviews[2].adjustment->rank, 2);
    EXPECT_EQ(outcome.reviews[1].adjustment->allowed, 1);
    EXPECT_EQ(outcome.reviews[1].adjustment->reviewed, 5);
    EXPECT_EQ(outcome.reviews[1].adjustment->pool, yongxing);
    EXPECT_EQ(outcome.reviews[1].adjustment->reason,
              "pool 370503102009 allows 1 优秀 of 5 reviewed (at most 20 %, rounded down); 3 scored 优秀 and this "
              "score ranks 3rd");
    EXPECT_THAT(outcome.reviews[1].explanation, HasSubstr("quota: 优秀 (excellent) → 称职 (competent): pool 370503102009"));
    EXPECT_THAT(outcome.reviews[1].explanation, HasSubstr("rating: 称职 (competent)"));
    ASSERT_EQ(outcome.pools.size(), 1U);
    EXPECT_EQ(outcome.pools[0].excellent_by_score, 3);
    EXPECT_EQ(outcome.pools[0].excellent, 1);
    EXPECT_EQ(outcome.pools[0].moved_down, 2);
    EXPECT_EQ(outcome.count(Rating::excellent), 1);
}

TEST(ReviewQuota, WorkersTiedAtTheEdgeAreAllMovedDown) {
    Pool pool{{"w1", 95}, {"w2", 95}, {"w3", 80}, {"w4", 70}, {"w5", 60}};
    const ReviewOutcome outcome = review(direct_rules(), pool.workforce, pool.evidence, first, last);
    // One place, two tied for it: neither is picked arbitrarily, both become 称职.
    EXPECT_EQ(outcome.reviews[0].rating, Rating::competent);
    EXPECT_EQ(outcome.reviews[1].rating, Rating::competent);
    EXPECT_EQ(outcome.reviews[0].adjustment->rank, 1);
    EXPECT_THAT(outcome.reviews[0].adjustment->reason,
                HasSubstr("tied with w2 (no tie-break indicators), and workers tied at the quota's edge are all moved down"));
    EXPECT_EQ(outcome.pools[0].excellent, 0);
}

TEST(ReviewQuota, ATieBelowTheEdgeLeavesTheBetterScoreAlone) {
    Pool pool{{"w1", 99}, {"w2", 95}, {"w3", 95}};
    for (int i = 4; i <= 10; ++i) pool.add("w" + std::to_string(i), 50);
    const ReviewOutcome outcome = review(direct_rules(), pool.workforce, pool.evidence, first, last);
    // 10 × 20 % = 2 places; w2 and w3 tie for the second: w1 keeps 优秀, both 95s move down.
    EXPECT_EQ(outcome.reviews[0].rating, Rating::excellent);
    EXPECT_EQ(outcome.reviews[1].rating, Rating::competent);
    EXPECT_EQ(outcome.reviews[2].rating, Rating::competent);
    EXPECT_EQ(outcome.reviews[1].adjustment->rank, 2);
    EXPECT_EQ(outcome.reviews[2].adjustment->rank, 2);
}

TEST(ReviewQuota, TieBreakIndicatorsDecideBeforeEveryoneMovesDown) {
    QuotaOptions quota;
    quota.tie_break = {"assessment"};
    Workforce workforce;
    ReviewEvidence evidence;
    const auto add = [&](const std::string& id, double main, double assessment) {
        workforce.add(worker(id));
        evidence.set(id, "main", main);
        evidence.set(id, "assessment", assessment);
    };
    add("w1", 100, 90);  // 95
    add("w2", 90, 100);  // 95, better assessment
    add("w3", 80, 80);
    add("w4", 70, 70);
    add("w5", 60, 60);
    const ReviewOutcome outcome = review(two_part_rules(quota), workforce, evidence, first, last);
    EXPECT_EQ(outcome.reviews[1].rating, Rating::excellent);
    EXPECT_EQ(outcome.reviews[0].rating, Rating::competent);
    EXPECT_EQ(outcome.reviews[0].adjustment->rank, 2);
    EXPECT_THAT(outcome.reviews[0].adjustment->reason, HasSubstr("ranks 2nd"));
    EXPECT_THAT(outcome.reviews[0].adjustment->reason, ::testing::Not(HasSubstr("tied")));
}

TEST(ReviewQuota, RoundingAndPoolingAreConfigurable) {
    const auto excellent_given = [](QuotaOptions quota, int workers) {
        Pool pool;
        for (int i = 0; i < workers; ++i) pool.add("w" + std::to_string(i), 99 - i);
        return review(direct_rules(std::move(quota)), pool.workforce, pool.evidence, first, last).count(Rating::excellent);
    };
    QuotaOptions down, nearest, up;
    nearest.rounding = QuotaRounding::nearest;
    up.rounding = QuotaRounding::up;
    EXPECT_EQ(excellent_given(down, 8), 1);     // 1.6 → 1
    EXPECT_EQ(excellent_given(nearest, 8), 2);  // 1.6 → 2
    EXPECT_EQ(excellent_given(nearest, 7), 1);  // 1.4 → 1
    EXPECT_EQ(excellent_given(up, 7), 2);       // 1.4 → 2
    EXPECT_EQ(excellent_given(down, 4), 0);     // 0.8 → 0

    // Three in one community and two in another, all 优秀 by score.
    Pool pool{{"a1", 99}, {"a2", 98}, {"a3", 97}};
    pool.add("b1", 96, gongqingtuan);
    pool.add("b2", 95, gongqingtuan);
    const ReviewOutcome per_community = review(direct_rules(), pool.workforce, pool.evidence, first, last);
    EXPECT_EQ(per_community.count(Rating::excellent), 0);  // 3 × 20 % and 2 × 20 % both round down to 0
    EXPECT_EQ(per_community.pools.size(), 2U);
    QuotaOptions township;
    township.level = Level::township;
    const ReviewOutcome per_township = review(direct_rules(township), pool.workforce, pool.evidence, first, last);
    ASSERT_EQ(per_township.pools.size(), 1U);
    EXPECT_EQ(per_township.pools[0].unit, gudao);
    EXPECT_EQ(per_township.count(Rating::excellent), 1);
    EXPECT_EQ(per_township.reviews[0].rating, Rating::excellent);
}

TEST(ReviewQuota, CanBeLiftedByOverridingThePercentage) {
    ReviewRules rules = direct_rules();
    rules.override_parameter(review_parameter::excellent_quota, 100, "河口区: no quota in this test");
    EXPECT_EQ(rules.parameter(review_parameter::excellent_quota).override_note, "河口区: no quota in this test");
    Pool pool{{"w1", 95}, {"w2", 94}};
    EXPECT_EQ(review(rules, pool.workforce, pool.evidence, first, last).count(Rating::excellent), 2);
}

TEST(GradeClock, AnExcellentRatingShortensTheWaitBySixMonths) {
    Workforce workforce;
    workforce.add(worker("cui", yongxing, make_date(2022, 7, 1)));
    workforce.add(worker("li", yongxing, make_date(2022, 7, 1)));
    ReviewEvidence evidence;
    evidence.set("cui", "score", 96);
    evidence.set("li", "score", 80);
    ReviewRules rules = direct_rules();
    rules.override_parameter(review_parameter::excellent_quota, 50, "test");
    const ReviewOutcome outcome = review(rules, workforce, evidence, first, last);
    EXPECT_EQ(outcome.reviews[0].rating, Rating::excellent);
    EXPECT_EQ(outcome.reviews[0].wait_change_months, -6);
    EXPECT_EQ(outcome.reviews[0].next_grade_date, make_date(2025, 1, 1));  // 36 − 6 = 30 months
    EXPECT_EQ(outcome.reviews[1].next_grade_date, make_date(2025, 7, 1));  // 36 months
    EXPECT_THAT(outcome.reviews[0].explanation,
                HasSubstr("next grade (grade 1 → 2): 2022-07-01 + 36 months − 6 (优秀 this review) = 2025-01-01"));
}

TEST(GradeClock, CountsEveryRatingAtTheGradeAndClampsMonthEnds) {
    const ReviewRules rules = ReviewRules::defaults();
    const std::vector<Rating> two_excellent{Rating::excellent, Rating::competent, Rating::excellent};
    const GradeProgress progress = next_grade(rules, make_date(2021, 8, 31), two_excellent);
    EXPECT_EQ(progress.change_months, -12);
    EXPECT_EQ(progress.next_grade_date, make_date(2023, 8, 31));
    EXPECT_EQ(progress.explanation, "2021-08-31 + 36 months − 12 (2 × 优秀) = 2023-08-31");
    const GradeProgress one = next_grade(rules, make_date(2021, 8, 31), std::vector<Rating>{Rating::excellent});
    EXPECT_EQ(one.next_grade_date, make_date(2024, 2, 29));  // 30 months, 29 February in a leap year
    EXPECT_EQ(add_months(make_date(2024, 8, 31), 6), make_date(2025, 2, 28));
    EXPECT_EQ(add_months(make_date(2024, 3, 15), -3), make_date(2023, 12, 15));
    const GradeProgress earlier = next_grade(rules, make_date(2020, 1, 1), {}, -6);
    EXPECT_EQ(earlier.next_grade_date, make_date(2022, 7, 1));
    EXPECT_EQ(earlier.explanation, "2020-01-01 + 36 months − 6 (earlier reviews) = 2022-07-01");
}

TEST(GradeClock, LocalRulesCanStopTheClockForWeakRatings) {
    ReviewRules rules = ReviewRules::defaults();
    rules.override_parameter(review_parameter::change_basically_competent, 12, "a county's rule (example)");
    const GradeProgress p = next_grade(rules, make_date(2022, 1, 1), std::vector<Rating>{Rating::basically_competent});
    EXPECT_EQ(p.next_grade_date, make_date(2026, 1, 1));
    EXPECT_EQ(p.explanation, "2022-01-01 + 36 months + 12 (1 × 基本称职) = 2026-01-01");
}

TEST(ReviewRules, RefuseWeightsThatDoNotSumToOne) {
    std::vector<Indicator> indicators = ReviewRules::default_indicators();
    indicators[0].weight = 0.1;
    const std::string message = error_message<InvalidInput>(
        [&] { ReviewRules("local", "x", make_date(2024, 1, 1), indicators); });
    EXPECT_THAT(message, HasSubstr("review rules 'local': indicator weights sum to 0.9, not 1 (cases 0.1, on_time 0.2, "
                                   "satisfaction 0.2, training 0.1, attendance 0.1, resident_assessment 0.2)"));
    ReviewRules rules = ReviewRules::defaults();
    EXPECT_THAT(error_message<InvalidInput>([&] { rules.override_indicators(indicators, "local"); }),
                HasSubstr("weights sum to 0.9"));
    EXPECT_EQ(rules.indicators()[0].weight, 0.2);  // unchanged
}

TEST(ReviewRules, RefuseBadIndicatorsAndParameters) {
    std::vector<Indicator> indicators = ReviewRules::default_indicators();
    indicators[1].id = "cases";
    EXPECT_THAT(error_message<InvalidInput>([&] { ReviewRules("r", "x", make_date(2024, 1, 1), indicators); }),
                HasSubstr("lists indicator 'cases' twice"));
    indicators = ReviewRules::default_indicators();
    indicators[2].weight = -0.2;
    EXPECT_THAT(error_message<InvalidInput>([&] { ReviewRules("r", "x", make_date(2024, 1, 1), indicators); }),
                HasSubstr("indicator 'satisfaction': weight -0.2 is not in (0, 1]"));

    ReviewRules rules = ReviewRules::defaults();
    EXPECT_THAT(error_message<InvalidInput>(
                    [&] { rules.override_parameter(review_parameter::competent_min, 95, "local"); }),
                HasSubstr("rating bands must descend: 优秀 from 90, 称职 from 95, 基本称职 from 60"));
    EXPECT_THAT(error_message<InvalidInput>([&] { rules.override_parameter(review_parameter::excellent_quota, 120, "x"); }),
                HasSubstr("parameter 'quota.excellent_percent': 120 is not in 0–100"));
    EXPECT_THAT(error_message<InvalidInput>([&] { rules.override_parameter(review_parameter::excellent_quota, 10, ""); }),
                HasSubstr("needs a note"));
    EXPECT_THAT(error_message<NotFound>([&] { rules.override_parameter("quota.nope", 10, "x"); }),
                HasSubstr("no parameter 'quota.nope'"));
    EXPECT_EQ(rules.value(review_parameter::competent_min), 75);  // unchanged

    std::vector<Rule> parameters = ReviewRules::default_parameters();
    parameters.pop_back();
    EXPECT_THAT(error_message<InvalidInput>(
                    [&] { ReviewRules("r", "x", make_date(2024, 1, 1), ReviewRules::default_indicators(), parameters); }),
                HasSubstr("lacks parameter 'grade.wait_change.incompetent'"));
    QuotaOptions quota;
    quota.tie_break = {"charisma"};
    EXPECT_THAT(error_message<InvalidInput>([&] { rules.set_quota(quota); }),
                HasSubstr("quota tie-break names unknown indicator 'charisma'"));
}

TEST(ReviewEvidence, RefusesNegativeAndDuplicateValues) {
    ReviewEvidence evidence;
    EXPECT_EQ(error_message<InvalidInput>([&] { evidence.set("sg-1", "cases_handled", -1); }),
              "evidence 'cases_handled' of community worker 'sg-1' is -1; evidence must be a finite number ≥ 0");
    evidence.set("sg-1", "cases_handled", 3);
    EXPECT_THAT(error_message<InvalidInput>([&] { evidence.set("sg-1", "cases_handled", 4); }), HasSubstr("given twice"));
    ReviewEvidence other;
    other.set("sg-2", "cases_handled", 1);
    other.set("sg-1", "cases_handled", 5);
    EXPECT_THAT(error_message<InvalidInput>([&] { evidence.merge(other); }), HasSubstr("'sg-1' is given twice"));
    EXPECT_EQ(evidence.size(), 1U);  // all or nothing
}

TEST(ReviewEvidence, ParsesWideCsvAndNamesRowAndColumnOfABadCell) {
    const ReviewEvidence evidence = ReviewEvidence::parse_csv(
        "worker,cases_handled,on_time_rate\n"
        "sg-1,12,0.9\n"
        "sg-2,3,\n",
        "evidence.csv");
    EXPECT_EQ(evidence.size(), 3U);
    EXPECT_EQ(evidence.find("sg-1", "on_time_rate"), 0.9);
    EXPECT_FALSE(evidence.find("sg-2", "on_time_rate").has_value());
    EXPECT_EQ(evidence.entry("sg-2", "cases_handled")->where.to_string(), "evidence.csv, row 3, field 'cases_handled'");
    EXPECT_EQ(error_message<InvalidInput>([] {
                  (void)ReviewEvidence::parse_csv("worker,cases_handled\nsg-1,-2\n", "evidence.csv");
              }),
              "evidence.csv, row 2, field 'cases_handled': evidence 'cases_handled' of community worker 'sg-1' is -2; "
              "evidence must be a finite number ≥ 0");
    EXPECT_EQ(error_message<InvalidInput>([] {
                  (void)ReviewEvidence::parse_csv("worker,cases_handled\nsg-1,many\n", "evidence.csv");
              }),
              "evidence.csv, row 2, field 'cases_handled': 'many' is not a number");
    EXPECT_THAT(error_message<InvalidInput>([] { (void)ReviewEvidence::parse_csv("id,cases\n", "e.csv"); }),
                HasSubstr("header has no column 'worker'"));
}

TEST(Review, RefusesEvidenceForAnUnknownWorkerNamingWhere) {
    Workforce workforce;
    workforce.add(worker("sg-1"));
    const ReviewEvidence evidence =
        ReviewEvidence::parse_csv("worker,score\nsg-1,80\nsg-9,70\n", "evidence.csv");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)review(direct_rules(), workforce, evidence, first, last); }),
              "evidence.csv, row 3, field 'score': evidence 'score' is for community worker 'sg-9', who is not in the "
              "workforce");
}

TEST(Review, RefusesMissingAndOutOfRangeEvidence) {
    Workforce workforce;
    workforce.add(CommunityWorker{"sg-1", "张三", yongxing});
    ReviewEvidence evidence = full_evidence("sg-1", 30, 95, 0.9, 20, 0.98, 85);  // 95 %, not 0.95
    EXPECT_EQ(error_message<InvalidInput>(
                  [&] { (void)review(ReviewRules::defaults(), workforce, evidence, first, last); }),
              "evidence 'on_time_rate' of community worker 'sg-1' (张三) is 95, above the maximum 1 of indicator "
              "'on_time' (a share: give 0.95, not 95)");
    ReviewEvidence partial;
    partial.set("sg-1", "cases_handled", 3);
    EXPECT_EQ(error_message<InvalidInput>(
                  [&] { (void)review(ReviewRules::defaults(), workforce, partial, first, last); }),
              "community worker 'sg-1' (张三) has no evidence 'on_time_rate' for indicator 'on_time'");
}

TEST(Review, MissingEvidenceCanScoreByRule) {
    std::vector<Indicator> indicators = ReviewRules::default_indicators();
    indicators[1].points_if_missing = 60;  // no case handled: the on-time indicator scores 60
    ReviewRules rules("local", "x", make_date(2024, 1, 1), indicators);
    Workforce workforce;
    workforce.add(worker("sg-1"));
    ReviewEvidence evidence = full_evidence("sg-1", 0, 0, 0.9, 20, 0.98, 85);
    ReviewEvidence without;
    for (const EvidenceValue& v : evidence.values()) {
        if (v.key != "on_time_rate") without.set(v.worker, v.key, v.value);
    }
    const ReviewOutcome outcome = review(rules, workforce, without, first, last);
    EXPECT_FALSE(outcome.reviews[0].indicators[1].value.has_value());
    EXPECT_EQ(outcome.reviews[0].indicators[1].points, 60);
    EXPECT_THAT(outcome.reviews[0].explanation,
                HasSubstr("no evidence on_time_rate → 60.00 points (the rule for missing evidence)"));
    // 0 + 12 + 15 + 6 + 8 + 17
    EXPECT_DOUBLE_EQ(outcome.reviews[0].score, 58.0);
}

TEST(Review, RefusesABadPeriodAndRulesNotYetInForce) {
    Workforce workforce;
    ReviewEvidence evidence;
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)review(direct_rules(), workforce, evidence, last, first); }),
                HasSubstr("the period starts on 2024-12-31, after it ends on 2024-01-01"));
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  (void)review(direct_rules(), workforce, evidence, make_date(2023, 1, 1), make_date(2023, 12, 31));
              }),
              "review rules 'direct' take effect on 2024-01-01, after the review period ends on 2023-12-31");
}

TEST(Workforce, ParsesCsvWithOptionalColumnsAndNamesBadRows) {
    const Workforce workforce = Workforce::parse_csv(
        "id,name,unit,grade,grade_start,actor\n"
        "sg-1,崔雷鸣,370503102009,3,2022-07-01,wg-1\n"
        "sg-2,李四,370503102001,,,\n",
        "workers.csv");
    ASSERT_EQ(workforce.size(), 2U);
    const CommunityWorker& cui = workforce.worker(workforce.at("sg-1"));
    EXPECT_EQ(cui.grade, 3);
    EXPECT_EQ(cui.grade_start, make_date(2022, 7, 1));
    EXPECT_EQ(cui.actor, "wg-1");
    EXPECT_EQ(workforce.worker(CommunityWorkerId{1}).grade, 1);
    EXPECT_FALSE(workforce.worker(CommunityWorkerId{1}).grade_start.has_value());
    EXPECT_THAT(error_message<NotFound>([&] { (void)workforce.at("sg-9"); }), HasSubstr("no community worker 'sg-9'"));
    EXPECT_EQ(error_message<InvalidInput>([] {
                  (void)Workforce::parse_csv("id,name,unit\nsg-1,a,370503102009\nsg-1,b,370503102009\n", "w.csv");
              }),
              "w.csv, row 3, field 'id': community worker 'sg-1' is already in the workforce");
    EXPECT_THAT(error_message<InvalidInput>([] { (void)Workforce::parse_csv("id,name,unit\nsg-1,a,3705x\n", "w.csv"); }),
                HasSubstr("w.csv, row 2, field 'unit'"));
    EXPECT_EQ(error_message<InvalidInput>([] {
                  (void)Workforce::parse_csv("id,name,unit,grade_start\nsg-1,a,370503102009,2022-02-30\n", "w.csv");
              }),
              "w.csv, row 2, field 'grade_start': date 2022-02-30 does not exist");
}

TEST(Ratings, HaveEnglishAndChineseNames) {
    EXPECT_EQ(to_string(Rating::basically_competent), "basically_competent");
    EXPECT_EQ(chinese_name(Rating::basically_competent), "基本称职");
    EXPECT_EQ(parse_rating("优秀"), Rating::excellent);
    EXPECT_EQ(parse_rating("incompetent"), Rating::incompetent);
    EXPECT_THAT(error_message<InvalidInput>([] { (void)parse_rating("good"); }), HasSubstr("unknown rating 'good'"));
}

}  // namespace
}  // namespace grassroots
