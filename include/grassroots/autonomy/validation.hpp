/// @file validation.hpp
/// @brief Checking an autonomy chain against the law in force: a structured report of findings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/autonomy/chain.hpp"
#include "grassroots/autonomy/rules.hpp"
#include "grassroots/core/enum_table.hpp"

namespace grassroots {

/// @brief How serious a finding is.
enum class Severity : std::uint8_t {
    info,     ///< worth knowing; nothing is wrong
    warning,  ///< outside what the law says "generally", or against an unverified/local default
    error,    ///< against a verified rule of law
};

/// @brief Every Severity with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<Severity>> enum_names(Severity) noexcept;
/// @brief "info", "warning" or "error".
[[nodiscard]] std::string_view to_string(Severity severity) noexcept;
/// @brief 提示, 警告 or 错误.
[[nodiscard]] std::string_view chinese_name(Severity severity) noexcept;

/// @brief One thing found: which rule, how serious, about which entity, what, and from where.
struct Finding {
    std::string rule_id;        ///< e.g. "group.representatives".
    Severity severity = Severity::error;  ///< How serious.
    std::string entity;         ///< e.g. "group 3 (第三居民小组)" or "committee".
    std::string message;        ///< What is wrong, with the numbers.
    std::string source;         ///< Law and article of the rule.
    bool rule_verified = true;  ///< False when the rule's number is an unverified or local default.
};

/// @brief The result of validate(): findings plus what was checked.
struct ValidationReport {
    Date on{};                          ///< The day the chain was checked for.
    std::string rule_set;               ///< Id of the edition applied, e.g. "rc-2018".
    std::vector<Finding> findings;      ///< In check order.
    std::size_t entities_checked = 0;   ///< People, groups, committees, organisations and posts.

    /// @brief True when there is no error (warnings allowed).
    [[nodiscard]] bool ok() const noexcept;
    /// @brief Number of findings of @p severity.
    [[nodiscard]] std::size_t count(Severity severity) const noexcept;
    /// @brief True when some finding has this rule id.
    [[nodiscard]] bool has(std::string_view rule_id) const noexcept;
};

/// @brief Checks @p chain against @p rules on day @p on.
///
/// Covers: committee size; a single director; a woman on a villagers' committee; household scale;
/// group heads chosen from their own group; representatives per group (2–3 for residents' groups)
/// or households per representative (5–15 for villages); each representative in exactly one group
/// and living in it; expired terms; subordinate committees headed by committee members, or the
/// mediation, security and health duties shared among members when there are none; the
/// villagers' representatives' assembly (≥ 4/5 representatives, women ≥ 1/3); party
/// organisations with a secretary. Throws InvalidInput when @p rules govern the other committee kind.
[[nodiscard]] ValidationReport validate(const AutonomyChain& chain, const RuleSet& rules, Date on);
/// @brief validate() with the built-in edition in force on @p on.
[[nodiscard]] ValidationReport validate(const AutonomyChain& chain, Date on);

}  // namespace grassroots
