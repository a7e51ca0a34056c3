// Helpers shared by the autonomy binding files: ids as Python ints, rule sets as Python holds them,
// copies of spans and counted nouns.
#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "autonomy/rule_set_ref.hpp"
#include "grassroots/autonomy/chain.hpp"
#include "grassroots/autonomy/rules.hpp"
#include "ids.hpp"

namespace pybind11::detail {

template <>
struct type_caster<grassroots::PersonId> : strong_id_caster<grassroots::PersonId> {};
template <>
struct type_caster<grassroots::GroupId> : strong_id_caster<grassroots::GroupId> {};
template <>
struct type_caster<grassroots::SubordinateCommitteeId> : strong_id_caster<grassroots::SubordinateCommitteeId> {};
template <>
struct type_caster<grassroots::PartyOrganisationId> : strong_id_caster<grassroots::PartyOrganisationId> {};
template <>
struct type_caster<grassroots::PostId> : strong_id_caster<grassroots::PostId> {};

}  // namespace pybind11::detail

namespace grassroots::python {

namespace py = pybind11;

/// A copy of the items of a span.
template <class T>
std::vector<T> copy_of(std::span<const T> items) {
    return std::vector<T>(items.begin(), items.end());
}

/// "3 groups", "1 post".
inline std::string plural(std::size_t count, const char* noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

}  // namespace grassroots::python
