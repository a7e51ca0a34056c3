// People, performance and participation: community-worker reviews (履职评估) with their rules,
// evidence, scores, ratings, quotas and the grade clock; volunteers, teams, projects and service
// hours; party members registered where they live (党员回家); community social organisations and
// the share of households taking part.
//
// Value types (workers, indicators, scores, totals) are read-only copies with the value protocol;
// the registries (Workforce, ReviewEvidence, VolunteerRegistry, …) are mutable objects. Ids are
// plain ints, division codes are given as str or DivisionCode, dates as datetime.date. The pandas
// views are Python (grassroots/people/_pandas.py).
#include "bindings.hpp"
#include "people/people.hpp"

namespace grassroots::python {

void bind_people(py::module_& m) {
    bind_review_enums(m);
    bind_workforce(m);
    bind_review_evidence(m);
    bind_scoring(m);
    bind_review_rules(m);
    bind_review_outcome(m);
    bind_volunteers(m);
    bind_party_members(m);
    bind_social_organisations(m);
}

}  // namespace grassroots::python
