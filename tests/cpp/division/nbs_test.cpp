// The NBS table set: the whole country, and bad tables.
#include <gtest/gtest.h>

#include <fstream>

#include "grassroots/division/tree.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;
using testing::shared_data;
using testing::test_data;

// The small NBS tables of tests/data/nbs: six villages (one gzipped file) under five townships of four
// provinces, with the quirks of the real tables (Dongguan without counties, the Kinmen placeholder).
TEST(SmallNbsTables, LoadFromTheGzippedVillages) {
    const DivisionTree tree = DivisionTree::read_nbs(test_data() / "nbs");
    EXPECT_EQ(tree.size(), 4U + 4U + 4U + 5U + 6U);
    EXPECT_EQ(tree.count(Level::province), 4U);
    EXPECT_EQ(tree.count(Level::village), 6U);
    const DivisionId jinyuan = tree.at(DivisionCode("370502005066"));
    std::vector<std::string_view> names;
    for (DivisionId id : tree.path(jinyuan)) names.push_back(tree.name(id));
    EXPECT_EQ(names, (std::vector<std::string_view>{"山东省", "东营市", "东营区", "胜利街道", "锦苑社区居民委员会"}));
    const DivisionId county = tree.at(DivisionCode::parse("441900", Level::county));
    EXPECT_EQ(tree.parent(county), tree.find(DivisionCode("4419")));
    EXPECT_EQ(tree.parent(tree.at(DivisionCode("441900003"))), county);
    const DivisionId jinmen = tree.at(DivisionCode::parse("350527000000", Level::village));
    EXPECT_EQ(tree.name(jinmen), "金门县");
    EXPECT_EQ(tree.path(jinmen).size(), 5U);
}

class NationalTree : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!shared_data().empty()) {
            tree_ = new DivisionTree(DivisionTree::read_nbs(shared_data() / "divisions"));
        }
    }
    static void TearDownTestSuite() {
        delete tree_;
        tree_ = nullptr;
    }
    void SetUp() override { GRASSROOTS_REQUIRE_SHARED_DATA(); }
    static const DivisionTree& tree() { return *tree_; }

private:
    static inline DivisionTree* tree_ = nullptr;
};

TEST_F(NationalTree, LoadsEveryUnitOfTheCountry) {
    EXPECT_EQ(tree().size(), 665'276U);
    EXPECT_EQ(tree().count(Level::province), 31U);
    EXPECT_EQ(tree().count(Level::prefecture), 342U);
    EXPECT_EQ(tree().count(Level::county), 2'978U);
    EXPECT_EQ(tree().count(Level::township), 41'352U);
    EXPECT_EQ(tree().count(Level::village), 620'573U);
    EXPECT_LE(tree().structure_bytes(), 64 * tree().size());
}

TEST_F(NationalTree, FindsEveryUnitOfARepeatedName) {
    const std::vector<DivisionId> xinhua = tree().find("新华街道");
    EXPECT_EQ(xinhua.size(), 27U);  // names repeat across the country
    for (const DivisionId id : xinhua) EXPECT_EQ(tree().level(id), Level::township);
    const DivisionId liaoning = tree().at(DivisionCode("21"));
    const std::vector<DivisionId> in_liaoning = tree().find("新华街道", liaoning);
    EXPECT_EQ(in_liaoning.size(), 5U);
    for (const DivisionId id : in_liaoning) EXPECT_TRUE(tree().is_ancestor(liaoning, id));
    EXPECT_EQ(tree().find("和平村委会").size(), 274U);
    EXPECT_GT(tree().find("和平村", std::nullopt, NameMatch::fuzzy).size(), 274U);  // + 村民委员会, 村 …
    EXPECT_EQ(tree().find("锦苑社区", tree().at(DivisionCode("370502")), NameMatch::fuzzy).size(), 1U);
}

TEST_F(NationalTree, SeedCommunitiesAreThere) {
    const DivisionId jinyuan = tree().at(DivisionCode("370502005066"));
    EXPECT_EQ(tree().name(jinyuan), "锦苑社区居民委员会");
    std::vector<std::string_view> names;
    for (DivisionId id : tree().path(jinyuan)) names.push_back(tree().name(id));
    EXPECT_EQ(names, (std::vector<std::string_view>{"山东省", "东营市", "东营区", "胜利街道", "锦苑社区居民委员会"}));
    EXPECT_TRUE(tree().contains(DivisionCode("370503102009")));  // 永兴社区, 孤岛镇
    EXPECT_TRUE(tree().contains(DivisionCode("370522001001")));  // 津苑社区, 利津街道
    EXPECT_TRUE(tree().is_ancestor(tree().at(DivisionCode("37")), jinyuan));
    EXPECT_FALSE(tree().is_ancestor(tree().at(DivisionCode("11")), jinyuan));
}

TEST_F(NationalTree, DongyingSubtreeMatchesItsOwnTable) {
    const DivisionId dongying = tree().at(DivisionCode("3705"));
    EXPECT_EQ(tree().subtree_size(dongying), 1'981U);  // 1,982 units with Shandong itself
}

TEST_F(NationalTree, QuirksOfTheRealTables) {
    // Dongguan: prefecture 4419 → county-level 441900 → townships 441900xxx.
    const DivisionId county = tree().at(DivisionCode::parse("441900", Level::county));
    EXPECT_EQ(tree().parent(county), tree().find(DivisionCode("4419")));
    EXPECT_EQ(tree().parent(tree().at(DivisionCode("441900003"))), county);
    // Kinmen (金门县) placeholders.
    const DivisionId jinmen = tree().at(DivisionCode::parse("350527000000", Level::village));
    EXPECT_EQ(tree().name(jinmen), "金门县");
    EXPECT_EQ(tree().path(jinmen).size(), 5U);
}

TEST_F(NationalTree, RollupCountsVillagesPerProvince) {
    std::vector<std::int64_t> is_village(tree().size(), 0);
    for (DivisionId id : tree().ids()) is_village[id.value()] = tree().level(id) == Level::village ? 1 : 0;
    const auto sums = tree().rollup(std::span<const std::int64_t>(is_village));
    std::int64_t total = 0;
    for (DivisionId province : tree().roots()) total += sums[province.value()];
    EXPECT_EQ(total, 620'573);
}

// Copies the small NBS tables of tests/data/nbs (all but the villages) into a temporary folder.
class BadTables : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() / ("grassroots_nbs_" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir_);
        for (const char* name : {"provinces.csv", "cities.csv", "areas.csv", "streets.csv"}) {
            std::filesystem::copy_file(test_data() / "nbs" / name, dir_ / name,
                                       std::filesystem::copy_options::overwrite_existing);
        }
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    void write(const char* name, const std::string& text) {
        std::ofstream out(dir_ / name, std::ios::binary);
        out << text;
    }
    std::filesystem::path dir_;
};

constexpr const char* village_header = "code,name,streetCode,provinceCode,cityCode,areaCode\n";

TEST_F(BadTables, AGoodSmallSetLoads) {
    write("villages.csv", std::string(village_header) + "370502005066,\"锦苑社区居民委员会\",370502005,37,3705,370502\n");
    const DivisionTree tree = DivisionTree::read_nbs(dir_);
    EXPECT_EQ(tree.count(Level::village), 1U);
    EXPECT_EQ(tree.count(Level::township), 5U);
}

TEST_F(BadTables, ErrorsNameTheFileAndRow) {
    write("villages.csv", std::string(village_header) + "370502005066,\"锦苑社区居民委员会\",370502005,37,3705,370502\n" +
                              "370502005067,\"x\",370502004,37,3705,370502\n");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)DivisionTree::read_nbs(dir_); }),
              "villages.csv, row 3, field 'streetCode': code 370502005067 does not extend its township code "
              "370502004");

    write("villages.csv", std::string(village_header) + "370502099001,\"x\",370502099,37,3705,370502\n");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)DivisionTree::read_nbs(dir_); }),
              "villages.csv, row 2, field 'parent': the parent township 370502099 of village 370502099001 is "
              "not in the table");

    write("villages.csv", std::string(village_header) + "3705020050,\"x\",370502005,37,3705,370502\n");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)DivisionTree::read_nbs(dir_); }),
              "villages.csv, row 2, field 'code': division code '3705020050': has 10 digits; expected 2, 4, 6, "
              "9 or 12");

    write("villages.csv", std::string(village_header) + "370502005066,\"a\",370502005,37,3705,370502\n" +
                              "370502005066,\"b\",370502005,37,3705,370502\n");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)DivisionTree::read_nbs(dir_); }),
              "villages.csv, row 3, field 'code': duplicate code 370502005066 (first at villages.csv, row 2)");

    write("villages.csv", std::string(village_header) + "370502005066,\"a\",370502005,37,3705\n");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)DivisionTree::read_nbs(dir_); }),
              "villages.csv, row 2: expected 6 fields (as the header of villages.csv), found 5");

    write("villages.csv", "code,name,streetCode\n");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)DivisionTree::read_nbs(dir_); }),
              "villages.csv, row 1: header has no column 'provinceCode'");
}

TEST_F(BadTables, MissingFileOrFolder) {
    EXPECT_NE(error_message<FileError>([&] { (void)DivisionTree::read_nbs(dir_); }).find("villages.csv.gz"),
              std::string::npos);
    EXPECT_NE(error_message<FileError>([&] { (void)DivisionTree::read_nbs(dir_ / "nope"); }).find("does not exist"),
              std::string::npos);
}

TEST_F(BadTables, CorruptGzipIsAFileError) {
    write("villages.csv.gz", std::string("\x1f\x8b\x08\x00garbage", 11));
    EXPECT_THROW((void)DivisionTree::read_nbs(dir_), FileError);
}

}  // namespace
}  // namespace grassroots
