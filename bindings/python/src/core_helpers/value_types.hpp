// Helpers shared by the binding files: Python enums with upper-case members and a chinese_name,
// and the value-type protocol (repr, ==, hash, to_dict, pickling) built from a type's field names.
#pragma once

#include <pybind11/pybind11.h>
#if __has_include(<pybind11/typing.h>)  // pybind11 ≥ 2.12: typed containers give exact stubs
#include <pybind11/typing.h>
#define GRASSROOTS_PYBIND11_TYPING 1
#endif

#include <cctype>
#include <string>
#include <vector>

#include "grassroots/core/enum_table.hpp"

namespace grassroots::python {

namespace py = pybind11;

#ifdef GRASSROOTS_PYBIND11_TYPING
using StringDict = py::typing::Dict<py::str, py::object>;  ///< dict[str, object] in the stubs.
template <class T>
using IterableOf = py::typing::Iterable<T>;  ///< Iterable[T] in the stubs.
template <class T>
using IteratorOf = py::typing::Iterator<T>;  ///< Iterator[T] in the stubs.
#else
using StringDict = py::dict;  ///< A plain dict with pybind11 2.10/2.11.
template <class T>
using IterableOf = py::iterable;  ///< A plain iterable with pybind11 2.10/2.11.
template <class T>
using IteratorOf = py::iterator;  ///< A plain iterator with pybind11 2.10/2.11.
#endif

/// An iterator over a copy of @p items (typed Iterator[T] in the stubs).
template <class T>
IteratorOf<T> iterate_copies(const std::vector<T>& items) {
    return py::reinterpret_steal<IteratorOf<T>>(py::iter(py::cast(items)).release());
}


/// A Python enum whose members come from the C++ table enum_names(E): each member is the upper case of
/// the table name, documented "<Chinese term>: <doc>"; `chinese_name` as above.
template <NamedEnum E>
py::enum_<E> bind_enum(py::module_& m, const char* name, const char* doc, const char* chinese_doc = "The Chinese term.") {
    py::enum_<E> cls(m, name, doc);
    for (const EnumName<E>& entry : enum_names(E{})) {
        std::string member(entry.name);
        for (char& c : member) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        const std::string text = entry.chinese.empty() ? std::string(entry.doc)
                                                       : std::string(entry.chinese) + ": " + std::string(entry.doc);
        cls.value(member.c_str(), entry.value, text.c_str());
    }
    if constexpr (requires(E e) { chinese_name(e); }) {
        cls.def_property_readonly(
            "chinese_name", [](E value) { return std::string(chinese_name(value)); }, chinese_doc);
    }
    return cls;
}

/// True for a member of a bound enum.
inline bool is_enum(const py::handle& value) { return py::hasattr(py::type::handle_of(value), "__members__"); }

/// A field value for to_dict(): enums by their lower-case name, value objects as dicts, lists item by item.
inline py::object plain(const py::handle& value) {
    if (value.is_none()) {
        return py::none();
    }
    if (is_enum(value)) {
        return value.attr("name").attr("lower")();
    }
    if (py::isinstance<py::list>(value)) {
        py::list out;
        for (const py::handle item : value) {
            out.append(plain(item));
        }
        return out;
    }
    if (py::hasattr(value, "to_dict")) {
        return value.attr("to_dict")();
    }
    return py::reinterpret_borrow<py::object>(value);
}

/// Which parts of the value protocol add_value_protocol() defines.
struct ValueOptions {
    bool repr = true;  ///< Define __repr__ as Type(field=value, …).
    bool hash = true;  ///< Define __hash__ (false when a field is a list).
    bool pickle = true;  ///< Define __reduce__ (false for read-only types without a matching constructor).
};

/// Adds the value-type protocol to @p cls. Unless options.pickle is false, the class's constructor
/// must take @p fields in this order (pickling calls it with them); each field must be a property.
template <class T>
void add_value_protocol(py::class_<T>& cls, std::vector<const char*> fields, ValueOptions options = {}) {
    auto values = [fields](const py::object& self) {
        py::tuple out(fields.size());
        for (std::size_t i = 0; i < fields.size(); ++i) {
            out[i] = self.attr(fields[i]);
        }
        return out;
    };
    if (options.repr) {
        cls.def("__repr__", [fields](const py::object& self) {
            std::string text = py::str(py::type::handle_of(self).attr("__name__"));
            text += "(";
            for (std::size_t i = 0; i < fields.size(); ++i) {
                const py::object value = self.attr(fields[i]);
                text += (i == 0 ? "" : ", ") + std::string(fields[i]) + "=";
                text += is_enum(value) ? std::string(py::str(value)) : std::string(py::repr(value));
            }
            return text + ")";
        });
    }
    cls.def(
        "__eq__",
        [values](const py::object& self, const py::object& other) {
            return py::type::handle_of(self).is(py::type::handle_of(other)) && values(self).equal(values(other));
        },
        py::arg("other"));
    if (options.hash) {
        cls.def("__hash__", [values](const py::object& self) { return py::hash(values(self)); });
    }
    cls.def(
        "to_dict",
        [fields](const py::object& self) {
            StringDict out;
            for (const char* field : fields) {
                out[field] = plain(self.attr(field));
            }
            return out;
        },
        "The fields as a dict (enums by name, dates as datetime.date).");
    if (options.pickle) {
        cls.def("__reduce__", [values](const py::object& self) {
            return py::make_tuple(py::type::handle_of(self), values(self));
        });
    }
}

/// A read-only property returning a copy of a data member.
template <class T, class M>
void field(py::class_<T>& cls, const char* name, M T::*member, const char* doc) {
    cls.def_property_readonly(name, [member](const T& self) -> M { return self.*member; }, doc);
}

}  // namespace grassroots::python
