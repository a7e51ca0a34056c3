// ConveningRequest, ConveningResult and check_convening(): the right to have a meeting convened.
#include <pybind11/stl.h>

#include <cstdint>
#include <string>
#include <vector>

#include "autonomy/autonomy.hpp"
#include "autonomy/support.hpp"
#include "casters.hpp"
#include "grassroots/autonomy/meeting.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_convening(py::module_& m) {
    py::class_<ConveningRequest> request_class(m, "ConveningRequest", "A request to convene a meeting (提议召集).");
    request_class.def(py::init([](MeetingKind kind, Date date, std::vector<PersonId> residents,
                            std::vector<std::uint32_t> households, std::vector<GroupId> groups,
                            std::vector<PersonId> representatives) {
                    return ConveningRequest{.kind = kind, .date = date, .residents = std::move(residents),
                                            .households = std::move(households), .groups = std::move(groups),
                                            .representatives = std::move(representatives)};
                }),
                py::arg("kind"), py::arg("date"), py::arg("residents") = std::vector<PersonId>{},
                py::arg("households") = std::vector<std::uint32_t>{}, py::arg("groups") = std::vector<GroupId>{},
                py::arg("representatives") = std::vector<PersonId>{});
    field(request_class, "kind", &ConveningRequest::kind, "The meeting asked for.");
    field(request_class, "date", &ConveningRequest::date, "When the request was made.");
    field(request_class, "residents", &ConveningRequest::residents, "Person ids of adults who signed.");
    field(request_class, "households", &ConveningRequest::households, "Household numbers that asked.");
    field(request_class, "groups", &ConveningRequest::groups, "Group ids of groups that asked.");
    field(request_class, "representatives", &ConveningRequest::representatives,
          "Person ids of representatives who signed.");
    add_value_protocol(request_class, {"kind", "date", "residents", "households", "groups", "representatives"},
                       {.hash = false});

    py::class_<ConveningResult> convening_class(m, "ConveningResult",
                                                "Whether the committee must convene, and by which criterion.");
    convening_class.def(py::init([](bool must_convene, std::string met_rule, std::string explanation) {
                      return ConveningResult{.must_convene = must_convene, .met_rule = std::move(met_rule),
                                             .explanation = std::move(explanation)};
                  }),
                  py::arg("must_convene"), py::arg("met_rule"), py::arg("explanation"));
    field(convening_class, "must_convene", &ConveningResult::must_convene, "At least one criterion is met.");
    field(convening_class, "met_rule", &ConveningResult::met_rule, "Id of the first criterion met ('' if none).");
    field(convening_class, "explanation", &ConveningResult::explanation, "Each criterion with its numbers.");
    add_value_protocol(convening_class, {"must_convene", "met_rule", "explanation"});

    m.def(
        "check_convening",
        [](const AutonomyChain& chain, const RuleSetRef& rules, const ConveningRequest& request) {
            return check_convening(chain, rules.get(), request);
        },
        py::arg("chain"), py::arg("rules"), py::arg("request"),
        "Applies the convening rights (residents' meeting: ≥ 1/5 adults, ≥ 1/5 households or ≥ 1/3 groups; …). "
        "Raises like hold_meeting() for ineligible or unknown requesters.");
}

}  // namespace grassroots::python
