// Fuzzes the store's canonical_json (payloads are canonicalised on append): canonical text or
// InvalidInput, and canonicalising is idempotent.
#include "fuzz_support.hpp"
#include "grassroots/store/store.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    fuzz::expect_value_or_refusal([&] {
        const std::string canonical = canonical_json(fuzz::as_text(data, size));
        fuzz::require(canonical_json(canonical) == canonical, "canonical_json is idempotent");
    });
    return 0;
}
