// The errors area: the C++ exception hierarchy (grassroots/error.hpp) mapped to Python classes with fitting bases.
#include <Python.h>

#include <pybind11/operators.h>

#include "bindings.hpp"
#include "errors/warnings.hpp"
#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "grassroots/core/files.hpp"
#include "grassroots/error.hpp"

namespace grassroots::python {

namespace {

// Classes live for the whole interpreter; kept as borrowed handles after creation.
struct ErrorClasses {
    py::handle base, invalid_input, not_found, file, rule_violation, permission_denied, warning;
};
ErrorClasses classes;

py::handle make_class(py::module_& m, const char* name, py::tuple bases, const char* doc) {
    const std::string qualified = std::string("grassroots.") + name;
    PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
    if (type == nullptr) {
        throw py::error_already_set();
    }
    m.add_object(name, py::handle(type));  // the module keeps a reference
    return type;
}

// @p text as a Python str; bytes that are not UTF-8 become \xNN escapes, so that translating an
// error never raises UnicodeDecodeError instead (grassroots' messages are UTF-8 already).
py::str text_of(std::string_view text) {
    PyObject* decoded = PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "backslashreplace");
    if (decoded == nullptr) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(decoded);
}

// C++ spellings in messages that read differently in Python (each occurs in src/; the tests check
// that every Python spelling exists). Any other Class::member becomes Class.member.
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> python_spellings{{
    {"set_unpublished(weekday_rule)", "Calendar.unpublished = UnpublishedYears.WEEKDAY_RULE"},
    {"StoreOptions::retention_days", "Store.open(retention_days=…)"},
    {"Vault::register_person", "Vault.register"},
}};

bool name_end(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool member_start(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

// @p message with the C++ calls it names spelled as a Python caller writes them.
std::string in_python_terms(std::string_view message) {
    std::string out(message);
    for (const auto& [cpp, python] : python_spellings) {
        for (std::size_t at = out.find(cpp); at != std::string::npos; at = out.find(cpp, at + python.size())) {
            out.replace(at, cpp.size(), python);
        }
    }
    for (std::size_t at = out.find("::"); at != std::string::npos; at = out.find("::", at)) {
        if (at > 0 && name_end(out[at - 1]) && at + 2 < out.size() && member_start(out[at + 2])) {
            out.replace(at, 2, ".");
        } else {
            at += 2;
        }
    }
    return out;
}

// Raises an instance of @p type with @p message (in Python terms) and the given attributes.
void raise(py::handle type, const char* message, const py::dict& attributes) {
    py::object error = py::reinterpret_borrow<py::object>(type)(text_of(in_python_terms(message)));
    for (auto item : attributes) {
        error.attr(item.first) = item.second;
    }
    PyErr_SetObject(type.ptr(), error.ptr());
}

py::object optional_str(const std::string& text) { return text.empty() ? py::object(py::none()) : py::object(text_of(text)); }

// The limits on input files (grassroots/core/files.hpp) and the atomic file writer.
void bind_input_limits(py::module_& m) {
    py::class_<InputLimits>(m, "InputLimits", "How much input the readers accept, in bytes; see input_limits().")
        .def(py::init([](std::uint64_t max_file_bytes, std::uint64_t max_decompressed_bytes) {
                 return InputLimits{max_file_bytes, max_decompressed_bytes};
             }),
             py::arg("max_file_bytes") = InputLimits::default_max_file_bytes,
             py::arg("max_decompressed_bytes") = InputLimits::default_max_decompressed_bytes)
        .def_readwrite("max_file_bytes", &InputLimits::max_file_bytes, "Largest file a reader opens (default 256 MiB).")
        .def_readwrite("max_decompressed_bytes", &InputLimits::max_decompressed_bytes,
                       "Largest text a gzip file may expand to (default 256 MiB).")
        .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
        .def("__repr__", [](const InputLimits& limits) {
            return "InputLimits(max_file_bytes=" + std::to_string(limits.max_file_bytes) +
                   ", max_decompressed_bytes=" + std::to_string(limits.max_decompressed_bytes) + ")";
        });
    m.def("input_limits", &input_limits, "The limits on input files in force (process-wide).");
    m.def("set_input_limits", &set_input_limits, py::arg("limits"),
          "Sets the limits on input files for every reader from now on; InvalidInputError for a limit of 0.");
}

}  // namespace

py::handle grassroots_warning() { return classes.warning; }

void bind_errors(py::module_& m) {
    auto builtins = py::module_::import("builtins");
    classes.base = make_class(m, "GrassrootsError", py::make_tuple(builtins.attr("Exception")),
                              "Base of every error grassroots raises.");
    classes.invalid_input = make_class(
        m, "InvalidInputError", py::make_tuple(classes.base, builtins.attr("ValueError")),
        "Malformed or out-of-range input; .source, .row and .field say where, .problem what.");
    classes.not_found = make_class(m, "NotFoundError", py::make_tuple(classes.base, builtins.attr("KeyError")),
                                   "A looked-up code, id or name does not exist.");
    classes.file = make_class(m, "FileError", py::make_tuple(classes.base, builtins.attr("OSError")),
                              "A file could not be opened or read.");
    classes.rule_violation =
        make_class(m, "RuleViolationError", py::make_tuple(classes.base, builtins.attr("ValueError")),
                   "Well-formed input that breaks a rule of law, policy or an invariant; .rule_id names it.");
    classes.permission_denied =
        make_class(m, "PermissionDeniedError", py::make_tuple(classes.base, builtins.attr("PermissionError")),
                   "An actor tried something its role or scope does not allow.");

    classes.warning = make_class(m, "GrassrootsWarning", py::make_tuple(builtins.attr("UserWarning")),
                                 "Base of every warning grassroots issues (e.g. analytics' EmptyPeriodWarning).");

    // Attributes exist on every instance, None unless the error sets them.
    for (const char* name : {"source", "row", "field", "problem"}) {
        py::setattr(classes.invalid_input, name, py::none());
    }
    py::setattr(classes.rule_violation, "rule_id", py::none());
    // KeyError would print the message with quotes around it.
    py::setattr(classes.not_found, "__str__", builtins.attr("BaseException").attr("__str__"));

    py::register_exception_translator([](std::exception_ptr pointer) {
        try {
            if (pointer) {
                std::rethrow_exception(pointer);
            }
        } catch (const InvalidInput& error) {
            const Location& where = error.where();
            py::dict attributes;
            attributes["source"] = optional_str(where.source);
            attributes["row"] = where.row == 0 ? py::object(py::none()) : py::object(py::int_(where.row));
            attributes["field"] = optional_str(where.field);
            attributes["problem"] = text_of(in_python_terms(error.problem()));
            raise(classes.invalid_input, error.what(), attributes);
        } catch (const NotFound& error) {
            raise(classes.not_found, error.what(), py::dict());
        } catch (const FileError& error) {
            raise(classes.file, error.what(), py::dict());
        } catch (const RuleViolation& error) {
            py::dict attributes;
            attributes["rule_id"] = text_of(error.rule_id());
            raise(classes.rule_violation, error.what(), attributes);
        } catch (const PermissionDenied& error) {
            raise(classes.permission_denied, error.what(), py::dict());
        } catch (const Error& error) {
            raise(classes.base, error.what(), py::dict());
        }
    });

    // For tests of the mapping: raises the C++ error of the given kind.
    m.def(
        "_raise_for_test",
        [](const std::string& kind, const std::string& message) {  // bytes too: tests pass invalid UTF-8
            if (kind == "invalid_input") throw InvalidInput(message, Location{"file.csv", 3, "code"});
            if (kind == "not_found") throw NotFound(message);
            if (kind == "file") throw FileError(message);
            if (kind == "rule_violation") throw RuleViolation("rule.id", message);
            if (kind == "permission_denied") throw PermissionDenied(message);
            throw Error(message);
        },
        py::arg("kind"), py::arg("message"));

    bind_input_limits(m);
}

}  // namespace grassroots::python
