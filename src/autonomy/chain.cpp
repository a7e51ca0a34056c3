#include "grassroots/autonomy/chain.hpp"

#include <array>

#include "grassroots/error.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<SubordinateKind>, 7> subordinate_kind_names{{
    {SubordinateKind::mediation, "mediation", "人民调解委员会", "people's mediation"},
    {SubordinateKind::public_security, "public_security", "治安保卫委员会", "public security"},
    {SubordinateKind::public_health, "public_health", "公共卫生委员会", "public health"},
    {SubordinateKind::environment_property, "environment_property", "环境和物业管理委员会", "environment and property"},
    {SubordinateKind::social_welfare, "social_welfare", "社会福利委员会", "social welfare"},
    {SubordinateKind::elderly_care, "elderly_care", "养老服务委员会", "elderly care"},
    {SubordinateKind::other, "other", "其他委员会", "a user-defined kind; its name says which"},
}};
constexpr std::array<EnumName<PartyOrganisationKind>, 5> party_organisation_kind_names{{
    {PartyOrganisationKind::party_committee, "party_committee", "党委", "party committee"},
    {PartyOrganisationKind::general_branch, "general_branch", "党总支", "general party branch"},
    {PartyOrganisationKind::branch, "branch", "党支部", "party branch"},
    {PartyOrganisationKind::grid_branch, "grid_branch", "网格党支部", "grid party branch"},
    {PartyOrganisationKind::building_group, "building_group", "楼栋党小组", "building party group"},
}};
constexpr std::array<EnumName<PostKind>, 11> post_kind_names{{
    {PostKind::director, "director", "主任", "director of the committee"},
    {PostKind::deputy_director, "deputy_director", "副主任", "deputy director"},
    {PostKind::member, "member", "委员", "committee member"},
    {PostKind::group_head, "group_head", "组长", "head of a group"},
    {PostKind::representative, "representative", "代表", "居民代表 / 村民代表 elected by a group"},
    {PostKind::subordinate_head, "subordinate_head", "下属委员会主任", "head of a subordinate committee"},
    {PostKind::subordinate_member, "subordinate_member", "下属委员会委员", "member of a subordinate committee"},
    {PostKind::duty, "duty", "分工负责", "a member carrying a subordinate duty"},
    {PostKind::party_secretary, "party_secretary", "书记", "party secretary"},
    {PostKind::party_deputy_secretary, "party_deputy_secretary", "副书记", "deputy secretary"},
    {PostKind::party_member_post, "party_member_post", "党组织委员", "member of a party committee"},
}};

void check_term(Date start, const std::optional<Date>& end) {
    if (!start.ok()) {
        throw InvalidInput("a post's start date is not a valid date");
    }
    if (end && *end < start) {
        throw InvalidInput("a post ends on " + to_string(*end) + ", before it starts on " + to_string(start));
    }
}

}  // namespace

std::span<const EnumName<SubordinateKind>> enum_names(SubordinateKind) noexcept { return subordinate_kind_names; }
std::span<const EnumName<PartyOrganisationKind>> enum_names(PartyOrganisationKind) noexcept {
    return party_organisation_kind_names;
}
std::span<const EnumName<PostKind>> enum_names(PostKind) noexcept { return post_kind_names; }
std::string_view to_string(SubordinateKind value) noexcept { return enum_name(value); }
std::string_view chinese_name(SubordinateKind value) noexcept { return enum_chinese_name(value); }
std::string_view to_string(PartyOrganisationKind value) noexcept { return enum_name(value); }
std::string_view chinese_name(PartyOrganisationKind value) noexcept { return enum_chinese_name(value); }
std::string_view to_string(PostKind value) noexcept { return enum_name(value); }
std::string_view chinese_name(PostKind value) noexcept { return enum_chinese_name(value); }

AutonomyChain::AutonomyChain(CommitteeKind kind, DivisionCode unit, std::string name, Date elected)
    : kind_(kind), unit_(unit), name_(std::move(name)), elected_(elected) {
    if (unit.level() != Level::village) {
        throw InvalidInput("a committee belongs to a village-level unit; " + unit.str() + " is a " +
                           std::string(to_string(unit.level())));
    }
    if (name_.empty()) {
        throw InvalidInput("the committee of " + unit.str() + " needs a name");
    }
    if (!elected.ok()) {
        throw InvalidInput("the election date of " + name_ + " is not a valid date");
    }
}

void AutonomyChain::check_person(PersonId id) const {
    if (!id.valid() || id.value() >= people_.size()) {
        throw NotFound("person " + (id.valid() ? std::to_string(id.value()) : std::string("(invalid)")) +
                       " is not registered in " + name_);
    }
}

void AutonomyChain::check_group(GroupId id) const {
    if (!id.valid() || id.value() >= groups_.size()) {
        throw NotFound("group " + (id.valid() ? std::to_string(id.value()) : std::string("(invalid)")) + " is not in " +
                       name_);
    }
}

PersonId AutonomyChain::add_person(Person person) {
    if (person.name.empty()) {
        throw InvalidInput("a person needs a name");
    }
    if (person.group) {
        check_group(*person.group);
    }
    if (person.birth_date && !person.birth_date->ok()) {
        throw InvalidInput("the birth date of " + person.name + " is not a valid date");
    }
    people_.push_back(std::move(person));
    return PersonId{static_cast<std::uint32_t>(people_.size() - 1)};
}

GroupId AutonomyChain::add_group(std::string name, std::int64_t households, std::int64_t adult_residents) {
    if (name.empty()) {
        throw InvalidInput("a group needs a name");
    }
    if (households < 0 || adult_residents < 0) {
        throw InvalidInput("group " + name + ": households (" + std::to_string(households) + ") and adult residents (" +
                           std::to_string(adult_residents) + ") cannot be negative");
    }
    if (adult_residents > 10 * households) {
        throw InvalidInput("group " + name + ": " + std::to_string(adult_residents) + " adults in " +
                           std::to_string(households) + " households is more than 10 per household (columns swapped?)");
    }
    groups_.push_back(Group{std::move(name), households, adult_residents});
    return GroupId{static_cast<std::uint32_t>(groups_.size() - 1)};
}

SubordinateCommitteeId AutonomyChain::add_subordinate_committee(SubordinateKind kind, std::string name) {
    if (name.empty()) {
        if (kind == SubordinateKind::other) {
            throw InvalidInput("a subordinate committee of kind 'other' needs a name");
        }
        name = std::string(chinese_name(kind));
    }
    subordinates_.push_back(SubordinateCommittee{kind, std::move(name)});
    return SubordinateCommitteeId{static_cast<std::uint32_t>(subordinates_.size() - 1)};
}

PartyOrganisationId AutonomyChain::add_party_organisation(PartyOrganisationKind kind, std::string name,
                                                          std::optional<PartyOrganisationId> parent) {
    if (name.empty()) {
        throw InvalidInput("a party organisation needs a name");
    }
    if (parent) {
        if (!parent->valid() || parent->value() >= party_.size()) {
            throw NotFound("party organisation " + std::to_string(parent->value()) + " is not in " + name_);
        }
        const PartyOrganisation& above = party_[parent->value()];
        if (above.kind >= kind) {
            throw InvalidInput("a " + std::string(chinese_name(kind)) + " (" + name + ") cannot sit under a " +
                               std::string(chinese_name(above.kind)) + " (" + above.name + ")");
        }
    }
    party_.push_back(PartyOrganisation{kind, std::move(name), parent});
    return PartyOrganisationId{static_cast<std::uint32_t>(party_.size() - 1)};
}

PostId AutonomyChain::add_post(Post post) {
    check_person(post.person);
    check_term(post.start, post.end);
    posts_.push_back(std::move(post));
    return PostId{static_cast<std::uint32_t>(posts_.size() - 1)};
}

PostId AutonomyChain::appoint(PostKind seat, PersonId person, Date start, std::optional<Date> end) {
    Post post{seat, person, start, end, {}, {}, {}, {}};
    if (!post.is_committee_seat()) {
        throw InvalidInput("appoint() takes a committee seat (director, deputy_director, member), not " +
                           std::string(to_string(seat)));
    }
    return add_post(std::move(post));
}

PostId AutonomyChain::appoint_group_head(GroupId group, PersonId person, Date start, std::optional<Date> end) {
    check_group(group);
    return add_post(Post{PostKind::group_head, person, start, end, group, {}, {}, {}});
}

PostId AutonomyChain::elect_representative(GroupId group, PersonId person, Date start, std::optional<Date> end) {
    check_group(group);
    return add_post(Post{PostKind::representative, person, start, end, group, {}, {}, {}});
}

PostId AutonomyChain::appoint_to_subordinate(SubordinateCommitteeId committee, PersonId person, bool head, Date start,
                                             std::optional<Date> end) {
    (void)subordinate_committee(committee);
    return add_post(Post{head ? PostKind::subordinate_head : PostKind::subordinate_member, person, start, end, {},
                         committee, {}, {}});
}

PostId AutonomyChain::assign_duty(SubordinateKind duty, PersonId person, Date start, std::optional<Date> end) {
    return add_post(Post{PostKind::duty, person, start, end, {}, {}, {}, duty});
}

PostId AutonomyChain::appoint_party_post(PartyOrganisationId organisation, PostKind kind, PersonId person, Date start,
                                         std::optional<Date> end) {
    (void)party_organisation(organisation);
    if (kind != PostKind::party_secretary && kind != PostKind::party_deputy_secretary &&
        kind != PostKind::party_member_post) {
        throw InvalidInput("appoint_party_post() takes party_secretary, party_deputy_secretary or party_member_post, not " +
                           std::string(to_string(kind)));
    }
    return add_post(Post{kind, person, start, end, {}, {}, organisation, {}});
}

void AutonomyChain::end_post(PostId id, Date end) {
    const Post& current = post(id);
    if (current.end) {
        throw InvalidInput("post " + std::to_string(id.value()) + " already ended on " + to_string(*current.end));
    }
    check_term(current.start, end);
    posts_[id.value()].end = end;
}

const Person& AutonomyChain::person(PersonId id) const {
    check_person(id);
    return people_[id.value()];
}

const Group& AutonomyChain::group(GroupId id) const {
    check_group(id);
    return groups_[id.value()];
}

const Post& AutonomyChain::post(PostId id) const {
    if (!id.valid() || id.value() >= posts_.size()) {
        throw NotFound("post " + (id.valid() ? std::to_string(id.value()) : std::string("(invalid)")) + " is not in " +
                       name_);
    }
    return posts_[id.value()];
}

const SubordinateCommittee& AutonomyChain::subordinate_committee(SubordinateCommitteeId id) const {
    if (!id.valid() || id.value() >= subordinates_.size()) {
        throw NotFound("subordinate committee " + (id.valid() ? std::to_string(id.value()) : std::string("(invalid)")) +
                       " is not in " + name_);
    }
    return subordinates_[id.value()];
}

const PartyOrganisation& AutonomyChain::party_organisation(PartyOrganisationId id) const {
    if (!id.valid() || id.value() >= party_.size()) {
        throw NotFound("party organisation " + (id.valid() ? std::to_string(id.value()) : std::string("(invalid)")) +
                       " is not in " + name_);
    }
    return party_[id.value()];
}

std::vector<PostId> AutonomyChain::holders(PostKind kind, Date on) const {
    std::vector<PostId> out;
    for (std::size_t i = 0; i < posts_.size(); ++i) {
        if (posts_[i].kind == kind && posts_[i].active_on(on)) {
            out.emplace_back(static_cast<std::uint32_t>(i));
        }
    }
    return out;
}

std::vector<PostId> AutonomyChain::posts_of(PersonId person, Date on) const {
    check_person(person);
    std::vector<PostId> out;
    for (std::size_t i = 0; i < posts_.size(); ++i) {
        if (posts_[i].person == person && posts_[i].active_on(on)) {
            out.emplace_back(static_cast<std::uint32_t>(i));
        }
    }
    return out;
}

bool AutonomyChain::is_committee_member(PersonId person, Date on) const {
    check_person(person);
    for (const Post& p : posts_) {
        if (p.person == person && p.is_committee_seat() && p.active_on(on)) {
            return true;
        }
    }
    return false;
}

std::optional<PersonId> AutonomyChain::director(Date on) const {
    std::optional<PersonId> found;
    for (const Post& p : posts_) {
        if (p.kind == PostKind::director && p.active_on(on)) {
            if (found && *found != p.person) {
                return std::nullopt;
            }
            found = p.person;
        }
    }
    return found;
}

bool AutonomyChain::secretary_chairs_committee(Date on) const {
    const auto chair = director(on);
    if (!chair) {
        return false;
    }
    for (const Post& p : posts_) {
        if (p.kind == PostKind::party_secretary && p.person == *chair && p.active_on(on) &&
            !party_[p.party_organisation->value()].parent) {
            return true;  // secretary of a top organisation (no parent inside the unit)
        }
    }
    return false;
}

std::int64_t AutonomyChain::households() const noexcept {
    std::int64_t total = 0;
    for (const Group& g : groups_) total += g.households;
    return total;
}

std::int64_t AutonomyChain::adult_residents() const noexcept {
    std::int64_t total = 0;
    for (const Group& g : groups_) total += g.adult_residents;
    return total;
}

bool AutonomyChain::is_adult(PersonId id, Date on) const {
    const Person& p = person(id);
    return !p.birth_date || years_between(*p.birth_date, on) >= 18;
}

std::size_t AutonomyChain::entity_count() const noexcept {
    return 1 + people_.size() + groups_.size() + subordinates_.size() + party_.size() + posts_.size();
}

}  // namespace grassroots
