// DivisionCode: a validated statistical division code (统计用区划代码) and its level.
#include <pybind11/stl.h>

#include <cctype>
#include <string>

#include "code_text.hpp"
#include "division/division.hpp"
#include "grassroots/division/code.hpp"
#include "grassroots/error.hpp"

namespace grassroots::python {

namespace {

std::string code_repr(DivisionCode code) {
    std::string text = "DivisionCode('" + code.str() + "'";
    // Show the level when the digits alone would read as another level (441900 as a county).
    bool plain = false;
    try {
        plain = DivisionCode::parse(code.str()) == code;
    } catch (const InvalidInput&) {
    }
    if (!plain) {
        std::string level(to_string(code.level()));
        for (char& c : level) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        text += ", level=Level." + level;
    }
    return text + ")";
}

}  // namespace

void bind_division_code(py::module_& m) {
    py::class_<DivisionCode>(m, "DivisionCode",
                             "A validated statistical division code (统计用区划代码) and its level.")
        .def(py::init([](const CodeText& text, std::optional<Level> level) {
                 return level ? DivisionCode::parse(text.utf8, *level) : DivisionCode::parse(text.utf8);
             }),
             py::arg("code"), py::arg("level") = py::none(),
             "Parses 2/4/6/9/12 digits; 6- and 12-digit zero-padded forms name higher levels. With "
             "level, the code must be of that level (12-digit padding and NBS placeholders allowed).")
        .def_property_readonly("level", &DivisionCode::level, "The level of the unit the code names.")
        .def_property_readonly("parent", &DivisionCode::parent, "The code one level up, or None.")
        .def_property_readonly("padded", &DivisionCode::padded, "The 12-digit zero-padded value as int.")
        .def_property_readonly("padded_str", &DivisionCode::padded_str, "The 12-digit zero-padded form.")
        .def_property_readonly("township_class", &DivisionCode::township_class,
                               "TownshipClass from digits 7–9, or None above township level.")
        .def_property_readonly("village_class", &DivisionCode::village_class,
                               "VillageClass from digits 10–12, or None above village level.")
        .def_property_readonly("is_placeholder", &DivisionCode::is_placeholder,
                               "True for an NBS placeholder whose own segment is zeros (金门县).")
        .def_property_readonly("key", &DivisionCode::key, "An int that sorts codes in pre-order.")
        .def("segment", &DivisionCode::segment, py::arg("level"), "One segment of the code as an int.")
        .def("ancestor", &DivisionCode::ancestor, py::arg("level"), "The ancestor code at this level.")
        .def("is_ancestor_of", &DivisionCode::is_ancestor_of, py::arg("other"),
             "True when this code names a proper ancestor of other.")
        .def("to_dict",
             [](DivisionCode c) {
                 py::dict d;
                 d["code"] = c.str();
                 d["level"] = std::string(to_string(c.level()));
                 return d;
             },
             "{'code': ..., 'level': ...}")
        .def("__str__", &DivisionCode::str)
        .def("__repr__", &code_repr)
        .def("__hash__", [](DivisionCode c) { return std::hash<DivisionCode>{}(c); })
        .def("__eq__", [](DivisionCode a, const py::object& b) {
            return py::isinstance<DivisionCode>(b) && a == b.cast<DivisionCode>();
        })
        .def("__ne__", [](DivisionCode a, const py::object& b) {
            return !(py::isinstance<DivisionCode>(b) && a == b.cast<DivisionCode>());
        })
        .def("__lt__", [](DivisionCode a, DivisionCode b) { return a < b; })
        .def("__le__", [](DivisionCode a, DivisionCode b) { return a <= b; })
        .def("__gt__", [](DivisionCode a, DivisionCode b) { return a > b; })
        .def("__ge__", [](DivisionCode a, DivisionCode b) { return a >= b; })
        .def(py::pickle([](DivisionCode c) { return py::make_tuple(c.str(), c.level()); },
                        [](const py::tuple& t) { return DivisionCode::parse(t[0].cast<std::string>(), t[1].cast<Level>()); }));
}

}  // namespace grassroots::python
