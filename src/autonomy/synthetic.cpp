#include "grassroots/autonomy/synthetic.hpp"

#include <array>
#include <cmath>

#include "../core/synthetic_support.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

namespace {

using detail::Random;
using detail::chinese_number;

constexpr std::array<std::string_view, 24> surnames{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
                                                    "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋"};
constexpr std::array<std::string_view, 24> given{"秀英", "桂英", "玉兰", "建国", "建华", "志强", "丽娟", "海燕",
                                                 "国庆", "红梅", "立新", "文静", "明", "芳", "伟", "敏",
                                                 "静", "磊", "洋", "艳", "勇", "军", "杰", "娜"};
}  // namespace

AutonomyChain synthetic_chain(DivisionCode unit, std::string name, Date elected, std::uint64_t seed,
                              const SyntheticChainOptions& options) {
    if (options.min_households < 1 || options.max_households < options.min_households ||
        options.households_per_group < 1 || options.adults_per_household <= 0) {
        throw InvalidInput("synthetic chain options: need 1 ≤ min_households ≤ max_households, households_per_group ≥ 1 "
                           "and adults_per_household > 0");
    }
    const CommitteeKind kind = unit.village_class() == VillageClass::villagers_committee ? CommitteeKind::villagers
                                                                                         : CommitteeKind::residents;
    Random random(seed ^ (unit.key() * 0x9E3779B97F4A7C15ULL));
    AutonomyChain chain(kind, unit, std::move(name), elected);
    const char* group_word = kind == CommitteeKind::residents ? "居民小组" : "村民小组";

    auto new_person = [&](Sex sex, std::optional<GroupId> group, std::uint32_t household) {
        Person person;
        person.name = std::string(surnames[random.next() % surnames.size()]) + std::string(given[random.next() % given.size()]);
        person.sex = sex;
        const auto years = static_cast<int>(random.between(25, 70));
        person.birth_date = make_date(static_cast<int>(elected.year()) - years, static_cast<unsigned>(random.between(1, 12)),
                                      static_cast<unsigned>(random.between(1, 28)));
        person.group = group;
        person.household = household;
        person.party_member = random.chance(0.3);
        return chain.add_person(std::move(person));
    };

    // Groups with their roster counts; household numbers run 1 … total across groups.
    const std::int64_t households = random.between(options.min_households, options.max_households);
    const std::int64_t group_count = std::max<std::int64_t>(1, (households + options.households_per_group - 1) / options.households_per_group);
    std::vector<GroupId> groups;
    std::vector<std::uint32_t> first_household;
    std::int64_t assigned = 0;
    for (std::int64_t g = 0; g < group_count; ++g) {
        const std::int64_t size = households / group_count + (g < households % group_count ? 1 : 0);
        const auto adults = static_cast<std::int64_t>(std::llround(static_cast<double>(size) * options.adults_per_household));
        first_household.push_back(static_cast<std::uint32_t>(assigned + 1));
        groups.push_back(chain.add_group("第" + chinese_number(static_cast<std::size_t>(g + 1)) + group_word, size, adults));
        assigned += size;
    }
    auto household_in = [&](std::size_t g) {
        const auto size = static_cast<std::uint32_t>(chain.groups()[g].households);
        return first_household[g] + static_cast<std::uint32_t>(random.next() % std::max<std::uint32_t>(size, 1));
    };

    // The committee: a director, deputies and members; at least one woman.
    const IntRange seats = kind == CommitteeKind::residents ? IntRange{5, 9} : IntRange{3, 7};
    const std::int64_t seat_count = random.between(seats.min, seats.max);
    std::vector<PersonId> committee;
    for (std::int64_t i = 0; i < seat_count; ++i) {
        const std::size_t g = random.next() % groups.size();
        const Sex sex = i == 1 || random.chance(0.5) ? Sex::female : Sex::male;
        const PersonId person = new_person(sex, groups[g], household_in(g));
        const PostKind seat = i == 0 ? PostKind::director : (i <= (seat_count >= 7 ? 2 : 1) ? PostKind::deputy_director : PostKind::member);
        chain.appoint(seat, person, elected);
        committee.push_back(person);
    }

    // Each group: a head and 2–3 representatives living in it (about half of them women).
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const PersonId head = new_person(random.chance(0.5) ? Sex::female : Sex::male, groups[g], household_in(g));
        chain.appoint_group_head(groups[g], head, elected);
        // Residents' groups elect 2–3; villages choose one per 5–15 households (here about 10), so that
        // representatives are four fifths of the villagers' representatives' assembly.
        const std::int64_t group_households = chain.groups()[g].households;
        const std::int64_t reps = kind == CommitteeKind::residents
                                      ? random.between(2, 3)
                                      : std::max<std::int64_t>(2, (group_households + random.between(5, 9)) / 10);
        for (std::int64_t r = 0; r < reps; ++r) {
            // Every second representative is a woman, so women are at least a third of the assembly.
            const PersonId rep = r == 0 ? head : new_person(r % 2 == 1 ? Sex::female : (random.chance(0.5) ? Sex::female : Sex::male),
                                                            groups[g], household_in(g));
            chain.elect_representative(groups[g], rep, elected);
        }
    }

    // Subordinate committees headed by committee members; small units share the duties instead.
    const std::array<SubordinateKind, 3> required{SubordinateKind::mediation, SubordinateKind::public_security,
                                                  SubordinateKind::public_health};
    const bool small = households < 200;
    for (std::size_t k = 0; k < required.size(); ++k) {
        const PersonId member = committee[(k + 1) % committee.size()];
        if (small) {
            chain.assign_duty(required[k], member, elected);
        } else {
            const auto sub = chain.add_subordinate_committee(required[k]);
            chain.appoint_to_subordinate(sub, member, true, elected);
        }
    }

    // The party organisation alongside: a committee (or branch) whose secretary often chairs (一肩挑).
    const auto party = chain.add_party_organisation(
        households >= 500 ? PartyOrganisationKind::party_committee : PartyOrganisationKind::branch, chain.name() + "党组织");
    const PersonId secretary = random.chance(options.party_secretary_chairs)
                                   ? committee.front()
                                   : new_person(random.chance(0.5) ? Sex::female : Sex::male, groups.front(), household_in(0));
    chain.appoint_party_post(party, PostKind::party_secretary, secretary, elected);
    return chain;
}

}  // namespace grassroots
