// Unit: one unit of a DivisionTree (it keeps its tree alive), and the pre-order UnitIterator.
#include <pybind11/stl.h>

#include <functional>
#include <string>

#include "division/division.hpp"
#include "division/support.hpp"

namespace grassroots::python {

void bind_unit(py::module_& m) {
    py::class_<Unit>(m, "Unit", "One unit of a DivisionTree (a province, …, a community or village).")
        .def_property_readonly("code", [](const Unit& u) { return u.tree->code(u.id); }, "Its DivisionCode.")
        .def_property_readonly("name", [](const Unit& u) { return std::string(u.tree->name(u.id)); },
                               "Its name, exactly as read (UTF-8).")
        .def_property_readonly("level", [](const Unit& u) { return u.tree->level(u.id); }, "Its Level.")
        .def_property_readonly("index", [](const Unit& u) { return u.id.value(); },
                               "Its dense index in the tree (pre-order position).")
        .def_property_readonly("parent", [](const Unit& u) { return optional_unit(u.tree, u.tree->parent(u.id)); },
                               "The unit above, or None for a top unit.")
        .def_property_readonly("children", [](const Unit& u) { return units_of(u.tree, u.tree->children(u.id)); },
                               "The units directly below, in code order.")
        .def_property_readonly("subtree_size", [](const Unit& u) { return u.tree->subtree_size(u.id); },
                               "Units in its subtree, itself included.")
        .def_property_readonly("township_class", [](const Unit& u) { return u.tree->code(u.id).township_class(); },
                               "TownshipClass of its code, or None.")
        .def_property_readonly("village_class", [](const Unit& u) { return u.tree->code(u.id).village_class(); },
                               "VillageClass of its code, or None.")
        .def("path",
             [](const Unit& u) {
                 py::list out;
                 for (DivisionId id : u.tree->path(u.id)) out.append(Unit{u.tree, id});
                 return out;
             },
             "The units from the top down to this one.")
        .def("subtree", [](const Unit& u) { return units_of(u.tree, u.tree->subtree(u.id)); },
             "This unit and every unit below it, in pre-order.")
        .def("is_ancestor_of",
             [](const Unit& u, const py::object& other) { return u.tree->is_ancestor(u.id, id_argument(*u.tree, other)); },
             py::arg("other"), "True when this unit is a proper ancestor of other (a Unit or code).")
        .def("to_dict",
             [](const Unit& u) {
                 py::dict d;
                 d["code"] = u.tree->code(u.id).str();
                 d["name"] = std::string(u.tree->name(u.id));
                 d["level"] = std::string(to_string(u.tree->level(u.id)));
                 const auto parent = u.tree->parent(u.id);
                 d["parent_code"] = parent ? py::object(py::str(u.tree->code(*parent).str())) : py::object(py::none());
                 return d;
             },
             "{'code', 'name', 'level', 'parent_code'}")
        .def("__repr__",
             [](const Unit& u) {
                 return "Unit('" + u.tree->code(u.id).str() + "', '" + std::string(u.tree->name(u.id)) + "', " +
                        std::string(to_string(u.tree->level(u.id))) + ")";
             })
        .def("__eq__",
             [](const Unit& a, const py::object& b) {
                 if (!py::isinstance<Unit>(b)) return false;
                 const Unit& other = b.cast<const Unit&>();
                 return a.tree == other.tree && a.id == other.id;
             })
        .def("__hash__", [](const Unit& u) {
            return std::hash<const void*>{}(u.tree.get()) ^ std::hash<std::uint32_t>{}(u.id.value());
        });

    py::class_<UnitIterator>(m, "UnitIterator", "Iterates the units of a tree in pre-order.")
        .def("__iter__", [](UnitIterator& it) -> UnitIterator& { return it; })
        .def("__next__", [](UnitIterator& it) {
            if (it.next >= it.end) throw py::stop_iteration();
            return Unit{it.tree, DivisionId{it.next++}};
        });
}

}  // namespace grassroots::python
