// Division codes, levels, classes and the administrative tree.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "bindings.hpp"
#include "grassroots/division/code.hpp"
#include "grassroots/division/tree.hpp"

namespace grassroots::python {

namespace {

using TreePtr = std::shared_ptr<const DivisionTree>;

/// A unit of a tree as Python sees it: keeps its tree alive.
struct Unit {
    TreePtr tree;
    DivisionId id;
};

/// Iterates the units of a tree in pre-order.
struct UnitIterator {
    TreePtr tree;
    std::uint32_t next = 0;
    std::uint32_t end = 0;
};

std::string type_name(const py::handle& value) { return py::str(py::type::handle_of(value).attr("__name__")); }

DivisionCode to_code(const py::handle& value) {
    if (py::isinstance<DivisionCode>(value)) {
        return value.cast<DivisionCode>();
    }
    if (py::isinstance<py::str>(value)) {
        return DivisionCode::parse(value.cast<std::string>());
    }
    throw py::type_error("expected a division code (str or DivisionCode), got " + type_name(value));
}

DivisionId to_id(const DivisionTree& tree, const py::handle& value) {
    if (py::isinstance<Unit>(value)) {
        const Unit& unit = value.cast<const Unit&>();
        if (unit.tree.get() != &tree) {
            throw InvalidInput("unit " + unit.tree->code(unit.id).str() + " belongs to another tree");
        }
        return unit.id;
    }
    return tree.at(to_code(value));
}

py::object optional_unit(const TreePtr& tree, std::optional<DivisionId> id) {
    return id ? py::cast(Unit{tree, *id}) : py::none();
}

py::list units_of(const TreePtr& tree, DivisionIdRange range) {
    py::list out;
    for (DivisionId id : range) {
        out.append(Unit{tree, id});
    }
    return out;
}

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

// Every domain enum has a Chinese name (to_string/chinese_name overloads in code.hpp).
template <class E>
void add_chinese_name(py::enum_<E>& cls, const char* doc) {
    cls.def_property_readonly("chinese_name", [](E value) { return std::string(chinese_name(value)); }, doc);
}

}  // namespace

void bind_division(py::module_& m) {
    // ---- enums ----------------------------------------------------------------------------------
    py::enum_<Level> level_enum(m, "Level", "A rung of the administrative ladder (行政层级), top first.");
    level_enum
        .value("PROVINCE", Level::province, "省级 (2 digits)")
        .value("PREFECTURE", Level::prefecture, "地级 (4 digits)")
        .value("COUNTY", Level::county, "县级 (6 digits)")
        .value("TOWNSHIP", Level::township, "乡级: 街道 / 镇 / 乡 (9 digits)")
        .value("VILLAGE", Level::village, "村级: 居委会 / 村委会 (12 digits)")
        .def_property_readonly("code_length", [](Level v) { return code_length(v); },
                               "Digits in a code of this level.");
    add_chinese_name(level_enum, "省级, 地级, 县级, 乡级 or 村级.");
    py::enum_<TownshipClass> township_class_enum(m, "TownshipClass", "Class of a township-level unit, from digits 7–9.");
    township_class_enum
        .value("SUBDISTRICT", TownshipClass::subdistrict, "街道, 001–099")
        .value("TOWN", TownshipClass::town, "镇, 100–199")
        .value("TOWNSHIP", TownshipClass::township, "乡, 200–399")
        .value("TOWNSHIP_LIKE", TownshipClass::township_like, "类似乡级单位, 400–599");
    add_chinese_name(township_class_enum, "街道, 镇, 乡 or 类似乡级单位.");
    py::enum_<VillageClass> village_class_enum(m, "VillageClass", "Class of a village-level unit, from digits 10–12.");
    village_class_enum
        .value("RESIDENTS_COMMITTEE", VillageClass::residents_committee, "居委会, 001–199")
        .value("VILLAGERS_COMMITTEE", VillageClass::villagers_committee, "村委会, 200–399")
        .value("VILLAGE_LIKE", VillageClass::village_like, "类似村级单位, 400–599");
    add_chinese_name(village_class_enum, "居委会, 村委会 or 类似村级单位.");
    py::enum_<UrbanRuralClass> urban_rural_class_enum(m, "UrbanRuralClass", "Urban–rural classification code (城乡分类代码).");
    urban_rural_class_enum
        .value("MAIN_URBAN_AREA", UrbanRuralClass::main_urban_area, "111 主城区")
        .value("URBAN_RURAL_FRINGE", UrbanRuralClass::urban_rural_fringe, "112 城乡结合区")
        .value("TOWN_CENTRE", UrbanRuralClass::town_centre, "121 镇中心区")
        .value("TOWN_RURAL_FRINGE", UrbanRuralClass::town_rural_fringe, "122 镇乡结合区")
        .value("SPECIAL_AREA", UrbanRuralClass::special_area, "123 特殊区域")
        .value("TOWNSHIP_CENTRE", UrbanRuralClass::township_centre, "210 乡中心区")
        .value("VILLAGE", UrbanRuralClass::village, "220 村庄");
    add_chinese_name(urban_rural_class_enum, "The Chinese name, e.g. 主城区.");
    m.def(
        "urban_rural_class",
        [](const py::object& code) {
            if (py::isinstance<py::str>(code)) return parse_urban_rural_class(code.cast<std::string>());
            if (py::isinstance<py::int_>(code)) return urban_rural_class(code.cast<int>());
            throw py::type_error("expected an urban–rural code as int or str, got " + type_name(code));
        },
        py::arg("code"), "The class with this three-digit code (111 … 220).");

    // ---- DivisionCode ---------------------------------------------------------------------------
    py::class_<DivisionCode>(m, "DivisionCode",
                             "A validated statistical division code (统计用区划代码) and its level.")
        .def(py::init([](const std::string& text, std::optional<Level> level) {
                 return level ? DivisionCode::parse(text, *level) : DivisionCode::parse(text);
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

    // ---- Unit -----------------------------------------------------------------------------------
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
             [](const Unit& u, const py::object& other) { return u.tree->is_ancestor(u.id, to_id(*u.tree, other)); },
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

    // ---- DivisionTree ---------------------------------------------------------------------------
    py::class_<DivisionTree, std::shared_ptr<DivisionTree>>(
        m, "DivisionTree", "The administrative tree: compact, immutable, with O(1) is-ancestor.")
        .def(py::init<>(), "An empty tree.")
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
                std::ofstream out(path, std::ios::binary);
                if (!out) throw FileError("cannot write file '" + path.string() + "'");
                tree.write_csv(out);
                if (!out) throw FileError("cannot write file '" + path.string() + "'");
            },
            py::arg("path"), "Writes the tree as code,name,level,parent_code CSV.")
        .def("__len__", &DivisionTree::size)
        .def(
            "__getitem__",
            [](const std::shared_ptr<DivisionTree>& self, const py::object& code) {
                return Unit{self, self->at(to_code(code))};
            },
            py::arg("code"))
        .def(
            "get",
            [](const std::shared_ptr<DivisionTree>& self, const py::object& code) {
                return optional_unit(self, self->find(to_code(code)));
            },
            py::arg("code"), "The unit with this code, or None.")
        .def("__contains__", [](const DivisionTree& tree, const py::object& code) { return tree.contains(to_code(code)); })
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
                return tree.is_ancestor(to_id(tree, a), to_id(tree, b));
            },
            py::arg("ancestor"), py::arg("descendant"),
            "True when ancestor is a proper ancestor of descendant (codes or units).")
        .def("count", &DivisionTree::count, py::arg("level"), "Number of units at a level.")
        .def_property_readonly("roots", [](const std::shared_ptr<DivisionTree>& self) { return units_of(self, self->roots()); },
                               "The top units (provinces in a national tree).")
        .def(
            "indices",
            [](const DivisionTree& tree, const py::iterable& codes) {
                std::vector<std::int64_t> out;
                for (py::handle code : codes) out.push_back(tree.at(to_code(code)).value());
                return py::array_t<std::int64_t>(static_cast<py::ssize_t>(out.size()), out.data());
            },
            py::arg("codes"), "Dense indices of the given codes, as an int64 array.")
        .def(
            "is_ancestor_many",
            [](const DivisionTree& tree, const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& a,
               const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& b) {
                if (a.ndim() != 1 || b.ndim() != 1 || a.size() != b.size()) {
                    throw InvalidInput("is_ancestor_many needs two one-dimensional arrays of the same length");
                }
                const auto n = static_cast<std::size_t>(a.size());
                const std::int64_t units = static_cast<std::int64_t>(tree.size());
                for (std::size_t i = 0; i < n; ++i) {
                    if (a.data()[i] < 0 || a.data()[i] >= units || b.data()[i] < 0 || b.data()[i] >= units) {
                        throw InvalidInput("index pair " + std::to_string(i) + " (" + std::to_string(a.data()[i]) +
                                           ", " + std::to_string(b.data()[i]) + ") is outside 0 … " +
                                           std::to_string(units - 1));
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
            },
            py::arg("ancestors"), py::arg("descendants"),
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
        .def(
            "to_pandas",
            [](const py::object& self) { return py::module_::import("grassroots._pandas").attr("tree_to_pandas")(self); },
            "One row per unit (pre-order): code, name, level (ordered categorical), parent_code, "
            "township_class, village_class (categoricals). Needs pandas.")
        .def_property_readonly("structure_bytes", &DivisionTree::structure_bytes, "Bytes of structure, names excluded.")
        .def_property_readonly("name_bytes", &DivisionTree::name_bytes, "Bytes of names.")
        .def(
            "_columns",
            [](const DivisionTree& tree) {
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
            },
            "Columns for to_pandas() (internal).")
        .def(py::pickle(
            [](const DivisionTree& tree) {
                std::ostringstream out;
                tree.write_csv(out);
                return py::make_tuple(out.str());
            },
            [](const py::tuple& state) {
                return std::make_shared<DivisionTree>(DivisionTree::parse_csv(state[0].cast<std::string>(), "<pickle>"));
            }))
        .def("__repr__", [](const DivisionTree& tree) {
            std::string text = "<DivisionTree of " + std::to_string(tree.size()) + " units:";
            for (Level level : all_levels) text += " " + std::to_string(tree.count(level)) + " " + std::string(to_string(level));
            return text + ">";
        });

    // ---- DivisionTreeBuilder --------------------------------------------------------------------
    py::class_<DivisionTreeBuilder>(m, "DivisionTreeBuilder",
                                    "Collects units, then validates them all and builds a DivisionTree.")
        .def(py::init<>())
        .def(
            "add",
            [](DivisionTreeBuilder& builder, const py::object& code, const std::string& name, const py::object& parent,
               const std::string& source, std::size_t row) -> DivisionTreeBuilder& {
                const Location origin{source, row, ""};
                if (parent.is_none()) return builder.add(to_code(code), name, origin);
                return builder.add(to_code(code), name, to_code(parent), origin);
            },
            py::arg("code"), py::arg("name"), py::arg("parent") = py::none(), py::arg("source") = "",
            py::arg("row") = 0, py::return_value_policy::reference_internal,
            "Adds a unit (checking that its code extends parent's, if given); returns the builder.")
        .def("__len__", &DivisionTreeBuilder::size)
        .def(
            "build", [](const DivisionTreeBuilder& builder) { return std::make_shared<DivisionTree>(builder.build()); },
            "Validates every unit and builds the tree (all or nothing).");
}

}  // namespace grassroots::python
