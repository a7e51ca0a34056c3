// The dual ledger (双台账): entering items, links, measure moves, verification, 销号 and reopening.
#include "grassroots/ledger/ledger.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::error_message;

Date day(int year, unsigned month, unsigned d) { return make_date(year, month, d); }

const DivisionCode dongying_district = DivisionCode::parse("370502");  // 东营区
const DivisionCode jinyuan = DivisionCode::parse("370502005066");      // 锦苑社区

ProblemInput problem_input(std::string title, Date raised = day(2024, 3, 1), Date due = day(2024, 6, 30)) {
    ProblemInput input;
    input.title = std::move(title);
    input.owner = OwnerUnit{dongying_district, "区委社会工作部"};
    input.raised = raised;
    input.due = due;
    input.actor = "专班 王强";
    return input;
}

MeasureInput measure_input(std::string title, std::string responsible = "李娜", Date created = day(2024, 3, 5),
                           Date due = day(2024, 5, 31)) {
    MeasureInput input;
    input.title = std::move(title);
    input.owner = OwnerUnit{std::nullopt, "市民政局"};
    input.responsible = std::move(responsible);
    input.created = created;
    input.due = due;
    input.actor = "专班 王强";
    return input;
}

/// A problem (牌子多) linked to two measures (摘牌, 规范挂牌清单), neither started.
struct Fixture {
    DualLedger ledger;
    ProblemId plaques;
    MeasureId remove;
    MeasureId list;
    Fixture() {
        plaques = ledger.add_problem(problem_input("村社区挂牌多"));
        remove = ledger.add_measure(measure_input("清理不规范挂牌", "李娜"));
        list = ledger.add_measure(measure_input("制定挂牌准入清单", "赵刚"));
        ledger.link(plaques, remove, day(2024, 3, 5), "专班 王强");
        ledger.link(plaques, list, day(2024, 3, 6), "专班 王强");
    }
    /// Both measures done by their responsible people.
    void finish() {
        ledger.complete(remove, day(2024, 5, 20), "李娜");
        ledger.complete(list, day(2024, 5, 25), "赵刚");
    }
};

std::vector<LedgerAction> actions(const std::vector<LedgerEntry>& history) {
    std::vector<LedgerAction> out;
    for (const LedgerEntry& e : history) out.push_back(e.action);
    return out;
}

TEST(LedgerNames, EnumsInEnglishAndChinese) {
    EXPECT_EQ(to_string(ProblemStatus::struck_off), "struck_off");
    EXPECT_EQ(chinese_name(ProblemStatus::struck_off), "已销号");
    EXPECT_EQ(parse_problem_status("已核查"), ProblemStatus::verified);
    EXPECT_EQ(to_string(MeasureStatus::in_progress), "in_progress");
    EXPECT_EQ(parse_measure_status("已完成"), MeasureStatus::done);
    EXPECT_EQ(chinese_name(LedgerAction::struck_off), "销号");
    EXPECT_EQ(parse_ledger_action("unverified"), LedgerAction::unverified);
    EXPECT_EQ(to_string(ProblemSourceKind::workflow_case), "case");
    EXPECT_EQ(parse_problem_source_kind("协商议事"), ProblemSourceKind::consultation);
    EXPECT_THAT(error_message<InvalidInput>([] { (void)parse_problem_status("closed"); }),
                HasSubstr("unknown problem status 'closed' (expected open, verified, struck_off, 整改中"));
}

// One table per enum serves to_string, chinese_name and parsing (by name and by Chinese term), in value order.
template <class Enum, class Parse>
void expect_table_serves_every_name(Parse parse) {
    std::size_t index = 0;
    for (const EnumName<Enum>& entry : enum_names(Enum{})) {
        EXPECT_EQ(static_cast<std::size_t>(entry.value), index++);
        EXPECT_EQ(to_string(entry.value), entry.name);
        EXPECT_EQ(chinese_name(entry.value), entry.chinese);
        EXPECT_EQ(parse(entry.name), entry.value);
        EXPECT_EQ(parse(entry.chinese), entry.value);
        EXPECT_FALSE(entry.doc.empty());
    }
}

TEST(LedgerNames, OneTablePerEnum) {
    expect_table_serves_every_name<ProblemStatus>(parse_problem_status);
    expect_table_serves_every_name<MeasureStatus>(parse_measure_status);
    expect_table_serves_every_name<LedgerAction>(parse_ledger_action);
    expect_table_serves_every_name<ProblemSourceKind>(parse_problem_source_kind);
    EXPECT_EQ(enum_names(LedgerAction{}).size(), 10U);
    EXPECT_EQ(error_message<InvalidInput>([] { (void)parse_measure_status("finished"); }),
              "unknown measure status 'finished' (expected open, in_progress, done, 未启动, 推进中, 已完成)");
    EXPECT_EQ(to_string(static_cast<LedgerAction>(99)), "?");
}

TEST(LedgerOwner, SpellsDivisionAndDepartment) {
    EXPECT_EQ((OwnerUnit{dongying_district, "区民政局"}.to_string()), "370502 区民政局");
    EXPECT_EQ((OwnerUnit{jinyuan, ""}.to_string()), "370502005066");
    EXPECT_EQ((OwnerUnit{std::nullopt, "市民政局"}.to_string()), "市民政局");
    EXPECT_LT((OwnerUnit{std::nullopt, "市民政局"}), (OwnerUnit{dongying_district, ""}));
}

TEST(DualLedger, EntersProblemsAndMeasuresWithNumbersAndHistory) {
    Fixture f;
    const Problem& p = f.ledger.problem(f.plaques);
    EXPECT_EQ(p.number, "P0001");
    EXPECT_EQ(p.title, "村社区挂牌多");
    EXPECT_EQ(p.status, ProblemStatus::open);
    EXPECT_EQ(p.source.kind, ProblemSourceKind::direct);
    EXPECT_THAT(p.measures, ElementsAre(f.remove, f.list));
    EXPECT_THAT(actions(p.history), ElementsAre(LedgerAction::created, LedgerAction::linked, LedgerAction::linked));
    EXPECT_EQ(p.history[0].actor, "专班 王强");
    EXPECT_EQ(p.history[1].other, "M0001");
    const Measure& m = f.ledger.measure(f.list);
    EXPECT_EQ(m.number, "M0002");
    EXPECT_EQ(m.responsible, "赵刚");
    EXPECT_THAT(m.problems, ElementsAre(f.plaques));
    // A link is one journal entry seen from both sides.
    EXPECT_EQ(m.history[1].sequence, p.history[2].sequence);
    EXPECT_EQ(m.history[1].other, "P0001");
    EXPECT_EQ(f.ledger.find_problem("P0001"), f.plaques);
    EXPECT_EQ(f.ledger.find_measure("M0002"), f.list);
    EXPECT_THAT(error_message<NotFound>([&] { (void)f.ledger.find_measure("M0009"); }),
                HasSubstr("no measure numbered 'M0009'"));
    // A chosen number is kept, and the generated ones skip it.
    ProblemInput own = problem_input("证明多");
    own.number = "P0003";
    EXPECT_EQ(f.ledger.problem(f.ledger.add_problem(own)).number, "P0003");
    EXPECT_EQ(f.ledger.problem(f.ledger.add_problem(problem_input("会议多"))).number, "P0004");
}

TEST(DualLedger, RefusesBadItemsAndChangesNothing) {
    Fixture f;
    ProblemInput late = problem_input("考核多", day(2024, 3, 1), day(2024, 2, 1));
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)f.ledger.add_problem(late); }),
              "problem '考核多' is due 2024-02-01, before it was raised (2024-03-01)");
    ProblemInput nobody = problem_input("考核多");
    nobody.owner = {};
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)f.ledger.add_problem(nobody); }), HasSubstr("needs an owner unit"));
    ProblemInput anonymous = problem_input("考核多");
    anonymous.actor.clear();
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)f.ledger.add_problem(anonymous); }), HasSubstr("an actor is required"));
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)f.ledger.add_problem(problem_input("")); }), "a problem needs a title");
    ProblemInput taken = problem_input("考核多");
    taken.number = "P0001";
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)f.ledger.add_problem(taken); }), "problem number P0001 is already taken");
    ProblemInput broken = problem_input("考核多\n两行");
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)f.ledger.add_problem(broken); }), HasSubstr("line break"));
    ProblemInput bad_day = problem_input("考核多", Date{std::chrono::year{2024}, std::chrono::month{2}, std::chrono::day{30}});
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)f.ledger.add_problem(bad_day); }), HasSubstr("is not a valid date"));
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)f.ledger.add_measure(measure_input("x", "李娜", day(2024, 3, 5), day(2024, 3, 4)));
                }),
                HasSubstr("before it was created (2024-03-05)"));
    EXPECT_EQ(f.ledger.problems().size(), 1U);
    EXPECT_EQ(f.ledger.measures().size(), 2U);
}

TEST(DualLedger, RefusesBadLinksAndChangesNothing) {
    Fixture f;
    EXPECT_EQ(error_message<InvalidInput>([&] { f.ledger.link(f.plaques, f.remove, day(2024, 4, 1), "王强"); }),
              "problem P0001 and measure M0001 are already linked");
    EXPECT_THAT(error_message<NotFound>([&] { f.ledger.link(ProblemId{7}, f.remove, day(2024, 4, 1), "王强"); }),
                HasSubstr("no problem 7 (it has 1)"));
    EXPECT_THAT(error_message<NotFound>([&] { f.ledger.link(f.plaques, MeasureId{}, day(2024, 4, 1), "王强"); }),
                HasSubstr("no measure (invalid id)"));
    const MeasureId third = f.ledger.add_measure(measure_input("第三项", "孙丽", day(2024, 4, 1)));
    EXPECT_EQ(error_message<InvalidInput>([&] { f.ledger.link(f.plaques, third, day(2024, 3, 31), "王强"); }),
              "date 2024-03-31 is before the latest entry of measure M0003 (2024-04-01, created); dates may not go "
              "backwards");
    EXPECT_EQ(error_message<InvalidInput>([&] { f.ledger.unlink(f.plaques, third, day(2024, 4, 2), "王强"); }),
              "problem P0001 and measure M0003 are not linked");
    EXPECT_EQ(f.ledger.problem(f.plaques).measures.size(), 2U);
    EXPECT_EQ(f.ledger.problem(f.plaques).history.size(), 3U);
    EXPECT_TRUE(f.ledger.measure(third).problems.empty());
    f.ledger.unlink(f.plaques, f.list, day(2024, 4, 2), "王强", "并入M0001");
    EXPECT_THAT(f.ledger.problem(f.plaques).measures, ElementsAre(f.remove));
    EXPECT_EQ(f.ledger.problem(f.plaques).history.back().action, LedgerAction::unlinked);
    EXPECT_EQ(f.ledger.measure(f.list).history.back().note, "并入M0001");
}

TEST(DualLedger, MeasuresMoveOpenInProgressDone) {
    Fixture f;
    f.ledger.start(f.remove, day(2024, 3, 10), "李娜", "开始摸排");
    EXPECT_EQ(f.ledger.measure(f.remove).status, MeasureStatus::in_progress);
    f.ledger.complete(f.remove, day(2024, 5, 20), "李娜");
    const Measure& m = f.ledger.measure(f.remove);
    EXPECT_EQ(m.status, MeasureStatus::done);
    EXPECT_EQ(m.completed_on, day(2024, 5, 20));
    EXPECT_EQ(m.completed_by, "李娜");
    f.ledger.complete(f.list, day(2024, 5, 1), "赵刚");  // open → done directly is fine
    try {
        f.ledger.start(f.remove, day(2024, 5, 21), "李娜");
        ADD_FAILURE() << "no throw";
    } catch (const RuleViolation& error) {
        EXPECT_EQ(error.rule_id(), "ledger.measure.status");
        EXPECT_THAT(error.what(), HasSubstr("measure M0001 '清理不规范挂牌' is done; only an open measure can be started"));
    }
    EXPECT_THAT(error_message<RuleViolation>([&] { f.ledger.complete(f.remove, day(2024, 5, 21), "李娜"); }),
                HasSubstr("is already done"));
    EXPECT_THAT(error_message<InvalidInput>([&] { f.ledger.reopen_measure(f.remove, day(2024, 5, 19), "王强"); }),
                HasSubstr("date 2024-05-19 is before the latest entry of measure M0001 (2024-05-20, completed)"));
    f.ledger.reopen_measure(f.remove, day(2024, 5, 22), "王强", "复查发现反弹");
    EXPECT_EQ(f.ledger.measure(f.remove).status, MeasureStatus::in_progress);
    EXPECT_EQ(f.ledger.measure(f.remove).completed_on, day(2024, 5, 20));  // kept
    EXPECT_THAT(error_message<RuleViolation>([&] { f.ledger.reopen_measure(f.remove, day(2024, 5, 23), "王强"); }),
                HasSubstr("only a done measure can be reopened"));
    EXPECT_THAT(actions(f.ledger.measure(f.remove).history),
                ElementsAre(LedgerAction::created, LedgerAction::linked, LedgerAction::started, LedgerAction::completed,
                            LedgerAction::reopened));
}

TEST(DualLedgerStrikeOff, RefusedWhileMeasuresAreOpenNamingThem) {
    Fixture f;
    f.ledger.start(f.list, day(2024, 4, 1), "赵刚");
    try {
        f.ledger.strike_off(f.plaques, day(2024, 6, 1), "专班 王强");
        ADD_FAILURE() << "no throw";
    } catch (const RuleViolation& error) {
        EXPECT_EQ(error.rule_id(), "ledger.strike_off.measures");
        EXPECT_STREQ(error.what(),
                     "ledger.strike_off.measures: problem P0001 '村社区挂牌多' cannot be struck off (销号): measures not done: M0001 '清理不规范挂牌' "
                     "(open), M0002 '制定挂牌准入清单' (in_progress)");
    }
    f.ledger.complete(f.remove, day(2024, 5, 20), "李娜");
    EXPECT_THAT(error_message<RuleViolation>([&] { f.ledger.strike_off(f.plaques, day(2024, 6, 1), "专班 王强"); }),
                HasSubstr("measures not done: M0002 '制定挂牌准入清单' (in_progress)"));
    EXPECT_THAT(f.ledger.blocking_measures(f.plaques), ElementsAre(f.list));
    EXPECT_EQ(f.ledger.problem(f.plaques).status, ProblemStatus::open);
    EXPECT_EQ(f.ledger.problem(f.plaques).history.size(), 3U);  // nothing recorded
}

TEST(DualLedgerStrikeOff, RefusedWithoutMeasuresOrWithoutVerification) {
    Fixture f;
    const ProblemId lonely = f.ledger.add_problem(problem_input("证明多"));
    try {
        f.ledger.strike_off(lonely, day(2024, 6, 1), "专班 王强");
        ADD_FAILURE() << "no throw";
    } catch (const RuleViolation& error) {
        EXPECT_EQ(error.rule_id(), "ledger.strike_off.measures");
        EXPECT_THAT(error.what(), HasSubstr("it has no linked measure"));
    }
    EXPECT_THAT(error_message<RuleViolation>([&] { f.ledger.verify(lonely, day(2024, 6, 1), "督查组", true); }),
                HasSubstr("has no linked measure; there is nothing to verify"));
    f.finish();
    try {
        f.ledger.strike_off(f.plaques, day(2024, 6, 1), "专班 王强");
        ADD_FAILURE() << "no throw";
    } catch (const RuleViolation& error) {
        EXPECT_EQ(error.rule_id(), "ledger.strike_off.verified");
    }
}

TEST(DualLedgerStrikeOff, VerificationMustBeBySomeoneElse) {
    Fixture f;
    f.ledger.complete(f.remove, day(2024, 5, 20), "李娜");
    f.ledger.complete(f.list, day(2024, 5, 25), "专班 孙伟");  // closed by someone other than its responsible person
    EXPECT_THAT(error_message<PermissionDenied>([&] { f.ledger.verify(f.plaques, day(2024, 6, 1), "李娜", true); }),
                HasSubstr("李娜 may not verify problem P0001: they are responsible for measure M0001"));
    EXPECT_THAT(error_message<PermissionDenied>([&] { f.ledger.verify(f.plaques, day(2024, 6, 1), "赵刚", true); }),
                HasSubstr("are responsible for measure M0002"));
    EXPECT_THAT(error_message<PermissionDenied>([&] { f.ledger.verify(f.plaques, day(2024, 6, 1), "专班 孙伟", true); }),
                HasSubstr("they closed measure M0002"));
    EXPECT_EQ(error_message<InvalidInput>([&] { f.ledger.verify(f.plaques, day(2024, 5, 24), "督查组", true); }),
              "verification of problem P0001 on 2024-05-24 is before measure M0002 was done (2024-05-25)");
    EXPECT_EQ(f.ledger.problem(f.plaques).status, ProblemStatus::open);
    EXPECT_EQ(f.ledger.problem(f.plaques).history.size(), 3U);
}

TEST(DualLedgerStrikeOff, StrikesOffAfterMeasuresDoneAndVerified) {
    Fixture f;
    f.finish();
    f.ledger.verify(f.plaques, day(2024, 5, 28), "督查组 周敏", false, "仍有3块未摘");
    EXPECT_EQ(f.ledger.problem(f.plaques).status, ProblemStatus::open);
    EXPECT_EQ(f.ledger.problem(f.plaques).history.back().action, LedgerAction::rejected);
    f.ledger.verify(f.plaques, day(2024, 6, 3), "督查组 周敏", true, "现场核查");
    EXPECT_EQ(f.ledger.problem(f.plaques).status, ProblemStatus::verified);
    f.ledger.strike_off(f.plaques, day(2024, 6, 5), "专班 王强", "销号");
    const Problem& p = f.ledger.problem(f.plaques);
    EXPECT_EQ(p.status, ProblemStatus::struck_off);
    EXPECT_EQ(p.struck_off_on, day(2024, 6, 5));
    EXPECT_FALSE(p.overdue(day(2024, 12, 31)));
    EXPECT_THAT(actions(p.history),
                ElementsAre(LedgerAction::created, LedgerAction::linked, LedgerAction::linked, LedgerAction::rejected,
                            LedgerAction::verified, LedgerAction::struck_off));
    EXPECT_EQ(p.history[3].note, "仍有3块未摘");
    // A struck-off problem takes nothing more until reopened.
    EXPECT_THAT(error_message<RuleViolation>([&] { f.ledger.strike_off(f.plaques, day(2024, 6, 6), "专班 王强"); }),
                HasSubstr("is already struck off (销号) on 2024-06-05"));
    const MeasureId more = f.ledger.add_measure(measure_input("回头看", "李娜", day(2024, 6, 6), day(2024, 9, 30)));
    EXPECT_THAT(error_message<RuleViolation>([&] { f.ledger.link(f.plaques, more, day(2024, 6, 6), "专班 王强"); }),
                HasSubstr("reopen it before linking measure M0003"));
    EXPECT_THAT(error_message<RuleViolation>([&] { f.ledger.reopen_measure(f.remove, day(2024, 6, 6), "李娜"); }),
                HasSubstr("serves problem P0001, which is struck off"));
    EXPECT_THAT(error_message<RuleViolation>([&] { f.ledger.verify(f.plaques, day(2024, 6, 6), "督查组", true); }),
                HasSubstr("already struck off"));
}

TEST(DualLedgerStrikeOff, VerificationLapsesWhenMeasuresChange) {
    Fixture f;
    f.finish();
    f.ledger.verify(f.plaques, day(2024, 6, 3), "督查组 周敏", true);
    f.ledger.reopen_measure(f.list, day(2024, 6, 4), "赵刚", "清单需补充");
    const Problem& p = f.ledger.problem(f.plaques);
    EXPECT_EQ(p.status, ProblemStatus::open);
    EXPECT_EQ(p.history.back().action, LedgerAction::unverified);
    EXPECT_EQ(p.history.back().other, "M0002");
    EXPECT_EQ(p.history.back().note, "verification lapsed: measure M0002 was reopened");
    EXPECT_EQ(p.history.back().sequence, f.ledger.measure(f.list).history.back().sequence);
    f.ledger.complete(f.list, day(2024, 6, 10), "赵刚");
    f.ledger.verify(f.plaques, day(2024, 6, 11), "督查组 周敏", true);
    const MeasureId more = f.ledger.add_measure(measure_input("建立长效机制", "李娜", day(2024, 6, 12), day(2024, 9, 30)));
    f.ledger.link(f.plaques, more, day(2024, 6, 12), "专班 王强");
    EXPECT_EQ(f.ledger.problem(f.plaques).status, ProblemStatus::open);
    EXPECT_EQ(f.ledger.problem(f.plaques).history.back().note, "verification lapsed: measure M0003 was linked");
    EXPECT_THAT(error_message<RuleViolation>([&] { f.ledger.strike_off(f.plaques, day(2024, 6, 13), "专班 王强"); }),
                HasSubstr("M0003 '建立长效机制' (open)"));
}

TEST(DualLedgerStrikeOff, ReopeningIsRecorded) {
    Fixture f;
    f.finish();
    f.ledger.verify(f.plaques, day(2024, 6, 3), "督查组 周敏", true);
    f.ledger.strike_off(f.plaques, day(2024, 6, 5), "专班 王强");
    EXPECT_THAT(error_message<InvalidInput>([&] { f.ledger.reopen_problem(f.plaques, day(2024, 6, 4), "专班 王强"); }),
                HasSubstr("dates may not go backwards"));
    f.ledger.reopen_problem(f.plaques, day(2024, 9, 1), "专班 王强", "回头看发现新挂牌");
    const Problem& p = f.ledger.problem(f.plaques);
    EXPECT_EQ(p.status, ProblemStatus::open);
    EXPECT_EQ(p.reopens, 1);
    EXPECT_EQ(p.struck_off_on, day(2024, 6, 5));
    EXPECT_EQ(p.history.back().action, LedgerAction::reopened);
    EXPECT_EQ(p.history.back().note, "回头看发现新挂牌");
    EXPECT_TRUE(p.struck_off_as_of(day(2024, 7, 1)));
    EXPECT_FALSE(p.struck_off_as_of(day(2024, 9, 1)));
    EXPECT_FALSE(p.struck_off_as_of(day(2024, 6, 4)));
    EXPECT_THAT(error_message<RuleViolation>([&] { f.ledger.reopen_problem(f.plaques, day(2024, 9, 2), "专班 王强"); }),
                HasSubstr("only a struck-off problem can be reopened"));
    // Measures still done: a fresh verification is needed before the next 销号.
    EXPECT_THAT(error_message<RuleViolation>([&] { f.ledger.strike_off(f.plaques, day(2024, 9, 2), "专班 王强"); }),
                HasSubstr("has not been verified"));
    f.ledger.verify(f.plaques, day(2024, 9, 5), "督查组 周敏", true);
    f.ledger.strike_off(f.plaques, day(2024, 9, 6), "专班 王强");
    EXPECT_EQ(f.ledger.problem(f.plaques).struck_off_on, day(2024, 9, 6));
}

TEST(DualLedger, FindsGapsAndOverdueItems) {
    Fixture f;
    const ProblemId orphan = f.ledger.add_problem(problem_input("证明多", day(2024, 3, 1), day(2024, 4, 30)));
    const MeasureId idle = f.ledger.add_measure(measure_input("编制证明事项清单", "孙丽", day(2024, 3, 5), day(2024, 4, 15)));
    EXPECT_THAT(f.ledger.problems_without_measures(), ElementsAre(orphan));
    EXPECT_THAT(f.ledger.measures_without_problems(), ElementsAre(idle));
    EXPECT_TRUE(f.ledger.overdue_problems(day(2024, 4, 30)).empty());  // due that day: not yet overdue
    EXPECT_THAT(f.ledger.overdue_problems(day(2024, 5, 1)), ElementsAre(orphan));
    EXPECT_THAT(f.ledger.overdue_measures(day(2024, 5, 1)), ElementsAre(idle));
    EXPECT_THAT(f.ledger.overdue_measures(day(2024, 6, 1)), ElementsAre(f.remove, f.list, idle));
}

// ---- reports ---------------------------------------------------------------------------------------

/// Three problems in two units, hand-counted below.
struct ReportFixture {
    DualLedger ledger;
    const DivisionCode shengli = DivisionCode::parse("370502005");    // 胜利街道
    const DivisionCode wenhua = DivisionCode::parse("370502006");     // another street
    ReportFixture() {
        ProblemInput a = problem_input("A", day(2024, 1, 10), day(2024, 3, 31));
        a.owner = OwnerUnit{jinyuan, ""};
        ProblemInput b = problem_input("B", day(2024, 2, 10), day(2024, 2, 29));
        b.owner = OwnerUnit{shengli, "街道办"};
        ProblemInput c = problem_input("C", day(2024, 4, 2), day(2024, 9, 30));
        c.owner = OwnerUnit{wenhua, ""};
        const ProblemId pa = ledger.add_problem(a);
        const ProblemId pb = ledger.add_problem(b);
        ledger.add_problem(c);
        MeasureInput ma = measure_input("MA", "甲", day(2024, 1, 11), day(2024, 2, 28));
        ma.owner = OwnerUnit{jinyuan, ""};
        const MeasureId m = ledger.add_measure(ma);
        ledger.link(pa, m, day(2024, 1, 11), "专班");
        ledger.link(pb, m, day(2024, 2, 10), "专班");
        ledger.complete(m, day(2024, 3, 10), "甲");
        ledger.verify(pa, day(2024, 3, 12), "督查组", true);
        ledger.strike_off(pa, day(2024, 3, 15), "专班");
        ledger.reopen_problem(pa, day(2024, 5, 6), "专班");
    }
};

TEST(DualLedgerReport, CountsPerUnitAndPeriodFromHistories) {
    ReportFixture f;
    // March 2024: A struck off on 15 March (open again only in May); B open and overdue; C not raised yet.
    const LedgerReport march = f.ledger.report(day(2024, 3, 1), day(2024, 3, 31));
    ASSERT_EQ(march.rows.size(), 2U);
    EXPECT_EQ(march.rows[0].unit, (OwnerUnit{f.shengli, "街道办"}));  // 370502005 sorts before 370502005066
    EXPECT_EQ(march.rows[0].problems, 1);
    EXPECT_EQ(march.rows[0].raised, 0);
    EXPECT_EQ(march.rows[0].open, 1);
    EXPECT_EQ(march.rows[0].overdue, 1);
    EXPECT_EQ(march.rows[0].struck_off, 0);
    EXPECT_EQ(march.rows[1].unit, (OwnerUnit{jinyuan, ""}));
    EXPECT_EQ(march.rows[1].open, 0);
    EXPECT_EQ(march.rows[1].struck_off, 1);
    EXPECT_EQ(march.rows[1].measures, 1);
    EXPECT_EQ(march.rows[1].measures_open, 0);
    EXPECT_EQ(march.rows[1].measures_done, 1);
    EXPECT_EQ(march.total.problems, 2);
    EXPECT_EQ(march.total.open, 1);
    EXPECT_EQ(march.total.struck_off, 1);
    // January–February: the measure was open and, from 29 Feb, overdue.
    const LedgerReport winter = f.ledger.report(day(2024, 1, 1), day(2024, 2, 29));
    EXPECT_EQ(winter.total.raised, 2);
    EXPECT_EQ(winter.total.open, 2);
    EXPECT_EQ(winter.total.overdue, 0);  // B is due 29 Feb: not overdue on its due day
    EXPECT_EQ(winter.total.measures_open, 1);
    EXPECT_EQ(winter.total.measures_overdue, 1);
    // The whole year, rolled up to the county: one row; A reopened, so open again at the end.
    const LedgerReport year = f.ledger.report(day(2024, 1, 1), day(2024, 12, 31), Level::county);
    ASSERT_EQ(year.rows.size(), 1U);
    EXPECT_EQ(year.rows[0].unit, (OwnerUnit{dongying_district, ""}));
    EXPECT_EQ(year.rows[0].problems, 3);
    EXPECT_EQ(year.rows[0].raised, 3);
    EXPECT_EQ(year.rows[0].open, 3);
    EXPECT_EQ(year.rows[0].overdue, 3);  // A (due 31 Mar), B (29 Feb) and C (30 Sep) are all past due on 31 Dec
    EXPECT_EQ(year.rows[0].struck_off, 1);
    EXPECT_EQ(year.rows[0].reopened, 1);
}

TEST(DualLedgerReport, RefusesABackwardPeriod) {
    ReportFixture f;
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)f.ledger.report(day(2024, 3, 1), day(2024, 2, 1)); }),
              "the report period ends (2024-02-01) before it starts (2024-03-01)");
}

// The seed's campaign: 44 problems, 31 measures, "44 个问题全部销号".
TEST(DualLedgerReport, SeedCampaignAllFortyFourStruckOff) {
    DualLedger ledger;
    std::vector<ProblemId> problems;
    std::vector<MeasureId> measures;
    for (int i = 0; i < 44; ++i) {
        ProblemInput input = problem_input("突出问题 " + std::to_string(i + 1), day(2024, 4, 1), day(2024, 11, 30));
        problems.push_back(ledger.add_problem(input));
    }
    for (int i = 0; i < 31; ++i) {
        measures.push_back(ledger.add_measure(
            measure_input("工作措施 " + std::to_string(i + 1), "责任人" + std::to_string(i), day(2024, 4, 2), day(2024, 10, 31))));
    }
    // Problem i is served by measure i % 31, and every 4th problem also by measure (i + 7) % 31.
    for (std::size_t i = 0; i < problems.size(); ++i) {
        ledger.link(problems[i], measures[i % 31], day(2024, 4, 3), "专班");
        if (i % 4 == 0 && (i + 7) % 31 != i % 31) ledger.link(problems[i], measures[(i + 7) % 31], day(2024, 4, 3), "专班");
    }
    EXPECT_TRUE(ledger.problems_without_measures().empty());
    EXPECT_TRUE(ledger.measures_without_problems().empty());
    for (const MeasureId m : measures) ledger.complete(m, day(2024, 10, 15), "责任人" + std::to_string(m.value()));
    for (const ProblemId p : problems) {
        ledger.verify(p, day(2024, 11, 20), "市委社会工作部 核查组", true);
        ledger.strike_off(p, day(2024, 11, 25), "市委社会工作部");
    }
    const LedgerReport report = ledger.report(day(2024, 1, 1), day(2024, 12, 13));
    EXPECT_EQ(report.total.problems, 44);
    EXPECT_EQ(report.total.struck_off, 44);
    EXPECT_EQ(report.total.open, 0);
    EXPECT_EQ(report.total.measures, 31);
    EXPECT_EQ(report.total.measures_done, 31);
}

}  // namespace
}  // namespace grassroots
