#include "grassroots/autonomy/consultation.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;

Date day(int year, unsigned month, unsigned d) { return make_date(year, month, d); }

const Date meeting_day = day(2026, 3, 10);

// A residents' committee with three registered people: 王芳 (0), 李明 (1), 张伟 (2).
struct Fixture {
    AutonomyChain chain{CommitteeKind::residents, DivisionCode("370502005066"), "锦苑社区居民委员会", day(2021, 6, 1)};
    PersonId wang;
    PersonId li;
    PersonId zhang;
    Fixture() {
        wang = chain.add_person(Person{"王芳", Sex::female, day(1975, 4, 2), std::nullopt, 0, true});
        li = chain.add_person(Person{"李明", Sex::male, day(1980, 8, 9), std::nullopt, 0, false});
        zhang = chain.add_person(Person{"张伟", Sex::male, std::nullopt, std::nullopt, 0, false});
    }
    [[nodiscard]] ConsultationMeeting meeting() const {
        return ConsultationMeeting(chain, "加装电梯议事会", meeting_day, {wang, li});
    }
};

TEST(ConsultationStatus, Names) {
    EXPECT_EQ(to_string(DecisionStatus::open), "open");
    EXPECT_EQ(to_string(DecisionStatus::in_progress), "in_progress");
    EXPECT_EQ(to_string(DecisionStatus::done), "done");
    EXPECT_EQ(to_string(DecisionStatus::cancelled), "cancelled");
}

TEST(ConsultationMeeting, HoldsTopicDateAndParticipants) {
    Fixture f;
    const ConsultationMeeting meeting = f.meeting();
    EXPECT_EQ(meeting.topic(), "加装电梯议事会");
    EXPECT_EQ(meeting.date(), meeting_day);
    ASSERT_EQ(meeting.participants().size(), 2U);
    EXPECT_EQ(meeting.participants()[0], f.wang);
    EXPECT_EQ(meeting.participants()[1], f.li);
    EXPECT_TRUE(meeting.decisions().empty());
    EXPECT_TRUE(meeting.overdue(day(2030, 1, 1)).empty());
}

TEST(ConsultationMeeting, ConstructorErrors) {
    Fixture f;
    EXPECT_EQ(error_message<InvalidInput>([&] { ConsultationMeeting(f.chain, "", meeting_day, {f.wang}); }),
              "a consultation meeting needs a topic");
    EXPECT_EQ(error_message<InvalidInput>([&] { ConsultationMeeting(f.chain, "停车难", meeting_day, {}); }),
              "consultation meeting '停车难' has no participants");
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  ConsultationMeeting(f.chain, "停车难", meeting_day, {f.wang, f.li, f.wang});
              }),
              "participant 王芳 (person 0) is listed twice");
    EXPECT_EQ(error_message<NotFound>([&] {
                  ConsultationMeeting(f.chain, "停车难", meeting_day, {f.wang, PersonId{7}});
              }),
              "person 7 is not registered in 锦苑社区居民委员会");
    const Date bad{std::chrono::year{2026}, std::chrono::month{2}, std::chrono::day{30}};
    EXPECT_EQ(error_message<InvalidInput>([&] { ConsultationMeeting(f.chain, "停车难", bad, {f.wang}); }),
              "the date of consultation meeting '停车难' is not a valid date");
}

TEST(ConsultationMeeting, DecideRecordsOpenDecisions) {
    Fixture f;
    ConsultationMeeting meeting = f.meeting();
    EXPECT_EQ(meeting.decide(f.chain, "征集全体住户意见", f.wang, meeting_day), 0U);  // due the same day is fine
    EXPECT_EQ(meeting.decide(f.chain, "联系电梯厂家报价", f.zhang, day(2026, 4, 30)), 1U);  // owner need not attend
    ASSERT_EQ(meeting.decisions().size(), 2U);
    const ConsultationDecision& second = meeting.decisions()[1];
    EXPECT_EQ(second.text, "联系电梯厂家报价");
    EXPECT_EQ(second.owner, f.zhang);
    EXPECT_EQ(second.due, day(2026, 4, 30));
    EXPECT_EQ(second.status, DecisionStatus::open);
    EXPECT_TRUE(second.history.empty());
}

TEST(ConsultationMeeting, DecideErrors) {
    Fixture f;
    ConsultationMeeting meeting = f.meeting();
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)meeting.decide(f.chain, "", f.wang, meeting_day); }),
              "a decision of consultation meeting '加装电梯议事会' needs a text");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)meeting.decide(f.chain, "报价", f.wang, day(2026, 3, 9)); }),
              "decision '报价' is due on 2026-03-09, before the meeting on 2026-03-10");
    EXPECT_EQ(error_message<NotFound>([&] { (void)meeting.decide(f.chain, "报价", PersonId{3}, meeting_day); }),
              "person 3 is not registered in 锦苑社区居民委员会");
    EXPECT_TRUE(meeting.decisions().empty());
}

TEST(ConsultationMeeting, FollowUpThroughInProgressToDone) {
    Fixture f;
    ConsultationMeeting meeting = f.meeting();
    const std::size_t index = meeting.decide(f.chain, "联系电梯厂家报价", f.li, day(2026, 4, 30));
    meeting.follow_up(index, DecisionStatus::in_progress, meeting_day, "已联系三家");
    meeting.follow_up(index, DecisionStatus::done, meeting_day, "报价已公示");  // same day as the last is fine
    const ConsultationDecision& decision = meeting.decisions()[index];
    EXPECT_EQ(decision.status, DecisionStatus::done);
    ASSERT_EQ(decision.history.size(), 2U);
    EXPECT_EQ(decision.history[0].date, meeting_day);
    EXPECT_EQ(decision.history[0].status, DecisionStatus::in_progress);
    EXPECT_EQ(decision.history[0].note, "已联系三家");
    EXPECT_EQ(decision.history[1].status, DecisionStatus::done);
    EXPECT_EQ(decision.history[1].note, "报价已公示");
}

TEST(ConsultationMeeting, CancelFromOpenOrInProgress) {
    Fixture f;
    ConsultationMeeting meeting = f.meeting();
    const std::size_t a = meeting.decide(f.chain, "甲", f.wang, day(2026, 4, 30));
    const std::size_t b = meeting.decide(f.chain, "乙", f.wang, day(2026, 4, 30));
    meeting.follow_up(a, DecisionStatus::cancelled, day(2026, 3, 11), "撤回");
    meeting.follow_up(b, DecisionStatus::in_progress, day(2026, 3, 11), "");
    meeting.follow_up(b, DecisionStatus::cancelled, day(2026, 3, 12), "资金不足");
    EXPECT_EQ(meeting.decisions()[a].status, DecisionStatus::cancelled);
    EXPECT_EQ(meeting.decisions()[b].status, DecisionStatus::cancelled);
    EXPECT_EQ(meeting.decisions()[b].history.size(), 2U);
}

TEST(ConsultationMeeting, BadStatusMoves) {
    Fixture f;
    ConsultationMeeting meeting = f.meeting();
    const std::size_t index = meeting.decide(f.chain, "报价", f.wang, day(2026, 4, 30));
    const auto move = [&](DecisionStatus to) { meeting.follow_up(index, to, day(2026, 3, 20), "…"); };
    const std::string allowed =
        " (allowed: open → in_progress → done, open/in_progress → cancelled, or a note keeping open/in_progress)";
    EXPECT_EQ(error_message<InvalidInput>([&] { move(DecisionStatus::done); }),
              "decision '报价' cannot move from open to done" + allowed);
    EXPECT_TRUE(meeting.decisions()[index].history.empty());
    EXPECT_EQ(meeting.decisions()[index].status, DecisionStatus::open);
    move(DecisionStatus::open);  // a note that keeps the status
    EXPECT_EQ(meeting.decisions()[index].history.size(), 1U);

    move(DecisionStatus::in_progress);
    EXPECT_EQ(error_message<InvalidInput>([&] { move(DecisionStatus::open); }),
              "decision '报价' cannot move from in_progress to open" + allowed);
    move(DecisionStatus::in_progress);  // a progress report
    EXPECT_EQ(meeting.decisions()[index].history.size(), 3U);
    move(DecisionStatus::done);
    EXPECT_EQ(error_message<InvalidInput>([&] { move(DecisionStatus::cancelled); }),
              "decision '报价' cannot move from done to cancelled" + allowed);
    EXPECT_EQ(error_message<InvalidInput>([&] { move(DecisionStatus::in_progress); }),
              "decision '报价' cannot move from done to in_progress" + allowed);

    const std::size_t other = meeting.decide(f.chain, "公示", f.wang, day(2026, 4, 30));
    meeting.follow_up(other, DecisionStatus::cancelled, day(2026, 3, 20), "");
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  meeting.follow_up(other, DecisionStatus::in_progress, day(2026, 3, 21), "");
              }),
              "decision '公示' cannot move from cancelled to in_progress" + allowed);
}

TEST(ConsultationMeeting, FollowUpDateAndIndexErrors) {
    Fixture f;
    ConsultationMeeting meeting = f.meeting();
    const std::size_t index = meeting.decide(f.chain, "报价", f.wang, day(2026, 4, 30));
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  meeting.follow_up(index, DecisionStatus::in_progress, day(2026, 3, 9), "");
              }),
              "follow-up of decision '报价' on 2026-03-09 is before the meeting on 2026-03-10");
    meeting.follow_up(index, DecisionStatus::in_progress, day(2026, 3, 15), "");
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  meeting.follow_up(index, DecisionStatus::done, day(2026, 3, 14), "");
              }),
              "follow-up of decision '报价' on 2026-03-14 is before the last follow-up on 2026-03-15");
    EXPECT_EQ(meeting.decisions()[index].status, DecisionStatus::in_progress);
    EXPECT_EQ(meeting.decisions()[index].history.size(), 1U);
    const Date bad{std::chrono::year{2026}, std::chrono::month{4}, std::chrono::day{31}};
    EXPECT_EQ(error_message<InvalidInput>([&] { meeting.follow_up(index, DecisionStatus::done, bad, ""); }),
              "the date of a follow-up of decision '报价' is not a valid date");
    EXPECT_EQ(error_message<NotFound>([&] { meeting.follow_up(1, DecisionStatus::done, day(2026, 3, 20), ""); }),
              "consultation meeting '加装电梯议事会' has no decision 1 (it has 1)");
}

TEST(ConsultationMeeting, OverdueAfterTheDueDateUntilDoneOrCancelled) {
    Fixture f;
    ConsultationMeeting meeting = f.meeting();
    const Date due = day(2026, 3, 31);
    const std::size_t open = meeting.decide(f.chain, "甲", f.wang, due);
    const std::size_t working = meeting.decide(f.chain, "乙", f.li, due);
    const std::size_t done = meeting.decide(f.chain, "丙", f.li, due);
    const std::size_t cancelled = meeting.decide(f.chain, "丁", f.zhang, due);
    const std::size_t later = meeting.decide(f.chain, "戊", f.zhang, day(2026, 5, 1));
    meeting.follow_up(working, DecisionStatus::in_progress, day(2026, 3, 12), "");
    meeting.follow_up(done, DecisionStatus::in_progress, day(2026, 3, 12), "");
    meeting.follow_up(done, DecisionStatus::done, day(2026, 3, 20), "");
    meeting.follow_up(cancelled, DecisionStatus::cancelled, day(2026, 3, 12), "");

    EXPECT_TRUE(meeting.overdue(due).empty());  // due on the day: not yet overdue
    EXPECT_EQ(meeting.overdue(day(2026, 4, 1)), (std::vector<std::size_t>{open, working}));
    EXPECT_EQ(meeting.overdue(day(2026, 5, 2)), (std::vector<std::size_t>{open, working, later}));

    EXPECT_FALSE(meeting.decisions()[open].overdue(due));
    EXPECT_TRUE(meeting.decisions()[open].overdue(day(2026, 4, 1)));
    EXPECT_FALSE(meeting.decisions()[done].overdue(day(2026, 4, 1)));
    EXPECT_FALSE(meeting.decisions()[cancelled].overdue(day(2026, 4, 1)));
}

TEST(ConsultationDecision, OverdueOnItsOwn) {
    ConsultationDecision decision{"清理楼道", PersonId{0}, day(2026, 1, 15), DecisionStatus::in_progress, {}};
    EXPECT_FALSE(decision.overdue(day(2026, 1, 15)));
    EXPECT_TRUE(decision.overdue(day(2026, 1, 16)));
    decision.status = DecisionStatus::done;
    EXPECT_FALSE(decision.overdue(day(2026, 1, 16)));
    decision.status = DecisionStatus::cancelled;
    EXPECT_FALSE(decision.overdue(day(2026, 1, 16)));
    decision.status = DecisionStatus::open;
    EXPECT_TRUE(decision.overdue(day(2027, 1, 1)));
}

}  // namespace
}  // namespace grassroots

namespace grassroots {
namespace {

TEST(ConsultationMeeting, DecisionsBelongToTheMeetingsChain) {
    Fixture f;
    ConsultationMeeting meeting = f.meeting();
    const AutonomyChain other(CommitteeKind::residents, DivisionCode("370502005058"), "龙潭社区居民委员会", make_date(2021, 6, 1));
    EXPECT_EQ(testing::error_message<InvalidInput>([&] { meeting.decide(other, "x", PersonId{0}, make_date(2026, 4, 1)); }),
              "consultation meeting '加装电梯议事会' was held in 锦苑社区居民委员会 (370502005066), not in 龙潭社区居民委员会 "
              "(370502005058)");
    EXPECT_TRUE(meeting.decisions().empty());
}

}  // namespace
}  // namespace grassroots
