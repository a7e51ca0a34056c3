// Fuzzes anchors_from_json_lines (the store's chain anchors kept outside the database): anchors or
// InvalidInput; each accepted anchor writes a line that reads back to it.
#include "fuzz_support.hpp"
#include "grassroots/store/chain.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    fuzz::expect_value_or_refusal([&] {
        for (const Anchor& anchor : anchors_from_json_lines(fuzz::as_text(data, size))) {
            fuzz::require(anchor_from_json(anchor_to_json(anchor)) == anchor, "anchor_to_json reads back");
        }
    });
    return 0;
}
