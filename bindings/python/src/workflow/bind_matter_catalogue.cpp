// The matter catalogue (MatterCatalogue): matter types by class and code; it hands out copies.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <optional>
#include <string>

#include "value_types.hpp"
#include "workflow/support.hpp"
#include "workflow/workflow.hpp"
#include "grassroots/workflow/matter.hpp"

namespace grassroots::python {

void bind_matter_catalogue(py::module_& m) {
    py::class_<MatterCatalogue>(m, "MatterCatalogue", "Matter types by class and code, in one code layout.")
        .def(py::init([](const std::optional<MatterCodeLayout>& layout) {
                 return MatterCatalogue(layout ? *layout : MatterCodeLayout::urban_standard());
             }),
             py::arg("layout") = py::none(), "An empty catalogue (default layout: MatterCodeLayout.urban_standard()).")
        .def("add", &MatterCatalogue::add, py::arg("matter_type"),
             "Adds a type; InvalidInputError (adding nothing) for a code not in the layout, an empty name or a key "
             "already present.")
        .def("at", [](const MatterCatalogue& c, const std::string& key) { return c.at(key); }, py::arg("key"),
             "The type with key ('event:0102'); NotFoundError, or InvalidInputError for a malformed key.")
        .def(
            "find",
            [](const MatterCatalogue& c, const std::string& key) -> std::optional<MatterType> {
                const MatterType* type = c.find(key);
                return type ? std::optional<MatterType>(*type) : std::nullopt;
            },
            py::arg("key"), "The type with key, or None.")
        .def("__getitem__", [](const MatterCatalogue& c, const std::string& key) { return c.at(key); }, py::arg("key"))
        .def("__contains__", [](const MatterCatalogue& c, const std::string& key) { return c.find(key) != nullptr; },
             py::arg("key"))
        .def("__len__", &MatterCatalogue::size)
        .def("__iter__", [](const MatterCatalogue& c) { return iterate_copies(c.types()); },
             "Iterates over the types in the order added.")
        .def_property_readonly("types", [](const MatterCatalogue& c) { return c.types(); },
                               "All types in the order added.")
        .def_property_readonly("layout", [](const MatterCatalogue& c) { return c.layout(); }, "The code layout.")
        .def_static(
            "parse_csv",
            [](const std::string& text, const std::string& source, const std::optional<MatterCodeLayout>& layout) {
                return MatterCatalogue::parse_csv(text, source, layout ? *layout : MatterCodeLayout::urban_standard());
            },
            py::arg("text"), py::arg("source") = "<text>", py::arg("layout") = py::none(),
            "Reads CSV with header class,code,name,category,workflow,owner; errors name source, row and field.")
        .def_static(
            "read_csv",
            [](const std::filesystem::path& file, const std::optional<MatterCodeLayout>& layout) {
                return MatterCatalogue::read_csv(file, layout ? *layout : MatterCodeLayout::urban_standard());
            },
            py::arg("file"), py::arg("layout") = py::none(), "parse_csv() of a file; FileError when it cannot be read.")
        .def("to_csv", &MatterCatalogue::to_csv, "The CSV that parse_csv() reads.")
        .def_static("urban_sample", &MatterCatalogue::urban_sample,
                    "A sample of urban-management components and events in the GB/T 30428.2 layout (illustrative; "
                    "load a city's own catalogue for real work).")
        .def(
            "__eq__",
            [](const MatterCatalogue& a, const py::object& b) {
                if (!py::isinstance<MatterCatalogue>(b)) return false;
                const auto& other = b.cast<const MatterCatalogue&>();
                return a.layout() == other.layout() && a.types() == other.types();
            },
            py::arg("other"))
        .def("__repr__",
             [](const MatterCatalogue& c) {
                 return "<MatterCatalogue of " + plural(c.size(), "type", "types") + ", layout '" + c.layout().name() +
                        "'>";
             })
        .def(py::pickle(
            [](const MatterCatalogue& c) { return py::make_tuple(c.to_csv(), c.layout()); },
            [](const py::tuple& state) {
                return MatterCatalogue::parse_csv(state[0].cast<std::string>(), "<pickle>",
                                                  state[1].cast<MatterCodeLayout>());
            }));
}

}  // namespace grassroots::python
