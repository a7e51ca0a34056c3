/// @file org_chart.hpp
/// @brief The autonomy chain as an org chart, in Graphviz DOT.
#pragma once

#include <string>

#include "grassroots/autonomy/chain.hpp"

namespace grassroots {

/// @brief The chain as an org chart in Graphviz DOT, with the posts held on @p on, drawn left to right:
/// the committee (its seats and duties), then its subordinate committees and groups (households, head),
/// then each group's representatives; the party organisations alongside in their own cluster. Render
/// it with `dot -Tsvg`; the text is the same for the same chain and day.
[[nodiscard]] std::string to_dot(const AutonomyChain& chain, Date on);

}  // namespace grassroots
