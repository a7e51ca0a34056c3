// Review evidence from the case engine: cases handled and the on-time rate per community worker,
// then a review that reads them.
#include "grassroots/people/case_evidence.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "grassroots/workflow/builtin.hpp"
#include "grassroots/workflow/engine.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using std::chrono::hours;
using std::chrono::minutes;
using testing::error_message;

const DivisionCode jinyuan("370502005066");  // 锦苑社区
const DivisionCode shengli("370502005");     // 胜利街道

Instant at(int month, int day, int hour, int minute = 0) {
    return china_time(make_date(2026, month, day), hours(hour) + minutes(minute));
}

/// The urban loop with two handlers who are community workers ("hd-1", "hd-2").
struct Fixture {
    CaseEngine engine{Calendar::china(), EngineOptions{.jurisdiction = DivisionCode::parse("370502")}};  // 东营区
    ActorId reporter, supervisor, checker, commander, first_handler, second_handler;

    Fixture() {
        engine.add_workflow(urban_management());
        reporter = engine.add_actor({"wg-1", "网格员", {"grid_worker"}, jinyuan, "", ""});
        supervisor = engine.add_actor({"sv-1", "监督员", {"supervision_centre"}, shengli, "", ""});
        checker = engine.add_actor({"sv-2", "核查员", {"supervision_centre"}, std::nullopt, "", ""});
        commander = engine.add_actor({"cc-1", "指挥中心", {"command_centre"}, std::nullopt, "", ""});
        first_handler = engine.add_actor({"hd-1", "社区工作者 甲", {"department"}, std::nullopt, "", "锦苑社区"});
        second_handler = engine.add_actor({"hd-2", "社区工作者 乙", {"department"}, std::nullopt, "", "锦苑社区"});
    }

    /// Files a case, dispatches it at @p dispatched and has @p handler complete it at @p done.
    void handled(Instant dispatched, ActorId handler, Instant done) {
        CaseInput input;
        input.matter = "event:0502";
        input.workflow = "urban_management";
        input.unit = jinyuan;
        const CaseId id = engine.open(input, reporter, dispatched - hours(2));
        engine.take(id, "submit", supervisor, dispatched - hours(1),
                    {{"location", "x"}, {"category", "y"}, {"description", "z"}});
        engine.take(id, "accept", commander, dispatched - minutes(30));
        engine.take(id, "dispatch", commander, dispatched, {{"department", "锦苑社区"}});
        engine.take(id, "complete", handler, done, {{"result", "done"}});
    }
};

Workforce workers() {
    Workforce workforce;
    CommunityWorker a{"sg-1", "甲", jinyuan};
    a.actor = "hd-1";
    CommunityWorker b{"sg-2", "乙", jinyuan};
    b.actor = "hd-2";
    CommunityWorker c{"sg-3", "丙", jinyuan};  // acts in no engine
    workforce.add(a);
    workforce.add(b);
    workforce.add(c);
    return workforce;
}

TEST(CaseEvidence, CountsCasesHandledAndOnTimeInThePeriod) {
    Fixture f;
    // Dispatched Wednesday 30 September: due 13 October 17:30 (5 working days across National Day).
    f.handled(at(9, 30, 10), f.first_handler, at(10, 9, 9));     // on time
    f.handled(at(9, 30, 10), f.first_handler, at(10, 13, 17, 30));  // on time, at the due minute
    f.handled(at(9, 30, 10), f.first_handler, at(10, 14, 9));    // late
    f.handled(at(9, 30, 10), f.first_handler, at(11, 2, 9));     // late, and handled outside October
    const ReviewEvidence evidence =
        evidence_from_cases(f.engine, workers(), make_date(2026, 10, 1), make_date(2026, 10, 31));
    EXPECT_EQ(evidence.find("sg-1", "cases_handled"), 3.0);
    EXPECT_EQ(evidence.find("sg-1", "cases_on_time"), 2.0);
    EXPECT_NEAR(*evidence.find("sg-1", "on_time_rate"), 2.0 / 3.0, 1e-12);
    // A worker in the engine who handled nothing: zero counts and no rate.
    EXPECT_EQ(evidence.find("sg-2", "cases_handled"), 0.0);
    EXPECT_FALSE(evidence.find("sg-2", "on_time_rate").has_value());
    // A worker without an actor id gets nothing.
    EXPECT_FALSE(evidence.find("sg-3", "cases_handled").has_value());
    EXPECT_EQ(evidence.size(), 5U);
}

TEST(CaseEvidence, FeedsAReviewTogetherWithHandEnteredEvidence) {
    Fixture f;
    f.handled(at(9, 30, 10), f.first_handler, at(10, 9, 9));
    f.handled(at(9, 30, 10), f.second_handler, at(10, 14, 9));
    Workforce workforce;
    CommunityWorker a{"sg-1", "甲", jinyuan};
    a.actor = "hd-1";
    CommunityWorker b{"sg-2", "乙", jinyuan};
    b.actor = "hd-2";
    workforce.add(a);
    workforce.add(b);
    ReviewEvidence evidence = evidence_from_cases(f.engine, workforce, make_date(2026, 1, 1), make_date(2026, 12, 31));
    evidence.merge(ReviewEvidence::parse_csv(
        "worker,satisfaction_rate,training_hours,attendance_rate,resident_assessment\n"
        "sg-1,0.9,32,1,80\n"
        "sg-2,0.9,32,1,80\n",
        "ratings.csv"));
    ReviewRules rules = ReviewRules::defaults();
    const ReviewOutcome outcome = review(rules, workforce, evidence, make_date(2026, 1, 1), make_date(2026, 12, 31));
    // sg-1: 1 case → 2.5 × 0.2 = 0.5; on time 1 → 20; 15 + 10 + 10 + 16 = 71.5.
    EXPECT_DOUBLE_EQ(outcome.reviews[0].score, 71.5);
    // sg-2: the same but late: on-time rate 0 → 0 points: 51.5.
    EXPECT_DOUBLE_EQ(outcome.reviews[1].score, 51.5);
    EXPECT_EQ(outcome.reviews[1].rating, Rating::incompetent);
}

TEST(CaseEvidence, HandledCaseRowsCountTheSameWay) {
    const std::vector<HandledCase> cases{
        {"hd-1", at(10, 9, 9), at(10, 13, 17, 30)},   // on time
        {"hd-1", at(10, 14, 9), at(10, 13, 17, 30)},  // late
        {"hd-1", at(10, 15, 9), std::nullopt},         // no deadline: on time
        {"hd-9", at(10, 15, 9), std::nullopt},         // not a worker: ignored
        {"hd-2", china_time(make_date(2026, 9, 30), hours(23) + minutes(59)), std::nullopt},  // 30 September in CST
    };
    const ReviewEvidence evidence =
        evidence_from_handled_cases(cases, workers(), make_date(2026, 10, 1), make_date(2026, 10, 31));
    EXPECT_EQ(evidence.find("sg-1", "cases_handled"), 3.0);
    EXPECT_EQ(evidence.find("sg-1", "cases_on_time"), 2.0);
    EXPECT_EQ(evidence.find("sg-2", "cases_handled"), 0.0);
}

TEST(CaseEvidence, RefusesUnknownActorsAndBadPeriods) {
    Fixture f;
    Workforce workforce;
    CommunityWorker a{"sg-1", "甲", jinyuan};
    a.actor = "hd-9";
    workforce.add(a);
    EXPECT_EQ(error_message<NotFound>([&] {
                  (void)evidence_from_cases(f.engine, workforce, make_date(2026, 1, 1), make_date(2026, 12, 31));
              }),
              "community worker 'sg-1' names actor 'hd-9', which the case engine does not have");
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)evidence_from_cases(f.engine, workers(), make_date(2026, 12, 1), make_date(2026, 1, 1));
                }),
                HasSubstr("case evidence: the period starts on 2026-12-01"));
    Workforce twice = workers();
    CommunityWorker d{"sg-4", "丁", jinyuan};
    d.actor = "hd-1";
    twice.add(d);
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)evidence_from_cases(f.engine, twice, make_date(2026, 1, 1), make_date(2026, 12, 31));
                }),
                HasSubstr("community workers 'sg-1' and 'sg-4' both name actor 'hd-1'"));
}

}  // namespace
}  // namespace grassroots
