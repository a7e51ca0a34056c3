// Shared by the people binding files: the id casters (ids are plain ints) and copies of spans.
#pragma once

#include <pybind11/pybind11.h>

#include <span>
#include <vector>

#include "grassroots/people/participation.hpp"
#include "grassroots/people/review.hpp"
#include "grassroots/people/volunteers.hpp"
#include "ids.hpp"

namespace pybind11::detail {
template <>
struct type_caster<grassroots::CommunityWorkerId> : strong_id_caster<grassroots::CommunityWorkerId> {};
template <>
struct type_caster<grassroots::VolunteerId> : strong_id_caster<grassroots::VolunteerId> {};
template <>
struct type_caster<grassroots::VolunteerTeamId> : strong_id_caster<grassroots::VolunteerTeamId> {};
template <>
struct type_caster<grassroots::VolunteerProjectId> : strong_id_caster<grassroots::VolunteerProjectId> {};
template <>
struct type_caster<grassroots::PartyRegistrationId> : strong_id_caster<grassroots::PartyRegistrationId> {};
template <>
struct type_caster<grassroots::SocialOrganisationId> : strong_id_caster<grassroots::SocialOrganisationId> {};
}  // namespace pybind11::detail

namespace grassroots::python {

/// A copy of @p items (registries hand out spans over their storage; Python gets copies).
template <class T>
std::vector<T> copy_of(std::span<const T> items) {
    return std::vector<T>(items.begin(), items.end());
}

}  // namespace grassroots::python
