// The built-in editions of China's two organic laws of grassroots self-government, as data.
//
// Sources (see docs/autonomy.md):
// - 中华人民共和国城市居民委员会组织法, adopted 1989-12-26, in force 1990-01-01; amended
//   2018-12-29 (terms 3 → 5 years). Numbers of the 1989/2018 text: verified (docs/domain.md §3).
// - The same law revised 2025-10-28, in force 2026-01-01 (7 chapters, 50 articles): the scale of
//   "generally 1,000–3,000 households" and the residents' representatives' assembly are verified;
//   its article numbers, member counts and assembly rules are NOT, and are carried over as
//   unverified defaults (override them when the official text is checked).
// - 中华人民共和国村民委员会组织法, revised 2010-10-28; amended 2018-12-29 (terms 3 → 5 years).
//   The 2018 text was checked (docs/domain.md §3) for articles 6, 11, 21, 22, 25 and 26: verified;
//   article 28 (group meetings), article 7 (subordinate committees) and the 2010 text: unverified.
// - The same law amended 2025-10-28 (Presidential Order No. 59), in force 2026-01-01: new articles
//   were inserted (the woman-member rule likely moved to article 8), and its thresholds were not seen.
//   Its numbers are the 2018 ones carried over, unverified, with no article cited (the 2018 numbers
//   are not in force after 2025-12-31).
// - In the 2025 residents' revision, the drafts lowered the share of residents needed to convene a
//   residents' meeting: the 2018 convening thresholds carried over are marked so, not verified.
// - Everywhere: one person holds one seat (主任, 副主任 or 委员) of a committee at a time; the
//   committee's size counts distinct persons (由主任、副主任和委员共…人组成).
#include "grassroots/autonomy/rules.hpp"

namespace grassroots {

namespace {

constexpr const char* rc_1989 = "中华人民共和国城市居民委员会组织法 (1989)";
constexpr const char* rc_2018 = "中华人民共和国城市居民委员会组织法 (2018年修正)";
constexpr const char* rc_2025 = "中华人民共和国城市居民委员会组织法 (2025年修订)";
constexpr const char* vc_2010 = "中华人民共和国村民委员会组织法 (2010年修订)";
constexpr const char* vc_2018 = "中华人民共和国村民委员会组织法 (2018年修正)";
constexpr const char* vc_2025 = "中华人民共和国村民委员会组织法 (2025年修正)";

Rule rule(std::string id, std::string summary, Rule::Value value, const char* law, std::string article, bool verified) {
    return Rule{std::move(id), std::move(summary), value, RuleSource{law, std::move(article)}, verified, {}};
}

constexpr Threshold more_than_half{1, 2, true};

// The residents' committee law of 1989 and its 2018 amendment differ only in the term.
std::vector<Rule> residents_rules(const char* law, std::int64_t term_years) {
    return {
        rule("committee.size", "the committee has 5–9 members: director, deputy directors, members (由主任、副主任和委员共五至九人组成)",
             IntRange{5, 9}, law, "第七条", true),
        rule("committee.director", "the committee has exactly one director (主任)", {}, law, "第七条", true),
        rule("committee.one_post", "one person holds one seat (主任, 副主任 or 委员) of the committee at a time", {}, law,
             "第七条", true),
        rule("committee.term_years", "a committee's term in years (每届任期)", IntRange{term_years, term_years}, law,
             "第八条", true),
        rule("unit.households", "a committee is set up for generally 100–700 households (一般在一百户至七百户的范围内设立)",
             IntRange{100, 700}, law, "第六条", true),
        rule("group.head", "each group has a head chosen by the group from its members (小组长由居民小组推选)", {}, law,
             "第十四条", true),
        rule("group.households", "households per group: the 1954 rules said 15–40; local default", IntRange{15, 40},
             "城市居民委员会组织条例 (1954), local default", "", false),
        rule("group.representatives", "each group elects 2–3 representatives (每个居民小组选举代表二至三人)",
             IntRange{2, 3}, law, "第八条、第九条", true),
        rule("representative.one_group", "each representative is elected by exactly one group, the one they live in",
             {}, law, "第九条", true),
        rule("subordinate.duties",
             "mediation, public security and public health are run by subordinate committees, or shared among the "
             "committee's members when there are none (居民较少的…由居民委员会的成员分工负责)",
             {}, law, "第十三条", true),
        rule("subordinate.head_is_member",
             "subordinate committees are headed by committee members (成员可以兼任下属的委员会的成员; local practice)",
             {}, law, "第十三条", false),
        rule("meeting.quorum", "a residents' meeting needs more than half of its base present (过半数出席)",
             more_than_half, law, "第九条", true),
        rule("meeting.decision", "decisions pass with more than half of those present (出席人的过半数通过)", more_than_half,
             law, "第九条", true),
        rule("meeting.convene.adults", "one fifth or more of adult residents can require a meeting (五分之一以上)",
             Threshold{1, 5, false}, law, "第十条", true),
        rule("meeting.convene.households", "one fifth or more of households can require a meeting",
             Threshold{1, 5, false}, law, "第十条", true),
        rule("meeting.convene.groups", "one third or more of the groups can require a meeting (三分之一以上)",
             Threshold{1, 3, false}, law, "第十条", true),
        rule("party.secretary", "every party organisation has a secretary (书记); party rules, not this law", {},
             "中国共产党支部工作条例（试行）(2018)", "", false),
    };
}

std::vector<Rule> residents_rules_2025() {
    std::vector<Rule> rules = residents_rules(rc_2025, 5);
    for (Rule& r : rules) {
        if (r.source.law == rc_2025) {
            r.source.article.clear();  // the revision renumbered its 50 articles; not verified here
            r.verified = false;
        }
        if (r.id.starts_with("meeting.convene.")) {
            r.summary += "; the 2018 share, carried over: the 2025 drafts lowered it, the final text was not seen";
        }
        if (r.id == "unit.households") {
            r.summary = "a committee is set up for generally 1,000–3,000 households (一般在一千户至三千户的范围内设立)";
            r.value = IntRange{1000, 3000};
            r.verified = true;
        }
    }
    rules.push_back(rule("assembly.quorum",
                         "a residents' representatives' assembly (居民代表会议) needs two thirds or more of its members "
                         "present; default by analogy with the villagers' law",
                         Threshold{2, 3, false}, rc_2025, "", false));
    rules.push_back(rule("assembly.decision", "assembly decisions pass with more than half of those present",
                         more_than_half, rc_2025, "", false));
    rules.push_back(rule("assembly.convene.representatives",
                         "one fifth or more of the representatives can require an assembly; default by analogy",
                         Threshold{1, 5, false}, rc_2025, "", false));
    return rules;
}

// The villagers' committee law of 2010 and its 2018 amendment differ only in the term; @p checked marks the
// articles checked against the text.
std::vector<Rule> villagers_rules(const char* law, std::int64_t term_years, bool checked) {
    return {
        rule("committee.size", "the committee has 3–7 members (由主任、副主任和委员共三至七人组成)", IntRange{3, 7}, law,
             "第六条", checked),
        rule("committee.director", "the committee has exactly one director (主任)", {}, law, "第六条", checked),
        rule("committee.one_post", "one person holds one seat (主任, 副主任 or 委员) of the committee at a time", {}, law,
             "第六条", checked),
        rule("committee.woman_member", "the committee has at least one woman (应当有妇女成员)", {}, law, "第六条", checked),
        rule("committee.term_years", "a committee's term in years (每届任期)", IntRange{term_years, term_years}, law,
             "第十一条", checked),
        rule("group.head", "each group has a head chosen by the group (村民小组组长由村民小组会议推选)", {}, law,
             "第二十八条", false),
        rule("representatives.households_per_representative",
             "one representative per 5–15 households (每五户至十五户推选一人)", IntRange{5, 15}, law, "第二十五条", checked),
        rule("representative.one_group", "each representative is chosen by exactly one group, the one they live in",
             {}, law, "第二十五条", checked),
        rule("subordinate.duties",
             "mediation, public security and public health are run by subordinate committees or shared among members",
             {}, law, "第七条", false),
        rule("subordinate.head_is_member", "subordinate committees are headed by committee members (local practice)",
             {}, law, "第七条", false),
        rule("meeting.quorum.adults", "a villagers' meeting needs more than half of adult villagers (过半数)",
             more_than_half, law, "第二十二条", checked),
        rule("meeting.quorum.households", "or representatives of two thirds or more of households (三分之二以上的户)",
             Threshold{2, 3, false}, law, "第二十二条", checked),
        rule("meeting.decision", "decisions pass with more than half of those present (到会人员的过半数)", more_than_half,
             law, "第二十二条", checked),
        rule("meeting.convene.villagers", "one tenth or more of villagers can require a meeting (十分之一以上)",
             Threshold{1, 10, false}, law, "第二十一条", checked),
        rule("meeting.convene.representatives", "one third or more of representatives can require a meeting",
             Threshold{1, 3, false}, law, "第二十一条", checked),
        rule("assembly.representatives_share",
             "representatives are four fifths or more of the assembly's whole membership, committee members included "
             "(村民代表应当占村民代表会议组成人员的五分之四以上); a committee member elected representative counts as a member", Threshold{4, 5, false}, law,
             "第二十五条", checked),
        rule("assembly.women_share", "women representatives are one third or more of the assembly's whole membership, committee members included "
             "(妇女村民代表应当占村民代表会议组成人员的三分之一以上)",
             Threshold{1, 3, false}, law, "第二十五条", checked),
        rule("assembly.quorum", "the assembly needs two thirds or more of its members present (三分之二以上)",
             Threshold{2, 3, false}, law, "第二十六条", checked),
        rule("assembly.decision", "assembly decisions pass with more than half of those present", more_than_half, law,
             "第二十六条", checked),
        rule("assembly.convene.representatives", "one fifth or more of representatives can require an assembly",
             Threshold{1, 5, false}, law, "第二十六条", checked),
        rule("party.secretary", "every party organisation has a secretary (书记); party rules, not this law", {},
             "中国共产党支部工作条例（试行）(2018)", "", false),
    };
}

// The 2025 amendment: the 2018 numbers carried over, none verified, no article cited.
std::vector<Rule> villagers_rules_2025() {
    std::vector<Rule> rules = villagers_rules(vc_2025, 5, false);
    for (Rule& r : rules) {
        if (r.source.law != vc_2025) continue;
        r.source.article.clear();  // new articles were inserted; the 2018 numbers are not in force after 2025-12-31
        r.verified = false;
        r.summary += "; the 2018 value, carried over: the 2025 text was not seen";
    }
    return rules;
}

}  // namespace

RuleBook RuleBook::china() {
    RuleBook book;
    book.add(RuleSet("rc-1989", rc_1989, CommitteeKind::residents, make_date(1990, 1, 1), residents_rules(rc_1989, 3)));
    book.add(RuleSet("rc-2018", rc_2018, CommitteeKind::residents, make_date(2018, 12, 29), residents_rules(rc_2018, 5)));
    book.add(RuleSet("rc-2025", rc_2025, CommitteeKind::residents, make_date(2026, 1, 1), residents_rules_2025()));
    book.add(RuleSet("vc-2010", vc_2010, CommitteeKind::villagers, make_date(2010, 10, 28), villagers_rules(vc_2010, 3, false)));
    book.add(RuleSet("vc-2018", vc_2018, CommitteeKind::villagers, make_date(2018, 12, 29), villagers_rules(vc_2018, 5, true)));
    book.add(RuleSet("vc-2025", vc_2025, CommitteeKind::villagers, make_date(2026, 1, 1), villagers_rules_2025()));
    return book;
}

}  // namespace grassroots
