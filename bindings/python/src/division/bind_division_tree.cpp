// DivisionTree: the compact, immutable administrative tree, its files, look-ups and column arrays.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "code_text.hpp"
#include "division/division.hpp"
#include "division/support.hpp"
#include "grassroots/core/files.hpp"
#include "grassroots/error.hpp"

namespace grassroots::python {

namespace {

using TreeClass = py::class_<DivisionTree, std::shared_ptr<DivisionTree>>;
using Int64Array = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;

template <class T>
py::array_t<T> rollup_array(const DivisionTree& tree, const py::array_t<T, py::array::c_style | py::array::forcecast>& values) {
    if (values.ndim() != 1) {
        throw InvalidInput("rollup needs a one-dimensional array, got " + std::to_string(values.ndim()) + " dimensions");
    }
    std::vector<T> sums;
    {
        py::gil_scoped_release release;
        sums = tree.rollup(std::span<const T>(values.data(), static_cast<std::size_t>(values.size())));
    }
    py::array_t<T> out(static_cast<py::ssize_t>(sums.size()));
    std::copy(sums.begin(), sums.end(), out.mutable_data());
    return out;
}

py::array_t<bool> is_ancestor_many(const DivisionTree& tree, const Int64Array& a, const Int64Array& b) {
    if (a.ndim() != 1 || b.ndim() != 1 || a.size() != b.size()) {
        throw InvalidInput("is_ancestor_many needs two one-dimensional arrays of the same length");
    }
    const auto n = static_cast<std::size_t>(a.size());
    const std::int64_t units = static_cast<std::int64_t>(tree.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (a.data()[i] < 0 || a.data()[i] >= units || b.data()[i] < 0 || b.data()[i] >= units) {
            throw InvalidInput("index pair " + std::to_string(i) + " (" + std::to_string(a.data()[i]) + ", " +
                               std::to_string(b.data()[i]) + ") is outside 0 … " + std::to_string(units - 1));
        }
    }
    py::array_t<bool> out(static_cast<py::ssize_t>(n));
    bool* result = out.mutable_data();
    const std::int64_t* pa = a.data();
    const std::int64_t* pb = b.data();
    const auto ends = tree.subtree_ends();
    {
        py::gil_scoped_release release;
        for (std::size_t i = 0; i < n; ++i) {
            result[i] = pa[i] < pb[i] && pb[i] < static_cast<std::int64_t>(ends[static_cast<std::size_t>(pa[i])]);
        }
    }
    return out;
}

/// The text columns and class codes (-1 where a class does not apply) for to_pandas() in Python.
py::dict columns_of(const DivisionTree& tree) {
    py::list code, name, parent_code;
    py::array_t<std::int8_t> township(static_cast<py::ssize_t>(tree.size()));
    py::array_t<std::int8_t> village(static_cast<py::ssize_t>(tree.size()));
    auto* t = township.mutable_data();
    auto* v = village.mutable_data();
    for (DivisionId id : tree.ids()) {
        const DivisionCode c = tree.code(id);
        code.append(c.str());
        name.append(std::string(tree.name(id)));
        const auto parent = tree.parent(id);
        parent_code.append(parent ? py::object(py::str(tree.code(*parent).str())) : py::object(py::none()));
        const auto tc = c.township_class();
        const auto vc = c.village_class();
        t[id.value()] = tc ? static_cast<std::int8_t>(*tc) : std::int8_t{-1};
        v[id.value()] = vc ? static_cast<std::int8_t>(*vc) : std::int8_t{-1};
    }
    py::dict columns;
    columns["code"] = code;
    columns["name"] = name;
    columns["parent_code"] = parent_code;
    columns["township_class"] = township;
    columns["village_class"] = village;
    return columns;
}

/// Reading, writing and pickling.
void add_files(TreeClass& cls) {
    cls.def(py::init<>(), "An empty tree.")
        .def_static(
            "read_nbs",
            [](const std::filesystem::path& folder) {
                py::gil_scoped_release release;
                return std::make_shared<DivisionTree>(DivisionTree::read_nbs(folder));
            },
            py::arg("folder"),
            "Reads the NBS table set: provinces.csv, cities.csv, areas.csv, streets.csv, villages.csv.gz.")
        .def_static(
            "read_csv",
            [](const std::filesystem::path& path) {
                py::gil_scoped_release release;
                return std::make_shared<DivisionTree>(DivisionTree::read_csv(path));
            },
            py::arg("path"), "Reads a code,name,level,parent_code CSV file (gzip allowed).")
        .def_static(
            "parse_csv",
            [](const std::string& text, const std::string& source) {
                return std::make_shared<DivisionTree>(DivisionTree::parse_csv(text, source));
            },
            py::arg("text"), py::arg("source") = "<text>", "Parses code,name,level,parent_code CSV text.")
        .def(
            "to_csv",
            [](const DivisionTree& tree) {
                std::ostringstream out;
                tree.write_csv(out);
                return out.str();
            },
            "The tree as code,name,level,parent_code CSV text, in pre-order.")
        .def(
            "write_csv",
            [](const DivisionTree& tree, const std::filesystem::path& path) {
                std::ostringstream out;
                tree.write_csv(out);
                write_file_atomically(path, out.str());
            },
            py::arg("path"), "Writes the tree as code,name,level,parent_code CSV, atomically (a temporary file, fsync, rename).")
        .def(py::pickle(
            [](const DivisionTree& tree) {
                std::ostringstream out;
                tree.write_csv(out);
                return py::make_tuple(out.str());
            },
            [](const py::tuple& state) {
                return std::make_shared<DivisionTree>(DivisionTree::parse_csv(state[0].cast<std::string>(), "<pickle>"));
            }));
}

/// Units by code, index and ancestry; sizes and repr.
void add_lookup(TreeClass& cls) {
    cls.def("__len__", &DivisionTree::size)
        .def(
            "__getitem__",
            [](const std::shared_ptr<DivisionTree>& self, const py::object& code) {
                return Unit{self, self->at(code_argument(code))};
            },
            py::arg("code"))
        .def(
            "get",
            [](const std::shared_ptr<DivisionTree>& self, const py::object& code) {
                return optional_unit(self, self->find(code_argument(code)));
            },
            py::arg("code"), "The unit with this code, or None.")
        .def("__contains__",
             [](const DivisionTree& tree, const py::object& code) { return tree.contains(code_argument(code)); })
        .def("__iter__",
             [](const std::shared_ptr<DivisionTree>& self) {
                 return UnitIterator{self, 0, static_cast<std::uint32_t>(self->size())};
             })
        .def(
            "unit",
            [](const std::shared_ptr<DivisionTree>& self, std::int64_t index) {
                if (index < 0 || index >= static_cast<std::int64_t>(self->size())) {
                    throw NotFound("unit index " + std::to_string(index) + " is outside 0 … " +
                                   std::to_string(static_cast<std::int64_t>(self->size()) - 1));
                }
                return Unit{self, DivisionId{static_cast<std::uint32_t>(index)}};
            },
            py::arg("index"), "The unit at a dense index (0 … len-1).")
        .def(
            "is_ancestor",
            [](const DivisionTree& tree, const py::object& a, const py::object& b) {
                return tree.is_ancestor(id_argument(tree, a), id_argument(tree, b));
            },
            py::arg("ancestor"), py::arg("descendant"),
            "True when ancestor is a proper ancestor of descendant (codes or units).")
        .def(
            "find",
            [](const std::shared_ptr<DivisionTree>& self, const CodeText& name, const py::object& under, bool fuzzy) {
                const std::optional<DivisionId> root =
                    under.is_none() ? std::nullopt : std::optional<DivisionId>(id_argument(*self, under));
                std::vector<DivisionId> found;
                {
                    py::gil_scoped_release release;
                    found = self->find(name.utf8, root, fuzzy ? NameMatch::fuzzy : NameMatch::exact);
                }
                py::list out;
                for (const DivisionId id : found) out.append(Unit{self, id});
                return out;
            },
            py::arg("name"), py::arg("under") = py::none(), py::arg("fuzzy") = false,
            "Every unit named name, in code order (names repeat: 27 units are called 新华街道). under (a code or "
            "Unit) limits the search to its subtree; fuzzy=True also matches the suffix variants (新华社区 finds "
            "新华社区居委会; name_suffix_families() lists them). An empty list when nothing matches.")
        .def("count", &DivisionTree::count, py::arg("level"), "Number of units at a level.")
        .def_property_readonly(
            "roots", [](const std::shared_ptr<DivisionTree>& self) { return units_of(self, self->roots()); },
            "The top units (provinces in a national tree).")
        .def_property_readonly("structure_bytes", &DivisionTree::structure_bytes, "Bytes of structure, names excluded.")
        .def_property_readonly("name_bytes", &DivisionTree::name_bytes, "Bytes of names.")
        .def("__repr__", [](const DivisionTree& tree) {
            std::string text = "<DivisionTree of " + std::to_string(tree.size()) + " units:";
            for (Level level : all_levels) text += " " + std::to_string(tree.count(level)) + " " + std::string(to_string(level));
            return text + ">";
        });
}

/// NumPy columns and the vectorised forms (the primitives of the Python to_pandas()).
void add_arrays(TreeClass& cls) {
    cls.def(
           "indices",
           [](const DivisionTree& tree, const py::iterable& codes) {
               std::vector<std::int64_t> out;
               for (py::handle code : codes) out.push_back(tree.at(code_argument(code)).value());
               return py::array_t<std::int64_t>(static_cast<py::ssize_t>(out.size()), out.data());
           },
           py::arg("codes"), "Dense indices of the given codes, as an int64 array.")
        .def("is_ancestor_many", &is_ancestor_many, py::arg("ancestors"), py::arg("descendants"),
             "Vectorised is_ancestor over index arrays (GIL released); returns a bool array.")
        .def(
            "rollup",
            [](const DivisionTree& tree, const py::array& values) -> py::array {
                if (py::isinstance<py::array_t<std::int64_t>>(values) || py::isinstance<py::array_t<std::int32_t>>(values) ||
                    py::isinstance<py::array_t<bool>>(values)) {
                    return rollup_array<std::int64_t>(tree, values);
                }
                return rollup_array<double>(tree, values);
            },
            py::arg("values"),
            "Sums one value per unit over every subtree (itself included): int arrays give int64, others float64.")
        .def_property_readonly(
            "codes",
            [](const DivisionTree& tree) {
                py::array_t<std::uint64_t> out(static_cast<py::ssize_t>(tree.size()));
                auto* data = out.mutable_data();
                for (std::size_t i = 0; i < tree.size(); ++i) data[i] = tree.code_keys()[i] >> 3U;
                return out;
            },
            "12-digit padded codes per unit as uint64 (pre-order).")
        .def_property_readonly(
            "levels",
            [](const DivisionTree& tree) {
                py::array_t<std::uint8_t> out(static_cast<py::ssize_t>(tree.size()));
                auto* data = out.mutable_data();
                for (std::size_t i = 0; i < tree.size(); ++i) data[i] = static_cast<std::uint8_t>(tree.code_keys()[i] & 7U);
                return out;
            },
            "Level per unit as uint8 (0 = province … 4 = village).")
        .def_property_readonly(
            "parent_indices",
            [](const DivisionTree& tree) {
                py::array_t<std::int64_t> out(static_cast<py::ssize_t>(tree.size()));
                auto* data = out.mutable_data();
                for (std::size_t i = 0; i < tree.size(); ++i) {
                    const std::uint32_t p = tree.parent_indices()[i];
                    data[i] = p == DivisionTree::no_parent ? -1 : static_cast<std::int64_t>(p);
                }
                return out;
            },
            "Parent index per unit as int64 (-1 for top units).")
        .def("_columns", &columns_of, "Columns for to_pandas() (internal).");
}

}  // namespace

void bind_division_tree(py::module_& m) {
    TreeClass cls(m, "DivisionTree", "The administrative tree: compact, immutable, with O(1) is-ancestor.");
    add_files(cls);
    add_lookup(cls);
    add_arrays(cls);
    m.def(
        "name_suffix_families",
        [] {
            py::dict out;
            for (const NameSuffixFamily& family : name_suffix_families()) {
                py::list suffixes;
                for (const std::string_view suffix : family.suffixes) suffixes.append(py::str(suffix.data(), suffix.size()));
                out[py::str(family.kind.data(), family.kind.size())] = suffixes;
            }
            return out;
        },
        "The suffix families DivisionTree.find(fuzzy=True) treats as one: {kind: [suffixes, longest first]}.");
}

}  // namespace grassroots::python
