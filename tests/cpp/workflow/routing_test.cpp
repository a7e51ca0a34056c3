// Responsibility lists and routing: rungs, validation, scopes, owner-first components,
// territory-first events, escalation and CSV.
#include "grassroots/workflow/routing.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "grassroots/error.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;

const DivisionCode jinyuan("370502005066");  // 锦苑社区, 胜利街道, 东营区
const DivisionCode shengli("370502005");     // 胜利街道
const DivisionCode other_community("370502003001");

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

ResponsibilityEntry row(std::string matter, Rung rung, std::string primary, std::vector<std::string> cooperating = {},
                        std::optional<DivisionCode> scope = std::nullopt) {
    return ResponsibilityEntry{std::move(matter), rung, scope, std::move(primary), std::move(cooperating), "test list"};
}

class Routing : public ::testing::Test {
protected:
    void SetUp() override {
        list.add(row("event:0502", Rung::community, "社区居委会", {"城管执法中队"}));
        list.add(row("event:0502", Rung::township, "街道城管科"));
        list.add(row("event:0502", Rung::township, "胜利街道综合执法队", {"市场监管所"}, shengli));
        list.add(row("event:0102", Rung::grid, "网格员"));
        list.add(row("event:0102", Rung::community, "社区居委会", {"物业公司"}));
        list.add(row("component:0101", Rung::community, "社区居委会", {"物业公司"}));
        list.add(row("component:0201", Rung::county, "区城管局"));
    }

    MatterCatalogue catalogue = MatterCatalogue::urban_sample();
    ResponsibilityList list;
};

TEST(Rung, NamesLevelsAndParsing) {
    EXPECT_EQ(to_string(Rung::grid), "grid");
    EXPECT_EQ(to_string(Rung::community), "community");
    EXPECT_EQ(to_string(Rung::township), "township");
    EXPECT_EQ(to_string(Rung::county), "county");
    EXPECT_EQ(to_string(Rung::city), "city");
    EXPECT_EQ(chinese_name(Rung::grid), "网格");
    EXPECT_EQ(chinese_name(Rung::community), "社区/村");
    EXPECT_EQ(chinese_name(Rung::township), "乡镇/街道");
    EXPECT_EQ(chinese_name(Rung::county), "县/区");
    EXPECT_EQ(chinese_name(Rung::city), "市");
    EXPECT_EQ(parse_rung("county"), Rung::county);
    EXPECT_EQ(parse_rung("乡镇/街道"), Rung::township);
    EXPECT_EQ(error_message<InvalidInput>([] { (void)parse_rung("province"); }),
              "unknown rung 'province' (expected grid, community, township, county, city, 网格, 社区/村, 乡镇/街道, 县/区, 市)");
    EXPECT_EQ(division_level(Rung::grid), Level::village);
    EXPECT_EQ(division_level(Rung::community), Level::village);
    EXPECT_EQ(division_level(Rung::township), Level::township);
    EXPECT_EQ(division_level(Rung::county), Level::county);
    EXPECT_EQ(division_level(Rung::city), Level::prefecture);
    EXPECT_EQ(rung_of(Level::village), Rung::community);
    EXPECT_EQ(rung_of(Level::township), Rung::township);
    EXPECT_EQ(rung_of(Level::county), Rung::county);
    EXPECT_EQ(rung_of(Level::prefecture), Rung::city);
    EXPECT_EQ(error_message<InvalidInput>([] { (void)rung_of(Level::province); }),
              "the province level has no rung on the escalation ladder (grid, community, township, county, city)");
}

TEST(ResponsibilityList, AddRefusesBadRowsAndAddsNothing) {
    ResponsibilityList list;
    list.add(row("event:0502", Rung::township, "街道城管科", {"市场监管所"}));
    EXPECT_EQ(error_message<InvalidInput>([&] { list.add(row("", Rung::township, "街道")); }),
              "field 'matter': responsibility row (no matter) at township everywhere: the matter is empty");
    EXPECT_EQ(error_message<InvalidInput>([&] { list.add(row("event:0101", Rung::community, "")); }),
              "field 'primary': responsibility row event:0101 at community everywhere: no primary unit (主体责任); "
              "exactly one is needed");
    EXPECT_EQ(error_message<InvalidInput>([&] { list.add(row("event:0101", Rung::county, "区城管局", {"区城管局"}, shengli)); }),
              "field 'cooperating': responsibility row event:0101 at county within 370502005: primary unit 区城管局 is "
              "also listed as cooperating (配合责任)");
    EXPECT_EQ(error_message<InvalidInput>([&] { list.add(row("event:0101", Rung::county, "区城管局", {"a", "b", "a"})); }),
              "field 'cooperating': responsibility row event:0101 at county everywhere: cooperating unit a is listed twice");
    EXPECT_EQ(error_message<InvalidInput>([&] { list.add(row("event:0101", Rung::county, "区城管局", {"a", ""})); }),
              "field 'cooperating': responsibility row event:0101 at county everywhere: cooperating unit 2 is empty");
    EXPECT_EQ(error_message<InvalidInput>([&] { list.add(row("event:0101", Rung::county, "区城管局", {"a;b"})); }),
              "field 'cooperating': responsibility row event:0101 at county everywhere: cooperating unit 'a;b' holds "
              "';', which separates units in CSV");
    // Two primaries for one matter, rung and scope.
    EXPECT_EQ(error_message<InvalidInput>([&] { list.add(row("event:0502", Rung::township, "街道执法队")); }),
              "field 'primary': responsibility row event:0502 at township everywhere: a second primary unit 街道执法队; "
              "街道城管科 already holds 主体责任 there (exactly one unit does)");
    EXPECT_EQ(list.entries().size(), 1U);
    // Another scope or rung is another row.
    list.add(row("event:0502", Rung::township, "胜利街道综合执法队", {}, shengli));
    list.add(row("event:0502", Rung::county, "区城管局"));
    EXPECT_EQ(list.entries().size(), 3U);
    EXPECT_EQ(error_message<InvalidInput>([&] { list.add(row("event:0502", Rung::township, "x", {}, shengli)); }),
              "field 'primary': responsibility row event:0502 at township within 370502005: a second primary unit x; "
              "胜利街道综合执法队 already holds 主体责任 there (exactly one unit does)");
}

TEST_F(Routing, FindPicksTheNarrowestScope) {
    const ResponsibilityEntry* in_shengli = list.find("event:0502", Rung::township, jinyuan);
    ASSERT_NE(in_shengli, nullptr);
    EXPECT_EQ(in_shengli->primary, "胜利街道综合执法队");
    EXPECT_EQ(list.find("event:0502", Rung::township, shengli)->primary, "胜利街道综合执法队");  // the scope itself
    EXPECT_EQ(list.find("event:0502", Rung::township, other_community)->primary, "街道城管科");
    EXPECT_EQ(list.find("event:0502", Rung::county, jinyuan), nullptr);
    EXPECT_EQ(list.find("event:0999", Rung::township, jinyuan), nullptr);
    // A narrower scope wins whatever the order of the rows.
    ResponsibilityList reversed;
    reversed.add(row("event:0101", Rung::county, "东营区执法局", {}, DivisionCode("370502")));
    reversed.add(row("event:0101", Rung::county, "胜利街道专班", {}, shengli));
    reversed.add(row("event:0101", Rung::county, "东营市执法局", {}, DivisionCode("3705")));
    reversed.add(row("event:0101", Rung::county, "everywhere"));
    EXPECT_EQ(reversed.find("event:0101", Rung::county, jinyuan)->primary, "胜利街道专班");
    EXPECT_EQ(reversed.find("event:0101", Rung::county, other_community)->primary, "东营区执法局");
    EXPECT_EQ(reversed.find("event:0101", Rung::county, DivisionCode("370503"))->primary, "东营市执法局");
    EXPECT_EQ(reversed.find("event:0101", Rung::county, DivisionCode("110101"))->primary, "everywhere");
}

TEST_F(Routing, ComponentGoesToTheTypesOwnerFirst) {
    const Assignment a = list.route(catalogue.at("component:0101"), "", jinyuan, "", Rung::community);
    EXPECT_EQ(a.primary, "供水公司");  // the type's default owner
    EXPECT_EQ(a.cooperating, (std::vector<std::string>{"社区居委会", "物业公司"}));
    EXPECT_EQ(a.rung, Rung::community);
    EXPECT_EQ(a.territory, "370502005066");
    EXPECT_EQ(a.basis, "部件先属主后属地: owner 供水公司, territory 370502005066 (community) cooperating");
}

TEST_F(Routing, ComponentWithAnExplicitOwner) {
    const Assignment a = list.route(catalogue.at("component:0101"), "锦苑小区物业", jinyuan, "", Rung::community);
    EXPECT_EQ(a.primary, "锦苑小区物业");
    EXPECT_EQ(a.cooperating, (std::vector<std::string>{"社区居委会", "物业公司"}));
    // An owner that the territory row names is not also a cooperator.
    const Assignment b = list.route(catalogue.at("component:0101"), "物业公司", jinyuan, "", Rung::community);
    EXPECT_EQ(b.primary, "物业公司");
    EXPECT_EQ(b.cooperating, (std::vector<std::string>{"社区居委会"}));
    // An owner and no territory row: the owner alone, at the starting rung.
    const Assignment c = list.route(catalogue.at("component:0102"), "", jinyuan, "", Rung::community);
    EXPECT_EQ(c.primary, "排水公司");
    EXPECT_TRUE(c.cooperating.empty());
    EXPECT_EQ(c.rung, Rung::community);
    EXPECT_EQ(c.territory, "370502005066");
    EXPECT_EQ(c.basis, "部件先属主后属地: owner 排水公司");
}

TEST_F(Routing, ComponentWithoutOwnerGoesToTheTerritory) {
    const MatterType& parking = catalogue.at("component:0201");
    ASSERT_EQ(parking.owner, "");
    const Assignment a = list.route(parking, "", jinyuan, "", Rung::community);
    EXPECT_EQ(a.primary, "区城管局");
    EXPECT_TRUE(a.cooperating.empty());
    EXPECT_EQ(a.rung, Rung::county);
    EXPECT_EQ(a.territory, "370502");
    EXPECT_EQ(a.basis, "部件先属主后属地: no owner recorded, territory 370502 (county)");
}

TEST_F(Routing, EventGoesToTheTerritoryFirst) {
    const MatterType& stall = catalogue.at("event:0502");
    const Assignment a = list.route(stall, "", jinyuan, "", Rung::community);
    EXPECT_EQ(a.primary, "社区居委会");
    EXPECT_EQ(a.cooperating, (std::vector<std::string>{"城管执法中队"}));
    EXPECT_EQ(a.rung, Rung::community);
    EXPECT_EQ(a.territory, "370502005066");
    EXPECT_EQ(a.basis, "事件先属地后属主: territory 370502005066 (community)");
    // An owner cooperates, once.
    const Assignment b = list.route(stall, "某商铺", jinyuan, "", Rung::community);
    EXPECT_EQ(b.primary, "社区居委会");
    EXPECT_EQ(b.cooperating, (std::vector<std::string>{"城管执法中队", "某商铺"}));
    EXPECT_EQ(b.basis, "事件先属地后属主: territory 370502005066 (community), owner 某商铺 cooperating");
    EXPECT_EQ(list.route(stall, "城管执法中队", jinyuan, "", Rung::community).cooperating,
              (std::vector<std::string>{"城管执法中队"}));
}

TEST_F(Routing, EventWithOnlyAnOwnerGoesToTheOwner) {
    const Assignment a = list.route(catalogue.at("event:0401"), "自来水公司", jinyuan, "", Rung::township);
    EXPECT_EQ(a.primary, "自来水公司");
    EXPECT_EQ(a.rung, Rung::township);
    EXPECT_EQ(a.territory, "370502005");
    EXPECT_EQ(a.basis, "事件先属地后属主: no territory row from township up, owner 自来水公司");
}

TEST_F(Routing, EscalationStartsAtTheGivenRung) {
    const MatterType& stall = catalogue.at("event:0502");
    // From the township the community row is skipped; the 胜利街道 row is narrower than the general one.
    const Assignment a = list.route(stall, "", jinyuan, "", Rung::township);
    EXPECT_EQ(a.primary, "胜利街道综合执法队");
    EXPECT_EQ(a.cooperating, (std::vector<std::string>{"市场监管所"}));
    EXPECT_EQ(a.rung, Rung::township);
    EXPECT_EQ(a.territory, "370502005");
    EXPECT_EQ(a.basis, "事件先属地后属主: territory 370502005 (township)");
    EXPECT_EQ(list.route(stall, "", other_community, "", Rung::township).primary, "街道城管科");
    // A township-level unit has no grid or community rung.
    const Assignment b = list.route(stall, "", shengli, "", Rung::grid);
    EXPECT_EQ(b.rung, Rung::township);
    EXPECT_EQ(b.primary, "胜利街道综合执法队");
    // Nothing above the township for this matter: from the county up there is no row.
    EXPECT_EQ(error_message<NotFound>([&] { (void)list.route(stall, "", jinyuan, "", Rung::county); }),
              "no unit responsible for event:0502 (占道经营) at 370502005066: no responsibility row from rung county up "
              "to city and no owner");
}

TEST_F(Routing, GridRungNeedsAGrid) {
    const MatterType& garbage = catalogue.at("event:0102");
    const Assignment a = list.route(garbage, "", jinyuan, "37050200506601", Rung::grid);
    EXPECT_EQ(a.primary, "网格员");
    EXPECT_EQ(a.rung, Rung::grid);
    EXPECT_EQ(a.territory, "37050200506601");
    EXPECT_EQ(a.basis, "事件先属地后属主: territory 37050200506601 (grid)");
    const Assignment b = list.route(garbage, "", jinyuan, "", Rung::grid);  // no grid: start at the community
    EXPECT_EQ(b.primary, "社区居委会");
    EXPECT_EQ(b.rung, Rung::community);
    EXPECT_EQ(b.territory, "370502005066");
}

TEST_F(Routing, NotFoundWhenNothingApplies) {
    EXPECT_EQ(error_message<NotFound>([&] { (void)list.route(catalogue.at("event:0401"), "", jinyuan, "", Rung::community); }),
              "no unit responsible for event:0401 (路面塌陷) at 370502005066: no responsibility row from rung community up "
              "to city and no owner");
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  (void)list.route(catalogue.at("event:0502"), "", DivisionCode("37"), "", Rung::community);
              }),
              "cannot route event:0502 at 37: a province-level unit is above every rung of the ladder");
}

TEST_F(Routing, ValidateListsEveryProblem) {
    MatterCatalogue small;
    small.add(catalogue.at("event:0502"));
    small.add(catalogue.at("event:0101"));
    small.add(catalogue.at("component:0101"));
    small.add(catalogue.at("component:0102"));
    ResponsibilityList partial;
    partial.add(row("event:0502", Rung::community, "社区居委会"));
    partial.add(row("component:0101", Rung::community, "社区居委会"));
    partial.add(row("event:0999", Rung::township, "街道"));
    EXPECT_EQ(error_message<InvalidInput>([&] { partial.validate(small); }),
              "the responsibility list does not fit the matter catalogue (3 problems): row 3 (event:0999 at township "
              "everywhere): matter event:0999 is not in the catalogue; event:0101 (私搭乱建) has no primary unit (主体责任) "
              "at any rung; component:0102 (污水井盖) has no primary unit (主体责任) at any rung");
    // Every matter of the sample lacks a row but the four in the fixture.
    const std::string message = error_message<InvalidInput>([&] { list.validate(catalogue); });
    EXPECT_TRUE(contains(message, "(" + std::to_string(catalogue.size() - 4) + " problems)")) << message;
    EXPECT_TRUE(contains(message, "event:0401 (路面塌陷) has no primary unit")) << message;
    EXPECT_FALSE(contains(message, "event:0502")) << message;
    ResponsibilityList complete;
    for (const MatterType& t : small.types()) complete.add(row(t.key(), Rung::township, "街道"));
    EXPECT_NO_THROW(complete.validate(small));
}

TEST_F(Routing, CsvRoundTrip) {
    const std::string csv = list.to_csv();
    EXPECT_EQ(csv.substr(0, csv.find('\n')), "matter,rung,scope,primary,cooperating,source");
    EXPECT_TRUE(contains(csv, "\nevent:0502,township,370502005,胜利街道综合执法队,市场监管所,test list\n")) << csv;
    EXPECT_TRUE(contains(csv, "\ncomponent:0101,community,,社区居委会,物业公司,test list\n")) << csv;
    const ResponsibilityList back = ResponsibilityList::parse_csv(csv, "list.csv");
    EXPECT_EQ(back.entries(), list.entries());
    EXPECT_EQ(back.to_csv(), csv);
}

TEST(ResponsibilityCsv, ParsesScopesAndCooperators) {
    const ResponsibilityList list = ResponsibilityList::parse_csv(
        "matter,rung,scope,primary,cooperating,source\n"
        "event:0502,乡镇/街道,370502005,胜利街道综合执法队,市场监管所; 派出所,\"《\"\"属地管理\"\"事项主体责任和配合责任清单》\"\n"
        "event:0502,county,,区城管局,,\n",
        "list.csv");
    ASSERT_EQ(list.entries().size(), 2U);
    const ResponsibilityEntry& first = list.entries()[0];
    EXPECT_EQ(first.rung, Rung::township);
    EXPECT_EQ(first.scope, shengli);
    EXPECT_EQ(first.cooperating, (std::vector<std::string>{"市场监管所", "派出所"}));
    EXPECT_EQ(first.source, "《\"属地管理\"事项主体责任和配合责任清单》");
    EXPECT_FALSE(list.entries()[1].scope.has_value());
    EXPECT_TRUE(list.entries()[1].cooperating.empty());
}

TEST(ResponsibilityCsv, ErrorsNameSourceRowAndField) {
    const std::string header = "matter,rung,scope,primary,cooperating,source\n";
    const auto parse = [](const std::string& text) { (void)ResponsibilityList::parse_csv(text, "list.csv"); };
    EXPECT_EQ(error_message<InvalidInput>([&] { parse(""); }),
              "list.csv: no header line; expected 'matter,rung,scope,primary,cooperating,source'");
    EXPECT_EQ(error_message<InvalidInput>([&] { parse("matter,rung,scope,primary,source\n"); }),
              "list.csv, row 1: header has no column 'cooperating'");
    EXPECT_EQ(error_message<InvalidInput>([&] { parse(header + "event:0502,street,,a,,\n"); }),
              "list.csv, row 2, field 'rung': unknown rung 'street' (expected grid, community, township, county, city, 网格, 社区/村, 乡镇/街道, 县/区, 市)");
    EXPECT_EQ(error_message<InvalidInput>([&] { parse(header + "event:0502,township,3705029,a,,\n"); }).substr(0, 31),
              "list.csv, row 2, field 'scope':");
    EXPECT_EQ(error_message<InvalidInput>([&] { parse(header + "event:0502,township,,,,\n"); }),
              "list.csv, row 2, field 'primary': responsibility row event:0502 at township everywhere: no primary unit "
              "(主体责任); exactly one is needed");
    EXPECT_EQ(error_message<InvalidInput>([&] { parse(header + "event:0502,township,,a,b;a,\n"); }),
              "list.csv, row 2, field 'cooperating': responsibility row event:0502 at township everywhere: primary unit "
              "a is also listed as cooperating (配合责任)");
    EXPECT_EQ(error_message<InvalidInput>([&] { parse(header + "event:0502,township,,a,b;,\n"); }),
              "list.csv, row 2, field 'cooperating': responsibility row event:0502 at township everywhere: cooperating "
              "unit 2 is empty");
    EXPECT_EQ(error_message<InvalidInput>([&] { parse(header + "event:0502,township,,a,,\n,township,,b,,\n"); }),
              "list.csv, row 3, field 'matter': responsibility row (no matter) at township everywhere: the matter is "
              "empty");
    EXPECT_EQ(error_message<InvalidInput>([&] { parse(header + "event:0502,township,,a,,\n# note\nevent:0502,township,,b,,\n"); }),
              "list.csv, row 4, field 'primary': responsibility row event:0502 at township everywhere: a second primary "
              "unit b; a already holds 主体责任 there (exactly one unit does)");
    EXPECT_EQ(error_message<InvalidInput>([&] { parse(header + "event:0502,township,,a\n"); }),
              "list.csv, row 2: expected 6 fields as in the header, found 4");
}

TEST(ResponsibilityCsv, ReadCsvFromAFile) {
    const std::filesystem::path file = std::filesystem::temp_directory_path() / "grassroots_routing_test.csv";
    {
        std::ofstream out(file);
        out << "matter,rung,scope,primary,cooperating,source\nevent:0502,township,,街道城管科,,\n";
    }
    EXPECT_EQ(ResponsibilityList::read_csv(file).entries().at(0).primary, "街道城管科");
    std::filesystem::remove(file);
    EXPECT_THROW((void)ResponsibilityList::read_csv(file), FileError);
}

}  // namespace
}  // namespace grassroots
