// BurdenWeights: the weight of each kind in the burden index.
#include <pybind11/stl.h>

#include <map>
#include <optional>
#include <string>

#include "burden/burden.hpp"
#include "grassroots/burden/burden.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_burden_weights(py::module_& m) {
    py::class_<BurdenWeights>(m, "BurdenWeights",
                              "Weights per kind for the burden index. The defaults (plaque 1, certificate type 2, "
                              "meeting a year 0.5, inspection a year 1, reporting app 3, account 2, pushed task 2) are "
                              "unverified placeholders; set your own.")
        .def(py::init([](const std::optional<std::map<BurdenKind, double>>& weights, std::optional<std::string> source) {
                 BurdenWeights out;
                 if (weights) {
                     for (const auto& [kind, weight] : *weights) out.set(kind, weight);
                     out.source = "user weights";
                 }
                 if (source) out.source = std::move(*source);
                 return out;
             }),
             py::arg("weights") = py::none(), py::arg("source") = py::none(),
             "The defaults, with the given kinds replaced (InvalidInputError for a negative weight).")
        .def_static("defaults", &BurdenWeights::defaults, "The default weights (unverified placeholders).")
        .def("__getitem__", [](const BurdenWeights& w, BurdenKind kind) { return w[kind]; }, py::arg("kind"))
        .def("__setitem__", &BurdenWeights::set, py::arg("kind"), py::arg("weight"))
        .def("set", &BurdenWeights::set, py::arg("kind"), py::arg("weight"),
             "Sets the weight of a kind (InvalidInputError for a negative or non-finite weight).")
        .def_readwrite("source", &BurdenWeights::source, "Where the weights come from.")
        .def(
            "to_dict",
            [](const BurdenWeights& w) {
                std::map<std::string, double> out;
                for (const BurdenKind kind : all_burden_kinds) out.emplace(std::string(to_string(kind)), w[kind]);
                return out;
            },
            "{kind name: weight}.")
        .def(
            "__eq__",
            [](const BurdenWeights& self, const py::object& other) -> py::object {
                if (!py::isinstance<BurdenWeights>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
                return py::bool_(self == other.cast<const BurdenWeights&>());
            },
            py::arg("other"))
        .def("__repr__", [](const BurdenWeights& w) {
            std::string text = "BurdenWeights(";
            for (const BurdenKind kind : all_burden_kinds) {
                text += std::string(to_string(kind)) + "=" + py::repr(py::float_(w[kind])).cast<std::string>() +
                        (kind == BurdenKind::pushed_task ? "" : ", ");
            }
            return text + ", source='" + w.source + "')";
        });
}

}  // namespace grassroots::python
