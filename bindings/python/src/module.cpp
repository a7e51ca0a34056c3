// The extension module grassroots._core; the public API is re-exported by grassroots/__init__.py.
#include "bindings.hpp"

#include "grassroots/version.hpp"

PYBIND11_MODULE(_core, m) {
    namespace gp = grassroots::python;
    m.doc() = "grassroots C++ core (use the grassroots package, not this module)";
    m.attr("__version__") = grassroots::version_string.data();
    gp::bind_errors(m);
    auto division = m.def_submodule("division", "Division codes and the administrative tree (行政层级)");
    gp::bind_division(division);
    auto autonomy = m.def_submodule("autonomy", "The four-level autonomy chain (四级自治组织链条), its rules and meetings");
    gp::bind_autonomy(autonomy);
    auto calendar = m.def_submodule("calendar", "The working-day calendar (工作日): holidays, make-up days (调休), deadlines");
    gp::bind_calendar(calendar);
    auto grid = m.def_submodule("grid", "Grids (网格化服务管理) and grid posts (网格定岗)");
    gp::bind_grid(grid);
    auto workflow = m.def_submodule("workflow", "Closed-loop workflow definitions (闭环流程): states, transitions, deadlines");
    gp::bind_workflow(workflow);
    auto ledger = m.def_submodule("ledger", "The dual ledger (双台账): problems and measures, 销号, reports");
    gp::bind_ledger(ledger);
    auto burden = m.def_submodule("burden", "The burden ledger (减负台账, 小马拉大车) and the burden index");
    gp::bind_burden(burden);
    auto people = m.def_submodule("people", "Community-worker reviews (履职评估), volunteers, 党员回家 and social organisations");
    gp::bind_people(people);
    auto analytics = m.def_submodule("analytics", "KPIs and roll-ups (结案率, 按期结案率, 三率) up the ladder, per grid, matter and time bucket");
    gp::bind_analytics(analytics);
    auto privacy = m.def_submodule("privacy", "Personal information (个人信息): masked identifiers, pseudonyms, the vault's encryption");
    gp::bind_privacy(privacy);
    auto store = m.def_submodule("store", "The durable event store (事件存储) on SQLite: streams, events, appends, reads");
    gp::bind_store(store);
    auto datasets = m.def_submodule("datasets", "Data shipped inside the library");
    gp::bind_datasets(datasets);
}
