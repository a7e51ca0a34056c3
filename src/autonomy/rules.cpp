#include "grassroots/autonomy/rules.hpp"

#include <algorithm>
#include <array>
#include <numeric>

#include "grassroots/error.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<CommitteeKind>, 2> committee_kind_names{{
    {CommitteeKind::residents, "residents", "居民委员会", "residents' committee (社区)"},
    {CommitteeKind::villagers, "villagers", "村民委员会", "villagers' committee (行政村)"},
}};

}  // namespace

std::span<const EnumName<CommitteeKind>> enum_names(CommitteeKind) noexcept { return committee_kind_names; }
std::string_view to_string(CommitteeKind kind) noexcept { return enum_name(kind); }
std::string_view chinese_name(CommitteeKind kind) noexcept { return enum_chinese_name(kind); }

std::int64_t Threshold::minimum(std::int64_t base) const noexcept {
    // Smallest c with c*d > n*b (strict) or c*d >= n*b.
    if (denominator <= 0) {
        return 0;  // not a share; RuleSet refuses such values
    }
    const std::int64_t product = numerator * base;
    std::int64_t count = product / denominator;
    while (!met(count, base)) {
        ++count;
    }
    while (count > 0 && met(count - 1, base)) {
        --count;
    }
    return count;
}

std::string Threshold::to_string() const {
    return std::string(strict ? "more than " : "at least ") + std::to_string(numerator) + "/" +
           std::to_string(denominator);
}

std::string RuleSource::to_string() const { return article.empty() ? law : law + " " + article; }

const IntRange& Rule::range() const {
    if (const auto* value_range = std::get_if<IntRange>(&value)) {
        return *value_range;
    }
    throw InvalidInput("rule '" + id + "' has no range value");
}

const Threshold& Rule::threshold() const {
    if (const auto* value_threshold = std::get_if<Threshold>(&value)) {
        return *value_threshold;
    }
    throw InvalidInput("rule '" + id + "' has no share value");
}

std::string Rule::value_text() const {
    if (const auto* r = std::get_if<IntRange>(&value)) return r->to_string();
    if (const auto* t = std::get_if<Threshold>(&value)) return t->to_string();
    return {};
}

namespace {
void check_value(const Rule& rule, const std::string& edition) {
    if (rule.id.empty()) {
        throw InvalidInput("a rule of edition '" + edition + "' has an empty id");
    }
    if (const auto* r = std::get_if<IntRange>(&rule.value); r != nullptr && r->min > r->max) {
        throw InvalidInput("rule '" + rule.id + "' of edition '" + edition + "': range " + std::to_string(r->min) +
                           "–" + std::to_string(r->max) + " has min > max");
    }
    if (const auto* t = std::get_if<Threshold>(&rule.value);
        t != nullptr && (t->denominator <= 0 || t->numerator < 0 || t->numerator > t->denominator)) {
        throw InvalidInput("rule '" + rule.id + "' of edition '" + edition + "': share " +
                           std::to_string(t->numerator) + "/" + std::to_string(t->denominator) +
                           " is not a fraction between 0 and 1");
    }
}
}  // namespace

RuleSet::RuleSet(std::string id, std::string title, CommitteeKind kind, Date effective_from, std::vector<Rule> rules)
    : id_(std::move(id)), title_(std::move(title)), kind_(kind), effective_from_(effective_from), rules_(std::move(rules)) {
    if (id_.empty()) {
        throw InvalidInput("a rule set needs an id");
    }
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        check_value(rules_[i], id_);
        for (std::size_t j = 0; j < i; ++j) {
            if (rules_[j].id == rules_[i].id) {
                throw InvalidInput("edition '" + id_ + "' lists rule '" + rules_[i].id + "' twice");
            }
        }
    }
}

bool RuleSet::has(std::string_view rule_id) const noexcept {
    return std::any_of(rules_.begin(), rules_.end(), [&](const Rule& r) { return r.id == rule_id; });
}

const Rule& RuleSet::rule(std::string_view rule_id) const {
    for (const Rule& r : rules_) {
        if (r.id == rule_id) {
            return r;
        }
    }
    throw NotFound("edition '" + id_ + "' has no rule '" + std::string(rule_id) + "'");
}

Rule& RuleSet::mutable_rule(std::string_view rule_id) { return const_cast<Rule&>(rule(rule_id)); }

void RuleSet::override_value(std::string_view rule_id, Rule::Value value, std::string note, const char* kind) {
    Rule& target = mutable_rule(rule_id);
    if (target.value.index() != value.index()) {
        throw InvalidInput("rule '" + target.id + "' is not a " + kind + " rule (its value is '" + target.value_text() + "')");
    }
    if (note.empty()) {
        throw InvalidInput("overriding rule '" + target.id + "' needs a note saying whose rule it is");
    }
    Rule changed = target;
    changed.value = value;
    changed.override_note = std::move(note);
    check_value(changed, id_);
    target = std::move(changed);
}

void RuleSet::override_range(std::string_view rule_id, IntRange value, std::string note) {
    override_value(rule_id, value, std::move(note), "range");
}

void RuleSet::override_threshold(std::string_view rule_id, Threshold value, std::string note) {
    override_value(rule_id, value, std::move(note), "share");
}

RuleBook::RuleBook(const RuleBook& other) {
    editions_.reserve(other.editions_.size());
    for (const auto& edition : other.editions_) {
        editions_.push_back(std::make_unique<RuleSet>(*edition));
    }
}

RuleBook& RuleBook::operator=(const RuleBook& other) {
    if (this != &other) {
        RuleBook copy(other);
        *this = std::move(copy);
    }
    return *this;
}

std::vector<std::reference_wrapper<const RuleSet>> RuleBook::editions() const {
    std::vector<std::reference_wrapper<const RuleSet>> out;
    out.reserve(editions_.size());
    for (const auto& edition : editions_) out.emplace_back(*edition);
    return out;
}

void RuleBook::add(RuleSet edition) {
    for (const auto& existing : editions_) {
        if (existing->id() == edition.id()) {
            throw InvalidInput("rule book already has an edition '" + edition.id() + "'");
        }
        if (existing->committee_kind() == edition.committee_kind() &&
            existing->effective_from() == edition.effective_from()) {
            throw InvalidInput("editions '" + existing->id() + "' and '" + edition.id() + "' both take effect on " +
                               to_string(edition.effective_from()));
        }
    }
    editions_.push_back(std::make_unique<RuleSet>(std::move(edition)));
    std::stable_sort(editions_.begin(), editions_.end(), [](const auto& a, const auto& b) {
        if (a->committee_kind() != b->committee_kind()) return a->committee_kind() < b->committee_kind();
        return a->effective_from() < b->effective_from();
    });
}

const RuleSet& RuleBook::in_force(CommitteeKind kind, Date on) const {
    const RuleSet* found = nullptr;
    for (const auto& edition : editions_) {
        if (edition->committee_kind() == kind && edition->effective_from() <= on) {
            found = edition.get();
        }
    }
    if (found == nullptr) {
        std::string first;
        for (const auto& edition : editions_) {
            if (edition->committee_kind() == kind) {
                first = to_string(edition->effective_from());
                break;
            }
        }
        throw NotFound("no " + std::string(chinese_name(kind)) + " rules in force on " + to_string(on) +
                       (first.empty() ? std::string(": the rule book has none") : ": the first edition takes effect on " + first));
    }
    return *found;
}

const RuleSet& RuleBook::edition(std::string_view id) const {
    for (const auto& e : editions_) {
        if (e->id() == id) return *e;
    }
    throw NotFound("the rule book has no edition '" + std::string(id) + "'");
}

RuleSet& RuleBook::edition(std::string_view id) {
    return const_cast<RuleSet&>(static_cast<const RuleBook&>(*this).edition(id));
}

std::optional<Date> RuleBook::effective_until(const RuleSet& edition) const {
    std::optional<Date> until;
    for (const auto& e : editions_) {
        if (e->committee_kind() == edition.committee_kind() && edition.effective_from() < e->effective_from() &&
            (!until || e->effective_from() < *until)) {
            until = e->effective_from();
        }
    }
    if (until) {
        until = std::chrono::sys_days{*until} - std::chrono::days{1};
    }
    return until;
}

RuleSet rules_in_force(CommitteeKind kind, Date on) {
    static const RuleBook book = RuleBook::china();
    return book.in_force(kind, on);
}

}  // namespace grassroots
