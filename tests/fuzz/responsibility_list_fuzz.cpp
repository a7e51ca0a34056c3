// Fuzzes ResponsibilityList::parse_csv: a list or InvalidInput; an accepted list's to_csv() reads
// back to the same CSV.
#include "fuzz_support.hpp"
#include "grassroots/workflow/routing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    fuzz::expect_value_or_refusal([&] {
        const ResponsibilityList list = ResponsibilityList::parse_csv(fuzz::as_text(data, size), "fuzz.csv");
        const std::string csv = list.to_csv();
        fuzz::require(ResponsibilityList::parse_csv(csv, "written.csv").to_csv() == csv, "to_csv reads back");
    });
    return 0;
}
