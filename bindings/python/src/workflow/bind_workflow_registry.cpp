// Definitions by id and version (WorkflowRegistry; it hands out copies) and the built-in loops.
#include <pybind11/stl.h>

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "value_types.hpp"
#include "workflow/support.hpp"
#include "workflow/workflow.hpp"
#include "grassroots/workflow/builtin.hpp"
#include "grassroots/workflow/definition.hpp"

namespace grassroots::python {

namespace {

/// A registry key as Python gives it to `in`: an id (any version) or an (id, version) tuple.
using RegistryKey = std::variant<std::string, std::pair<std::string, int>>;

}  // namespace

void bind_workflow_registry(py::module_& m) {
    // ---- WorkflowRegistry -----------------------------------------------------------------------
    py::class_<WorkflowRegistry>(m, "WorkflowRegistry",
                                 "Definitions by id and version; a running case stays on the version it started with. "
                                 "Listings and iteration are in the order the definitions were added.")
        .def(py::init<>(), "An empty registry.")
        .def("add", &WorkflowRegistry::add, py::arg("definition"),
             "Adds a definition; raises InvalidInputError if its id and version are already present.")
        .def("get", [](const WorkflowRegistry& r, const std::string& id, int version) { return r.get(id, version); },
             py::arg("id"), py::arg("version"), "The definition id at version (a copy); raises NotFoundError.")
        .def("latest", [](const WorkflowRegistry& r, const std::string& id) { return r.latest(id); }, py::arg("id"),
             "The highest version of id (a copy); raises NotFoundError.")
        .def_property_readonly("entries", &WorkflowRegistry::entries,
                               "(id, version) of every definition, in the order added.")
        .def_property_readonly("ids", &WorkflowRegistry::ids, "Every id once, in the order its first version was added.")
        .def("versions", [](const WorkflowRegistry& r, const std::string& id) { return r.versions(id); }, py::arg("id"),
             "The versions of id, lowest first (empty when there is none).")
        .def("__len__", &WorkflowRegistry::size, "The number of definitions (all ids and versions).")
        .def(
            "__contains__",
            [](const WorkflowRegistry& r, const RegistryKey& key) {
                if (const auto* id = std::get_if<std::string>(&key)) return r.contains(*id);
                const auto& [id, version] = std::get<std::pair<std::string, int>>(key);
                return r.contains(id, version);
            },
            py::arg("key"), "'id' in registry: some version of id; ('id', version) in registry: that version.")
        .def("__iter__", [](const WorkflowRegistry& r) { return iterate_copies(std::vector<WorkflowDefinition>(r.begin(), r.end())); },
             "Iterates over the definitions (copies) in the order added.")
        .def("__repr__", [](const WorkflowRegistry& r) {
            std::string text = "<WorkflowRegistry of " + plural(r.size(), "definition", "definitions");
            const std::vector<std::string> ids = r.ids();
            for (std::size_t i = 0; i < ids.size(); ++i) text += (i == 0 ? ": " : ", ") + ids[i];
            return text + ">";
        });

    // ---- built-in loops -------------------------------------------------------------------------
    m.def("urban_management", &urban_management, "数字化城管: 7 stages plus 注销 cancel and 结案 closed, version 1.");
    m.def("hotline_12345", &hotline_12345, py::arg("kind"),
          "12345 接诉即办 for requests of this kind: id 'hotline_12345_<kind>', version 1.");
    m.def("whistle", &whistle, "吹哨报到: departments must report within 30 min elapsed, version 1.");
    m.def("five_step", &five_step, "五步闭环: a failed verification sends the problem back, version 1.");
    m.def("explore_pilot", &explore_pilot, "探索—试点—评估—推广: evaluation can send a project back to pilot, version 1.");
}

}  // namespace grassroots::python
