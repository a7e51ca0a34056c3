/// @file rules.hpp
/// @brief Rules from law as data: each with its number, source (law, article), verification
/// status and the edition (effective date) it belongs to.
///
/// A RuleSet is one edition of one law (the residents' committee law of 1989, its 2018
/// amendment, its 2025 revision; the villagers' committee law of 2010 and its 2018 amendment).
/// RuleBook::china() holds them all and answers which edition is in force on a date. Numbers that
/// could not be verified against the official text are marked `verified = false`; they and any
/// local rule can be overridden, and an override is recorded on the rule.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "grassroots/core/date.hpp"
#include "grassroots/core/enum_table.hpp"
#include "grassroots/core/range.hpp"

namespace grassroots {

/// @brief Which kind of self-governing committee a law or chain is about.
enum class CommitteeKind : std::uint8_t {
    residents,  ///< 居民委员会 residents' committee (urban community, 社区)
    villagers,  ///< 村民委员会 villagers' committee (administrative village, 行政村)
};

/// @brief Every CommitteeKind with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<CommitteeKind>> enum_names(CommitteeKind) noexcept;
/// @brief "residents" or "villagers".
[[nodiscard]] std::string_view to_string(CommitteeKind kind) noexcept;
/// @brief 居民委员会 or 村民委员会.
[[nodiscard]] std::string_view chinese_name(CommitteeKind kind) noexcept;

/// @brief A share of a base: "more than half" (过半数, strict) or "at least one fifth" (五分之一以上).
///
/// In Chinese law "以上" includes the number itself, "过半数" does not: exactly half is not more
/// than half. Comparisons are done in integers, so boundaries are exact.
struct Threshold {
    std::int64_t numerator = 1;    ///< Share numerator.
    std::int64_t denominator = 2;  ///< Share denominator (> 0).
    bool strict = true;            ///< True: count must exceed the share; false: reach it.
    /// @brief True when @p count meets the share of @p base.
    [[nodiscard]] constexpr bool met(std::int64_t count, std::int64_t base) const noexcept {
        if (denominator <= 0) return false;  // not a share; RuleSet refuses such values
        return strict ? count * denominator > numerator * base : count * denominator >= numerator * base;
    }
    /// @brief The smallest count that meets the share of @p base.
    [[nodiscard]] std::int64_t minimum(std::int64_t base) const noexcept;
    /// @brief "more than 1/2" or "at least 1/5".
    [[nodiscard]] std::string to_string() const;
    /// @brief Thresholds compare by all fields.
    friend bool operator==(const Threshold&, const Threshold&) = default;
};

/// @brief Where a rule comes from.
struct RuleSource {
    std::string law;      ///< The law and edition, e.g. "中华人民共和国城市居民委员会组织法 (2018年修正)".
    std::string article;  ///< e.g. "第七条"; empty when not known.
    /// @brief "law article" (or the law alone).
    [[nodiscard]] std::string to_string() const;
};

/// @brief One rule: an id, what it says, its value (a range, a share, or none for a plain
/// requirement), its source and whether its number was verified.
struct Rule {
    /// @brief A rule's value: a requirement without a number, a range or a share.
    using Value = std::variant<std::monostate, IntRange, Threshold>;

    std::string id;        ///< Stable id, e.g. "committee.size".
    std::string summary;   ///< What the rule requires, in English with the Chinese wording.
    Value value;           ///< The number(s), if any.
    RuleSource source;     ///< Law and article.
    bool verified = true;  ///< False for numbers not checked against the official text, and local rules.
    std::string override_note;  ///< Non-empty when a user replaced the value (says why / whose rule).

    /// @brief The value as a range; throws InvalidInput if it is not one.
    [[nodiscard]] const IntRange& range() const;
    /// @brief The value as a share; throws InvalidInput if it is not one.
    [[nodiscard]] const Threshold& threshold() const;
    /// @brief The value as text ("5–9", "more than 1/2", or "").
    [[nodiscard]] std::string value_text() const;
};

/// @brief One edition of one law: its rules, the committee kind and the date it took effect.
class RuleSet {
public:
    /// @brief An edition; throws InvalidInput for duplicate rule ids or a bad value.
    RuleSet(std::string id, std::string title, CommitteeKind kind, Date effective_from, std::vector<Rule> rules);

    [[nodiscard]] const std::string& id() const noexcept { return id_; }        ///< e.g. "rc-2018".
    [[nodiscard]] const std::string& title() const noexcept { return title_; }  ///< The law's title.
    /// @brief Which committees it governs.
    [[nodiscard]] CommitteeKind committee_kind() const noexcept { return kind_; }
    /// @brief The first day it is in force.
    [[nodiscard]] Date effective_from() const noexcept { return effective_from_; }
    /// @brief True when the set has a rule with this id.
    [[nodiscard]] bool has(std::string_view rule_id) const noexcept;
    /// @brief The rule with this id; throws NotFound naming the edition.
    [[nodiscard]] const Rule& rule(std::string_view rule_id) const;
    /// @brief All rules, in the order given.
    [[nodiscard]] std::span<const Rule> rules() const noexcept { return rules_; }

    /// @brief Replaces a range rule's value (a local rule or a checked number); @p note says why.
    /// Throws NotFound for an unknown id and InvalidInput for a non-range rule, min > max or an empty note.
    void override_range(std::string_view rule_id, IntRange value, std::string note);
    /// @brief Replaces a share rule's value; same checks as override_range().
    void override_threshold(std::string_view rule_id, Threshold value, std::string note);

private:
    Rule& mutable_rule(std::string_view rule_id);
    void override_value(std::string_view rule_id, Rule::Value value, std::string note, const char* kind);
    std::string id_;
    std::string title_;
    CommitteeKind kind_;
    Date effective_from_;
    std::vector<Rule> rules_;
};

/// @brief All editions known, by committee kind and effective date.
///
/// References to editions stay valid while the book lives, also across add().
class RuleBook {
public:
    RuleBook() = default;                                ///< An empty book.
    RuleBook(const RuleBook& other);                     ///< A deep copy.
    RuleBook& operator=(const RuleBook& other);          ///< A deep copy.
    RuleBook(RuleBook&&) noexcept = default;             ///< Moves the editions.
    RuleBook& operator=(RuleBook&&) noexcept = default;  ///< Moves the editions.
    ~RuleBook() = default;                               ///< Frees the editions.

    /// @brief The built-in editions of China's two organic laws (see docs/autonomy.md for sources).
    [[nodiscard]] static RuleBook china();

    /// @brief Adds an edition; throws InvalidInput if one of the same kind takes effect the same day.
    void add(RuleSet edition);
    /// @brief The edition in force on @p on: the latest one that took effect on or before it.
    /// Throws NotFound when @p on is before every edition of that kind.
    [[nodiscard]] const RuleSet& in_force(CommitteeKind kind, Date on) const;
    /// @brief The edition with this id; throws NotFound.
    [[nodiscard]] const RuleSet& edition(std::string_view id) const;
    /// @brief The edition with this id, to override rules; throws NotFound.
    [[nodiscard]] RuleSet& edition(std::string_view id);
    /// @brief The day after which @p edition is replaced, if a later one of its kind exists.
    [[nodiscard]] std::optional<Date> effective_until(const RuleSet& edition) const;
    /// @brief Every edition, sorted by kind and effective date.
    [[nodiscard]] std::vector<std::reference_wrapper<const RuleSet>> editions() const;

private:
    std::vector<std::unique_ptr<RuleSet>> editions_;  // sorted; pointers keep references stable
};

/// @brief The built-in edition in force on @p on for @p kind: RuleBook::china().in_force(kind, on).
[[nodiscard]] RuleSet rules_in_force(CommitteeKind kind, Date on);

}  // namespace grassroots
