// The burden ledger (小马拉大车): items and status moves, the burden index on hand-computed cases,
// top-N, before/after comparisons, CSV, and bad input.
#include "grassroots/burden/burden.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::error_message;

Date day(int year, unsigned month, unsigned d) { return make_date(year, month, d); }

const DivisionCode jinyuan = DivisionCode::parse("370502005066");  // 锦苑社区, 4 staff
const DivisionCode second = DivisionCode::parse("370502005001");   // 2 staff
const DivisionCode third = DivisionCode::parse("370502006001");    // no staff count

BurdenItemInput item(DivisionCode unit, BurdenKind kind, std::string name, int quantity, Date added,
                     std::string department = "市直部门") {
    return BurdenItemInput{.unit = unit, .kind = kind, .name = std::move(name), .source_department = std::move(department),
                           .quantity = quantity, .added = added};
}

/// Hand-computed with the default weights (plaque 1, certificate 2, meeting 0.5, inspection 1,
/// app 3, account 2, task 2):
///
/// | unit    | staff | 2024-01-01                                  | 2024-07-01                  |
/// | jinyuan | 4     | 6 plaques 6 + 1 cert 2 + 24 meetings 12 + 1 app 3 + 2 accounts 4 = 27 → 6.75 | 1 + 2 + 12 = 15 → 3.75 |
/// | second  | 2     | 3 tasks 6 → 3                               | 6 + 4 inspections 4 = 10 → 5 |
/// | third   | —     | 10 plaques 10 → none                        | 10 → none                   |
struct Fixture {
    BurdenLedger ledger;
    BurdenItemId many_plaques, app, accounts;
    Fixture() {
        ledger.set_staff(jinyuan, 4);
        ledger.set_staff(second, 2);
        const Date start = day(2023, 1, 1);
        ledger.add(item(jinyuan, BurdenKind::plaque, "老年协会", 1, start, "市民政局"));
        many_plaques = ledger.add(item(jinyuan, BurdenKind::plaque, "各类创建牌子", 5, start));
        ledger.add(item(jinyuan, BurdenKind::certificate, "居住证明", 1, start, "市公安局"));
        ledger.add(item(jinyuan, BurdenKind::meeting, "条线工作会议", 24, start));
        app = ledger.add(item(jinyuan, BurdenKind::reporting_app, "安全生产填报", 1, start, "市应急局"));
        accounts = ledger.add(item(jinyuan, BurdenKind::account, "社区公众号", 2, start));
        ledger.add(item(second, BurdenKind::pushed_task, "创城摊派", 3, start));
        ledger.add(item(second, BurdenKind::inspection, "专项督查", 4, day(2024, 2, 1)));
        ledger.add(item(third, BurdenKind::plaque, "牌子", 10, start));
        ledger.flag(app, day(2024, 3, 1), "拟整合");
        ledger.remove(app, day(2024, 5, 1), "已整合");
        ledger.remove(many_plaques, day(2024, 6, 1), "摘牌");
        ledger.remove(accounts, day(2024, 6, 1), "关停");
    }
};

TEST(BurdenNames, KindsAndStatuses) {
    EXPECT_EQ(to_string(BurdenKind::reporting_app), "reporting_app");
    EXPECT_EQ(chinese_name(BurdenKind::account), "政务新媒体账号");
    EXPECT_EQ(parse_burden_kind("挂牌"), BurdenKind::plaque);
    EXPECT_EQ(parse_burden_kind("pushed_task"), BurdenKind::pushed_task);
    EXPECT_EQ(parse_burden_status("拟清理"), BurdenStatus::to_remove);
    EXPECT_EQ(chinese_name(BurdenStatus::removed), "已清理");
    EXPECT_THAT(error_message<InvalidInput>([] { (void)parse_burden_kind("banner"); }),
                HasSubstr("unknown burden kind 'banner' (expected plaque, certificate"));
}

TEST(BurdenNames, OneTableServesEveryName) {
    const auto kinds = enum_names(BurdenKind{});
    ASSERT_EQ(kinds.size(), burden_kind_count);
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        EXPECT_EQ(kinds[i].value, all_burden_kinds[i]);
        EXPECT_EQ(to_string(kinds[i].value), kinds[i].name);
        EXPECT_EQ(chinese_name(kinds[i].value), kinds[i].chinese);
        EXPECT_EQ(parse_burden_kind(kinds[i].chinese), kinds[i].value);
    }
    for (const EnumName<BurdenStatus>& status : enum_names(BurdenStatus{})) {
        EXPECT_EQ(parse_burden_status(status.name), status.value);
    }
    EXPECT_EQ(to_string(static_cast<BurdenKind>(99)), "?");
    EXPECT_THAT(error_message<InvalidInput>([] { (void)parse_burden_status("gone"); }),
                HasSubstr("unknown burden status 'gone' (expected allowed, to_remove, removed, 保留, 拟清理, 已清理)"));
}

TEST(BurdenWeights, DefaultsAreDocumentedPlaceholders) {
    const BurdenWeights w = BurdenWeights::defaults();
    EXPECT_EQ(w[BurdenKind::plaque], 1.0);
    EXPECT_EQ(w[BurdenKind::certificate], 2.0);
    EXPECT_EQ(w[BurdenKind::meeting], 0.5);
    EXPECT_EQ(w[BurdenKind::inspection], 1.0);
    EXPECT_EQ(w[BurdenKind::reporting_app], 3.0);
    EXPECT_EQ(w[BurdenKind::account], 2.0);
    EXPECT_EQ(w[BurdenKind::pushed_task], 2.0);
    EXPECT_THAT(w.source, HasSubstr("unverified"));
    BurdenWeights mine;
    EXPECT_THAT(error_message<InvalidInput>([&] { mine.set(BurdenKind::meeting, -1.0); }),
                HasSubstr("the weight of meeting must be a finite number ≥ 0"));
    EXPECT_EQ(mine, BurdenWeights::defaults());
}

TEST(BurdenLedger, ItemsMoveAllowedFlaggedRemoved) {
    Fixture f;
    const BurdenItem& app = f.ledger.item(f.app);
    EXPECT_EQ(app.status, BurdenStatus::removed);
    EXPECT_EQ(app.flagged, day(2024, 3, 1));
    EXPECT_EQ(app.removed, day(2024, 5, 1));
    EXPECT_EQ(app.note, "已整合");
    EXPECT_TRUE(app.in_force(day(2024, 4, 30)));
    EXPECT_FALSE(app.in_force(day(2024, 5, 1)));  // removed that day
    EXPECT_FALSE(app.in_force(day(2022, 12, 31)));
    EXPECT_EQ(f.ledger.items_of(second).size(), 2U);
    EXPECT_THAT(f.ledger.units(), ElementsAre(second, jinyuan, third));
    const BurdenItemId meeting = f.ledger.items_of(jinyuan)[3];
    f.ledger.flag(meeting, day(2024, 6, 1));
    f.ledger.keep(meeting, day(2024, 6, 2), "上级要求保留");
    EXPECT_EQ(f.ledger.item(meeting).status, BurdenStatus::allowed);
    EXPECT_FALSE(f.ledger.item(meeting).flagged.has_value());
}

TEST(BurdenLedger, RefusesBadInputAndChangesNothing) {
    Fixture f;
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)f.ledger.add(item(DivisionCode::parse("370502005"), BurdenKind::plaque, "x", 1, day(2024, 1, 1))); }),
              "field 'unit': burden is kept per village-level unit (社区/行政村); 370502005 is township level");
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)f.ledger.add(item(jinyuan, BurdenKind::meeting, "例会", 0, day(2024, 1, 1))); }),
                HasSubstr("the quantity of 会议 '例会' must be at least 1, not 0"));
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)f.ledger.add(item(jinyuan, BurdenKind::meeting, "", 1, day(2024, 1, 1))); }),
              "field 'name': a burden item needs a name");
    EXPECT_THAT(error_message<InvalidInput>([&] { f.ledger.set_staff(jinyuan, 0); }), HasSubstr("must be at least 1, not 0"));
    EXPECT_EQ(f.ledger.staff(jinyuan), 4);
    EXPECT_THAT(error_message<RuleViolation>([&] { f.ledger.flag(f.app, day(2024, 6, 1)); }),
                HasSubstr("was already removed on 2024-05-01; it cannot change"));
    EXPECT_THAT(error_message<RuleViolation>([&] { f.ledger.remove(f.app, day(2024, 6, 1)); }),
                HasSubstr("was already removed on 2024-05-01; it cannot be removed again"));
    const BurdenItemId cert = f.ledger.items_of(jinyuan)[2];
    EXPECT_THAT(error_message<RuleViolation>([&] { f.ledger.keep(cert, day(2024, 6, 1)); }),
                HasSubstr("only an item flagged for removal can be kept"));
    EXPECT_EQ(error_message<InvalidInput>([&] { f.ledger.remove(cert, day(2022, 12, 31)); }),
              "cannot remove item 2 (证明事项 '居住证明' of 370502005066) on 2022-12-31, before its latest date 2023-01-01; "
              "dates may not go backwards");
    EXPECT_EQ(f.ledger.item(cert).status, BurdenStatus::allowed);
    EXPECT_THAT(error_message<NotFound>([&] { (void)f.ledger.item(BurdenItemId{99}); }), HasSubstr("no item 99 (it has 9)"));
    EXPECT_EQ(f.ledger.items().size(), 9U);
}

TEST(BurdenIndex, HandComputedPerUnit) {
    Fixture f;
    const std::vector<BurdenIndexRow> before = f.ledger.index(day(2024, 1, 1));
    ASSERT_EQ(before.size(), 3U);
    EXPECT_EQ(before[0].unit, second);
    EXPECT_DOUBLE_EQ(before[0].weighted, 6.0);
    EXPECT_DOUBLE_EQ(*before[0].index, 3.0);
    EXPECT_EQ(before[1].unit, jinyuan);
    EXPECT_EQ(before[1].items, 6);
    EXPECT_EQ(before[1].quantity[static_cast<std::size_t>(BurdenKind::plaque)], 6);
    EXPECT_EQ(before[1].quantity[static_cast<std::size_t>(BurdenKind::meeting)], 24);
    EXPECT_DOUBLE_EQ(before[1].weighted, 27.0);
    EXPECT_EQ(before[1].staff, 4);
    EXPECT_DOUBLE_EQ(*before[1].index, 6.75);
    EXPECT_EQ(before[2].unit, third);
    EXPECT_DOUBLE_EQ(before[2].weighted, 10.0);
    EXPECT_FALSE(before[2].staff.has_value());
    EXPECT_FALSE(before[2].index.has_value());
    const BurdenIndexRow after = f.ledger.index_of(jinyuan, day(2024, 7, 1));
    EXPECT_EQ(after.items, 3);
    EXPECT_DOUBLE_EQ(after.weighted, 15.0);
    EXPECT_DOUBLE_EQ(*after.index, 3.75);
    EXPECT_DOUBLE_EQ(*f.ledger.index_of(second, day(2024, 7, 1)).index, 5.0);
    // Only the subtree of 胜利街道 (370502005).
    EXPECT_EQ(f.ledger.index(day(2024, 1, 1), DivisionCode::parse("370502005")).size(), 2U);
    // Other weights: meetings weigh 1 each → jinyuan 27 + 12 = 39 → 9.75.
    BurdenWeights heavier;
    heavier.set(BurdenKind::meeting, 1.0);
    f.ledger.set_weights(heavier);
    EXPECT_DOUBLE_EQ(*f.ledger.index_of(jinyuan, day(2024, 1, 1)).index, 9.75);
}

TEST(BurdenIndex, TopUnitsLeaveOutUnitsWithoutStaff) {
    Fixture f;
    const std::vector<BurdenIndexRow> january = f.ledger.top(day(2024, 1, 1), 5);
    ASSERT_EQ(january.size(), 2U);
    EXPECT_EQ(january[0].unit, jinyuan);
    EXPECT_EQ(january[1].unit, second);
    const std::vector<BurdenIndexRow> july = f.ledger.top(day(2024, 7, 1), 1);
    ASSERT_EQ(july.size(), 1U);
    EXPECT_EQ(july[0].unit, second);  // 5 > 3.75 after jinyuan's clean-up
}

TEST(BurdenComparison, BeforeAndAfterPerUnitAndKind) {
    Fixture f;
    const BurdenComparison c = f.ledger.compare(day(2024, 1, 1), day(2024, 7, 1));
    ASSERT_EQ(c.units.size(), 3U);
    const BurdenChange& j = c.units[1];
    EXPECT_EQ(j.unit, jinyuan);
    EXPECT_DOUBLE_EQ(j.weighted_before, 27.0);
    EXPECT_DOUBLE_EQ(j.weighted_after, 15.0);
    EXPECT_DOUBLE_EQ(j.change(), -12.0);
    EXPECT_DOUBLE_EQ(*j.index_before, 6.75);
    EXPECT_DOUBLE_EQ(*j.index_after, 3.75);
    EXPECT_EQ(j.items_before, 6);
    EXPECT_EQ(j.items_after, 3);
    EXPECT_EQ(j.removed, 3);
    EXPECT_EQ(j.added, 0);
    EXPECT_EQ(c.units[0].added, 1);
    const BurdenKindChange& plaques = c.kinds[static_cast<std::size_t>(BurdenKind::plaque)];
    EXPECT_EQ(plaques.before, 16);
    EXPECT_EQ(plaques.after, 11);
    EXPECT_EQ(plaques.removed, 5);
    EXPECT_EQ(plaques.added, 0);
    const BurdenKindChange& inspections = c.kinds[static_cast<std::size_t>(BurdenKind::inspection)];
    EXPECT_EQ(inspections.before, 0);
    EXPECT_EQ(inspections.added, 4);
    EXPECT_EQ(inspections.after, 4);
    for (const BurdenKindChange& k : c.kinds) EXPECT_EQ(k.after, k.before + k.added - k.removed) << to_string(k.kind);
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)f.ledger.compare(day(2024, 7, 1), day(2024, 1, 1)); }),
              "the second day (2024-01-01) is before the first (2024-07-01)");
}

// The seed's figures: 2,223 irregular plaques removed, 32 government new-media accounts closed.
TEST(BurdenComparison, SeedCampaignRemovesPlaquesAndAccounts) {
    BurdenLedger ledger;
    for (unsigned i = 1; i <= 9; ++i) {
        const DivisionCode unit = DivisionCode::parse("370502005" + std::string(i < 10 ? "00" : "0") + std::to_string(i));
        ledger.set_staff(unit, 5);
        ledger.add(item(unit, BurdenKind::plaque, "规范挂牌", 4, day(2023, 1, 1)));
        const BurdenItemId irregular = ledger.add(item(unit, BurdenKind::plaque, "不规范挂牌", 247, day(2023, 1, 1)));
        ledger.flag(irregular, day(2024, 4, 1));
        ledger.remove(irregular, day(2024, 9, 1));
    }
    for (unsigned i = 0; i < 32; ++i) {
        const DivisionCode unit = DivisionCode::parse("370502005" + std::string("00") + std::to_string(1 + i % 8));
        const BurdenItemId account = ledger.add(item(unit, BurdenKind::account, "公众号" + std::to_string(i), 1, day(2023, 1, 1)));
        ledger.remove(account, day(2024, 10, 1));
    }
    const BurdenComparison c = ledger.compare(day(2024, 1, 1), day(2024, 12, 13));
    EXPECT_EQ(c.kinds[static_cast<std::size_t>(BurdenKind::plaque)].removed, 2223);
    EXPECT_EQ(c.kinds[static_cast<std::size_t>(BurdenKind::plaque)].after, 36);
    EXPECT_EQ(c.kinds[static_cast<std::size_t>(BurdenKind::account)].removed, 32);
    EXPECT_EQ(c.kinds[static_cast<std::size_t>(BurdenKind::account)].after, 0);
}

TEST(BurdenCsv, RoundTripsItemsAndStaff) {
    Fixture f;
    const std::string items = f.ledger.items_csv();
    EXPECT_THAT(items, HasSubstr("unit,kind,name,source_department,quantity,status,added,flagged,removed,note\n"
                                 "370502005066,plaque,老年协会,市民政局,1,allowed,2023-01-01,,,\n"));
    EXPECT_THAT(items, HasSubstr("370502005066,reporting_app,安全生产填报,市应急局,1,removed,2023-01-01,2024-03-01,2024-05-01,已整合\n"));
    EXPECT_EQ(f.ledger.staff_csv(), "unit,staff\n370502005001,2\n370502005066,4\n");
    const BurdenLedger back = BurdenLedger::parse_csv(items, f.ledger.staff_csv());
    ASSERT_EQ(back.items().size(), f.ledger.items().size());
    for (std::size_t i = 0; i < back.items().size(); ++i) EXPECT_EQ(back.items()[i], f.ledger.items()[i]);
    EXPECT_EQ(back.staff_counts(), f.ledger.staff_counts());
}

TEST(BurdenCsv, ErrorsNameTheFileRowAndField) {
    const std::string header = "unit,kind,name,source_department,quantity,status,added,flagged,removed,note\n";
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)BurdenLedger::parse_csv(header + "370502005066,banner,x,,1,allowed,2023-01-01,,,\n");
                }),
                HasSubstr("items.csv, row 2, field 'kind': unknown burden kind 'banner'"));
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)BurdenLedger::parse_csv(header + "370502005066,挂牌,x,,two,保留,2023-01-01,,,\n");
                }),
                HasSubstr("items.csv, row 2, field 'quantity': quantity 'two' is not a whole number"));
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)BurdenLedger::parse_csv(header + "370502005066,plaque,x,,1,removed,2023-01-01,,,\n");
                }),
                HasSubstr("items.csv, row 2, field 'removed': a removed item needs a removed date"));
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)BurdenLedger::parse_csv(header + "370502005066,plaque,x,,1,removed,2023-01-01,,2022-01-01,\n");
                }),
                HasSubstr("items.csv, row 2, field 'removed': cannot remove item 0"));
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)BurdenLedger::parse_csv(header + "370502,plaque,x,,1,allowed,2023-01-01,,,\n");
                }),
                HasSubstr("items.csv, row 2, field 'unit': burden is kept per village-level unit"));
    EXPECT_THAT(error_message<InvalidInput>([&] {
                    (void)BurdenLedger::parse_csv(header, "unit,staff\n370502005066,4\n370502005066,5\n");
                }),
                HasSubstr("staff.csv, row 3, field 'unit': unit 370502005066 is listed twice"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)BurdenLedger::parse_csv(header, "unit,staff\n370502005066,0\n"); }),
                HasSubstr("staff.csv, row 2, field 'staff': the staff count of 370502005066 must be at least 1"));
}

}  // namespace
}  // namespace grassroots
