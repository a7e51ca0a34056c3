// The store (issue 13): a durable event store on SQLite. Payloads are dicts on the Python side and
// canonical JSON in the store; times are datetimes in UTC. The pandas view is Python
// (grassroots/store/_pandas.py).
#include "bindings.hpp"
#include "store/store.hpp"

namespace grassroots::python {

void bind_store(py::module_& m) {
    bind_store_events(m);
    bind_store_chain(m);
    bind_store_class(m);
    bind_stored_engine(m);
    bind_vault(m);
    bind_store_objects(m);
}

}  // namespace grassroots::python
