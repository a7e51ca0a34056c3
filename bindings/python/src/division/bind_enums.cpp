// The division enums (from their C++ name tables) and urban_rural_class().
#include "division/division.hpp"
#include "division/support.hpp"
#include "grassroots/division/code.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_division_enums(py::module_& m) {
    bind_enum<Level>(m, "Level", "A rung of the administrative ladder (行政层级), top first.",
                     "省级, 地级, 县级, 乡级 or 村级.")
        .def_property_readonly(
            "code_length", [](Level v) { return code_length(v); }, "Digits in a code of this level.");
    bind_enum<TownshipClass>(m, "TownshipClass", "Class of a township-level unit, from digits 7–9.",
                             "街道, 镇, 乡 or 类似乡级单位.");
    bind_enum<VillageClass>(m, "VillageClass", "Class of a village-level unit, from digits 10–12.",
                            "居委会, 村委会 or 类似村级单位.");
    bind_enum<UrbanRuralClass>(m, "UrbanRuralClass", "Urban–rural classification code (城乡分类代码).",
                               "The Chinese name, e.g. 主城区.");
    m.def(
        "urban_rural_class",
        [](const py::object& code) {
            if (py::isinstance<py::str>(code)) return parse_urban_rural_class(code.cast<std::string>());
            if (py::isinstance<py::int_>(code)) return urban_rural_class(code.cast<int>());
            throw py::type_error("expected an urban–rural code as int or str, got " + python_type_name(code));
        },
        py::arg("code"), "The class with this three-digit code (111 … 220).");
}

}  // namespace grassroots::python
