/// @file builtin.hpp
/// @brief The built-in closed loops, declared in C++ with state ids checked at compile time.
///
/// Each loop's state ids are `inline constexpr std::string_view` constants in a namespace of
/// their own (grassroots::workflows::urban::dispatch, …); the definitions are built from these
/// constants, so a misspelt state id is a compile error, and a static_assert checks that the ids
/// of each loop are distinct. The time limits are defaults that a city can override by loading its
/// own definition (see WorkflowDefinition::from_json); unless said otherwise they are
/// illustrative and not verified against a published local standard.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "grassroots/core/enum_table.hpp"
#include "grassroots/workflow/definition.hpp"

namespace grassroots {

/// @brief Compile-time checked names of the built-in loops.
namespace workflows {

/// @brief True when no two of @p names are equal (usable in static_assert).
template <std::size_t N>
[[nodiscard]] constexpr bool distinct(const std::array<std::string_view, N>& names) noexcept {
    for (std::size_t i = 0; i < N; ++i) {
        for (std::size_t j = i + 1; j < N; ++j) {
            if (names[i] == names[j]) return false;
        }
    }
    return true;
}

/// @brief State ids of the urban management case (数字化城管).
namespace urban {
inline constexpr std::string_view loop = "urban_management";  ///< Loop id.
inline constexpr std::string_view collect = "collect";        ///< 信息收集 (supervision centre).
inline constexpr std::string_view file = "file";              ///< 案卷建立 (command centre).
inline constexpr std::string_view cancel = "cancel";          ///< 注销, closed: not eligible.
inline constexpr std::string_view dispatch = "dispatch";      ///< 任务派遣 (command centre); starts the clock.
inline constexpr std::string_view handle = "handle";          ///< 任务处理 (department).
inline constexpr std::string_view feedback = "feedback";      ///< 处理反馈 (department).
inline constexpr std::string_view verify = "verify";          ///< 核查结案 (supervision centre).
inline constexpr std::string_view evaluate = "evaluate";      ///< 综合评价 (supervision centre).
inline constexpr std::string_view closed = "closed";          ///< 结案, closed.
/// @brief Every state id of the loop.
inline constexpr std::array<std::string_view, 9> states{collect, file, cancel, dispatch, handle, feedback, verify, evaluate, closed};
static_assert(distinct(states), "urban management state ids must be distinct");
}  // namespace urban

/// @brief State ids of the 12345 hotline loop (接诉即办).
namespace hotline {
inline constexpr std::string_view loop = "hotline_12345";         ///< Loop id prefix; the kind is appended.
inline constexpr std::string_view receive = "receive";            ///< 受理.
inline constexpr std::string_view dispatch = "dispatch";          ///< 派单.
inline constexpr std::string_view handle = "handle";              ///< 办理; limit depends on the kind.
inline constexpr std::string_view reply = "reply";                ///< 答复.
inline constexpr std::string_view return_visit = "return_visit";  ///< 回访.
inline constexpr std::string_view rating = "rating";              ///< 评价.
inline constexpr std::string_view closed = "closed";              ///< 办结, closed.
/// @brief Every state id of the loop.
inline constexpr std::array<std::string_view, 7> states{receive, dispatch, handle, reply, return_visit, rating, closed};
static_assert(distinct(states), "hotline state ids must be distinct");
}  // namespace hotline

/// @brief State ids of 吹哨报到 (the street blows the whistle, departments report).
namespace whistle {
inline constexpr std::string_view loop = "whistle";                  ///< Loop id.
inline constexpr std::string_view blow = "blow";                     ///< 吹哨 (township).
inline constexpr std::string_view report = "report";                 ///< 报到 (departments, within 30 min).
inline constexpr std::string_view joint_handling = "joint_handling"; ///< 联合处置.
inline constexpr std::string_view rating = "rating";                 ///< 评价 (township rates departments).
inline constexpr std::string_view closed = "closed";                 ///< 办结, closed.
/// @brief Every state id of the loop.
inline constexpr std::array<std::string_view, 5> states{blow, report, joint_handling, rating, closed};
static_assert(distinct(states), "whistle state ids must be distinct");
}  // namespace whistle

/// @brief State ids of the five-step loop (五步闭环).
namespace five_step {
inline constexpr std::string_view loop = "five_step";                              ///< Loop id.
inline constexpr std::string_view find = "find";                                   ///< 发现问题.
inline constexpr std::string_view classify_and_handle = "classify_and_handle";     ///< 分类办理.
inline constexpr std::string_view track = "track";                                 ///< 跟踪问效.
inline constexpr std::string_view verify_and_evaluate = "verify_and_evaluate";     ///< 核查评估.
inline constexpr std::string_view adjust = "adjust";                               ///< 动态调整.
inline constexpr std::string_view closed = "closed";                               ///< 销号, closed.
/// @brief Every state id of the loop.
inline constexpr std::array<std::string_view, 6> states{find, classify_and_handle, track, verify_and_evaluate, adjust, closed};
static_assert(distinct(states), "five-step state ids must be distinct");
}  // namespace five_step

/// @brief State ids of 探索—试点—评估—推广 (governance innovation projects).
namespace explore_pilot {
inline constexpr std::string_view loop = "explore_pilot";  ///< Loop id.
inline constexpr std::string_view explore = "explore";     ///< 探索.
inline constexpr std::string_view pilot = "pilot";         ///< 试点.
inline constexpr std::string_view evaluate = "evaluate";   ///< 评估.
inline constexpr std::string_view promote = "promote";     ///< 推广.
inline constexpr std::string_view closed = "closed";       ///< 完成, closed.
/// @brief Every state id of the loop.
inline constexpr std::array<std::string_view, 5> states{explore, pilot, evaluate, promote, closed};
static_assert(distinct(states), "explore-pilot state ids must be distinct");
}  // namespace explore_pilot

}  // namespace workflows

/// @brief Kinds of 12345 hotline request, each with its own handling limit (2021 draft standard).
enum class HotlineKind : std::uint8_t {
    emergency,  ///< 紧急: 2 hours elapsed.
    utilities,  ///< water, power, gas, heating: 24 hours elapsed.
    general,    ///< 一般: 7 working days.
    complex,    ///< 疑难复杂: 15 working days.
};

/// @brief The names of every hotline kind, in value order.
[[nodiscard]] std::span<const EnumName<HotlineKind>> enum_names(HotlineKind) noexcept;
/// @brief "emergency", "utilities", "general" or "complex".
[[nodiscard]] std::string_view to_string(HotlineKind kind) noexcept;

/// @brief 数字化城管 7 stages plus 注销 cancel and 结案 closed, version 1.
///
/// Default limits (configurable, not verified): file within 30 min elapsed, dispatch within
/// 30 min elapsed, handle within 5 working days, verify within 2 h elapsed. The clock starts at
/// dispatch; failed verification re-dispatches (rework).
[[nodiscard]] WorkflowDefinition urban_management();
/// @brief 12345 接诉即办 for requests of @p kind: id "hotline_12345_<kind>", version 1.
[[nodiscard]] WorkflowDefinition hotline_12345(HotlineKind kind);
/// @brief 吹哨报到: departments must report within 30 min elapsed (Pinggu), version 1.
[[nodiscard]] WorkflowDefinition whistle();
/// @brief 五步闭环: a failed verification sends the problem back to classify and handle, version 1.
[[nodiscard]] WorkflowDefinition five_step();
/// @brief 探索—试点—评估—推广: evaluation can send a project back to pilot, version 1.
[[nodiscard]] WorkflowDefinition explore_pilot();

}  // namespace grassroots
