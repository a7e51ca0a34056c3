/// @file case_evidence.hpp
/// @brief Review evidence computed from the case engine: cases handled and the on-time rate of each
/// community worker who acts in a CaseEngine.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "grassroots/core/instant.hpp"
#include "grassroots/core/date.hpp"
#include "grassroots/people/review.hpp"

namespace grassroots {

class CaseEngine;

/// @brief The evidence keys evidence_from_cases() writes.
namespace case_evidence_key {
inline constexpr std::string_view cases_handled = "cases_handled";  ///< Cases the worker handled in the period.
inline constexpr std::string_view cases_on_time = "cases_on_time";  ///< Of those, handled by their handling deadline.
/// @brief cases_on_time / cases_handled (only for workers who handled at least one case).
inline constexpr std::string_view on_time_rate = "on_time_rate";
}  // namespace case_evidence_key

/// @brief One handled case as the review reads it: who handled it, when, and by when it was due.
struct HandledCase {
    std::string actor;                   ///< The handler's actor id.
    Instant handled_at{};                ///< When it was handled (CaseState::handled_at).
    std::optional<Instant> handling_due; ///< Its handling deadline (CaseState::handling_due), if any.
};

/// @brief The evidence of @p cases for every worker of @p workforce with an actor id: the cases
/// whose actor is theirs and whose handled_at falls (as a China Standard Time date) in
/// [@p first, @p last]. A case is on time when handled_at ≤ handling_due, or when it has no
/// deadline. Workers with no case get cases_handled = cases_on_time = 0 and no on_time_rate (an
/// indicator reading it then needs points_if_missing). Cases of actors who are no worker are
/// ignored. Throws InvalidInput for first after last or two workers with the same actor id.
[[nodiscard]] ReviewEvidence evidence_from_handled_cases(std::span<const HandledCase> cases, const Workforce& workforce,
                                                         Date first, Date last);

/// @brief Counts, for every worker of @p workforce with an actor id, the cases of @p engine whose
/// handler (CaseState::handler) is that actor and that were handled (CaseState::handled_at, a China
/// Standard Time date) in [@p first, @p last].
///
/// A case counts once, for its last handler; otherwise as evidence_from_handled_cases(). Throws
/// NotFound naming the worker when its actor id is not in the engine, and InvalidInput as above.
[[nodiscard]] ReviewEvidence evidence_from_cases(const CaseEngine& engine, const Workforce& workforce, Date first,
                                                 Date last);

}  // namespace grassroots
