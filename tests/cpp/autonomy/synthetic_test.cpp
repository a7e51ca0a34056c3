#include "grassroots/autonomy/synthetic.hpp"

#include <gtest/gtest.h>

#include "grassroots/autonomy/validation.hpp"
#include "grassroots/error.hpp"

namespace grassroots {
namespace {

const Date elected = make_date(2021, 5, 20);

TEST(SyntheticChain, SameSeedSameChain) {
    const AutonomyChain a = synthetic_chain(DivisionCode("370502005066"), "锦苑社区居民委员会", elected, 7);
    const AutonomyChain b = synthetic_chain(DivisionCode("370502005066"), "锦苑社区居民委员会", elected, 7);
    const AutonomyChain c = synthetic_chain(DivisionCode("370502005066"), "锦苑社区居民委员会", elected, 8);
    ASSERT_EQ(a.people().size(), b.people().size());
    for (std::size_t i = 0; i < a.people().size(); ++i) EXPECT_EQ(a.people()[i].name, b.people()[i].name);
    EXPECT_EQ(a.households(), b.households());
    EXPECT_TRUE(a.households() != c.households() || a.people()[0].name != c.people()[0].name ||
                a.people().size() != c.people().size());
}

TEST(SyntheticChain, KindFollowsTheVillageClass) {
    EXPECT_EQ(synthetic_chain(DivisionCode("370502005066"), "社区", elected, 1).kind(), CommitteeKind::residents);
    EXPECT_EQ(synthetic_chain(DivisionCode("370502005201"), "村", elected, 1).kind(), CommitteeKind::villagers);
}

TEST(SyntheticChain, IsLawfulUnderTheEditionOfItsTerm) {
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        for (const char* code : {"370502005066", "370502102201", "370523002236", "370502400401"}) {
            const AutonomyChain chain = synthetic_chain(DivisionCode(code), "单位", elected, seed);
            const ValidationReport report = validate(chain, make_date(2024, 6, 1));
            EXPECT_TRUE(report.findings.empty()) << code << " seed " << seed << ": " << report.findings.front().rule_id
                                                 << " " << report.findings.front().message;
            EXPECT_GT(report.entities_checked, 40U);
        }
    }
}

TEST(SyntheticChain, SmallUnitsShareDutiesAndOptionsAreChecked) {
    SyntheticChainOptions small;
    small.min_households = 120;
    small.max_households = 150;
    const AutonomyChain chain = synthetic_chain(DivisionCode("370502005066"), "小社区", elected, 3, small);
    EXPECT_TRUE(chain.subordinate_committees().empty());
    EXPECT_EQ(chain.holders(PostKind::duty, elected).size(), 3U);
    EXPECT_TRUE(validate(chain, make_date(2024, 6, 1)).ok());
    SyntheticChainOptions bad;
    bad.min_households = 10;
    bad.max_households = 5;
    EXPECT_THROW((void)synthetic_chain(DivisionCode("370502005066"), "x", elected, 1, bad), InvalidInput);
}

}  // namespace
}  // namespace grassroots
