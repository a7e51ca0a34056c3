// A review scheme (ReviewRules) and the grade clock (add_months, GradeProgress, next_grade).
// ReviewRules.to_pandas is Python (grassroots/people/_pandas.py).
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "grassroots/people/review.hpp"
#include "casters.hpp"
#include "people/people.hpp"
#include "people/support.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_review_rules(py::module_& m) {
    py::class_<ReviewRules>(m, "ReviewRules",
                            "A review scheme (履职评估办法): indicators, rating bands, the 优秀 quota and the grade clock. "
                            "Numbers are Rules with a single-number IntRange, a source and a verified flag.")
        .def(py::init([](std::string id, std::string title, Date effective_from, std::vector<Indicator> indicators,
                         std::optional<std::vector<Rule>> parameters, std::optional<QuotaOptions> quota) {
                 return ReviewRules(std::move(id), std::move(title), effective_from, std::move(indicators),
                                    parameters ? std::move(*parameters) : ReviewRules::default_parameters(),
                                    quota ? std::move(*quota) : QuotaOptions{});
             }),
             py::arg("id"), py::arg("title"), py::arg("effective_from"), py::arg("indicators"),
             py::arg("parameters") = py::none(), py::arg("quota") = py::none(),
             "A scheme (parameters: default_parameters() when None); InvalidInputError naming the bad item, e.g. "
             "weights that do not sum to 1.")
        .def_static("defaults", &ReviewRules::defaults,
                    "The library's default scheme: six indicators (unverified defaults), bands 90/75/60, at most 20 % "
                    "优秀 per community, a 36-month grade wait (unverified) and the seed's 6 months off per 优秀.")
        .def_static("default_parameters", &ReviewRules::default_parameters, "The default parameters (Rules).")
        .def_static("default_indicators", &ReviewRules::default_indicators, "The six default indicators.")
        .def_property_readonly("id", &ReviewRules::id, "e.g. 'default-2024'.")
        .def_property_readonly("title", &ReviewRules::title, "The scheme's title.")
        .def_property_readonly("effective_from", &ReviewRules::effective_from, "First day in force.")
        .def_property_readonly("indicators", [](const ReviewRules& r) { return copy_of(r.indicators()); },
                               "The indicators (copies).")
        .def_property_readonly("parameters", [](const ReviewRules& r) { return copy_of(r.parameters()); },
                               "The numeric parameters (Rules).")
        .def_property_readonly("quota", &ReviewRules::quota, "The QuotaOptions.")
        .def("indicator", &ReviewRules::indicator, py::arg("id"), "The indicator with this id; NotFoundError.")
        .def("parameter", &ReviewRules::parameter, py::arg("id"), "The parameter Rule with this id; NotFoundError.")
        .def("value", &ReviewRules::value, py::arg("id"), "The number of parameter id.")
        .def("min_score", &ReviewRules::min_score, py::arg("rating"), "The lowest score rated so.")
        .def("rate", &ReviewRules::rate, py::arg("score"), "The Rating band of a score.")
        .def("wait_change_months", &ReviewRules::wait_change_months, py::arg("rating"),
             "Months one review rated so adds to (+) or takes off (−) the grade wait.")
        .def("round_score", &ReviewRules::round_score, py::arg("score"), "A score rounded to score.decimals.")
        .def("override_parameter", &ReviewRules::override_parameter, py::arg("id"), py::arg("value"), py::arg("note"),
             "Replaces a parameter's value; the note says whose rule it is. NotFoundError / InvalidInputError.")
        .def("override_indicators", &ReviewRules::override_indicators, py::arg("indicators"), py::arg("note"),
             "Replaces every indicator (weights must sum to 1); InvalidInputError keeps the old set.")
        .def("set_quota", &ReviewRules::set_quota, py::arg("quota"), "Replaces the QuotaOptions.")
        .def("__repr__", [](const ReviewRules& r) {
            return "<ReviewRules " + r.id() + ": " + r.title() + ", from " + to_string(r.effective_from()) + ", " +
                   std::to_string(r.indicators().size()) + " indicators>";
        });

    m.def("add_months", &add_months, py::arg("date"), py::arg("months"),
          "date plus months calendar months; a day past the month's end becomes its last day.");
    py::class_<GradeProgress> progress_class(m, "GradeProgress", "When a worker reaches the next grade, and why.");
    progress_class.def(py::init([](Date grade_start, std::int64_t standard_wait_months, std::int64_t change_months,
                                   Date next_grade_date, std::string explanation) {
                           return GradeProgress{grade_start, standard_wait_months, change_months, next_grade_date,
                                                std::move(explanation)};
                       }),
                       py::arg("grade_start"), py::arg("standard_wait_months"), py::arg("change_months"),
                       py::arg("next_grade_date"), py::arg("explanation"));
    field(progress_class, "grade_start", &GradeProgress::grade_start, "Reached the current grade.");
    field(progress_class, "standard_wait_months", &GradeProgress::standard_wait_months, "The scheme's wait.");
    field(progress_class, "change_months", &GradeProgress::change_months, "Sum of the changes (−6 per 优秀).");
    field(progress_class, "next_grade_date", &GradeProgress::next_grade_date, "The next grade's date.");
    field(progress_class, "explanation", &GradeProgress::explanation, "The sum in words.");
    add_value_protocol(progress_class,
                       {"grade_start", "standard_wait_months", "change_months", "next_grade_date", "explanation"});
    m.def(
        "next_grade",
        [](const ReviewRules& rules, Date grade_start, const std::vector<Rating>& ratings,
           std::int64_t earlier_change_months) { return next_grade(rules, grade_start, ratings, earlier_change_months); },
        py::arg("rules"), py::arg("grade_start"), py::arg("ratings") = std::vector<Rating>{},
        py::arg("earlier_change_months") = 0,
        "The next grade date for a worker who reached the grade on grade_start and has since been rated ratings.");
}

}  // namespace grassroots::python
