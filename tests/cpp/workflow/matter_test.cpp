// The matter catalogue: classes, code layouts, types, CSV and the urban sample.
#include "grassroots/workflow/matter.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "grassroots/error.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;

MatterType component(std::string code, std::string name, std::string owner = {}) {
    return MatterType{MatterClass::component, std::move(code), std::move(name), "公用设施", "urban_management",
                      std::move(owner)};
}

MatterType event(std::string code, std::string name) {
    return MatterType{MatterClass::event, std::move(code), std::move(name), "街面秩序", "urban_management", ""};
}

const std::string header = "class,code,name,category,workflow,owner\n";

TEST(MatterClass, NamesAndParsing) {
    EXPECT_EQ(to_string(MatterClass::component), "component");
    EXPECT_EQ(to_string(MatterClass::event), "event");
    EXPECT_EQ(chinese_name(MatterClass::component), "部件");
    EXPECT_EQ(chinese_name(MatterClass::event), "事件");
    EXPECT_EQ(parse_matter_class("component"), MatterClass::component);
    EXPECT_EQ(parse_matter_class("event"), MatterClass::event);
    EXPECT_EQ(parse_matter_class("部件"), MatterClass::component);
    EXPECT_EQ(parse_matter_class("事件"), MatterClass::event);
    EXPECT_EQ(error_message<InvalidInput>([] { (void)parse_matter_class("Event"); }),
              "unknown matter class 'Event' (expected component, event, 部件, 事件)");
}

TEST(MatterCodeLayout, UrbanStandardIsMajorTwoMinorTwo) {
    const MatterCodeLayout layout = MatterCodeLayout::urban_standard();
    EXPECT_EQ(layout.name(), "major-minor");
    EXPECT_EQ(layout.length(), 4);
    ASSERT_EQ(layout.segments().size(), 2U);
    EXPECT_EQ(layout.segments()[0], (MatterCodeSegment{"major", 2}));
    EXPECT_EQ(layout.segments()[1], (MatterCodeSegment{"minor", 2}));
    EXPECT_NO_THROW(layout.check("0101"));
    EXPECT_EQ(layout.segment("0502", 0), "05");
    EXPECT_EQ(layout.segment("0502", 1), "02");
    EXPECT_EQ(layout, MatterCodeLayout("major-minor", {{"major", 2}, {"minor", 2}}));
}

TEST(MatterCodeLayout, RefusesBadLayouts) {
    EXPECT_EQ(error_message<InvalidInput>([] { MatterCodeLayout("empty", {}); }),
              "matter code layout 'empty' has no segments; it needs at least one");
    EXPECT_EQ(error_message<InvalidInput>([] { MatterCodeLayout("", {{"major", 2}}); }),
              "a matter code layout needs a name");
    EXPECT_EQ(error_message<InvalidInput>([] { MatterCodeLayout("x", {{"major", 2}, {"", 2}}); }),
              "matter code layout 'x': segment 2 has no name");
    EXPECT_EQ(error_message<InvalidInput>([] { MatterCodeLayout("x", {{"major", 2}, {"minor", 5}}); }),
              "matter code layout 'x': segment 'minor' is 5 digits wide; a segment has 1–4 digits");
    EXPECT_EQ(error_message<InvalidInput>([] { MatterCodeLayout("x", {{"major", 0}}); }),
              "matter code layout 'x': segment 'major' is 0 digits wide; a segment has 1–4 digits");
    EXPECT_EQ(error_message<InvalidInput>([] {
                  MatterCodeLayout("wide", {{"a", 4}, {"b", 4}, {"c", 4}, {"d", 1}});
              }),
              "matter code layout 'wide' has 13 digits in all (a 4 + b 4 + c 4 + d 1); at most 12");
    EXPECT_NO_THROW(MatterCodeLayout("twelve", {{"a", 4}, {"b", 4}, {"c", 4}}));
}

TEST(MatterCodeLayout, CheckNamesTheWrongSegment) {
    const MatterCodeLayout layout = MatterCodeLayout::urban_standard();
    EXPECT_EQ(error_message<InvalidInput>([&] { layout.check("01x1"); }),
              "matter code '01x1': minor segment 'x1' must be 2 digits");
    EXPECT_EQ(error_message<InvalidInput>([&] { layout.check("011x"); }),
              "matter code '011x': minor segment '1x' must be 2 digits");
    EXPECT_EQ(error_message<InvalidInput>([&] { layout.check("a101"); }),
              "matter code 'a101': major segment 'a1' must be 2 digits");
    EXPECT_EQ(error_message<InvalidInput>([&] { layout.check("011"); }),
              "matter code '011': minor segment '1' must be 2 digits");
    EXPECT_EQ(error_message<InvalidInput>([&] { layout.check("01"); }),
              "matter code '01': minor segment '' must be 2 digits");
    EXPECT_EQ(error_message<InvalidInput>([&] { layout.check("01011"); }),
              "matter code '01011': has 5 characters; layout 'major-minor' has 4 digits (major 2 + minor 2)");
    EXPECT_EQ(error_message<InvalidInput>([&] { layout.check(""); }),
              "matter code '': is empty; expected 4 digits (major 2 + minor 2)");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)layout.segment("0101", 2); }),
              "matter code layout 'major-minor' has 2 segments; there is no segment 2");
    EXPECT_THROW((void)layout.segment("01x1", 0), InvalidInput);
}

TEST(MatterCodeLayout, OtherLayouts) {
    const MatterCodeLayout city("class-group-item", {{"class", 1}, {"group", 2}, {"item", 3}});
    EXPECT_EQ(city.length(), 6);
    EXPECT_NO_THROW(city.check("101001"));
    EXPECT_EQ(city.segment("101001", 2), "001");
    EXPECT_EQ(error_message<InvalidInput>([&] { city.check("1010x1"); }),
              "matter code '1010x1': item segment '0x1' must be 3 digits");
    EXPECT_EQ(error_message<InvalidInput>([&] { city.check("x01001"); }),
              "matter code 'x01001': class segment 'x' must be 1 digit");
}

TEST(MatterType, KeyIsClassAndCode) {
    EXPECT_EQ(component("0101", "上水井盖").key(), "component:0101");
    EXPECT_EQ(event("0502", "占道经营").key(), "event:0502");
}

TEST(MatterCatalogue, AddFindAt) {
    MatterCatalogue catalogue;
    catalogue.add(component("0101", "上水井盖", "供水公司"));
    catalogue.add(event("0101", "私搭乱建"));  // same code, other class: another key
    catalogue.add(event("0502", "占道经营"));
    EXPECT_EQ(catalogue.size(), 3U);
    ASSERT_NE(catalogue.find("component:0101"), nullptr);
    EXPECT_EQ(catalogue.find("component:0101")->owner, "供水公司");
    EXPECT_EQ(catalogue.at("event:0101").name, "私搭乱建");
    EXPECT_EQ(catalogue.find("event:0999"), nullptr);
    EXPECT_EQ(catalogue.find("nonsense"), nullptr);
    EXPECT_EQ(catalogue.types()[2].name, "占道经营");  // order added
    EXPECT_EQ(error_message<NotFound>([&] { (void)catalogue.at("event:0999"); }),
              "matter type event:0999 is not in the catalogue");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)catalogue.at("0101"); }),
              "matter key '0101' is not <class>:<code>, e.g. event:0102");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)catalogue.at("thing:0101"); }),
              "unknown matter class 'thing' (expected component, event, 部件, 事件)");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)catalogue.at("event:05x2"); }),
              "matter code '05x2': minor segment 'x2' must be 2 digits");
}

TEST(MatterCatalogue, RefusedTypesAddNothing) {
    MatterCatalogue catalogue;
    catalogue.add(component("0101", "上水井盖"));
    EXPECT_EQ(error_message<InvalidInput>([&] { catalogue.add(component("0101", "污水井盖")); }),
              "field 'code': duplicate matter type component:0101 (污水井盖; the catalogue already has 上水井盖)");
    EXPECT_EQ(error_message<InvalidInput>([&] { catalogue.add(component("01x1", "污水井盖")); }),
              "field 'code': matter code '01x1': minor segment 'x1' must be 2 digits");
    EXPECT_EQ(error_message<InvalidInput>([&] { catalogue.add(component("0102", "")); }),
              "field 'name': matter type component:0102 has no name");
    EXPECT_EQ(catalogue.size(), 1U);
    EXPECT_EQ(catalogue.find("component:0102"), nullptr);
    EXPECT_EQ(catalogue.at("component:0101").name, "上水井盖");
}

TEST(MatterCatalogue, CsvRoundTrip) {
    MatterCatalogue catalogue;
    catalogue.add(component("0101", "上水井盖", "供水公司"));
    catalogue.add(MatterType{MatterClass::event, "0201", "非法小广告, \"牛皮癣\"", "宣传广告", "", ""});
    catalogue.add(MatterType{MatterClass::event, "0202", "#hash first", "宣传广告", "", ""});
    const std::string csv = catalogue.to_csv();
    EXPECT_EQ(csv,
              header + "component,0101,上水井盖,公用设施,urban_management,供水公司\n"
                       "event,0201,\"非法小广告, \"\"牛皮癣\"\"\",宣传广告,,\n"
                       "event,0202,\"#hash first\",宣传广告,,\n");
    const MatterCatalogue back = MatterCatalogue::parse_csv(csv, "matters.csv");
    EXPECT_EQ(back.types(), catalogue.types());
    EXPECT_EQ(back.to_csv(), csv);
}

TEST(MatterCatalogue, ParseCsvReadsColumnsByNameAndChineseClasses) {
    const MatterCatalogue catalogue = MatterCatalogue::parse_csv(
        "# a comment\n"
        "code,class,name,note,category,workflow,owner\n"
        "0101,部件,上水井盖,x,公用设施,urban_management,供水公司\n"
        "\n"
        "0502,事件,占道经营,y,街面秩序,urban_management,\n");
    ASSERT_EQ(catalogue.size(), 2U);
    EXPECT_EQ(catalogue.at("component:0101").owner, "供水公司");
    EXPECT_EQ(catalogue.at("event:0502").category, "街面秩序");
}

TEST(MatterCatalogue, ParseCsvErrorsNameSourceRowAndField) {
    const auto parse = [](const std::string& text) { (void)MatterCatalogue::parse_csv(text, "matters.csv"); };
    EXPECT_EQ(error_message<InvalidInput>([&] { parse(""); }),
              "matters.csv: no header line; expected 'class,code,name,category,workflow,owner'");
    EXPECT_EQ(error_message<InvalidInput>([&] { parse("class,code,name,category,workflow\n"); }),
              "matters.csv, row 1: header has no column 'owner'");
    EXPECT_EQ(error_message<InvalidInput>([&] { parse(header + "component,0101,上水井盖,公用设施,x,y\nthing,0102,a,b,c,d\n"); }),
              "matters.csv, row 3, field 'class': unknown matter class 'thing' (expected component, event, 部件, 事件)");
    EXPECT_EQ(error_message<InvalidInput>([&] { parse(header + "event,5,a,b,c,\n"); }),
              "matters.csv, row 2, field 'code': matter code '5': major segment '5' must be 2 digits");
    EXPECT_EQ(error_message<InvalidInput>([&] { parse(header + "event,0501,,b,c,\n"); }),
              "matters.csv, row 2, field 'name': matter type event:0501 has no name");
    EXPECT_EQ(error_message<InvalidInput>([&] { parse(header + "event,0501,a,b,c,\nevent,0501,b,b,c,\n"); }),
              "matters.csv, row 3, field 'code': duplicate matter type event:0501 (b; the catalogue already has a)");
    EXPECT_EQ(error_message<InvalidInput>([&] { parse(header + "event,0501,a,b,c\n"); }),
              "matters.csv, row 2: expected 6 fields as in the header, found 5");
    // The error carries its location apart from the problem.
    try {
        parse(header + "event,0501,a,b,c,\nevent,05x1,b,b,c,\n");
        FAIL() << "did not throw";
    } catch (const InvalidInput& error) {
        EXPECT_EQ(error.where().source, "matters.csv");
        EXPECT_EQ(error.where().row, 3U);
        EXPECT_EQ(error.where().field, "code");
        EXPECT_EQ(error.problem(), "matter code '05x1': minor segment 'x1' must be 2 digits");
    }
}

TEST(MatterCatalogue, ParseCsvInAnotherLayout) {
    const MatterCodeLayout layout("class-item", {{"class", 1}, {"item", 3}});
    const MatterCatalogue catalogue = MatterCatalogue::parse_csv(header + "event,1001,a,b,c,\n", "x.csv", layout);
    EXPECT_EQ(catalogue.layout(), layout);
    EXPECT_EQ(catalogue.at("event:1001").name, "a");
    EXPECT_THROW((void)MatterCatalogue::parse_csv(header + "event,01011,a,b,c,\n", "x.csv", layout), InvalidInput);
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)MatterCatalogue::parse_csv(header + "event,01,a,b,c,\n", "x.csv", layout); }),
              "x.csv, row 2, field 'code': matter code '01': item segment '1' must be 3 digits");
}

TEST(MatterCatalogue, ReadCsvFromAFile) {
    const std::filesystem::path file = std::filesystem::temp_directory_path() / "grassroots_matters_test.csv";
    {
        std::ofstream out(file);
        out << header << "component,0101,上水井盖,公用设施,urban_management,供水公司\n";
    }
    const MatterCatalogue catalogue = MatterCatalogue::read_csv(file);
    EXPECT_EQ(catalogue.at("component:0101").name, "上水井盖");
    {
        std::ofstream out(file);
        out << header << "component,0101,,公用设施,urban_management,供水公司\n";
    }
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)MatterCatalogue::read_csv(file); }),
              "grassroots_matters_test.csv, row 2, field 'name': matter type component:0101 has no name");
    std::filesystem::remove(file);
    EXPECT_THROW((void)MatterCatalogue::read_csv(file), FileError);
}

TEST(MatterCatalogue, UrbanSample) {
    const MatterCatalogue sample = MatterCatalogue::urban_sample();
    EXPECT_EQ(sample.layout(), MatterCodeLayout::urban_standard());
    EXPECT_GE(sample.size(), 20U);
    EXPECT_LE(sample.size(), 30U);
    const MatterType& cover = sample.at("component:0101");
    EXPECT_EQ(cover.name, "上水井盖");
    EXPECT_EQ(cover.category, "公用设施");
    EXPECT_EQ(cover.owner, "供水公司");
    EXPECT_EQ(sample.at("component:0102").name, "污水井盖");
    EXPECT_EQ(sample.at("component:0102").owner, "排水公司");
    EXPECT_EQ(sample.at("event:0101").name, "私搭乱建");
    EXPECT_EQ(sample.at("event:0102").name, "暴露垃圾");
    EXPECT_EQ(sample.at("event:0201").name, "非法小广告");
    EXPECT_EQ(sample.at("event:0501").name, "无照经营游商");
    EXPECT_EQ(sample.at("event:0502").name, "占道经营");
    EXPECT_EQ(sample.at("event:0502").category, "街面秩序");
    std::size_t components = 0;
    for (const MatterType& t : sample.types()) {
        EXPECT_EQ(t.workflow, "urban_management") << t.key();
        EXPECT_FALSE(t.category.empty()) << t.key();
        if (t.matter_class == MatterClass::component) ++components;
        if (t.matter_class == MatterClass::event) {
            EXPECT_EQ(t.owner, "") << t.key();
        }
    }
    EXPECT_GT(components, 5U);
    EXPECT_GT(sample.size() - components, 5U);
    EXPECT_EQ(MatterCatalogue::parse_csv(sample.to_csv()).types(), sample.types());
}

}  // namespace
}  // namespace grassroots
