// Personal information: residents' identifiers shown only masked, keyed pseudonyms and the
// vault's authenticated encryption. Keys, plaintexts and ciphertexts are bytes.
#include "privacy/privacy.hpp"

namespace grassroots::python {

void bind_privacy(py::module_& m) {
    bind_identity(m);
    bind_crypto(m);
    bind_secret_key(m);
}

}  // namespace grassroots::python
