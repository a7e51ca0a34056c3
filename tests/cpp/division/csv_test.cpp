// The simple division CSV format: code,name,level,parent_code.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "grassroots/division/tree.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;

constexpr std::string_view good =
    "# a comment line\n"
    "code,name,level,parent_code\n"
    "37,山东省,province,\n"
    "3705,东营市,prefecture,37\n"
    "370502,东营区,county,3705\r\n"
    "370502005,\"胜利街道\",township,370502\n"
    "\n"
    "370502005066,\"锦苑社区, \"\"居委会\"\"\",village,370502005\n";

TEST(DivisionCsv, ParsesQuotedFieldsCommentsAndBlankLines) {
    const DivisionTree tree = DivisionTree::parse_csv(good, "good.csv");
    EXPECT_EQ(tree.size(), 5U);
    EXPECT_EQ(tree.name(tree.at(DivisionCode("370502005066"))), "锦苑社区, \"居委会\"");
    EXPECT_EQ(tree.name(tree.at(DivisionCode("370502"))), "东营区");
}

TEST(DivisionCsv, AcceptsPaddedCodes) {
    const DivisionTree tree = DivisionTree::parse_csv(
        "code,name,level,parent_code\n370000000000,山东省,province,\n370500000000,东营市,prefecture,370000000000\n");
    EXPECT_EQ(tree.count(Level::prefecture), 1U);
}

TEST(DivisionCsv, WriteThenReadRoundTripsExactly) {
    const DivisionTree tree = DivisionTree::parse_csv(good, "good.csv");
    std::ostringstream out;
    tree.write_csv(out);
    const DivisionTree again = DivisionTree::parse_csv(out.str(), "again.csv");
    ASSERT_EQ(again.size(), tree.size());
    for (DivisionId id : tree.ids()) {
        EXPECT_EQ(again.code(id), tree.code(id));
        EXPECT_EQ(again.name(id), tree.name(id));
    }
    std::ostringstream second;
    again.write_csv(second);
    EXPECT_EQ(second.str(), out.str());
}

// Names a spreadsheet would run as formulas are written behind a ', and a name that itself starts
// with ' before such a character keeps it (a property test found "'-" read back as "-").
TEST(DivisionCsv, FormulaLikeNamesAreGuardedAndReadBackAsTheyWere) {
    const std::vector<std::string> names{"=HYPERLINK(\"x\")", "'-", "''", "-", "+86", "@sum", "-12"};
    DivisionTreeBuilder builder;
    builder.add(DivisionCode("37"), "山东省");
    for (std::size_t i = 0; i < names.size(); ++i) {
        builder.add(DivisionCode("37" + std::to_string(i + 1) + "0"), names[i], DivisionCode("37"));
    }
    const DivisionTree tree = std::move(builder).build();
    std::ostringstream out;
    tree.write_csv(out);
    EXPECT_NE(out.str().find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos) << out.str();
    EXPECT_NE(out.str().find(",'@sum,"), std::string::npos) << out.str();
    EXPECT_NE(out.str().find(",-12,"), std::string::npos) << out.str();  // a plain number is not guarded
    const DivisionTree again = DivisionTree::parse_csv(out.str(), "again.csv");
    for (std::size_t i = 0; i < names.size(); ++i) {
        EXPECT_EQ(again.name(again.at(DivisionCode("37" + std::to_string(i + 1) + "0"))), names[i]);
    }
}

std::string parse_error(std::string_view text) {
    return error_message<InvalidInput>([&] { (void)DivisionTree::parse_csv(text, "bad.csv"); });
}

constexpr std::string_view header = "code,name,level,parent_code\n";

TEST(DivisionCsv, BadRowsNameFileRowAndField) {
    using namespace std::string_literals;
    EXPECT_EQ(parse_error(""), "bad.csv: no header line; expected 'code,name,level,parent_code'");
    EXPECT_EQ(parse_error("code,name,parent_code\n"), "bad.csv, row 1: header is not 'code,name,level,parent_code'");
    EXPECT_EQ(parse_error(std::string(header) + "37,山东省,province\n"),
              "bad.csv, row 2: expected 4 fields (code,name,level,parent_code), found 3");
    EXPECT_EQ(parse_error(std::string(header) + "37,山东省,state,\n"),
              "bad.csv, row 2, field 'level': level 'state' is not one of province, prefecture, county, "
              "township, village");
    EXPECT_EQ(parse_error(std::string(header) + "37,山东省,province,\n370502,东营区,prefecture,37\n"),
              "bad.csv, row 3, field 'code': division code '370502': level 'prefecture' does not match the "
              "code (a prefecture code has 4 digits, or 12 ending in zeros)");
    EXPECT_EQ(parse_error(std::string(header) + "37,山东省,province,\n3705,东营市,prefecture,36\n"),
              "bad.csv, row 3, field 'parent': code 3705 does not extend its parent's code 36 (province)");
    EXPECT_EQ(parse_error(std::string(header) + "37,山东省,province,\n3705,东营市,prefecture,\n"),
              "bad.csv, row 3, field 'parent_code': parent_code is empty for prefecture 3705");
    EXPECT_EQ(parse_error(std::string(header) + "37,山东省,province,11\n"),
              "bad.csv, row 2, field 'parent_code': a province has no parent_code, found '11'");
    EXPECT_EQ(parse_error(std::string(header) + "37,\"山东省,province,\n"),
              "bad.csv, row 2: unterminated quoted field 2");
    EXPECT_EQ(parse_error(std::string(header) + "37,山\"东省,province,\n"), "bad.csv, row 2: stray quote in unquoted field 2");
    EXPECT_EQ(parse_error(std::string(header) + "3x,山东省,province,\n"),
              "bad.csv, row 2, field 'code': division code '3x': character 2 ('x') is not a digit");
    EXPECT_EQ(parse_error(std::string(header) + "37,山东省,province,\n370502,东营区,county,3705\n"),
              "bad.csv, row 3, field 'parent': the parent prefecture 3705 of county 370502 is not in the table");
    EXPECT_EQ(parse_error(std::string(header) + "37,山东省,province,\n37,山东,province,\n"),
              "bad.csv, row 3, field 'code': duplicate code 37 (first at bad.csv, row 2)");
}

TEST(DivisionCsv, ReadsFilesAndReportsMissingOnes) {
    const auto dir = std::filesystem::temp_directory_path() / "grassroots_csv_test";
    std::filesystem::create_directories(dir);
    const auto file = dir / "ladder.csv";
    {
        std::ofstream out(file, std::ios::binary);
        out << good;
    }
    EXPECT_EQ(DivisionTree::read_csv(file).size(), 5U);
    const auto missing = dir / "missing.csv";
    EXPECT_NE(error_message<FileError>([&] { (void)DivisionTree::read_csv(missing); }).find("cannot open file"),
              std::string::npos);
    std::filesystem::remove_all(dir);
}

// Found by fuzzing (division_file, division_nbs, calendar_local): a file shorter than two bytes
// escaped as std::length_error from the file size (tellg() of a failed stream is -1); a folder too.
TEST(DivisionCsv, FilesOfNoneOrOneByteAndFoldersAreRefusedWithGrassrootsErrors) {
    const auto dir = std::filesystem::temp_directory_path() / "grassroots_short_file_test";
    std::filesystem::create_directories(dir);
    for (const std::string_view bytes : {std::string_view{}, std::string_view{"3"}}) {
        const auto file = dir / "short.csv";
        std::ofstream(file, std::ios::binary) << bytes;
        EXPECT_NE(error_message<InvalidInput>([&] { (void)DivisionTree::read_csv(file); }).find("short.csv"),
                  std::string::npos);
    }
    EXPECT_NE(error_message<FileError>([&] { (void)DivisionTree::read_csv(dir); }).find(dir.filename().string()),
              std::string::npos);
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace grassroots
