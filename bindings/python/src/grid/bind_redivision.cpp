// Re-division of grids (网格调整): splits above the household band, merges below it.
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "casters.hpp"
#include "grassroots/error.hpp"
#include "grassroots/grid/redivision.hpp"
#include "grid.hpp"

namespace grassroots::python {

RedivisionView redivision_view(Redivision plan) {
    auto shared = std::make_shared<Redivision>(std::move(plan));
    return RedivisionView{.plan = shared, .households = read_only(array_of(shared->households))};
}

void bind_redivision(py::module_& m) {
    bind_enum<RedivisionChange::Kind>(m, "RedivisionChangeKind", "A split or a merge of grids.");
    const RedivisionOptions default_redivision;
    py::class_<RedivisionOptions> redivision_options_class(m, "RedivisionOptions",
                                                           "How to re-divide: household bands and building adjacency.");
    redivision_options_class.def(py::init([](HouseholdBands bands, double adjacency_m) {
                                     return RedivisionOptions{std::move(bands), adjacency_m};
                                 }),
                                 py::arg("bands") = default_redivision.bands,
                                 py::arg("adjacency_m") = default_redivision.adjacency_m);
    field(redivision_options_class, "bands", &RedivisionOptions::bands, "The HouseholdBands each grid should be in.");
    field(redivision_options_class, "adjacency_m", &RedivisionOptions::adjacency_m,
          "Buildings closer than this many metres are adjacent.");
    add_value_protocol(redivision_options_class, {"bands", "adjacency_m"}, {.hash = false});

    py::class_<RedivisionChange> change_class(m, "RedivisionChange", "One split or merge of grids.");
    change_class.def(py::init([](RedivisionChange::Kind kind, std::vector<GridCode> from, std::vector<GridCode> to) {
                         return RedivisionChange{kind, std::move(from), std::move(to)};
                     }),
                     py::arg("kind"), py::arg("from_"), py::arg("to"));
    field(change_class, "kind", &RedivisionChange::kind, "SPLIT or MERGE.");
    change_class.def_property_readonly(
        "from_", [](const RedivisionChange& c) { return c.from; },
        "GridCodes in the old map (a split: one; a merge: two or more).");
    field(change_class, "to", &RedivisionChange::to, "GridCodes in the new map (a split: two or more; a merge: one).");
    add_value_protocol(change_class, {"kind", "from_", "to"}, {.hash = false});

    py::class_<RedivisionView>(m, "Redivision", "A re-divided map and what changed.")
        .def_property_readonly(
            "map", [](const RedivisionView& r) { return MapPtr(r.plan, &r.plan->map); },
            "The new GridMap.")
        .def_property_readonly(
            "changes", [](const RedivisionView& r) { return r.plan->changes; },
            "RedivisionChanges: splits in old code order, then merges in new code order.")
        .def_readonly("households", &RedivisionView::households,
                      "int64 array of households per grid of the new map, counted from the buildings; read-only.")
        .def_property_readonly(
            "remaining", [](const RedivisionView& r) { return r.plan->remaining; },
            "BandFindings (ids in the new map) for the unit's grids still out of band, with why.")
        .def("__repr__", [](const RedivisionView& r) {
            return "<Redivision: " + plural(r.plan->map.size(), "grid") + ", " +
                   plural(r.plan->changes.size(), "change") + ", " + std::to_string(r.plan->remaining.size()) +
                   " still out of band>";
        });
    m.def(
        "redivide",
        [](const GridMap& map, const UnitArgument& unit, const DoubleArray& buildings, const CountArray& households,
           const std::optional<HouseholdBands>& bands, double adjacency_m) {
            const DivisionCode code = to_code(unit);
            if (buildings.ndim() != 2 || buildings.shape(1) != 2) {
                throw InvalidInput("redivide: buildings must be an (N, 2) array of x, y; got shape " +
                                   shape_text(buildings));
            }
            std::vector<Point> points(static_cast<std::size_t>(buildings.shape(0)));
            const double* xy = buildings.data();
            for (std::size_t i = 0; i < points.size(); ++i) points[i] = {xy[2 * i], xy[2 * i + 1]};
            if (households.ndim() != 1) {
                throw InvalidInput("redivide: households must be a 1-D array; got shape " + shape_text(households));
            }
            RedivisionOptions options;
            if (bands) options.bands = *bands;
            options.adjacency_m = adjacency_m;
            Redivision result;
            {
                const py::gil_scoped_release release;
                result = redivide(map, code, points, view(households), options);
            }
            return redivision_view(std::move(result));
        },
        py::arg("map"), py::arg("unit"), py::arg("buildings"), py::arg("households"), py::kw_only(),
        py::arg("bands") = py::none(), py::arg("adjacency_m") = default_redivision.adjacency_m,
        "Re-divides the grids of a community or village (str or DivisionCode) so that each is in its household "
        "band: grids above it are cut by axis-parallel lines at household-weighted cuts while the buildings on "
        "each side stay connected (buildings closer than adjacency_m are adjacent), grids below it are merged "
        "with a neighbour of the unit when the total stays within the band. Unchanged grids keep their codes; new "
        "grids take the smallest free sequence numbers, north→south then west→east. buildings: (N, 2) array; "
        "households: N int64 counts; bands: HouseholdBands (None: the defaults).");
}

}  // namespace grassroots::python
