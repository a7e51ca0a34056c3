// The datasets area: data shipped inside the library.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "grassroots/datasets/dongying.hpp"

namespace grassroots::python {

void bind_datasets(py::module_& m) {
    m.def(
        "dongying", [] { return std::make_shared<DivisionTree>(datasets::dongying_divisions()); },
        "Dongying city's 1,982 division units (NBS 统计用区划代码 2023), shipped inside the library.");
    m.def(
        "dongying_csv", [] { return std::string(datasets::dongying_divisions_csv()); },
        "The shipped Dongying division table as code,name,level,parent_code CSV text.");
}

}  // namespace grassroots::python
