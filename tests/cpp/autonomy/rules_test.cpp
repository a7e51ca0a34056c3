#include "grassroots/autonomy/rules.hpp"

#include <gtest/gtest.h>

#include "grassroots/error.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;

TEST(Threshold, MoreThanHalfIsStrict) {
    const Threshold half{1, 2, true};
    EXPECT_FALSE(half.met(50, 100));
    EXPECT_TRUE(half.met(51, 100));
    EXPECT_FALSE(half.met(2, 5));
    EXPECT_TRUE(half.met(3, 5));
    EXPECT_EQ(half.minimum(100), 51);
    EXPECT_EQ(half.minimum(101), 51);
    EXPECT_EQ(half.minimum(0), 1);
    EXPECT_EQ(half.to_string(), "more than 1/2");
}

TEST(Threshold, AtLeastIncludesTheBoundary) {
    const Threshold fifth{1, 5, false};
    EXPECT_TRUE(fifth.met(20, 100));
    EXPECT_FALSE(fifth.met(19, 100));
    EXPECT_TRUE(fifth.met(21, 101) && !fifth.met(20, 101));
    EXPECT_EQ(fifth.minimum(101), 21);
    const Threshold two_thirds{2, 3, false};
    EXPECT_TRUE(two_thirds.met(6, 9));
    EXPECT_FALSE(two_thirds.met(5, 9));
    EXPECT_EQ(two_thirds.minimum(10), 7);
    EXPECT_EQ(two_thirds.to_string(), "at least 2/3");
}

TEST(RuleBook, EditionsInForceByDate) {
    const RuleBook book = RuleBook::china();
    EXPECT_EQ(book.in_force(CommitteeKind::residents, make_date(2000, 6, 1)).id(), "rc-1989");
    EXPECT_EQ(book.in_force(CommitteeKind::residents, make_date(2018, 12, 28)).id(), "rc-1989");
    EXPECT_EQ(book.in_force(CommitteeKind::residents, make_date(2018, 12, 29)).id(), "rc-2018");
    EXPECT_EQ(book.in_force(CommitteeKind::residents, make_date(2025, 12, 31)).id(), "rc-2018");
    EXPECT_EQ(book.in_force(CommitteeKind::residents, make_date(2026, 1, 1)).id(), "rc-2025");
    EXPECT_EQ(book.in_force(CommitteeKind::villagers, make_date(2025, 12, 31)).id(), "vc-2018");
    EXPECT_EQ(book.in_force(CommitteeKind::villagers, make_date(2026, 1, 1)).id(), "vc-2025");
    EXPECT_EQ(book.effective_until(book.edition("vc-2018")), make_date(2025, 12, 31));
    EXPECT_EQ(rules_in_force(CommitteeKind::villagers, make_date(2015, 1, 1)).id(), "vc-2010");
    EXPECT_EQ(error_message<NotFound>([&] { (void)book.in_force(CommitteeKind::residents, make_date(1989, 12, 31)); }),
              "no 居民委员会 rules in force on 1989-12-31: the first edition takes effect on 1990-01-01");
    EXPECT_EQ(book.effective_until(book.edition("rc-2018")), make_date(2025, 12, 31));
    EXPECT_FALSE(book.effective_until(book.edition("rc-2025")).has_value());
}

TEST(RuleBook, RulesCarryValuesSourcesAndVerification) {
    const RuleBook book = RuleBook::china();
    const Rule& size = book.edition("rc-2018").rule("committee.size");
    EXPECT_EQ(size.range(), (IntRange{5, 9}));
    EXPECT_EQ(size.source.article, "第七条");
    EXPECT_TRUE(size.verified);
    EXPECT_EQ(book.edition("rc-1989").rule("committee.term_years").range(), (IntRange{3, 3}));
    EXPECT_EQ(book.edition("rc-2018").rule("committee.term_years").range(), (IntRange{5, 5}));
    const Rule& scale = book.edition("rc-2025").rule("unit.households");
    EXPECT_EQ(scale.range(), (IntRange{1000, 3000}));
    EXPECT_TRUE(scale.verified);
    EXPECT_FALSE(book.edition("rc-2025").rule("committee.size").verified);
    EXPECT_TRUE(book.edition("rc-2025").has("assembly.quorum"));
    EXPECT_FALSE(book.edition("rc-2018").has("assembly.quorum"));
    EXPECT_EQ(book.edition("vc-2018").rule("assembly.women_share").threshold(), (Threshold{1, 3, false}));
    EXPECT_EQ(book.edition("vc-2018").rule("committee.size").range(), (IntRange{3, 7}));
    EXPECT_TRUE(book.edition("vc-2018").rule("assembly.women_share").verified);  // checked against the 2018 text
    EXPECT_FALSE(book.edition("vc-2018").rule("group.head").verified);         // art. 28 only "likely"
    EXPECT_EQ(error_message<NotFound>([&] { (void)book.edition("rc-2018").rule("nope"); }),
              "edition 'rc-2018' has no rule 'nope'");
    EXPECT_THROW((void)book.edition("xx"), NotFound);
    EXPECT_THROW((void)size.threshold(), InvalidInput);
}

TEST(RuleBook, The2025VillagersAmendmentCarriesThe2018NumbersUnverified) {
    const RuleBook book = RuleBook::china();
    const RuleSet& vc2018 = book.edition("vc-2018");
    const RuleSet& vc2025 = book.edition("vc-2025");
    EXPECT_EQ(vc2025.effective_from(), make_date(2026, 1, 1));
    EXPECT_EQ(vc2025.title(), "中华人民共和国村民委员会组织法 (2025年修正)");
    ASSERT_EQ(vc2025.rules().size(), vc2018.rules().size());
    for (const Rule& rule : vc2025.rules()) {
        EXPECT_EQ(rule.value, vc2018.rule(rule.id).value) << rule.id;  // the numbers carry over
        EXPECT_FALSE(rule.verified) << rule.id;
        if (rule.source.law == vc2025.title()) {
            EXPECT_EQ(rule.source.article, "") << rule.id << ": no 2018 article number is in force after 2025-12-31";
            EXPECT_NE(rule.summary.find("not seen"), std::string::npos) << rule.id;
        }
    }
    // No edition cites a 2018 article as in force after 2025-12-31.
    for (const RuleSet& edition : {std::cref(vc2025), std::cref(book.edition("rc-2025"))}) {
        for (const Rule& rule : edition.rules()) {
            if (rule.source.law == edition.title()) {
                EXPECT_EQ(rule.source.article, "") << edition.id() << " " << rule.id;
            }
        }
    }
}

TEST(RuleBook, The2025ResidentsConveningThresholdsAreMarkedUnverified) {
    const RuleBook book = RuleBook::china();
    for (const char* id : {"meeting.convene.adults", "meeting.convene.households", "meeting.convene.groups"}) {
        const Rule& convene = book.edition("rc-2025").rule(id);
        EXPECT_FALSE(convene.verified) << id;
        EXPECT_NE(convene.summary.find("the 2025 drafts lowered it"), std::string::npos) << id;
        EXPECT_EQ(convene.threshold(), book.edition("rc-2018").rule(id).threshold()) << id;
        EXPECT_TRUE(book.edition("rc-2018").rule(id).verified) << id;
    }
}

TEST(RuleSet, OverridesAreCheckedAndRecorded) {
    RuleBook book = RuleBook::china();
    RuleSet& rules = book.edition("rc-2025");
    rules.override_range("committee.size", IntRange{7, 11}, "Dongying 2026 local rule (example)");
    EXPECT_EQ(rules.rule("committee.size").range(), (IntRange{7, 11}));
    EXPECT_EQ(rules.rule("committee.size").override_note, "Dongying 2026 local rule (example)");
    EXPECT_EQ(error_message<InvalidInput>([&] { rules.override_range("committee.size", IntRange{9, 7}, "x"); }),
              "rule 'committee.size' of edition 'rc-2025': range 9–7 has min > max");
    EXPECT_EQ(rules.rule("committee.size").range(), (IntRange{7, 11}));  // unchanged after the error
    EXPECT_THROW(rules.override_range("committee.size", IntRange{5, 9}, ""), InvalidInput);
    EXPECT_THROW(rules.override_range("meeting.quorum", IntRange{1, 2}, "x"), InvalidInput);
    EXPECT_THROW(rules.override_threshold("meeting.quorum", Threshold{3, 2, false}, "x"), InvalidInput);
    EXPECT_THROW(rules.override_threshold("nope", Threshold{1, 2, false}, "x"), NotFound);
    rules.override_threshold("assembly.quorum", Threshold{1, 2, true}, "checked against the official text");
    EXPECT_EQ(rules.rule("assembly.quorum").threshold().to_string(), "more than 1/2");
}

TEST(RuleBook, BadEditionsAreRefused) {
    RuleBook book = RuleBook::china();
    EXPECT_THROW(book.add(RuleSet("rc-2018", "x", CommitteeKind::residents, make_date(2030, 1, 1), {})), InvalidInput);
    EXPECT_THROW(book.add(RuleSet("local", "x", CommitteeKind::residents, make_date(2026, 1, 1), {})), InvalidInput);
    const Rule twice{"a", "", {}, {}, true, {}};
    EXPECT_EQ(error_message<InvalidInput>([&] { RuleSet("s", "t", CommitteeKind::villagers, make_date(2030, 1, 1), {twice, twice}); }),
              "edition 's' lists rule 'a' twice");
    book.add(RuleSet("dongying-2030", "local", CommitteeKind::residents, make_date(2030, 1, 1), {}));
    EXPECT_EQ(book.in_force(CommitteeKind::residents, make_date(2031, 1, 1)).id(), "dongying-2030");
}

}  // namespace
}  // namespace grassroots

namespace grassroots {
namespace {

TEST(RuleBook, EditionReferencesSurviveAddAndCopiesAreDeep) {
    RuleBook book = RuleBook::china();
    const RuleSet& rc2018 = book.edition("rc-2018");
    book.add(RuleSet("local-2027", "local", CommitteeKind::residents, make_date(2027, 1, 1), {}));
    book.add(RuleSet("local-1995", "local", CommitteeKind::residents, make_date(1995, 1, 1), {}));
    EXPECT_EQ(rc2018.id(), "rc-2018");  // still valid after the book re-sorted
    EXPECT_EQ(book.editions().size(), 8U);
    EXPECT_EQ(book.editions().front().get().id(), "rc-1989");
    RuleBook copy = book;
    copy.edition("rc-2018").override_range("committee.size", IntRange{6, 8}, "copy only");
    EXPECT_EQ(book.edition("rc-2018").rule("committee.size").range(), (IntRange{5, 9}));
    EXPECT_EQ(copy.edition("rc-2018").rule("committee.size").range(), (IntRange{6, 8}));
}

TEST(Threshold, ZeroDenominatorIsNeverMet) {
    const Threshold broken{1, 0, false};
    EXPECT_FALSE(broken.met(5, 10));
    EXPECT_EQ(broken.minimum(10), 0);
}

}  // namespace
}  // namespace grassroots
