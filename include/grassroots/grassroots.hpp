/// @file grassroots.hpp
/// @brief Umbrella header: the whole public API except the Boost adaptors
/// (grassroots/division/graph.hpp, grassroots/calendar/boost_date_time.hpp), kept separate for
/// compile time.
#pragma once

#include "grassroots/autonomy/chain.hpp"
#include "grassroots/autonomy/consultation.hpp"
#include "grassroots/autonomy/meeting.hpp"
#include "grassroots/autonomy/rules.hpp"
#include "grassroots/autonomy/synthetic.hpp"
#include "grassroots/autonomy/validation.hpp"
#include "grassroots/calendar/calendar.hpp"
#include "grassroots/calendar/deadline.hpp"
#include "grassroots/calendar/working_hours.hpp"
#include "grassroots/core/date.hpp"
#include "grassroots/core/strong_id.hpp"
#include "grassroots/datasets/dongying.hpp"
#include "grassroots/division/code.hpp"
#include "grassroots/division/tree.hpp"
#include "grassroots/error.hpp"
#include "grassroots/fwd.hpp"
#include "grassroots/grid/code.hpp"
#include "grassroots/grid/geometry.hpp"
#include "grassroots/grid/grid_map.hpp"
#include "grassroots/grid/households.hpp"
#include "grassroots/grid/posts.hpp"
#include "grassroots/grid/redivision.hpp"
#include "grassroots/grid/synthetic.hpp"
#include "grassroots/version.hpp"
#include "grassroots/workflow/builtin.hpp"
#include "grassroots/workflow/definition.hpp"
#include "grassroots/workflow/matter.hpp"
#include "grassroots/workflow/routing.hpp"
