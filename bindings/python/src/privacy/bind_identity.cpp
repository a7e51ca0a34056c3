// CitizenId and PhoneNumber: repr, str and hash never show the clear number, and pickling is
// refused (a pickle would carry the clear number); clear_text() is the one way to it.
#include <pybind11/stl.h>

#include <chrono>
#include <optional>
#include <string>

#include "grassroots/privacy/identity.hpp"
#include "casters.hpp"
#include "privacy/privacy.hpp"

namespace grassroots::python {

namespace {

// Today in China Standard Time (UTC+8), the default day a birth date may not be after.
Date china_today() {
    const auto now = std::chrono::system_clock::now() + std::chrono::hours{8};
    return Date{std::chrono::floor<std::chrono::days>(now)};
}

// repr, str, ==, hash, and refusals of pickling; copies are the same immutable object.
template <class T>
void add_masked_protocol(py::class_<T>& cls, const char* name) {
    cls.def("__repr__", [name](const T& self) { return std::string(name) + "('" + self.masked() + "')"; });
    cls.def("__str__", [](const T& self) { return self.masked(); });
    cls.def(
        "__eq__",
        [](const T& self, const py::object& other) {
            return py::isinstance<T>(other) && self == other.cast<const T&>();
        },
        py::arg("other"));
    cls.def("__hash__", [](const T& self) { return py::hash(py::str(self.clear_text())); });
    const std::string refusal = std::string(name) +
                                " cannot be pickled: a pickle would carry the clear number. Store pseudonym(...) "
                                "or encrypt(...) of clear_text() instead";
    cls.def("__reduce_ex__", [refusal](const T&, int) -> py::object { throw py::type_error(refusal); },
            py::arg("protocol"));
    cls.def("__reduce__", [refusal](const T&) -> py::object { throw py::type_error(refusal); });
    cls.def("__copy__", [](const py::object& self) { return self; });
    cls.def("__deepcopy__", [](const py::object& self, const py::object&) { return self; }, py::arg("memo"));
}

}  // namespace

void bind_identity(py::module_& m) {
    m.def("citizen_id_check_character", &citizen_id_check_character, py::arg("first17"),
          "The ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') of the first 17 digits of a citizen ID number.");

    py::class_<CitizenId> id_class(
        m, "CitizenId",
        "A valid 18-character citizen ID number (居民身份证号码, GB 11643). repr and str show only the masked "
        "form (110105********002X); clear_text() gives the clear number. Cannot be pickled.");
    id_class.def(py::init([](const std::string& text, std::optional<Date> today) {
                     return CitizenId::parse(text, today.value_or(china_today()));
                 }),
                 py::arg("text"), py::arg("today") = py::none(),
                 "Parses and validates text: 18 characters (a lower-case x is normalised) or a first-generation "
                 "15-digit number (upgraded). The birth date may not be after today (default: today in China). "
                 "Raises InvalidInputError naming what is wrong, never repeating the number.");
    id_class.def("clear_text", &CitizenId::clear_text,
                 "The clear 18-character number: call it only where the clear number is needed.");
    id_class.def_property_readonly("masked", &CitizenId::masked, "The masked number: first 6 and last 4 characters.");
    id_class.def_property_readonly("division_code", &CitizenId::division_code,
                                   "The 6-digit division code of the place of first registration.");
    id_class.def_property_readonly(
        "birth_date", &CitizenId::birth_date, "The birth date (datetime.date).");
    id_class.def_property_readonly("sex", &CitizenId::sex, "The sex (grassroots.Sex) coded by the sequence code's parity (odd: male).");
    add_masked_protocol(id_class, "CitizenId");

    py::class_<PhoneNumber> phone_class(
        m, "PhoneNumber",
        "A mainland China mobile phone number (1[3-9] and 9 more digits). repr and str show only the masked form "
        "(138****1234); clear_text() gives the clear number. Cannot be pickled.");
    phone_class.def(py::init(&PhoneNumber::parse), py::arg("text"),
                    "Parses text: spaces and dashes are dropped, a +86 or 86 prefix removed. Raises "
                    "InvalidInputError naming what is wrong, never repeating the number.");
    phone_class.def("clear_text", &PhoneNumber::clear_text,
                    "The clear 11-digit number: call it only where the clear number is needed.");
    phone_class.def_property_readonly("masked", &PhoneNumber::masked, "The masked number: first 3 and last 4 digits.");
    add_masked_protocol(phone_class, "PhoneNumber");
}

}  // namespace grassroots::python
