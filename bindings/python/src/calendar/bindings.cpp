// The calendar area's aggregator: registers its types before the classes that use them.
#include "calendar/calendar.hpp"

namespace grassroots::python {

void bind_calendar(py::module_& m) {
    bind_calendar_enums(m);
    bind_day_info(m);
    bind_working_hours(m);
    bind_calendar_class(m);
    bind_deadline(m);
}

}  // namespace grassroots::python
