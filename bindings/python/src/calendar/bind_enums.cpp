// The calendar enums (from their C++ name tables), China Standard Time and parse_instant().
#include <pybind11/chrono.h>

#include <string_view>

#include "calendar/calendar.hpp"
#include "calendar/date_casters.hpp"
#include "casters.hpp"
#include "grassroots/calendar/calendar.hpp"
#include "grassroots/calendar/deadline.hpp"
#include "grassroots/core/instant.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_calendar_enums(py::module_& m) {
    bind_enum<DayKind>(m, "DayKind", "Why a day is or is not a working day.", "工作日, 周末, 节假日 or 调休上班.");
    bind_enum<UnpublishedYears>(m, "UnpublishedYears",
                                "What queries about a year whose holiday notice is not published do.");
    bind_enum<DeadlineKind>(m, "DeadlineKind", "How a deadline's clock runs.");

    m.attr("CHINA_STANDARD_TIME") =
        datetime_module().attr("timezone")(datetime_module().attr("timedelta")(py::arg("hours") = 8));
    m.def(
        "parse_instant", [](std::string_view text) { return parse_instant(text); }, py::arg("text"),
        "Parses 'YYYY-MM-DDTHH:MM[:SS]' with an optional 'Z' or '±HH:MM' offset (none: China Standard Time) "
        "into an aware datetime in CST. InvalidInputError for anything else.");
}

}  // namespace grassroots::python
