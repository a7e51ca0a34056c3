/// @file grassroots.hpp
/// @brief Umbrella header: the whole public API except the Boost.Graph adaptor
/// (grassroots/division/graph.hpp), which is kept separate for compile time.
#pragma once

#include "grassroots/core/strong_id.hpp"
#include "grassroots/datasets/dongying.hpp"
#include "grassroots/division/code.hpp"
#include "grassroots/division/tree.hpp"
#include "grassroots/error.hpp"
#include "grassroots/fwd.hpp"
#include "grassroots/version.hpp"
