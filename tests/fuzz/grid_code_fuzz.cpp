// Fuzzes GridCode::parse (14-digit unit-grid codes): a code or InvalidInput, and an accepted code
// is the code make() gives for its unit and sequence.
#include "fuzz_support.hpp"
#include "grassroots/grid/code.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    fuzz::expect_value_or_refusal([&] {
        const GridCode code = GridCode::parse(fuzz::as_text(data, size));
        const GridCode made = GridCode::make(code.unit(), code.sequence());
        fuzz::require(made == code && made.str() == code.str(), "make(unit(), sequence()) gives the code back");
    });
    return 0;
}
