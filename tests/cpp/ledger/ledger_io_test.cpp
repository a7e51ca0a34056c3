// The dual ledger's sources (consultation decisions, cases) and its CSV tables.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "grassroots/autonomy/chain.hpp"
#include "grassroots/autonomy/consultation.hpp"
#include "grassroots/ledger/ledger.hpp"
#include "grassroots/workflow/builtin.hpp"
#include "grassroots/workflow/engine.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using testing::error_message;

Date day(int year, unsigned month, unsigned d) { return make_date(year, month, d); }

const DivisionCode jinyuan = DivisionCode::parse("370502005066");  // 锦苑社区

// ---- sources -------------------------------------------------------------------------------------

struct MeetingFixture {
    AutonomyChain chain{CommitteeKind::residents, jinyuan, "锦苑社区居民委员会", day(2021, 6, 1)};
    PersonId wang;
    PersonId li;
    ConsultationMeeting meeting;
    MeetingFixture()
        : wang(chain.add_person(Person{"王芳", Sex::female, day(1975, 4, 2), std::nullopt, 0, true})),
          li(chain.add_person(Person{"李明", Sex::male, day(1980, 8, 9), std::nullopt, 0, false})),
          meeting(chain, "加装电梯议事会", day(2026, 3, 10), {wang, li}) {
        meeting.decide(chain, "征集全体住户意见", wang, day(2026, 4, 10));
        meeting.decide(chain, "联系电梯厂家报价", li, day(2026, 4, 30));
        meeting.follow_up(1, DecisionStatus::cancelled, day(2026, 3, 12), "改由街道统一招标");
    }
};

TEST(DualLedgerSources, RaisesAProblemFromAConsultationDecision) {
    MeetingFixture f;
    DualLedger ledger;
    const ProblemId id = ledger.raise_from_decision(f.chain, f.meeting, 0, day(2026, 3, 11), "社区书记", "社区居委会");
    const Problem& p = ledger.problem(id);
    EXPECT_EQ(p.title, "征集全体住户意见");
    EXPECT_EQ(p.owner, (OwnerUnit{jinyuan, "社区居委会"}));
    EXPECT_EQ(p.due, day(2026, 4, 10));
    EXPECT_EQ(p.source.kind, ProblemSourceKind::consultation);
    EXPECT_EQ(p.source.reference, "370502005066/2026-03-10/加装电梯议事会#0");
    EXPECT_EQ(p.history[0].note, "from consultation meeting '加装电梯议事会' of 2026-03-10, decision 0, owner 王芳");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)ledger.raise_from_decision(f.chain, f.meeting, 0, day(2026, 3, 12), "社区书记"); }),
              "consultation 370502005066/2026-03-10/加装电梯议事会#0 was already raised as problem P0001");
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)ledger.raise_from_decision(f.chain, f.meeting, 1, day(2026, 3, 13), "社区书记"); }),
                HasSubstr("was cancelled"));
    EXPECT_EQ(error_message<NotFound>([&] { (void)ledger.raise_from_decision(f.chain, f.meeting, 2, day(2026, 3, 13), "社区书记"); }),
              "consultation meeting '加装电梯议事会' has no decision 2 (it has 2)");
    MeetingFixture g;
    DualLedger other;
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)other.raise_from_decision(g.chain, g.meeting, 0, day(2026, 3, 9), "社区书记"); }),
                HasSubstr("before the meeting (2026-03-10)"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)other.raise_from_decision(g.chain, g.meeting, 0, day(2026, 4, 11), "社区书记"); }),
                HasSubstr("is due 2026-04-10, before it was raised (2026-04-11)"));
    EXPECT_TRUE(other.problems().empty());
}

TEST(DualLedgerSources, RaisesAProblemFromACase) {
    CaseEngine engine{Calendar::china()};
    engine.add_workflow(urban_management());
    const ActorId reporter = engine.add_actor({"wg-1", "网格员 张三", {"grid_worker"}, jinyuan, "", ""});
    CaseInput input;
    input.matter = "event:0502";
    input.workflow = "urban_management";
    input.unit = jinyuan;
    input.description = "占道经营反复出现";
    const CaseId id = engine.open(input, reporter, china_time(day(2026, 9, 28), std::chrono::hours(9)));
    DualLedger ledger;
    const ProblemId p = ledger.raise_from_case(engine, id, day(2026, 9, 29), day(2026, 12, 31), "街道综治中心");
    EXPECT_EQ(ledger.problem(p).title, "占道经营反复出现");
    EXPECT_EQ(ledger.problem(p).owner, (OwnerUnit{jinyuan, ""}));  // not routed yet: no primary unit
    EXPECT_EQ(ledger.problem(p).source, (ProblemSource{ProblemSourceKind::workflow_case, "C000001"}));
    EXPECT_THAT(ledger.problem(p).history[0].note, HasSubstr("from case C000001 (event:0502, collect)"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)ledger.raise_from_case(engine, id, day(2026, 9, 30), day(2026, 12, 31), "x"); }),
                HasSubstr("case C000001 was already raised as problem P0001"));
    DualLedger other;
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)other.raise_from_case(engine, id, day(2026, 9, 27), day(2026, 12, 31), "x"); }),
              "a problem from case C000001 cannot be raised on 2026-09-27, before the case was filed (2026-09-28)");
    EXPECT_THAT(error_message<NotFound>([&] { (void)other.raise_from_case(engine, CaseId{5}, day(2026, 9, 29), day(2026, 12, 31), "x"); }),
                HasSubstr("no case C000006"));
    const ProblemId titled = other.raise_from_case(engine, id, day(2026, 9, 29), day(2026, 12, 31), "x", "马路市场治理");
    EXPECT_EQ(other.problem(titled).title, "马路市场治理");
}

// ---- CSV ------------------------------------------------------------------------------------------

/// A small ledger exercising every action, including an automatic `unverified` entry.
DualLedger sample() {
    DualLedger ledger;
    ProblemInput a;
    a.title = "牌子多, \"挂牌\"乱";  // a comma and quotes survive the round trip
    a.owner = OwnerUnit{jinyuan, "社区居委会"};
    a.raised = day(2024, 3, 1);
    a.due = day(2024, 6, 30);
    a.actor = "专班";
    const ProblemId p = ledger.add_problem(a);
    ProblemInput b = a;
    b.title = "证明多";
    b.owner = OwnerUnit{std::nullopt, "市司法局"};
    b.source = ProblemSource{ProblemSourceKind::workflow_case, "C000007"};
    const ProblemId q = ledger.add_problem(b);
    MeasureInput m;
    m.title = "清理挂牌";
    m.owner = OwnerUnit{DivisionCode::parse("370502"), ""};
    m.responsible = "李娜";
    m.created = day(2024, 3, 2);
    m.due = day(2024, 5, 31);
    m.actor = "专班";
    const MeasureId x = ledger.add_measure(m);
    m.title = "证明事项清单";
    m.responsible = "";
    const MeasureId y = ledger.add_measure(m);
    ledger.link(p, x, day(2024, 3, 2), "专班");
    ledger.link(q, y, day(2024, 3, 2), "专班");
    ledger.link(q, x, day(2024, 3, 3), "专班");
    ledger.unlink(q, x, day(2024, 3, 4), "专班", "误关联");
    ledger.start(x, day(2024, 3, 5), "李娜");
    ledger.complete(x, day(2024, 5, 1), "李娜");
    ledger.verify(p, day(2024, 5, 2), "督查组", true);
    ledger.reopen_measure(x, day(2024, 5, 3), "李娜", "反弹");
    ledger.complete(x, day(2024, 5, 10), "李娜");
    ledger.verify(p, day(2024, 5, 11), "督查组", false, "仍有反弹");
    ledger.verify(p, day(2024, 5, 20), "督查组", true);
    ledger.strike_off(p, day(2024, 5, 21), "专班");
    ledger.reopen_problem(p, day(2024, 7, 1), "专班", "回头看");
    return ledger;
}

TEST(DualLedgerCsv, WritesTheFourTables) {
    const DualLedger ledger = sample();
    EXPECT_EQ(ledger.problems_csv(),
              "number,title,division,department,raised,due,source_kind,source_reference,status\n"
              "P0001,\"牌子多, \"\"挂牌\"\"乱\",370502005066,社区居委会,2024-03-01,2024-06-30,direct,,open\n"
              "P0002,证明多,,市司法局,2024-03-01,2024-06-30,case,C000007,open\n");
    EXPECT_EQ(ledger.measures_csv(),
              "number,title,division,department,responsible,created,due,status\n"
              "M0001,清理挂牌,370502,,李娜,2024-03-02,2024-05-31,done\n"
              "M0002,证明事项清单,370502,,,2024-03-02,2024-05-31,open\n");
    EXPECT_EQ(ledger.links_csv(), "problem,measure,date,actor\nP0001,M0001,2024-03-02,专班\nP0002,M0002,2024-03-02,专班\n");
    const std::string history = ledger.history_csv();
    EXPECT_THAT(history, HasSubstr("sequence,ledger,item,date,action,actor,note,other\n"
                                   "0,problem,P0001,2024-03-01,created,专班,,\n"));
    EXPECT_THAT(history, HasSubstr("6,problem,P0002,2024-03-03,linked,专班,,M0001\n"
                                   "7,problem,P0002,2024-03-04,unlinked,专班,误关联,M0001\n"));
    EXPECT_THAT(history, HasSubstr("11,measure,M0001,2024-05-03,reopened,李娜,反弹,\n"
                                   "11,problem,P0001,2024-05-03,unverified,李娜,verification lapsed: measure M0001 was "
                                   "reopened,M0001\n"));
}

TEST(DualLedgerCsv, RoundTripsThroughTheJournal) {
    const DualLedger ledger = sample();
    const DualLedger back =
        DualLedger::parse_csv(ledger.problems_csv(), ledger.measures_csv(), ledger.links_csv(), ledger.history_csv());
    ASSERT_EQ(back.problems().size(), 2U);
    ASSERT_EQ(back.measures().size(), 2U);
    for (std::size_t i = 0; i < 2; ++i) {
        const Problem& a = ledger.problems()[i];
        const Problem& b = back.problems()[i];
        EXPECT_EQ(a.number, b.number);
        EXPECT_EQ(a.title, b.title);
        EXPECT_EQ(a.owner, b.owner);
        EXPECT_EQ(a.status, b.status);
        EXPECT_EQ(a.source, b.source);
        EXPECT_EQ(a.measures, b.measures);
        EXPECT_EQ(a.history, b.history);
        EXPECT_EQ(a.reopens, b.reopens);
        EXPECT_EQ(a.struck_off_on, b.struck_off_on);
        EXPECT_EQ(ledger.measures()[i].history, back.measures()[i].history);
        EXPECT_EQ(ledger.measures()[i].completed_by, back.measures()[i].completed_by);
    }
    EXPECT_EQ(back.history_csv(), ledger.history_csv());

    const std::filesystem::path folder = std::filesystem::temp_directory_path() / "grassroots-ledger-csv-test";
    std::filesystem::remove_all(folder);
    ledger.write_csv(folder);
    EXPECT_EQ(DualLedger::read_csv(folder).history_csv(), ledger.history_csv());
    std::filesystem::remove_all(folder);
}

TEST(DualLedgerCsv, ReadsItemsAndLinksWithoutHistory) {
    const DualLedger ledger = DualLedger::parse_csv(
        "number,title,division,department,raised,due,source_kind,source_reference\n"
        "Q1,挂牌多,370502005066,,2024-03-01,2024-06-30,,\n"
        "Q2,证明多,,市司法局,2024-03-01,2024-06-30,协商议事,370502005066/2024-02-20/减负议事#0\n",
        "number,title,division,department,responsible,created,due\nW1,清理挂牌,370502,,李娜,2024-03-02,2024-05-31\n",
        "problem,measure,date,actor\nQ1,W1,2024-03-02,专班\nQ2,W1,2024-03-03,专班\n");
    EXPECT_EQ(ledger.problems().size(), 2U);
    EXPECT_EQ(ledger.problem(ledger.find_problem("Q2")).source.kind, ProblemSourceKind::consultation);
    EXPECT_EQ(ledger.measure(ledger.find_measure("W1")).problems.size(), 2U);
    EXPECT_EQ(ledger.problem(ledger.find_problem("Q1")).history[0].actor, "import");
}

TEST(DualLedgerCsv, ErrorsNameTheFileRowAndField) {
    const std::string problems =
        "number,title,division,department,raised,due,source_kind,source_reference,status\n"
        "P1,挂牌多,370502005066,,2024-03-01,2024-06-30,direct,,open\n";
    const std::string measures = "number,title,division,department,responsible,created,due,status\n"
                                 "M1,清理挂牌,370502,,李娜,2024-03-02,2024-05-31,open\n";
    const std::string links = "problem,measure,date,actor\n";
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)DualLedger::parse_csv(problems + "P2,x,37x,,2024-03-01,2024-06-30,direct,,open\n", measures, links);
                }),
                HasSubstr("problems.csv, row 3, field 'division'"));
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)DualLedger::parse_csv(problems + "P2,x,,局,2024-03-01,2024-02-30,direct,,open\n", measures, links);
                }),
                HasSubstr("problems.csv, row 3, field 'due'"));
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)DualLedger::parse_csv(problems + "P1,x,,局,2024-03-01,2024-06-30,direct,,open\n", measures, links);
                }),
                HasSubstr("problems.csv, row 3, field 'number': problem number P1 appears twice"));
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)DualLedger::parse_csv(problems, measures, links + "P1,M9,2024-03-02,专班\n");
                }),
                HasSubstr("links.csv, row 2, field 'measure': the ledger has no measure numbered 'M9'"));
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)DualLedger::parse_csv(problems, measures, links + "P1,M1,2024-03-01,专班\n");
                }),
                HasSubstr("links.csv, row 2, field 'date': date 2024-03-01 is before the latest entry of measure M1"));
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)DualLedger::parse_csv(problems, measures, links + "P1,M1,2024-03-02,专班\nP1,M1,2024-03-02,专班\n");
                }),
                HasSubstr("links.csv, row 3, field 'measure': problem P1 and measure M1 are listed twice"));
    std::string struck = problems;
    struck.replace(struck.rfind("open"), 4, "struck_off");
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)DualLedger::parse_csv(struck, measures, links); }),
                HasSubstr("problems.csv, row 2, field 'status': status struck_off needs history.csv"));
    // A journal that breaks the 销号 rule is refused at its row.
    const std::string history = "sequence,ledger,item,date,action,actor,note,other\n"
                                "0,problem,P1,2024-03-01,created,专班,,\n"
                                "1,measure,M1,2024-03-02,created,专班,,\n"
                                "2,problem,P1,2024-03-02,linked,专班,,M1\n"
                                "3,problem,P1,2024-03-10,struck_off,专班,,\n";
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)DualLedger::parse_csv(problems, measures, links + "P1,M1,2024-03-02,专班\n", history);
                }),
                HasSubstr("history.csv, row 5, field 'action': ledger.strike_off.measures: problem P1 '挂牌多' cannot be struck off (销号): measures "
                          "not done: M1 '清理挂牌' (open)"));
    const std::string short_history = "sequence,ledger,item,date,action,actor,note,other\n0,problem,P1,2024-03-01,created,专班,,\n";
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)DualLedger::parse_csv(problems, measures, links, short_history); }),
                HasSubstr("measures.csv, row 2, field 'number': measure M1 has no created row in history.csv"));
    const std::string linked_history = history.substr(0, history.rfind("3,problem"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)DualLedger::parse_csv(problems, measures, links, linked_history); }),
                HasSubstr("links.csv: links.csv does not list the links history.csv leaves (1 links, links.csv has 0)"));
    EXPECT_THAT(error_message<FileError>([] { (void)DualLedger::read_csv("/nonexistent/ledger"); }), HasSubstr("problems.csv"));
}

}  // namespace
}  // namespace grassroots
