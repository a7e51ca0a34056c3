// Text given from Python where a code (division code, grid code, case number) or a name is expected.
#pragma once

#include <pybind11/pybind11.h>

#include <Python.h>

#include <string>

namespace grassroots::python {

/// A Python str as UTF-8. Characters UTF-8 cannot hold (lone surrogates such as '\ud800', which
/// pybind11's std::string refuses with a TypeError) are written as the escapes Python shows
/// ("\\ud800"), so that the parser refuses them with an InvalidInputError naming the value.
struct CodeText {
    std::string utf8;  ///< The text, always valid UTF-8.
};

/// @p text (a str) as CodeText; false for any other type.
inline bool load_code_text(pybind11::handle text, CodeText& out) {
    if (!text || !PyUnicode_Check(text.ptr())) return false;
    Py_ssize_t size = 0;
    if (const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size)) {
        out.utf8.assign(data, static_cast<std::size_t>(size));
        return true;
    }
    PyErr_Clear();  // a lone surrogate
    const auto encoded =
        pybind11::reinterpret_steal<pybind11::object>(PyUnicode_AsEncodedString(text.ptr(), "utf-8", "backslashreplace"));
    if (!encoded) throw pybind11::error_already_set();
    out.utf8.assign(PyBytes_AS_STRING(encoded.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(encoded.ptr())));
    return true;
}

}  // namespace grassroots::python

namespace pybind11::detail {

/// CodeText loads from any str (see load_code_text) and is a str again in Python.
template <>
struct type_caster<grassroots::python::CodeText> {
    PYBIND11_TYPE_CASTER(grassroots::python::CodeText, const_name("str"));

    bool load(handle source, bool /*convert*/) { return grassroots::python::load_code_text(source, value); }

    static handle cast(const grassroots::python::CodeText& text, return_value_policy /*policy*/, handle /*parent*/) {
        return PyUnicode_DecodeUTF8(text.utf8.data(), static_cast<Py_ssize_t>(text.utf8.size()), "backslashreplace");
    }
};

}  // namespace pybind11::detail
