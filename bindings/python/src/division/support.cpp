#include "division/support.hpp"

#include "code_text.hpp"
#include "grassroots/error.hpp"

namespace grassroots::python {

std::string python_type_name(const py::handle& value) {
    return py::str(py::type::handle_of(value).attr("__name__"));
}

DivisionCode code_argument(const py::handle& value) {
    if (py::isinstance<DivisionCode>(value)) {
        return value.cast<DivisionCode>();
    }
    if (CodeText text; load_code_text(value, text)) {
        return DivisionCode::parse(text.utf8);
    }
    throw py::type_error("expected a division code (str or DivisionCode), got " + python_type_name(value));
}

DivisionId id_argument(const DivisionTree& tree, const py::handle& value) {
    if (py::isinstance<Unit>(value)) {
        const Unit& unit = value.cast<const Unit&>();
        if (unit.tree.get() != &tree) {
            throw InvalidInput("unit " + unit.tree->code(unit.id).str() + " belongs to another tree");
        }
        return unit.id;
    }
    return tree.at(code_argument(value));
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

}  // namespace grassroots::python
