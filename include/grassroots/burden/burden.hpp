/// @file burden.hpp
/// @brief The burden ledger (减负台账) of village-level units and the burden index — the
/// "小马拉大车" problem (a small horse pulling a big cart): too many plaques, certificates,
/// meetings, inspections, apps, accounts and pushed-down tasks for a community's few staff.
///
/// Each item sits in one village-level unit, comes from a source department, counts a quantity
/// (plaques, meetings a year, …) and is allowed, to be removed (flagged) or removed, with dates. The
/// burden index of a unit on a day is the weighted quantity of the items in force that day per
/// staff member; the kind weights are configurable defaults, not a published standard.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/core/date.hpp"
#include "grassroots/core/enum_table.hpp"
#include "grassroots/core/strong_id.hpp"
#include "grassroots/division/code.hpp"

namespace grassroots {

struct BurdenItemIdTag;
/// @brief Dense id of an item in one BurdenLedger.
using BurdenItemId = StrongId<BurdenItemIdTag>;

/// @brief Kinds of burden a village-level unit carries.
enum class BurdenKind : std::uint8_t {
    plaque,         ///< 挂牌: a plaque of an organisation or office hung at the unit (quantity: plaques)
    certificate,    ///< 证明事项: a type of certificate the unit is asked to issue (quantity: types)
    meeting,        ///< 会议: a meeting the unit must attend or hold (quantity: meetings a year)
    inspection,     ///< 督查检查: an inspection, assessment or check (quantity: times a year)
    reporting_app,  ///< 政务APP / 填报系统: an app or system the unit must report in (quantity: apps)
    account,        ///< 政务新媒体账号: a government new-media account the unit runs (quantity: accounts)
    pushed_task,    ///< 摊派任务: a task pushed down by a department (quantity: tasks a year)
};
/// @brief Number of burden kinds.
inline constexpr std::size_t burden_kind_count = 7;
/// @brief Every kind, in value order.
inline constexpr std::array<BurdenKind, burden_kind_count> all_burden_kinds{
    BurdenKind::plaque,        BurdenKind::certificate, BurdenKind::meeting,    BurdenKind::inspection,
    BurdenKind::reporting_app, BurdenKind::account,     BurdenKind::pushed_task};
/// @brief Every BurdenKind with its names (to_string, parsing, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<BurdenKind>> enum_names(BurdenKind) noexcept;
/// @brief "plaque", "certificate", "meeting", "inspection", "reporting_app", "account" or "pushed_task".
[[nodiscard]] std::string_view to_string(BurdenKind kind) noexcept;
/// @brief 挂牌, 证明事项, 会议, 督查检查, 政务APP, 政务新媒体账号 or 摊派任务.
[[nodiscard]] std::string_view chinese_name(BurdenKind kind) noexcept;
/// @brief The kind named by to_string() or chinese_name(); throws InvalidInput.
[[nodiscard]] BurdenKind parse_burden_kind(std::string_view text);

/// @brief Status of a burden item.
enum class BurdenStatus : std::uint8_t {
    allowed,    ///< 保留: allowed to stay (on the approved list)
    to_remove,  ///< 拟清理: flagged for removal, still in force
    removed,    ///< 已清理: removed (摘牌, 取消, 关停)
};
/// @brief Every BurdenStatus with its names (to_string, parsing, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<BurdenStatus>> enum_names(BurdenStatus) noexcept;
/// @brief "allowed", "to_remove" or "removed".
[[nodiscard]] std::string_view to_string(BurdenStatus status) noexcept;
/// @brief 保留, 拟清理 or 已清理.
[[nodiscard]] std::string_view chinese_name(BurdenStatus status) noexcept;
/// @brief The status named by to_string() or chinese_name(); throws InvalidInput.
[[nodiscard]] BurdenStatus parse_burden_status(std::string_view text);

/// @brief One item of a unit's burden ledger.
struct BurdenItem {
    BurdenItemId id{};                             ///< Dense id.
    DivisionCode unit;                             ///< The village-level unit carrying it.
    BurdenKind kind = BurdenKind::plaque;          ///< What it is.
    std::string name{};                            ///< e.g. "老年协会" (a plaque), "居住证明" (a certificate).
    std::string source_department{};               ///< Who put it there (e.g. "市民政局"), "" if unknown.
    int quantity = 1;                              ///< Counted quantity (≥ 1): plaques, meetings a year, ….
    BurdenStatus status = BurdenStatus::allowed;   ///< Current status.
    Date added{};                                  ///< When it came into force.
    std::optional<Date> flagged{};                 ///< When it was flagged for removal (to_remove, or removed after a flag).
    std::optional<Date> removed{};                 ///< When it was removed.
    std::string note{};                            ///< Free text (latest note).
    /// @brief In force at the end of day @p on: added on or before it and not removed by then.
    [[nodiscard]] bool in_force(Date on) const noexcept;
    /// @brief Items compare member by member.
    friend bool operator==(const BurdenItem&, const BurdenItem&) = default;
};

/// @brief What BurdenLedger::add() needs.
struct BurdenItemInput {
    DivisionCode unit;              ///< A village-level unit.
    BurdenKind kind = BurdenKind::plaque;  ///< What it is.
    std::string name{};               ///< What it is called (required).
    std::string source_department{};  ///< Who put it there.
    int quantity = 1;               ///< Counted quantity (≥ 1).
    Date added{};                   ///< When it came into force.
    std::string note{};             ///< Free text.
};

/// @brief Weights per kind for the burden index: how much one counted unit of a kind weighs.
///
/// The defaults are placeholders chosen for illustration, **not verified** against any published
/// method; set your own with set().
struct BurdenWeights {
    /// @brief Weight of each kind, indexed by kind value.
    std::array<double, burden_kind_count> per_kind{1.0, 2.0, 0.5, 1.0, 3.0, 2.0, 2.0};
    /// @brief Where the weights come from.
    std::string source = "grassroots defaults (unverified placeholders)";
    /// @brief The weight of @p kind.
    [[nodiscard]] double operator[](BurdenKind kind) const noexcept { return per_kind[static_cast<std::size_t>(kind)]; }
    /// @brief Sets the weight of @p kind; throws InvalidInput for a negative or non-finite weight.
    void set(BurdenKind kind, double weight);
    /// @brief The defaults: plaque 1, certificate type 2, meeting a year 0.5, inspection a year 1,
    /// reporting app 3, new-media account 2, pushed-down task 2 (unverified).
    [[nodiscard]] static BurdenWeights defaults() { return {}; }
    /// @brief Weights compare member by member.
    friend bool operator==(const BurdenWeights&, const BurdenWeights&) = default;
};

/// @brief The burden of one unit on one day.
struct BurdenIndexRow {
    DivisionCode unit;                                       ///< The unit.
    std::optional<int> staff{};                              ///< Staff members, if known.
    int items = 0;                                           ///< Items in force.
    std::array<std::int64_t, burden_kind_count> quantity{};  ///< Quantity in force per kind.
    double weighted = 0.0;                                   ///< Σ weight(kind) × quantity.
    std::optional<double> index{};                           ///< weighted / staff; none without a staff count.
};

/// @brief One unit's burden on two days.
struct BurdenChange {
    DivisionCode unit;                  ///< The unit.
    std::optional<int> staff{};         ///< Staff members, if known.
    double weighted_before = 0.0;       ///< Weighted burden on the first day.
    double weighted_after = 0.0;        ///< Weighted burden on the second day.
    std::optional<double> index_before{};  ///< Index on the first day.
    std::optional<double> index_after{};   ///< Index on the second day.
    int items_before = 0;               ///< Items in force on the first day.
    int items_after = 0;                ///< Items in force on the second day.
    int added = 0;                      ///< Items added after the first day, up to the second.
    int removed = 0;                    ///< Items removed after the first day, up to the second.
    /// @brief weighted_after − weighted_before.
    [[nodiscard]] double change() const noexcept { return weighted_after - weighted_before; }
};

/// @brief Quantities of one kind on two days (after = before + added − removed).
struct BurdenKindChange {
    BurdenKind kind = BurdenKind::plaque;  ///< The kind.
    std::int64_t before = 0;               ///< Quantity in force on the first day.
    std::int64_t after = 0;                ///< Quantity in force on the second day.
    std::int64_t added = 0;                ///< Quantity added after the first day, up to the second.
    std::int64_t removed = 0;              ///< Quantity removed after the first day, up to the second.
};

/// @brief Before/after comparison of the burden across two days (减负成效).
struct BurdenComparison {
    Date before{};                        ///< The first day.
    Date after{};                         ///< The second day.
    std::vector<BurdenChange> units;      ///< One per unit with items, in code order.
    std::vector<BurdenKindChange> kinds;  ///< One per kind, in kind order, over all units.
};

/// @brief The burden ledgers of many village-level units, with their staff counts.
///
/// Status moves: allowed → to_remove (flag()), to_remove → allowed (keep()), allowed or to_remove →
/// removed (remove()); removed is final. Dates may not go backwards (flagged ≥ added, removed ≥
/// flagged). Bad input throws InvalidInput, unknown ids NotFound, a move from the wrong status
/// RuleViolation (`burden.status`); nothing changes when a call throws.
class BurdenLedger {
public:
    /// @brief Sets the staff count (社区工作者 on duty) of a village-level @p unit; throws
    /// InvalidInput for a unit above village level or a count below 1.
    void set_staff(DivisionCode unit, int staff);
    /// @brief The staff count of @p unit, if set.
    [[nodiscard]] std::optional<int> staff(DivisionCode unit) const;
    /// @brief Every staff count, by unit.
    [[nodiscard]] const std::map<DivisionCode, int>& staff_counts() const noexcept { return staff_; }
    /// @brief The kind weights.
    [[nodiscard]] const BurdenWeights& weights() const noexcept { return weights_; }
    /// @brief Replaces the kind weights.
    void set_weights(BurdenWeights weights);

    /// @brief Adds an item (status allowed); throws InvalidInput (unit not village-level, empty
    /// name, quantity below 1, invalid date, text holding a line break). Returns its id.
    BurdenItemId add(BurdenItemInput input);
    /// @brief Flags an allowed item for removal on @p date (→ to_remove).
    void flag(BurdenItemId id, Date date, std::string note = {});
    /// @brief Takes the flag off a to_remove item (→ allowed; the flag date is cleared).
    void keep(BurdenItemId id, Date date, std::string note = {});
    /// @brief Removes an item on @p date (→ removed; no longer in force from that day).
    void remove(BurdenItemId id, Date date, std::string note = {});

    /// @brief The item @p id; throws NotFound.
    [[nodiscard]] const BurdenItem& item(BurdenItemId id) const;
    /// @brief All items, by id.
    [[nodiscard]] std::span<const BurdenItem> items() const noexcept { return items_; }
    /// @brief Ids of the items of @p unit.
    [[nodiscard]] std::vector<BurdenItemId> items_of(DivisionCode unit) const;
    /// @brief Every unit with items or a staff count, in code order.
    [[nodiscard]] std::vector<DivisionCode> units() const;

    /// @brief The index of every unit on @p on (units with items or staff, in code order);
    /// with @p within, only units in that division's subtree.
    [[nodiscard]] std::vector<BurdenIndexRow> index(Date on, std::optional<DivisionCode> within = std::nullopt) const;
    /// @brief The index of one unit on @p on.
    [[nodiscard]] BurdenIndexRow index_of(DivisionCode unit, Date on) const;
    /// @brief The @p n units with the highest index on @p on (ties by code; units without a staff
    /// count are left out); with @p within, only that subtree.
    [[nodiscard]] std::vector<BurdenIndexRow> top(Date on, std::size_t n,
                                                  std::optional<DivisionCode> within = std::nullopt) const;
    /// @brief What was in force on @p before and on @p after, per unit and per kind; throws
    /// InvalidInput when @p after is before @p before.
    [[nodiscard]] BurdenComparison compare(Date before, Date after,
                                           std::optional<DivisionCode> within = std::nullopt) const;

    /// @brief items.csv: unit,kind,name,source_department,quantity,status,added,flagged,removed,note.
    [[nodiscard]] std::string items_csv() const;
    /// @brief staff.csv: unit,staff.
    [[nodiscard]] std::string staff_csv() const;
    /// @brief Reads items.csv and staff.csv back (kinds and statuses in English or Chinese; the
    /// status must agree with the dates). Errors are InvalidInput naming the file, row and field.
    [[nodiscard]] static BurdenLedger parse_csv(std::string_view items, std::string_view staff = {},
                                                BurdenWeights weights = {});

private:
    BurdenItem& item_ref(BurdenItemId id);
    void change_status(BurdenItemId id, Date date, std::string note, BurdenStatus to);
    std::vector<BurdenItem> items_;
    std::map<DivisionCode, int> staff_;
    BurdenWeights weights_;
};

}  // namespace grassroots
