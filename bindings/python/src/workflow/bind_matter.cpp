// Matter types (事项: components 部件 and events 事件) and the code layout of a catalogue.
#include <pybind11/stl.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "value_types.hpp"
#include "workflow/workflow.hpp"
#include "grassroots/workflow/matter.hpp"

namespace grassroots::python {

void bind_matter_types(py::module_& m) {
    bind_enum<MatterClass>(m, "MatterClass", "Component or event; components route owner first, events territory first.",
                           "部件 or 事件.");

    // ---- MatterCodeSegment, MatterCodeLayout ---------------------------------------------------
    py::class_<MatterCodeSegment> segment_class(m, "MatterCodeSegment", "One segment of a matter code: name and width.");
    segment_class.def(py::init([](std::string name, int width) { return MatterCodeSegment{std::move(name), width}; }),
                      py::arg("name"), py::arg("width"), "A segment of width digits (the layout checks 1–4).");
    field(segment_class, "name", &MatterCodeSegment::name, "e.g. 'major', 'minor'.");
    field(segment_class, "width", &MatterCodeSegment::width, "Digits (1–4).");
    add_value_protocol(segment_class, {"name", "width"});

    py::class_<MatterCodeLayout> layout_class(
        m, "MatterCodeLayout", "How matter codes are written: digit segments from the most general class down.");
    layout_class
        .def(py::init<std::string, std::vector<MatterCodeSegment>>(), py::arg("name"), py::arg("segments"),
             "A layout; InvalidInputError for an empty name, no segments, an unnamed segment, a width outside 1–4 "
             "or more than 12 digits in all.")
        .def_static("urban_standard", &MatterCodeLayout::urban_standard,
                    "Major class 2 digits + minor class 2 digits ('0101'), as in GB/T 30428.2.")
        .def_property_readonly("name", [](const MatterCodeLayout& l) { return l.name(); }, "e.g. 'major-minor'.")
        .def_property_readonly("segments", [](const MatterCodeLayout& l) { return l.segments(); }, "The segments.")
        .def_property_readonly("length", &MatterCodeLayout::length, "Total digits.")
        .def("check", &MatterCodeLayout::check, py::arg("code"),
             "Raises InvalidInputError naming the segment when code is not all digits of the layout's length.")
        .def(
            "segment",
            [](const MatterCodeLayout& l, const std::string& code, std::size_t index) {
                return std::string(l.segment(code, index));
            },
            py::arg("code"), py::arg("index"), "The digits of segment index of a code (e.g. the major class '01').");
    add_value_protocol(layout_class, {"name", "segments"}, {.hash = false});

    // ---- MatterType -------------------------------------------------------------------------------
    py::class_<MatterType> type_class(m, "MatterType", "One matter type (事项) of a catalogue.");
    type_class.def(py::init([](MatterClass matter_class, std::string code, std::string name, std::string category,
                               std::string workflow, std::string owner) {
                       return MatterType{matter_class,        std::move(code),     std::move(name),
                                         std::move(category), std::move(workflow), std::move(owner)};
                   }),
                   py::arg("matter_class"), py::arg("code"), py::arg("name"), py::arg("category") = "",
                   py::arg("workflow") = "", py::arg("owner") = "",
                   "A type; the catalogue checks the code and name when it is added.");
    field(type_class, "matter_class", &MatterType::matter_class, "COMPONENT or EVENT.");
    field(type_class, "code", &MatterType::code, "Code in the catalogue's layout ('0101').");
    field(type_class, "name", &MatterType::name, "e.g. 上水井盖, 占道经营.");
    field(type_class, "category", &MatterType::category, "Major class name, e.g. 公用设施.");
    field(type_class, "workflow", &MatterType::workflow, "Id of the loop cases of this type run on ('' = caller chooses).");
    field(type_class, "owner", &MatterType::owner, "Default owner unit of a component (权属单位), '' if none.");
    type_class.def_property_readonly("key", &MatterType::key,
                                     "'component:0101' or 'event:0101': unique in a catalogue, used by lists.");
    add_value_protocol(type_class, {"matter_class", "code", "name", "category", "workflow", "owner"});
}

}  // namespace grassroots::python
