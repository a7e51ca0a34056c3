// Consultation meetings, meetings and their votes, review schemes and grid re-division plans through
// the store: each reloads identical (field by field), unchanged saves write nothing, concurrent edits
// conflict, and wrong kinds, wrong chains or rule sets and corrupted payloads are clear errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "grassroots/autonomy/consultation.hpp"
#include "grassroots/autonomy/meeting.hpp"
#include "grassroots/autonomy/rules.hpp"
#include "grassroots/error.hpp"
#include "grassroots/grid/redivision.hpp"
#include "grassroots/people/review.hpp"
#include "grassroots/store/objects.hpp"
#include "store/objects_fixture.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using testing::error_message;

class MeetingsAndPlansTest : public testing::ObjectsFixture {};
GRASSROOTS_ON_BOTH_ENGINES(MeetingsAndPlansTest);

Date day(int year, unsigned month, unsigned d) { return make_date(year, month, d); }

const DivisionCode jinyuan("370502005066");  // 锦苑社区

// A residents' committee of two groups with 40 adults each, all registered.
AutonomyChain residents_chain() {
    AutonomyChain chain(CommitteeKind::residents, jinyuan, "锦苑社区居民委员会", day(2021, 6, 1));
    const GroupId groups[] = {chain.add_group("第一居民小组", 20, 40), chain.add_group("第二居民小组", 20, 40)};
    for (int i = 0; i < 80; ++i) {
        (void)chain.add_person(Person{.name = "居民" + std::to_string(i),
                                      .sex = i % 2 == 0 ? Sex::female : Sex::male,
                                      .birth_date = day(1970 + i % 30, 3, 1),
                                      .group = groups[i % 2],
                                      .household = static_cast<std::uint32_t>(i),
                                      .party_member = i % 7 == 0});
    }
    return chain;
}

std::vector<PersonId> people(std::uint32_t first, std::uint32_t count) {
    std::vector<PersonId> out;
    for (std::uint32_t i = first; i < first + count; ++i) out.push_back(PersonId(i));
    return out;
}

ConsultationMeeting consultation(const AutonomyChain& chain) {
    ConsultationMeeting meeting(chain, "加装电梯议事会", day(2024, 3, 5), people(0, 6));
    const std::size_t lift = meeting.decide(chain, "3号楼加装电梯：征求全体住户意见", PersonId(1), day(2024, 4, 30));
    const std::size_t parking = meeting.decide(chain, "规划非机动车停放点", PersonId(2), day(2024, 3, 31));
    (void)meeting.decide(chain, "每月公示进度", PersonId(3), day(2024, 12, 31));
    meeting.follow_up(lift, DecisionStatus::in_progress, day(2024, 3, 10), "已发放意见表");
    meeting.follow_up(lift, DecisionStatus::in_progress, day(2024, 4, 1), "回收 42 份");
    meeting.follow_up(lift, DecisionStatus::done, day(2024, 4, 28), "同意率 92%");
    meeting.follow_up(parking, DecisionStatus::cancelled, day(2024, 3, 20), "并入小区改造");
    return meeting;
}

void expect_same(const ConsultationMeeting& a, const ConsultationMeeting& b) {
    EXPECT_EQ(a.topic(), b.topic());
    EXPECT_EQ(a.date(), b.date());
    EXPECT_EQ(a.unit(), b.unit());
    EXPECT_EQ(a.chain_name(), b.chain_name());
    EXPECT_TRUE(std::ranges::equal(a.participants(), b.participants()));
    ASSERT_EQ(a.decisions().size(), b.decisions().size());
    for (std::size_t i = 0; i < a.decisions().size(); ++i) {
        const ConsultationDecision &x = a.decisions()[i], &y = b.decisions()[i];
        EXPECT_EQ(x.text, y.text);
        EXPECT_EQ(x.owner, y.owner);
        EXPECT_EQ(x.due, y.due);
        EXPECT_EQ(x.status, y.status);
        ASSERT_EQ(x.history.size(), y.history.size());
        for (std::size_t h = 0; h < x.history.size(); ++h) {
            EXPECT_EQ(x.history[h].date, y.history[h].date);
            EXPECT_EQ(x.history[h].status, y.history[h].status);
            EXPECT_EQ(x.history[h].note, y.history[h].note);
        }
    }
}

// ---- consultation meetings -------------------------------------------------------------------------

TEST_P(MeetingsAndPlansTest, ConsultationMeetingsReloadIdenticalOverTheirChain) {
    AutonomyChain chain = residents_chain();
    ASSERT_EQ(save(store(), "chain", chain, "民政局"), 1);
    ConsultationMeeting meeting = consultation(chain);
    EXPECT_EQ(save(store(), "consult-1", meeting, "chain", "社区 王芳"), 1);
    expect_same(load_consultation(store(), "consult-1", chain), meeting);
    EXPECT_EQ(load_consultation(store(), "consult-1", chain).decisions()[0].status, DecisionStatus::done);
    EXPECT_EQ(store().read_stream("consult-1").front().type, "consultation_saved");

    // Unchanged: nothing written; a follow-up later: version 2, version 1 kept.
    const std::int64_t position = store().last_position();
    EXPECT_EQ(save(store(), "consult-1", meeting, "chain", "社区 王芳", 1), 1);
    EXPECT_EQ(store().last_position(), position);
    meeting.follow_up(2, DecisionStatus::in_progress, day(2024, 5, 1), "四月已公示");
    EXPECT_EQ(save(store(), "consult-1", meeting, "chain", "社区 王芳", 1), 2);
    expect_same(load_consultation(store(), "consult-1", chain), meeting);
    EXPECT_EQ(load_consultation(store(), "consult-1", chain, 1).decisions()[2].history.size(), 0U);

    // A later version of the chain (people added) still loads it: the ids name the same people.
    (void)chain.add_person(Person{.name = "新居民",
                                  .sex = Sex::male,
                                  .birth_date = day(1990, 1, 1),
                                  .group = std::nullopt,
                                  .household = 0,
                                  .party_member = false});
    ASSERT_EQ(save(store(), "chain", chain, "民政局"), 2);
    expect_same(load_consultation(store(), "consult-1", load_autonomy_chain(store(), "chain")), meeting);
}

TEST_P(MeetingsAndPlansTest, ConsultationMeetingsNeedTheirChain) {
    const AutonomyChain chain = residents_chain();
    const ConsultationMeeting meeting = consultation(chain);
    EXPECT_THAT(error_message<NotFound>([&] { (void)save(store(), "consult", meeting, "chain", "a"); }),
                HasSubstr("no stream 'chain'"));
    ASSERT_EQ(save(store(), "chain", chain, "a"), 1);
    AutonomyChain other(CommitteeKind::residents, DivisionCode("370502005067"), "别的社区居民委员会", day(2021, 6, 1));
    (void)other.add_person(Person{.name = "甲",
                                  .sex = Sex::male,
                                  .birth_date = day(1980, 1, 1),
                                  .group = std::nullopt,
                                  .household = 0,
                                  .party_member = false});
    ASSERT_EQ(save(store(), "other-chain", other, "a"), 1);
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)save(store(), "consult", meeting, "other-chain", "a"); }),
                HasSubstr("not in the chain of stream 'other-chain'"));
    EXPECT_EQ(store().stream_version("consult"), 0);

    ASSERT_EQ(save(store(), "consult", meeting, "chain", "a"), 1);
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_consultation(store(), "consult", other); }),
                HasSubstr("stream 'consult' version 1: it was held in 锦苑社区居民委员会 (370502005066; chain stream "
                          "'chain'), not in the chain given, 别的社区居民委员会 (370502005067)"));
    // The same committee whose people were registered in another order: the names disagree.
    AutonomyChain reordered(CommitteeKind::residents, jinyuan, "锦苑社区居民委员会", day(2021, 6, 1));
    for (const Group& g : chain.groups()) (void)reordered.add_group(g.name, g.households, g.adult_residents);
    for (int i = 79; i >= 0; --i) (void)reordered.add_person(chain.people()[static_cast<std::size_t>(i)]);
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_consultation(store(), "consult", reordered); }),
                HasSubstr("person 0 is 居民79 in the chain given, not 居民0"));
}

// ---- meetings and their votes ----------------------------------------------------------------------

MeetingRecord assembly(std::uint32_t present, std::uint32_t for_) {
    return MeetingRecord{.kind = MeetingKind::residents_meeting,
                         .base = AttendanceBase::all_adults,
                         .date = day(2024, 6, 1),
                         .motion = "同意使用公共收益改造健身广场",
                         .attendees = people(0, present),
                         .votes_for = people(0, for_)};
}

void expect_same(const MeetingRecord& a, const MeetingRecord& b) {
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.base, b.base);
    EXPECT_EQ(a.date, b.date);
    EXPECT_EQ(a.motion, b.motion);
    EXPECT_EQ(a.attendees, b.attendees);
    EXPECT_EQ(a.votes_for, b.votes_for);
}

void expect_same(const MeetingResult& a, const MeetingResult& b) {
    EXPECT_EQ(a.base, b.base);
    EXPECT_EQ(a.present, b.present);
    EXPECT_EQ(a.required_present, b.required_present);
    EXPECT_EQ(a.quorate, b.quorate);
    EXPECT_EQ(a.votes_for, b.votes_for);
    EXPECT_EQ(a.required_votes, b.required_votes);
    EXPECT_EQ(a.passed, b.passed);
    EXPECT_EQ(a.quorum_rule, b.quorum_rule);
    EXPECT_EQ(a.decision_rule, b.decision_rule);
    EXPECT_EQ(a.rules_verified, b.rules_verified);
    EXPECT_EQ(a.explanation, b.explanation);
}

TEST_P(MeetingsAndPlansTest, MeetingsReloadWithTheirVotesAndResults) {
    const AutonomyChain chain = residents_chain();
    ASSERT_EQ(save(store(), "chain", chain, "a"), 1);
    const RuleBook book = RuleBook::china();
    const RuleSet& rules = book.in_force(CommitteeKind::residents, day(2024, 6, 1));
    const std::vector<std::pair<std::uint32_t, std::uint32_t>> present_and_for{{41, 21}, {41, 20}, {40, 40}};
    for (const auto& [present, votes] : present_and_for) {
        const std::string id = "meeting-" + std::to_string(present) + "-" + std::to_string(votes);
        const MeetingRecord record = assembly(present, votes);
        EXPECT_EQ(save(store(), id, record, "chain", rules, "社区 王芳"), 1);
        const StoredMeeting loaded = load_meeting(store(), id, chain, rules);
        expect_same(loaded.record, record);
        expect_same(loaded.result, hold_meeting(chain, rules, record));
        EXPECT_EQ(loaded.result.present, static_cast<std::int64_t>(present));
        EXPECT_EQ(loaded.result.votes_for, static_cast<std::int64_t>(votes));
    }
    EXPECT_TRUE(load_meeting(store(), "meeting-41-21", chain, rules).result.passed);
    EXPECT_FALSE(load_meeting(store(), "meeting-41-20", chain, rules).result.passed);
    EXPECT_FALSE(load_meeting(store(), "meeting-40-40", chain, rules).result.quorate);
    // Unchanged: nothing written; a concurrent correction conflicts.
    const std::int64_t position = store().last_position();
    EXPECT_EQ(save(store(), "meeting-41-21", assembly(41, 21), "chain", rules, "a"), 1);
    EXPECT_EQ(store().last_position(), position);
    EXPECT_EQ(save(store(), "meeting-41-21", assembly(41, 22), "chain", rules, "a", 1), 2);
    EXPECT_THAT(error_message<RuleViolation>([&] {
                    (void)save(store(), "meeting-41-21", assembly(42, 22), "chain", rules, "b", 1);
                }),
                HasSubstr("expected version 1, but the stream is at version 2"));
}

TEST_P(MeetingsAndPlansTest, MeetingsAreCheckedAgainstTheirChainAndRules) {
    const AutonomyChain chain = residents_chain();
    ASSERT_EQ(save(store(), "chain", chain, "a"), 1);
    RuleBook book = RuleBook::china();
    const RuleSet& rules = book.in_force(CommitteeKind::residents, day(2024, 6, 1));
    // A record hold_meeting refuses (a voter not present) is not saved.
    MeetingRecord bad = assembly(41, 21);
    bad.votes_for.push_back(PersonId(60));
    EXPECT_THROW((void)save(store(), "meeting", bad, "chain", rules, "a"), InvalidInput);
    EXPECT_EQ(store().stream_version("meeting"), 0);

    ASSERT_EQ(save(store(), "meeting", assembly(41, 21), "chain", rules, "a"), 1);
    const RuleSet& later = book.in_force(CommitteeKind::residents, day(2026, 6, 1));
    ASSERT_NE(later.id(), rules.id());
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_meeting(store(), "meeting", chain, later); }),
                HasSubstr("stream 'meeting' version 1: the meeting was decided under the rules '" + rules.id() +
                          "', not '" + later.id() + "' given"));
    // The same edition with its quorum overridden since decides differently: refused, naming the field.
    RuleSet changed = rules;
    changed.override_threshold("meeting.quorum", Threshold{2, 3, false}, "本地规定");
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_meeting(store(), "meeting", chain, changed); }),
                HasSubstr("stream 'meeting' version 1: the stored result differs from the one the chain and rules "
                          "given decide: required_present is 41 stored, 54 decided again"));
}

// ---- review schemes --------------------------------------------------------------------------------

void expect_same(const Rule& a, const Rule& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.summary, b.summary);
    EXPECT_EQ(a.value, b.value);
    EXPECT_EQ(a.source.law, b.source.law);
    EXPECT_EQ(a.source.article, b.source.article);
    EXPECT_EQ(a.verified, b.verified);
    EXPECT_EQ(a.override_note, b.override_note);
}

void expect_same(const ReviewRules& a, const ReviewRules& b) {
    EXPECT_EQ(a.id(), b.id());
    EXPECT_EQ(a.title(), b.title());
    EXPECT_EQ(a.effective_from(), b.effective_from());
    EXPECT_EQ(a.quota(), b.quota());
    ASSERT_EQ(a.indicators().size(), b.indicators().size());
    for (std::size_t i = 0; i < a.indicators().size(); ++i) {
        const Indicator &x = a.indicators()[i], &y = b.indicators()[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.evidence, y.evidence);
        EXPECT_EQ(x.weight, y.weight);
        EXPECT_EQ(x.scoring, y.scoring);
        EXPECT_EQ(x.evidence_max, y.evidence_max);
        EXPECT_EQ(x.points_if_missing, y.points_if_missing);
        EXPECT_EQ(x.source.law, y.source.law);
        EXPECT_EQ(x.source.article, y.source.article);
        EXPECT_EQ(x.verified, y.verified);
        EXPECT_EQ(x.override_note, y.override_note);
    }
    ASSERT_EQ(a.parameters().size(), b.parameters().size());
    for (std::size_t i = 0; i < a.parameters().size(); ++i) expect_same(a.parameters()[i], b.parameters()[i]);
}

ReviewRules local_scheme() {
    std::vector<Indicator> indicators = ReviewRules::default_indicators();
    indicators[0].scoring = Scoring::stepped({{0.5, 40}, {0.8, 80}, {0.95, 100}});
    indicators[0].points_if_missing = 0;
    ReviewRules rules("dongying-2025", "东营区社区工作者履职评估办法（2025）", day(2025, 1, 1), std::move(indicators));
    rules.override_parameter(review_parameter::excellent_quota, 15, "东营区 2025 年办法第十条");
    rules.set_quota(QuotaOptions{.level = Level::township, .rounding = QuotaRounding::nearest,
                                 .tie_break = {rules.indicators()[0].id}});
    return rules;
}

TEST_P(MeetingsAndPlansTest, ReviewSchemesReloadIdenticalWithTheirSourcesAndOverrides) {
    EXPECT_EQ(save(store(), "rules-default", ReviewRules::defaults(), "a"), 1);
    expect_same(load_review_rules(store(), "rules-default"), ReviewRules::defaults());
    const ReviewRules local = local_scheme();
    EXPECT_EQ(save(store(), "rules", local, "区民政局"), 1);
    const ReviewRules loaded = load_review_rules(store(), "rules");
    expect_same(loaded, local);
    EXPECT_EQ(loaded.value(review_parameter::excellent_quota), 15);
    EXPECT_EQ(loaded.parameter(review_parameter::excellent_quota).override_note, "东营区 2025 年办法第十条");
    EXPECT_EQ(save(store(), "rules", local, "区民政局", 1), 1);  // unchanged
    ReviewRules stricter = local;
    stricter.override_parameter(review_parameter::excellent_min, 92, "2026 年起");
    EXPECT_EQ(save(store(), "rules", stricter, "区民政局", 1), 2);
    expect_same(load_review_rules(store(), "rules", 1), local);
    expect_same(load_review_rules(store(), "rules"), stricter);
}

TEST_P(MeetingsAndPlansTest, CorruptedReviewSchemesAreRefusedByTheirOwnChecks) {
    ASSERT_EQ(save(store(), "rules", ReviewRules::defaults(), "a"), 1);
    std::string payload = store().read_stream("rules").front().payload;
    // Weights that no longer sum to 1: the constructor's check, named with stream and version.
    const std::string weight = "\"weight\":0.";
    const auto at = payload.find(weight);
    ASSERT_NE(at, std::string::npos);
    payload.replace(at, weight.size() + 1, "\"weight\":0.9");
    raw("rules", "review_rules", "review_rules_saved", payload);
    const std::string message = error_message<InvalidInput>([&] { (void)load_review_rules(store(), "rules"); });
    EXPECT_THAT(message, HasSubstr("stream 'rules' version 2: corrupted payload: review rules 'default-2024'"));
    EXPECT_THAT(message, HasSubstr("weight"));
    raw("rules", "review_rules", "review_rules_saved",
        R"({"format":"grassroots.review_rules","format_version":1,"id":"x","title":"t","effective_from":"2024-01-01",)"
        R"("indicators":[],"parameters":[],"quota":{"level":"village","rounding":"sideways","tie_break":[]}})");
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_review_rules(store(), "rules"); }),
                HasSubstr("stream 'rules' version 3: corrupted payload: field 'rounding' is 'sideways'"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_redivision(store(), "rules"); }),
                HasSubstr("it is not a redivision stream"));
}

// ---- grid re-division plans ------------------------------------------------------------------------

Polygon rect(double x0, double y0, double x1, double y1) { return Polygon::rectangle({x0, y0}, {x1, y1}); }

// Three grids of 锦苑社区 100 m × 200 m; 02 has 750 households in a 3 × 5 block of buildings, 01 and 03
// have 150 each: 02 is split, 01 and 03 stay below the band (nothing to merge them with in band).
Redivision plan() {
    GridMapBuilder builder(CoordinateSystem::metres);
    for (unsigned s = 1; s <= 3; ++s) {
        builder.add(Grid{GridCode::make(jinyuan, s), GridKind::comprehensive, "第" + std::to_string(s) + "网格",
                         rect(100.0 * (s - 1), 0, 100.0 * s, 200), 0});
    }
    const GridMap map = builder.set_boundary(jinyuan, rect(0, 0, 300, 200)).build();
    std::vector<Point> at{{50, 100}, {250, 100}};
    std::vector<std::int64_t> households{150, 150};
    for (double y : {20.0, 60.0, 100.0, 140.0, 180.0}) {
        for (double x : {120.0, 150.0, 180.0}) {
            at.push_back({x, y});
            households.push_back(50);
        }
    }
    RedivisionOptions options;
    options.bands.urban = {300, 500};
    options.adjacency_m = 50;
    return redivide(map, jinyuan, at, households, options);
}

TEST_P(MeetingsAndPlansTest, RedivisionPlansReloadIdentical) {
    const Redivision original = plan();
    ASSERT_FALSE(original.changes.empty());
    ASSERT_FALSE(original.remaining.empty());
    EXPECT_EQ(save(store(), "plan", original, "街道 网格办"), 1);
    const Redivision loaded = load_redivision(store(), "plan");
    ASSERT_EQ(loaded.map.size(), original.map.size());
    for (std::size_t i = 0; i < loaded.map.size(); ++i) {
        const Grid &x = loaded.map.grids()[i], &y = original.map.grids()[i];
        EXPECT_EQ(x.code, y.code);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.kind, y.kind);
        EXPECT_EQ(x.households, y.households);
        EXPECT_EQ(x.shape.outer(), y.shape.outer());
    }
    ASSERT_EQ(loaded.changes.size(), original.changes.size());
    for (std::size_t i = 0; i < loaded.changes.size(); ++i) {
        EXPECT_EQ(loaded.changes[i].kind, original.changes[i].kind);
        EXPECT_EQ(loaded.changes[i].from, original.changes[i].from);
        EXPECT_EQ(loaded.changes[i].to, original.changes[i].to);
    }
    EXPECT_EQ(loaded.households, original.households);
    ASSERT_EQ(loaded.remaining.size(), original.remaining.size());
    for (std::size_t i = 0; i < loaded.remaining.size(); ++i) {
        EXPECT_EQ(loaded.remaining[i].grid, original.remaining[i].grid);
        EXPECT_EQ(loaded.remaining[i].households, original.remaining[i].households);
        EXPECT_EQ(loaded.remaining[i].band, original.remaining[i].band);
        EXPECT_EQ(loaded.remaining[i].message, original.remaining[i].message);
    }
    EXPECT_EQ(save(store(), "plan", loaded, "街道 网格办", 1), 1);  // unchanged after a round trip
}

TEST_P(MeetingsAndPlansTest, CorruptedRedivisionPlansNameTheField) {
    const Redivision original = plan();
    ASSERT_EQ(save(store(), "plan", original, "a"), 1);
    ASSERT_EQ(original.changes.front().kind, RedivisionChange::Kind::split);
    const std::string payload = store().read_stream("plan").front().payload;
    const auto forge = [&](const std::string& from, const std::string& to) {
        std::string changed = payload;
        const auto at = changed.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        changed.replace(at, from.size(), to);
        raw("plan", "redivision", "redivision_saved", changed);
    };
    forge(R"("households":[)", R"("households":[-1,)");
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_redivision(store(), "plan"); }),
                HasSubstr("stream 'plan' version 2: corrupted payload: field 'households' has " +
                          std::to_string(original.map.size() + 1) + " counts for a map of " +
                          std::to_string(original.map.size()) + " grids"));
    forge(R"("kind":"split")", R"("kind":"merge")");
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_redivision(store(), "plan"); }),
                HasSubstr("stream 'plan' version 3: corrupted payload: changes[0]: a merge turns two or more grids "
                          "into one; this one has 1 from and " +
                          std::to_string(original.changes.front().to.size()) + " to"));
    forge(R"("to":[")" + original.changes.front().to.front().str(), R"("to":[")" + jinyuan.str() + "09");
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_redivision(store(), "plan"); }),
                HasSubstr("stream 'plan' version 4: corrupted payload: changes[0]: grid 37050200506609 is not in the new map"));
    raw("plan", "redivision", "consultation_saved", "{}");
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)load_redivision(store(), "plan"); }),
                HasSubstr("holds a 'consultation_saved' event: it is not a redivision stream"));
}

}  // namespace
}  // namespace grassroots
