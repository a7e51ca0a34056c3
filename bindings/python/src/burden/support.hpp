// Shared by the burden binding files: item ids convert to and from plain ints.
#pragma once

#include "grassroots/burden/burden.hpp"
#include "ids.hpp"

namespace pybind11::detail {

template <>
struct type_caster<grassroots::BurdenItemId> : strong_id_caster<grassroots::BurdenItemId> {};

}  // namespace pybind11::detail
