// The StrongId type caster shared by the binding files: a StrongId (PersonId, GridId, …) is a
// plain int in Python. Each file specialises pybind11's type_caster for the id types it uses:
//   template <> struct type_caster<grassroots::GridId> : strong_id_caster<grassroots::GridId> {};
#pragma once

#include <pybind11/pybind11.h>

#include <Python.h>

#include <limits>

namespace pybind11::detail {

/// A StrongId is a plain int in Python. Any int loads; one outside the id range becomes an
/// invalid id, which the C++ API reports as NotFound (so -1 is "not found", not a TypeError).
template <class Id>
struct strong_id_caster {
    PYBIND11_TYPE_CASTER(Id, const_name("int"));

    bool load(handle source, bool /*convert*/) {
        if (!source || PyBool_Check(source.ptr()) || !PyIndex_Check(source.ptr())) {
            return false;
        }
        const object index = reinterpret_steal<object>(PyNumber_Index(source.ptr()));
        if (!index) {
            PyErr_Clear();
            return false;
        }
        int overflow = 0;
        const long long number = PyLong_AsLongLongAndOverflow(index.ptr(), &overflow);
        if (number == -1 && PyErr_Occurred() != nullptr) {
            PyErr_Clear();
            return false;
        }
        using Rep = typename Id::rep_type;
        constexpr auto limit = static_cast<long long>(std::numeric_limits<Rep>::max());
        value = overflow != 0 || number < 0 || number >= limit ? Id{} : Id{static_cast<Rep>(number)};
        return true;
    }

    static handle cast(Id id, return_value_policy /*policy*/, handle /*parent*/) {
        return PyLong_FromUnsignedLongLong(id.value());
    }
};

}  // namespace pybind11::detail
