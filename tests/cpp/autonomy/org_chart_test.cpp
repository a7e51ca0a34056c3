#include <gtest/gtest.h>

#include <string>

#include "grassroots/autonomy/org_chart.hpp"
#include "grassroots/autonomy/synthetic.hpp"

namespace grassroots {
namespace {

const Date elected = make_date(2021, 5, 20);

AutonomyChain small_chain() {
    AutonomyChain chain(CommitteeKind::residents, DivisionCode("370502005066"), "锦苑社区居民委员会", elected);
    const GroupId group = chain.add_group("第一居民小组", 38, 80);
    const PersonId director = chain.add_person({"王\"芳\"", Sex::female, std::nullopt, std::nullopt, 0, true});
    const PersonId head = chain.add_person({"李强", Sex::male, std::nullopt, group, 0, true});
    const PersonId representative = chain.add_person({"赵敏", Sex::female, std::nullopt, group, 0, false});
    chain.appoint(PostKind::director, director, elected);
    chain.appoint_group_head(group, head, elected);
    chain.elect_representative(group, representative, elected, make_date(2022, 1, 1));
    const SubordinateCommitteeId mediation = chain.add_subordinate_committee(SubordinateKind::mediation);
    chain.appoint_to_subordinate(mediation, head, true, elected);
    const PartyOrganisationId top = chain.add_party_organisation(PartyOrganisationKind::party_committee, "锦苑社区党委");
    const PartyOrganisationId branch = chain.add_party_organisation(PartyOrganisationKind::grid_branch, "第一网格党支部", top);
    chain.appoint_party_post(top, PostKind::party_secretary, director, elected);
    chain.appoint_party_post(branch, PostKind::party_secretary, head, elected);
    return chain;
}

TEST(OrgChart, DrawsEveryLevelWithThePostsHeldThatDay) {
    const std::string dot = to_dot(small_chain(), make_date(2021, 6, 1));
    EXPECT_EQ(dot.rfind("digraph chain {", 0), 0U);
    EXPECT_NE(dot.find("committee [label=\"锦苑社区居民委员会\\n居民委员会\\n主任 王\\\"芳\\\"\""), std::string::npos) << dot;
    EXPECT_NE(dot.find("s0 [label=\"人民调解委员会\\n下属委员会主任 李强\"]"), std::string::npos) << dot;
    EXPECT_NE(dot.find("g0 [label=\"第一居民小组\\n38 户\\n组长 李强\"]"), std::string::npos) << dot;
    EXPECT_NE(dot.find("r0 [label=\"代表 赵敏\", shape=note]"), std::string::npos) << dot;
    EXPECT_NE(dot.find("committee -> g0;"), std::string::npos);
    EXPECT_NE(dot.find("g0 -> r0;"), std::string::npos);
    EXPECT_NE(dot.find("subgraph cluster_party"), std::string::npos);
    EXPECT_NE(dot.find("p0 -> p1;"), std::string::npos);
    EXPECT_NE(dot.find("p0 -> committee [style=dashed"), std::string::npos);
    EXPECT_EQ(dot.find("p1 -> committee"), std::string::npos);  // only the top organisation leads
}

TEST(OrgChart, LeavesOutPostsThatEndedOrHadNotBegun) {
    const AutonomyChain chain = small_chain();
    const std::string later = to_dot(chain, make_date(2023, 1, 1));
    EXPECT_EQ(later.find("赵敏"), std::string::npos);  // the representative's term ended in 2022
    EXPECT_EQ(later.find("r0"), std::string::npos);
    const std::string before = to_dot(chain, make_date(2020, 1, 1));
    EXPECT_EQ(before.find("李强"), std::string::npos);
    EXPECT_NE(before.find("g0 [label=\"第一居民小组\\n38 户\"]"), std::string::npos);
}

TEST(OrgChart, AnEmptyChainIsOneNode) {
    const AutonomyChain chain(CommitteeKind::villagers, DivisionCode("370502102201"), "某村民委员会", elected);
    const std::string dot = to_dot(chain, elected);
    EXPECT_NE(dot.find("committee [label=\"某村民委员会\\n村民委员会\""), std::string::npos) << dot;
    EXPECT_EQ(dot.find("->"), std::string::npos);
    EXPECT_EQ(dot.find("cluster_party"), std::string::npos);
}

TEST(OrgChart, IsTheSameForTheSameChainAndDay) {
    const AutonomyChain a = synthetic_chain(DivisionCode("370502005066"), "锦苑社区居民委员会", elected, 7);
    const AutonomyChain b = synthetic_chain(DivisionCode("370502005066"), "锦苑社区居民委员会", elected, 7);
    EXPECT_EQ(to_dot(a, elected), to_dot(b, elected));
    EXPECT_NE(to_dot(a, elected).find("书记"), std::string::npos);
}

}  // namespace
}  // namespace grassroots
