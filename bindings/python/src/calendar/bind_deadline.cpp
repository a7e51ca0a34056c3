// Deadline: a time limit of a closed loop (elapsed time, working hours or working days).
#include <pybind11/chrono.h>
#include <pybind11/stl.h>

#include <chrono>
#include <cstdint>
#include <string>

#include "calendar/calendar.hpp"
#include "calendar/support.hpp"
#include "casters.hpp"
#include "grassroots/calendar/deadline.hpp"
#include "value_types.hpp"

namespace grassroots::python {

namespace {

using std::chrono::microseconds;
using std::chrono::minutes;

std::string deadline_repr(const Deadline& deadline) {
    switch (deadline.kind()) {
        case DeadlineKind::elapsed:
        case DeadlineKind::working_hours:
            return std::string("Deadline.") + (deadline.kind() == DeadlineKind::elapsed ? "elapsed(" : "working_hours(") +
                   std::string(py::repr(py::cast(minutes{deadline.amount()}))) + ")";
        case DeadlineKind::working_days: return "Deadline.working_days(" + std::to_string(deadline.amount()) + ")";
    }
    return "Deadline(?)";
}

Deadline make_deadline(DeadlineKind kind, std::int64_t amount) {
    switch (kind) {
        case DeadlineKind::elapsed: return Deadline::elapsed(minutes{amount});
        case DeadlineKind::working_hours: return Deadline::working_hours(minutes{amount});
        case DeadlineKind::working_days: return Deadline::working_days(amount);
    }
    throw InvalidInput("unknown deadline kind");
}

}  // namespace

void bind_deadline(py::module_& m) {
    py::class_<Deadline> deadline_class(
        m, "Deadline",
        "A time limit of a closed loop: elapsed time (emergencies), working hours, or working days (due at close of "
        "business of the n-th working day after the start's date).");
    deadline_class
        .def_static(
            "elapsed",
            [](microseconds amount) {
                return Deadline::elapsed(whole<minutes>(amount, "a deadline's time", "minutes"));
            },
            py::arg("amount"),
            "amount (timedelta, whole minutes) of wall-clock time; InvalidInputError unless positive.")
        .def_static(
            "working_hours",
            [](microseconds amount) {
                return Deadline::working_hours(whole<minutes>(amount, "a deadline's working time", "minutes"));
            },
            py::arg("amount"), "amount (timedelta, whole minutes) of working time; InvalidInputError unless positive.")
        .def_static("working_days", &Deadline::working_days, py::arg("days"),
                    "days working days; InvalidInputError unless positive.")
        .def_property_readonly("kind", &Deadline::kind, "Which clock: DeadlineKind.")
        .def_property_readonly("amount", &Deadline::amount,
                               "Minutes for ELAPSED and WORKING_HOURS deadlines, days for WORKING_DAYS ones.")
        .def("due", &Deadline::due, py::arg("calendar"), py::arg("start"),
             "When a case started at start is due (aware datetime, +08:00).")
        .def("remaining", &Deadline::remaining, py::arg("calendar"), py::arg("start"), py::arg("now"),
             "Time left at now in the deadline's clock (timedelta); negative when overdue.")
        .def("overdue_by", &Deadline::overdue_by, py::arg("calendar"), py::arg("start"), py::arg("now"),
             "How far past due at now, in the deadline's clock; zero when not overdue.")
        .def("is_overdue", &Deadline::is_overdue, py::arg("calendar"), py::arg("start"), py::arg("now"),
             "True when now is after the due instant.")
        .def("__str__", &Deadline::to_string, "'2 hours', '24 working hours', '7 working days'.")
        .def("__repr__", &deadline_repr)
        .def(
            "__eq__",
            [](const Deadline& a, const py::object& b) {
                return py::isinstance<Deadline>(b) && a == b.cast<const Deadline&>();
            },
            py::arg("other"))
        .def("__hash__",
             [](const Deadline& d) { return py::hash(py::make_tuple(static_cast<int>(d.kind()), d.amount())); })
        .def(
            "to_dict",
            [](const Deadline& d) {
                StringDict out;
                out["kind"] = py::str(std::string(to_string(d.kind())));
                out["amount"] = py::int_(d.amount());
                return out;
            },
            "{'kind': 'working_days', 'amount': 7}.")
        .def(py::pickle([](const Deadline& d) { return py::make_tuple(d.kind(), d.amount()); },
                        [](const py::tuple& state) {
                            return make_deadline(state[0].cast<DeadlineKind>(), state[1].cast<std::int64_t>());
                        }));
}

}  // namespace grassroots::python
