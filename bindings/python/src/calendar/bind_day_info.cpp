// DayInfo (what the calendar says about one day) and HolidayNotice.
#include <pybind11/stl.h>

#include <optional>
#include <string>

#include "calendar/calendar.hpp"
#include "casters.hpp"
#include "grassroots/calendar/calendar.hpp"
#include "value_types.hpp"

namespace grassroots::python {

namespace {

std::optional<std::string> optional_str(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

}  // namespace

void bind_day_info(py::module_& m) {
    py::class_<DayInfo> day_class(m, "DayInfo", "What the calendar says about one day.");
    day_class.def(py::init([](Date date, bool working, DayKind kind, std::optional<std::string> holiday_name,
                              bool provisional, std::optional<std::string> source) {
                      return DayInfo{.date = date, .working = working, .kind = kind,
                                     .holiday_name = holiday_name.value_or(""), .provisional = provisional,
                                     .source = source.value_or("")};
                  }),
                  py::arg("date"), py::arg("working"), py::arg("kind"), py::arg("holiday_name") = py::none(),
                  py::arg("provisional") = false, py::arg("source") = py::none());
    field(day_class, "date", &DayInfo::date, "The day.");
    field(day_class, "working", &DayInfo::working, "Is it a working day.");
    field(day_class, "kind", &DayInfo::kind, "Why: DayKind.");
    day_class.def_property_readonly(
        "holiday_name", [](const DayInfo& d) { return optional_str(d.holiday_name); },
        "The holiday (e.g. 春节) on its days off and its make-up working days; None otherwise.");
    field(day_class, "provisional", &DayInfo::provisional,
          "True when no notice covers the day (answered by the weekday rule).");
    day_class.def_property_readonly(
        "source", [](const DayInfo& d) { return optional_str(d.source); },
        "The notice (URL or file) or local rule behind an override; None for an ordinary day.");
    add_value_protocol(day_class, {"date", "working", "kind", "holiday_name", "provisional", "source"});

    py::class_<HolidayNotice> notice_class(
        m, "HolidayNotice",
        "A State Council notice on public holidays (国务院办公厅关于…部分节假日安排的通知) or another source of "
        "overrides.");
    notice_class.def(py::init([](int year, std::string title, std::string source) {
                         return HolidayNotice{.year = year, .title = std::move(title), .source = std::move(source)};
                     }),
                     py::arg("year"), py::arg("title"), py::arg("source"));
    field(notice_class, "year", &HolidayNotice::year, "The year it arranges.");
    field(notice_class, "title", &HolidayNotice::title, "Its title.");
    field(notice_class, "source", &HolidayNotice::source, "Where it was published (URL) or the file it came from.");
    add_value_protocol(notice_class, {"year", "title", "source"});
}

}  // namespace grassroots::python
