#include "grassroots/autonomy/validation.hpp"

#include <algorithm>
#include <array>

#include "grassroots/error.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<Severity>, 3> severity_names{{
    {Severity::info, "info", "提示", "worth knowing; nothing is wrong"},
    {Severity::warning, "warning", "警告", "beyond what the law says generally, or an unverified rule"},
    {Severity::error, "error", "错误", "against a verified rule of law"},
}};

}  // namespace

std::span<const EnumName<Severity>> enum_names(Severity) noexcept { return severity_names; }
std::string_view to_string(Severity severity) noexcept { return enum_name(severity); }
std::string_view chinese_name(Severity severity) noexcept { return enum_chinese_name(severity); }

bool ValidationReport::ok() const noexcept { return count(Severity::error) == 0; }

std::size_t ValidationReport::count(Severity severity) const noexcept {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == severity; }));
}

bool ValidationReport::has(std::string_view rule_id) const noexcept {
    return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule_id == rule_id; });
}

namespace {

// Walks a chain once and records findings against the rules of one edition.
class Checker {
public:
    Checker(const AutonomyChain& chain, const RuleSet& rules, Date on, ValidationReport& report)
        : chain_(chain), rules_(rules), on_(on), report_(report) {}

    void run() {
        collect();
        check_committee();
        check_term();
        check_scale();
        check_groups();
        check_representatives();
        check_subordinates();
        check_assembly();
        check_party();
    }

private:
    void add(const Rule& rule, Severity severity, std::string entity, std::string message) {
        report_.findings.push_back(Finding{rule.id, severity, std::move(entity), std::move(message),
                                           rule.source.to_string(), rule.verified && rule.override_note.empty()});
    }
    [[nodiscard]] const Rule* rule(std::string_view id) const { return rules_.has(id) ? &rules_.rule(id) : nullptr; }

    std::string group_label(std::size_t g) const {
        return "group " + std::to_string(g) + " (" + chain_.groups()[g].name + ")";
    }
    std::string person_label(PersonId p) const {
        return chain_.person(p).name + " (person " + std::to_string(p.value()) + ")";
    }

    // Active posts by kind, sorted people, per-group counts.
    void collect() {
        const std::size_t groups = chain_.groups().size();
        heads_.assign(groups, {});
        representatives_.assign(groups, {});
        for (std::size_t i = 0; i < chain_.posts().size(); ++i) {
            const Post& post = chain_.posts()[i];
            if (!post.active_on(on_)) {
                continue;
            }
            if (post.is_committee_seat()) {
                seats_.push_back(post.person);
                seat_posts_.emplace_back(post.person, post.kind);
                if (post.kind == PostKind::director) directors_.push_back(post.person);
            } else if (post.kind == PostKind::group_head) {
                heads_[post.group->value()].push_back(post.person);
            } else if (post.kind == PostKind::representative) {
                representatives_[post.group->value()].push_back(post.person);
                representative_posts_.emplace_back(post.person, *post.group);
            }
        }
        unique(seats_);
        unique(directors_);
    }
    static void unique(std::vector<PersonId>& people) {
        std::sort(people.begin(), people.end());
        people.erase(std::unique(people.begin(), people.end()), people.end());
    }
    [[nodiscard]] bool is_seat(PersonId p) const { return std::binary_search(seats_.begin(), seats_.end(), p); }

    void check_committee() {
        if (const Rule* size = rule("committee.size"); size != nullptr && !size->range().contains(static_cast<std::int64_t>(seats_.size()))) {
            add(*size, Severity::error, "committee",
                std::to_string(seats_.size()) + " members on " + to_string(on_) + "; the law requires " +
                    size->range().to_string());
        }
        if (const Rule* director = rule("committee.director"); director != nullptr && directors_.size() != 1) {
            add(*director, Severity::error, "committee",
                directors_.empty() ? "no director (主任) on " + to_string(on_)
                                   : std::to_string(directors_.size()) + " directors (主任) on " + to_string(on_));
        }
        if (const Rule* one = rule("committee.one_post")) check_one_post(*one);
        if (const Rule* woman = rule("committee.woman_member")) {
            const bool any = std::any_of(seats_.begin(), seats_.end(),
                                         [&](PersonId p) { return chain_.person(p).sex == Sex::female; });
            if (!any) add(*woman, Severity::error, "committee", "no woman among the " + std::to_string(seats_.size()) + " members");
        }
    }

    // A person holding two seats of the committee at once (e.g. 主任 and 副主任): the size counts persons.
    void check_one_post(const Rule& one) {
        std::sort(seat_posts_.begin(), seat_posts_.end());
        for (auto first = seat_posts_.begin(); first != seat_posts_.end();) {
            const auto last = std::find_if(first, seat_posts_.end(), [&](const auto& seat) { return seat.first != first->first; });
            if (last - first > 1) {
                std::string posts;
                for (auto it = first; it != last; ++it) posts += (it == first ? "" : " and ") + std::string(chinese_name(it->second));
                add(one, Severity::error, "committee",
                    person_label(first->first) + " holds " + posts + " at once on " + to_string(on_) + "; one person holds one seat");
            }
            first = last;
        }
    }

    void check_term() {
        // The term length is that of the edition in force when the committee was elected.
        const RuleSet* at_election = &rules_;
        static const RuleBook book = RuleBook::china();
        if (chain_.elected() < rules_.effective_from()) {
            try {
                at_election = &book.in_force(chain_.kind(), chain_.elected());
            } catch (const NotFound&) {
                at_election = &rules_;
            }
        }
        if (!at_election->has("committee.term_years")) return;
        const Rule& term = at_election->rule("committee.term_years");
        const Date ends = add_years(chain_.elected(), static_cast<int>(term.range().max));
        if (on_ >= ends) {
            add(term, Severity::error, "committee",
                "the term elected on " + to_string(chain_.elected()) + " (" + term.range().to_string() +
                    " years under " + at_election->id() + ") ended on " + to_string(ends) + "; an election is due");
        }
    }

    void check_scale() {
        if (const Rule* scale = rule("unit.households"); scale != nullptr && !scale->range().contains(chain_.households())) {
            add(*scale, Severity::warning, "unit " + chain_.unit().str(),
                std::to_string(chain_.households()) + " households; the law says generally " + scale->range().to_string());
        }
        if (const Rule* size = rule("group.households")) {
            for (std::size_t g = 0; g < chain_.groups().size(); ++g) {
                if (!size->range().contains(chain_.groups()[g].households)) {
                    add(*size, Severity::info, group_label(g),
                        std::to_string(chain_.groups()[g].households) + " households; default band " + size->range().to_string());
                }
            }
        }
    }

    void check_groups() {
        const Rule* head = rule("group.head");
        if (head == nullptr) return;
        for (std::size_t g = 0; g < chain_.groups().size(); ++g) {
            auto& people = heads_[g];
            unique(people);
            if (people.empty()) {
                add(*head, Severity::error, group_label(g), "no head (组长) on " + to_string(on_));
                continue;
            }
            if (people.size() > 1) {
                add(*head, Severity::error, group_label(g), std::to_string(people.size()) + " heads on " + to_string(on_));
            }
            for (PersonId p : people) {
                const auto& lives_in = chain_.person(p).group;
                if (!lives_in) {
                    add(*head, Severity::warning, group_label(g), "head " + person_label(p) + " has no recorded group");
                } else if (lives_in->value() != g) {
                    add(*head, Severity::error, group_label(g),
                        "head " + person_label(p) + " lives in " + group_label(lives_in->value()) + ", not in this group");
                }
            }
        }
    }

    void check_representatives() {
        if (const Rule* per_group = rule("group.representatives")) {
            for (std::size_t g = 0; g < chain_.groups().size(); ++g) {
                auto people = representatives_[g];
                unique(people);
                if (!per_group->range().contains(static_cast<std::int64_t>(people.size()))) {
                    add(*per_group, Severity::error, group_label(g),
                        std::to_string(people.size()) + " representatives; each group elects " + per_group->range().to_string());
                }
            }
        }
        std::vector<PersonId> all;
        for (const auto& [person, group] : representative_posts_) all.push_back(person);
        unique(all);
        if (const Rule* ratio = rule("representatives.households_per_representative")) {
            const auto reps = static_cast<std::int64_t>(all.size());
            const std::int64_t households = chain_.households();
            const bool by_households = reps > 0 && reps * ratio->range().min <= households && households <= reps * ratio->range().max;
            const bool by_groups = std::all_of(representatives_.begin(), representatives_.end(),
                                               [](const auto& people) { return !people.empty(); }) &&
                                   !representatives_.empty();
            if (!by_households && !by_groups) {
                add(*ratio, Severity::error, "unit " + chain_.unit().str(),
                    std::to_string(reps) + " representatives for " + std::to_string(households) +
                        " households (one per " + ratio->range().to_string() + " households, or some from every group)");
            }
        }
        if (const Rule* one = rule("representative.one_group")) {
            auto posts = representative_posts_;
            std::sort(posts.begin(), posts.end());
            posts.erase(std::unique(posts.begin(), posts.end()), posts.end());
            for (std::size_t i = 0; i < posts.size(); ++i) {
                const auto [person, group] = posts[i];
                if (i > 0 && posts[i - 1].first == person) {
                    add(*one, Severity::error, "representative " + person_label(person),
                        "elected by " + group_label(posts[i - 1].second.value()) + " and by " + group_label(group.value()));
                }
                const auto& lives_in = chain_.person(person).group;
                if (lives_in && *lives_in != group) {
                    add(*one, Severity::error, "representative " + person_label(person),
                        "represents " + group_label(group.value()) + " but lives in " + group_label(lives_in->value()));
                }
            }
        }
    }

    void check_subordinates() {
        const Rule* duties = rule("subordinate.duties");
        const Rule* head_rule = rule("subordinate.head_is_member");
        const auto& subordinates = chain_.subordinate_committees();
        std::vector<std::vector<PersonId>> heads(subordinates.size());
        for (const Post& post : chain_.posts()) {
            if (!post.active_on(on_)) continue;
            if (post.kind == PostKind::subordinate_head) heads[post.subordinate->value()].push_back(post.person);
            if (post.kind == PostKind::duty && duties != nullptr && !is_seat(post.person)) {
                add(*duties, Severity::error, "duty " + std::string(chinese_name(*post.duty)),
                    person_label(post.person) + " carries it but is not a committee member");
            }
        }
        if (head_rule != nullptr) {
            for (std::size_t s = 0; s < subordinates.size(); ++s) {
                const std::string label = "subordinate committee " + std::to_string(s) + " (" + subordinates[s].name + ")";
                if (heads[s].empty()) {
                    add(*head_rule, Severity::warning, label, "no head on " + to_string(on_));
                }
                for (PersonId p : heads[s]) {
                    if (!is_seat(p)) add(*head_rule, Severity::warning, label, "head " + person_label(p) + " is not a committee member");
                }
            }
        }
        if (duties == nullptr) return;
        for (SubordinateKind kind : {SubordinateKind::mediation, SubordinateKind::public_security, SubordinateKind::public_health}) {
            const bool has_committee = std::any_of(subordinates.begin(), subordinates.end(),
                                                   [&](const SubordinateCommittee& c) { return c.kind == kind; });
            const bool shared = std::any_of(chain_.posts().begin(), chain_.posts().end(), [&](const Post& post) {
                return post.kind == PostKind::duty && post.duty == kind && post.active_on(on_) && is_seat(post.person);
            });
            if (!has_committee && !shared) {
                add(*duties, Severity::warning, "duty " + std::string(chinese_name(kind)),
                    "no such committee and no committee member carries the duty");
            }
        }
    }

    void check_assembly() {
        const Rule* share = rule("assembly.representatives_share");
        const Rule* women = rule("assembly.women_share");
        if (share == nullptr && women == nullptr) return;
        if (representative_posts_.empty()) return;  // no representatives' assembly is set up
        // The whole membership (组成人员) is the committee's members and the representatives; a member who was
        // also elected representative sits as a member, so electing members cannot make up the 4/5.
        std::vector<PersonId> reps;
        for (const auto& [person, group] : representative_posts_) {
            if (!is_seat(person)) reps.push_back(person);
        }
        unique(reps);
        const auto total = static_cast<std::int64_t>(seats_.size() + reps.size());
        const auto rep_count = static_cast<std::int64_t>(reps.size());
        if (share != nullptr && !share->threshold().met(rep_count, total)) {
            add(*share, Severity::error, "representatives' assembly",
                std::to_string(rep_count) + " representatives of " + std::to_string(total) + " members; needs " +
                    share->threshold().to_string() + " (" + std::to_string(share->threshold().minimum(total)) + ")");
        }
        if (women != nullptr) {
            const auto women_reps = static_cast<std::int64_t>(
                std::count_if(reps.begin(), reps.end(), [&](PersonId p) { return chain_.person(p).sex == Sex::female; }));
            if (!women->threshold().met(women_reps, total)) {
                add(*women, Severity::error, "representatives' assembly",
                    std::to_string(women_reps) + " women representatives of " + std::to_string(total) + " members; needs " +
                        women->threshold().to_string() + " (" + std::to_string(women->threshold().minimum(total)) + ")");
            }
        }
    }

    void check_party() {
        const Rule* secretary = rule("party.secretary");
        if (secretary == nullptr) return;
        const auto& organisations = chain_.party_organisations();
        std::vector<int> secretaries(organisations.size(), 0);
        for (const Post& post : chain_.posts()) {
            if (post.kind == PostKind::party_secretary && post.active_on(on_)) ++secretaries[post.party_organisation->value()];
        }
        for (std::size_t o = 0; o < organisations.size(); ++o) {
            if (secretaries[o] != 1) {
                add(*secretary, Severity::warning,
                    "party organisation " + std::to_string(o) + " (" + organisations[o].name + ")",
                    std::to_string(secretaries[o]) + " secretaries on " + to_string(on_));
            }
        }
    }

    const AutonomyChain& chain_;
    const RuleSet& rules_;
    Date on_;
    ValidationReport& report_;
    std::vector<PersonId> seats_;
    std::vector<PersonId> directors_;
    std::vector<std::pair<PersonId, PostKind>> seat_posts_;
    std::vector<std::vector<PersonId>> heads_;
    std::vector<std::vector<PersonId>> representatives_;
    std::vector<std::pair<PersonId, GroupId>> representative_posts_;
};

}  // namespace

ValidationReport validate(const AutonomyChain& chain, const RuleSet& rules, Date on) {
    if (rules.committee_kind() != chain.kind()) {
        throw InvalidInput("rule set '" + rules.id() + "' governs " + std::string(chinese_name(rules.committee_kind())) +
                           ", but " + chain.name() + " is a " + std::string(chinese_name(chain.kind())));
    }
    if (!on.ok()) {
        throw InvalidInput("the validation date is not a valid date");
    }
    ValidationReport report;
    report.on = on;
    report.rule_set = rules.id();
    report.entities_checked = chain.entity_count();
    Checker(chain, rules, on, report).run();
    return report;
}

ValidationReport validate(const AutonomyChain& chain, Date on) {
    static const RuleBook book = RuleBook::china();
    return validate(chain, book.in_force(chain.kind(), on), on);
}

}  // namespace grassroots
