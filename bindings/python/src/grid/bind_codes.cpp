// Grid codes (网格编码) and the layouts places write them in.
#include <pybind11/stl.h>

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "grassroots/error.hpp"
#include "grid.hpp"

namespace grassroots::python {

namespace {

bool same_layout(const GridCodeLayout& a, const GridCodeLayout& b) {
    if (a.name() != b.name() || a.segments().size() != b.segments().size()) return false;
    for (std::size_t i = 0; i < a.segments().size(); ++i) {
        if (a.segments()[i].name != b.segments()[i].name || a.segments()[i].width != b.segments()[i].width) {
            return false;
        }
    }
    return true;
}

std::vector<std::pair<std::string, int>> segments_of(const GridCodeLayout& layout) {
    std::vector<std::pair<std::string, int>> out;
    for (const GridCodeSegment& s : layout.segments()) out.emplace_back(s.name, s.width);
    return out;
}

std::string layout_repr(const GridCodeLayout& layout) {
    if (same_layout(layout, *GridCodeLayout::unit_grid())) return "GridCodeLayout.unit_grid()";
    if (same_layout(layout, *GridCodeLayout::beijing())) return "GridCodeLayout.beijing()";
    return "GridCodeLayout(" + std::string(py::repr(py::str(layout.name()))) + ", " +
           std::string(py::repr(py::cast(segments_of(layout)))) + ")";
}

std::string code_repr(const GridCode& code) {
    std::string text = "GridCode('" + code.str() + "'";
    if (!same_layout(code.layout(), *GridCodeLayout::unit_grid())) text += ", layout=" + layout_repr(code.layout());
    return text + ")";
}

GridCode make_code(const UnitArgument& unit, std::int64_t sequence, const OptionalLayout& layout) {
    const auto chosen = layout_or_default(layout);
    if (sequence < 0 || sequence > std::numeric_limits<unsigned>::max()) {
        throw InvalidInput("grid sequence " + std::to_string(sequence) + " does not fit the " +
                           std::to_string(chosen->sequence_width()) + "-digit sequence of layout '" + chosen->name() +
                           "'");
    }
    return GridCode::make(to_code(unit), static_cast<unsigned>(sequence), chosen);
}

}  // namespace

void bind_grid_codes(py::module_& m) {
    py::class_<GridCodeLayout, LayoutPtr> layout_class(
        m, "GridCodeLayout",
        "How a place writes grid codes (网格编码): segments whose first ones spell the 12-digit code of the "
        "community or village, then the grid's sequence number.");
    layout_class
        .def(py::init([](std::string name, const std::vector<std::pair<std::string, int>>& segments) {
                 std::vector<GridCodeSegment> parts;
                 for (const auto& [segment, width] : segments) parts.push_back({segment, width});
                 return std::make_shared<GridCodeLayout>(std::move(name), std::move(parts));
             }),
             py::arg("name"), py::arg("segments"),
             "A layout from (name, width) segments; the widths before the last (the sequence, 1–4 digits) must "
             "add up to 12. InvalidInputError otherwise.")
        .def_static("unit_grid", [] { return shared_layout(GridCodeLayout::unit_grid()); },
                    "14 digits: township 9 + community 3 + sequence 2 (unit grids, 万米单元网格).")
        .def_static("beijing", [] { return shared_layout(GridCodeLayout::beijing()); },
                    "15 digits: county 6 + township 3 + community 3 + grid 3 (Beijing).")
        .def_property_readonly("name", &GridCodeLayout::name, "e.g. 'unit-grid-14'.")
        .def_property_readonly("segments", &segments_of, "The (name, width) segments.")
        .def_property_readonly("length", &GridCodeLayout::length, "Total digits.")
        .def_property_readonly("sequence_width", &GridCodeLayout::sequence_width, "Digits of the sequence.")
        .def("__repr__", &layout_repr)
        .def(
            "__eq__",
            [](const GridCodeLayout& a, const py::object& b) {
                return py::isinstance<GridCodeLayout>(b) && same_layout(a, b.cast<const GridCodeLayout&>());
            },
            py::arg("other"))
        .def("__hash__",
             [](const GridCodeLayout& l) { return py::hash(py::make_tuple(l.name(), py::tuple(py::cast(segments_of(l))))); })
        .def(
            "to_dict",
            [](const GridCodeLayout& l) {
                StringDict out;
                out["name"] = py::str(l.name());
                out["segments"] = py::cast(segments_of(l));
                return out;
            },
            "{'name': ..., 'segments': [(name, width), …]} (the constructor's keywords).")
        .def("__reduce__", [](const py::object& self) {
            const auto& l = self.cast<const GridCodeLayout&>();
            return py::make_tuple(py::type::handle_of(self), py::make_tuple(l.name(), segments_of(l)));
        });

    py::class_<GridCode> code_class(
        m, "GridCode",
        "A validated grid code (网格编码): the community or village it belongs to and its sequence there. Codes "
        "compare, order and hash by unit and sequence (the same grid written in two layouts is equal).");
    code_class
        .def(py::init([](const CodeText& text, const OptionalLayout& layout) {
                 return GridCode::parse(text.utf8, layout_or_default(layout));
             }),
             py::arg("code"), py::arg("layout") = py::none(),
             "Parses a code in a layout (default: the 14-digit unit-grid layout); InvalidInputError naming the "
             "wrong part.")
        .def_static("make", &make_code, py::arg("unit"), py::arg("sequence"), py::arg("layout") = py::none(),
                    "The code of grid sequence of a community or village (str or DivisionCode; 0 = the whole unit). "
                    "InvalidInputError for a unit above village level or a sequence too wide for the layout.")
        .def_property_readonly("unit", &GridCode::unit, "The community or village (DivisionCode).")
        .def_property_readonly("sequence", &GridCode::sequence, "Grid number in the unit.")
        .def_property_readonly("whole_unit", &GridCode::whole_unit, "True for sequence 0 ('00': the whole unit).")
        .def_property_readonly("layout", &layout_of, "Its GridCodeLayout.")
        .def("__str__", &GridCode::str, "The digits.")
        .def("__repr__", &code_repr)
        .def(
            "__eq__",
            [](const GridCode& a, const py::object& b) { return py::isinstance<GridCode>(b) && a == b.cast<const GridCode&>(); },
            py::arg("other"))
        .def(
            "__ne__",
            [](const GridCode& a, const py::object& b) {
                return !(py::isinstance<GridCode>(b) && a == b.cast<const GridCode&>());
            },
            py::arg("other"))
        .def("__lt__", [](const GridCode& a, const GridCode& b) { return a < b; }, py::arg("other"))
        .def("__le__", [](const GridCode& a, const GridCode& b) { return a <= b; }, py::arg("other"))
        .def("__gt__", [](const GridCode& a, const GridCode& b) { return a > b; }, py::arg("other"))
        .def("__ge__", [](const GridCode& a, const GridCode& b) { return a >= b; }, py::arg("other"))
        .def("__hash__", [](const GridCode& c) { return py::hash(py::make_tuple(c.unit().padded(), c.sequence())); })
        .def(
            "to_dict",
            [](const GridCode& c) {
                StringDict out;
                out["code"] = py::str(c.str());
                out["unit"] = py::str(c.unit().str());
                out["sequence"] = py::int_(c.sequence());
                out["layout"] = py::str(c.layout().name());
                return out;
            },
            "{'code', 'unit', 'sequence', 'layout' (its name)}.")
        .def(py::pickle([](const GridCode& c) { return py::make_tuple(c.str(), layout_of(c)); },
                        [](const py::tuple& state) {
                            return GridCode::parse(state[0].cast<std::string>(),
                                                   layout_or_default(state[1].cast<OptionalLayout>()));
                        }));
}

}  // namespace grassroots::python
