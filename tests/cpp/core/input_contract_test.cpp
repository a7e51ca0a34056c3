// The readers' error contract under bad input (issue 14): every refusal is a grassroots error whose
// message is valid, short UTF-8 naming the file, row and field; files are read within limits and
// written atomically; garbage that used to be accepted is refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <zlib.h>

#include <clocale>
#include <cmath>
#include <cwchar>
#include <filesystem>
#include <fstream>
#include <string>

#include "grassroots/grassroots.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using testing::error_message;
using namespace std::string_literals;
namespace fs = std::filesystem;

// A fresh folder for one test's files.
fs::path scratch(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("grassroots_input_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write(const fs::path& file, const std::string& bytes) { std::ofstream(file, std::ios::binary) << bytes; }

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// True when @p text is well-formed UTF-8 (what Python needs to decode a message), by the C library.
bool valid_utf8(const std::string& text) {
    locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", nullptr);
    const locale_t previous = uselocale(utf8);
    std::mbstate_t state{};
    bool valid = true;
    for (std::size_t at = 0; valid && at < text.size();) {
        const std::size_t length = std::mbrtowc(nullptr, text.data() + at, text.size() - at, &state);
        valid = length != static_cast<std::size_t>(-1) && length != static_cast<std::size_t>(-2);
        at += length == 0 ? 1 : length;
    }
    uselocale(previous);
    freelocale(utf8);
    return valid;
}

ProblemInput problem(std::string number, std::string title, int day) {
    ProblemInput input;
    input.title = std::move(title);
    input.owner = OwnerUnit{std::nullopt, "市司法局"};
    input.raised = make_date(2024, 3, day);
    input.due = make_date(2024, 6, 30);
    input.actor = "专班";
    input.number = std::move(number);
    return input;
}

TEST(InputContract, MessagesQuoteMultiByteCharactersWhole) {
    const std::string division = error_message<InvalidInput>([] { (void)DivisionCode::parse("3705０2"); });
    EXPECT_EQ(division, "division code '3705０2': character 5 ('０') is not a digit");
    const std::string grid = error_message<InvalidInput>([] { (void)GridCode::parse("370502005066０1"); });
    EXPECT_THAT(grid, HasSubstr("character 13 ('０') is not a digit"));
    const std::string invalid = error_message<InvalidInput>([] { (void)DivisionCode::parse("37\xFF"); });
    EXPECT_EQ(invalid, "division code '37\\xFF': character 3 ('\\xFF') is not a digit");
    EXPECT_TRUE(valid_utf8(division) && valid_utf8(grid) && valid_utf8(invalid));
}

TEST(InputContract, MessagesEchoABoundedPartOfHugeInput) {
    const std::string huge(10'000'000, '7');
    const std::string message = error_message<InvalidInput>([&] { (void)DivisionCode::parse(huge + "x"); });
    EXPECT_LT(message.size(), 300U) << message.size();
    EXPECT_THAT(message, HasSubstr("…' (10000001 bytes)"));
    EXPECT_THAT(message, HasSubstr("character 10000001 ('x') is not a digit"));
    // Cut at a character boundary: 30 three-byte characters are never cut in half.
    std::string chinese;
    for (int i = 0; i < 30; ++i) chinese += "锦";
    EXPECT_TRUE(valid_utf8(error_message<InvalidInput>([&] { (void)DivisionCode::parse(chinese); })));
}

TEST(InputContract, FilesThatAreEmptyShortOrDirectoriesGiveClearErrors) {
    const fs::path dir = scratch("files");
    write(dir / "empty.csv", "");
    write(dir / "one.csv", "c");
    EXPECT_THAT(error_message<FileError>([&] { (void)DivisionTree::read_csv(dir); }), HasSubstr("it is a directory"));
    EXPECT_THAT(error_message<FileError>([&] { (void)MatterCatalogue::read_csv(dir); }), HasSubstr("it is a directory"));
    EXPECT_THAT(error_message<FileError>([&] { (void)read_household_points(dir / "missing.csv"); }), HasSubstr("no such file"));
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)DivisionTree::read_csv(dir / "empty.csv"); }),
              "empty.csv: no header line; expected 'code,name,level,parent_code'");
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)DivisionTree::read_csv(dir / "one.csv"); }), HasSubstr("one.csv, row 1"));
    const fs::path json[] = {dir / "one.csv"};
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)Calendar::from_holiday_cn(json); }), HasSubstr("one.csv: malformed JSON"));
    EXPECT_EQ(read_text_file(dir / "empty.csv"), "");
}

TEST(InputContract, InputLimitsBoundFilesAndGzipExpansion) {
    const fs::path dir = scratch("limits");
    const InputLimits before = input_limits();
    write(dir / "big.csv", "code,name,level,parent_code\n" + std::string(5000, '#') + "\n");
    // gzip of 200,000 spaces (a small bomb): magic, deflate, crc and size written by zlib's gzip.
    const fs::path bomb = dir / "bomb.csv.gz";
    {
        gzFile out = gzopen(bomb.c_str(), "wb9");
        const std::string spaces(200'000, ' ');
        gzwrite(out, spaces.data(), static_cast<unsigned>(spaces.size()));
        gzclose(out);
    }
    set_input_limits({.max_file_bytes = 1000, .max_decompressed_bytes = 100'000});
    EXPECT_THAT(error_message<FileError>([&] { (void)read_text_file(dir / "big.csv"); }),
                HasSubstr("5029 bytes exceed the limit of 1000 bytes (InputLimits::max_file_bytes)"));
    EXPECT_THAT(error_message<FileError>([&] { (void)read_text_file(bomb); }),
                HasSubstr("expands beyond the limit of 100000 bytes (InputLimits::max_decompressed_bytes)"));
    set_input_limits(before);
    EXPECT_EQ(read_text_file(bomb).size(), 200'000U);
    EXPECT_THAT(error_message<InvalidInput>([] { set_input_limits({.max_file_bytes = 0}); }), HasSubstr("max_file_bytes"));
    EXPECT_EQ(input_limits(), before);
}

TEST(InputContract, CsvReadersRefuseGbkNulAndBidiControls) {
    const std::string header = "class,code,name,category,workflow,owner\n";
    const auto refusal = [&](const std::string& row) {
        return error_message<InvalidInput>([&] { (void)MatterCatalogue::parse_csv(header + row, "matters.csv"); });
    };
    EXPECT_EQ(refusal("component,0101,\xC9\xCF\xCB\xAE\xBE\xAE\xB8\xC7,公用设施,urban_management,供水公司\n"),
              "matters.csv, row 2, field 'name': the field is not UTF-8: \\xC9 at byte 1 (the file looks GBK-encoded: "
              "convert it to UTF-8, e.g. iconv -f GBK -t UTF-8)");
    EXPECT_EQ(refusal("component,0101,上水井盖\0x,公用设施,urban_management,供水公司\n"s),
              "matters.csv, row 2, field 'name': the field holds a NUL byte at byte 13");
    EXPECT_EQ(refusal("component,0101,上水\u202E盖,公用设施,urban_management,供水公司\n"),
              "matters.csv, row 2, field 'name': the field holds the bidirectional control U+202E (it makes text display as "
              "something else) at byte 7");
    const std::string tree_header = "code,name,level,parent_code\n";
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)DivisionTree::parse_csv(tree_header + "37,\xC9\xBD\xB6\xAB,province,\n", "t.csv"); }),
                HasSubstr("t.csv, row 2, field 'name': the field is not UTF-8"));
}

TEST(InputContract, CsvExportsGuardFormulasAndReadThemBack) {
    const ResponsibilityList list = ResponsibilityList::parse_csv(
        "matter,rung,scope,primary,cooperating,source\n0101,community,,\"=HYPERLINK(\"\"x\"\")\",,'@risk\n"
        "0102,community,,-1,,'plain\n");
    const std::string csv = list.to_csv();
    EXPECT_THAT(csv, HasSubstr("\"'=HYPERLINK(\"\"x\"\")\""));  // a spreadsheet shows the text, runs nothing
    EXPECT_THAT(csv, HasSubstr(",'@risk\n"));                      // read without the guard, written with it
    EXPECT_THAT(csv, HasSubstr(",-1,,'plain\n"));                  // a number and an ordinary quote stay as they are
    const ResponsibilityList back = ResponsibilityList::parse_csv(csv);
    EXPECT_EQ(back.to_csv(), csv);
}

TEST(InputContract, JsonReadersRefuseDuplicateKeysHugeNumbersAndNul) {
    Calendar calendar;
    const auto holiday = [&](const std::string& json) {
        return error_message<InvalidInput>([&] { calendar.add_holiday_cn(json, "2026.json"); });
    };
    EXPECT_EQ(holiday(R"({"year": 2026, "year": 2027, "days": []})"),
              "2026.json, field 'year': the key 'year' appears twice in one object");
    EXPECT_THAT(holiday(R"({"year": 1e400, "days": []})"), HasSubstr("2026.json: JSON value out of range: number overflow"));
    EXPECT_THAT(holiday("{\"year\": 2026, \"days\": []}\0{\"junk\""s), HasSubstr("2026.json: the JSON text holds a NUL byte at byte 27"));
    EXPECT_EQ(holiday(R"({"year": 4294969323, "days": []})"), "2026.json, field 'year': 'year' must be an integer in 1949–9999");
    EXPECT_THAT(holiday("{\"year\": 2026, \"days\": [{\"name\": \"\xC9\xCF\", \"date\": \"2026-01-01\", \"isOffDay\": true}]}"),
                HasSubstr("2026.json: the JSON text is not UTF-8: \\xC9 at byte 35 (the file looks GBK-encoded"));
    const std::string definition = urban_management().to_json();
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)WorkflowDefinition::from_json("{\"id\": \"a\", \"id\": \"b\"}", "w.json"); }),
                HasSubstr("w.json, field 'id': the key 'id' appears twice"));
    EXPECT_NO_THROW((void)WorkflowDefinition::from_json(definition, "w.json"));
    const std::string grids = R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "37050200506601",
        "name": "a", "name": "b"}, "geometry": {"type": "Polygon", "coordinates": [[[1e400, 37.4]]]}}]})";
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)GridMapBuilder::from_geojson(grids, "g.geojson"); }),
                HasSubstr("g.geojson, field 'name': the key 'name' appears twice"));
}

TEST(InputContract, EventLinesRefuseAWorkflowVersionThatWouldWrap) {
    nlohmann::json line = {{"sequence", 0}, {"case", "C1"}, {"kind", "opened"}, {"at", "2026-01-05T09:00:00+08:00"},
                           {"rung", "community"}, {"input", {{"matter", "0101"}, {"priority", "normal"}}},
                           {"workflow", "urban_management"}, {"workflow_version", 1}, {"unit", "370502005066"}};
    EXPECT_EQ(CaseEngine::parse_json_lines(line.dump(), "e.jsonl").front().workflow_version, 1);
    line["workflow_version"] = 4294967297ULL;
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)CaseEngine::parse_json_lines(line.dump(), "e.jsonl"); }),
              "e.jsonl, row 1, field 'workflow_version': 'workflow_version' must be an integer in 0–2147483647");
    line["workflow_version"] = 1;
    line["sequence"] = 18446744073709551615ULL;
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)CaseEngine::parse_json_lines(line.dump(), "e.jsonl"); }),
                HasSubstr("field 'sequence'"));
}

TEST(InputContract, AnchorTimestampsDoNotWrap) {
    const Anchor anchor{.position = 1, .head_hash = "00", .algorithm = HashAlgorithm::sha256, .created_at_us = 5, .signature = "00"};
    nlohmann::json line = nlohmann::json::parse(anchor_to_json(anchor));
    EXPECT_EQ(anchor_from_json(line.dump()).created_at_us, 5);
    line["created_at_us"] = 18446744073709551615ULL;
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)anchor_from_json(line.dump()); }),
                HasSubstr("anchor: 'created_at_us' must be an integer in"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)anchor_from_json(R"({"position": 1, "position": 2})"); }),
                HasSubstr("anchor: not valid JSON: the key 'position' appears twice"));
}

TEST(InputContract, CoordinatesAndHouseholdsAreBounded) {
    EXPECT_THAT(error_message<InvalidInput>([] { (void)parse_household_points("id,lon,lat\nh1,nan,37.4\n", "h.csv"); }),
                HasSubstr("h.csv, row 2, field 'lon': 'nan' is not a finite number"));
    EXPECT_THAT(error_message<InvalidInput>([] {
                    (void)parse_household_points("id,x,y,households\nh1,1,2,9223372036854775807\n", "h.csv");
                }),
                HasSubstr("h.csv, row 2, field 'households': households '9223372036854775807' is not a whole number in 0…10000000"));
    EXPECT_THAT(error_message<InvalidInput>([] { (void)Polygon::rectangle({0, 0}, {1e300, 1e300}); }), HasSubstr("beyond ±1e9"));
    const std::string big = R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "37050200506601",
        "kind": "comprehensive", "name": "g", "households": 9223372036854775807}, "geometry": {"type": "Polygon", "coordinates": [[[118.5, 37.4], [118.6, 37.4], [118.6, 37.5], [118.5, 37.4]]]}}]})";
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)GridMapBuilder::from_geojson(big, "g.geojson"); }),
                HasSubstr("property 'households' is 9223372036854775807, not in 0…10000000"));
}

TEST(InputContract, LedgerHistoryMustKeepItsSequence) {
    DualLedger ledger;
    (void)ledger.add_problem(problem("P1", "挂牌多", 1));
    (void)ledger.add_problem(problem("P2", "报表多", 2));
    const std::string history = ledger.history_csv();
    EXPECT_NO_THROW((void)DualLedger::parse_csv(ledger.problems_csv(), ledger.measures_csv(), ledger.links_csv(), history));
    const std::string header = history.substr(0, history.find('\n') + 1);
    const std::string first = history.substr(header.size(), history.find('\n', header.size()) + 1 - header.size());
    const std::string second = history.substr(header.size() + first.size());
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  (void)DualLedger::parse_csv(ledger.problems_csv(), ledger.measures_csv(), ledger.links_csv(), header + second + first);
              }),
              "history.csv, row 2, field 'sequence': sequence 1 is out of order (expected 0)");
}

TEST(InputContract, LedgerWritesAreAtomicAndLeaveNoTemporaries) {
    const fs::path dir = scratch("atomic");
    DualLedger ledger;
    (void)ledger.add_problem(problem("P1", "挂牌多", 1));
    ledger.write_csv(dir);
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(dir)) files += entry.path().filename().string().starts_with(".") ? 100 : 1;
    EXPECT_EQ(files, 4U);
    EXPECT_EQ(read(dir / "problems.csv"), ledger.problems_csv());
    // A file that cannot be replaced (a folder in its place): a FileError naming it, no temporary left.
    fs::remove(dir / "history.csv");
    fs::create_directories(dir / "history.csv" / "x");
    EXPECT_THAT(error_message<FileError>([&] { ledger.write_csv(dir); }), HasSubstr("history.csv"));
    std::size_t left = 0;
    for (const auto& entry : fs::directory_iterator(dir)) left += entry.path().filename().string().starts_with(".") ? 1 : 0;
    EXPECT_EQ(left, 0U);
}

TEST(InputContract, NamesWithBidiControlsAreRefusedWhereEntered) {
    DualLedger ledger;
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)ledger.add_problem(problem("P1", "挂牌\u202E多", 1));
                }),
                HasSubstr("U+202E"));
    EXPECT_EQ(ledger.problems().size(), 0U);
}

}  // namespace
}  // namespace grassroots
