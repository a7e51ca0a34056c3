// Shared by the analytics binding files: typed Python objects for the stubs, the options box, and the
// KpiCounts / KpiRates / TimeToClose fields in report order.
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <utility>

#include "grassroots/analytics/kpi.hpp"
#include "grassroots/calendar/calendar.hpp"

namespace grassroots::python {

namespace py = pybind11;

/// A Python object of the bound type T: the stubs name T rather than object.
template <class T>
struct ObjectOf : py::object {
    using py::object::object;
    ObjectOf() = default;
    explicit ObjectOf(py::object value) : py::object(std::move(value)) {}
    static bool check_(py::handle value) { return py::isinstance<T>(value); }
};

using TreePtr = std::shared_ptr<DivisionTree>;

/// KpiOptions with the calendar it points at (a copy, owned here).
struct OptionsBox {
    KpiOptions options;
    std::optional<Calendar> calendar;
    [[nodiscard]] KpiOptions resolved() const {
        KpiOptions out = options;
        out.calendar = calendar ? &*calendar : nullptr;
        return out;
    }
};

/// The deleter of a CaseTable or report bound to Python: it deletes the object, then lets go of the tree it
/// points at (and of the options a report was computed with). The hold lives in C++, in the shared_ptr
/// that holds the object, so nothing a caller does to attributes can free the tree early (issue 14).
template <class T>
struct Holding {
    TreePtr tree;                                ///< the tree the object points at
    std::shared_ptr<const OptionsBox> options;   ///< a report's options (null for a table)
    void operator()(T* value) const noexcept { delete value; }
};

/// @p value held by a shared_ptr that keeps @p tree (and @p options) alive as long as it lives.
template <class T>
std::shared_ptr<T> holding(T value, TreePtr tree, std::shared_ptr<const OptionsBox> options = nullptr) {
    return std::shared_ptr<T>(new T(std::move(value)), Holding<T>{std::move(tree), std::move(options)});
}

/// What @p value holds; every bound CaseTable and report is made by holding(), so it is never missing.
template <class T>
const Holding<T>& holding_of(const std::shared_ptr<T>& value) {
    const Holding<T>* out = std::get_deleter<Holding<T>>(value);
    if (out == nullptr) throw std::logic_error("a bound analytics object was made without holding()");
    return *out;
}

/// Names and members of KpiCounts, in report order.
inline constexpr std::pair<const char*, std::int64_t KpiCounts::*> count_fields[] = {
    {"cases", &KpiCounts::cases},
    {"deferred", &KpiCounts::deferred},
    {"with_deadline", &KpiCounts::with_deadline},
    {"deferred_with_deadline", &KpiCounts::deferred_with_deadline},
    {"closed", &KpiCounts::closed},
    {"closed_deferred", &KpiCounts::closed_deferred},
    {"closed_after_cutoff", &KpiCounts::closed_after_cutoff},
    {"on_time", &KpiCounts::on_time},
    {"on_time_deferred", &KpiCounts::on_time_deferred},
    {"closed_late", &KpiCounts::closed_late},
    {"overdue_open", &KpiCounts::overdue_open},
    {"rated", &KpiCounts::rated},
    {"responded", &KpiCounts::responded},
    {"resolved", &KpiCounts::resolved},
    {"satisfied", &KpiCounts::satisfied},
    {"reworks", &KpiCounts::reworks},
    {"reworked", &KpiCounts::reworked},
    {"escalations", &KpiCounts::escalations},
};
inline constexpr std::pair<const char*, double KpiRates::*> rate_fields[] = {
    {"closure_rate", &KpiRates::closure},
    {"on_time_closure_rate", &KpiRates::on_time_closure},
    {"response_rate", &KpiRates::response},
    {"resolution_rate", &KpiRates::resolution},
    {"satisfaction_rate", &KpiRates::satisfaction},
    {"rework_rate", &KpiRates::rework},
    {"rework_share", &KpiRates::rework_share},
};
inline constexpr std::pair<const char*, double TimeToClose::*> time_fields[] = {
    {"hours_p50", &TimeToClose::hours_p50},
    {"hours_p90", &TimeToClose::hours_p90},
    {"hours_p95", &TimeToClose::hours_p95},
    {"working_days_p50", &TimeToClose::working_days_p50},
    {"working_days_p90", &TimeToClose::working_days_p90},
    {"working_days_p95", &TimeToClose::working_days_p95},
};

}  // namespace grassroots::python

namespace pybind11::detail {
template <class T>
struct handle_type_name<grassroots::python::ObjectOf<T>> {
    static constexpr auto name = const_name<T>();
};
}  // namespace pybind11::detail
