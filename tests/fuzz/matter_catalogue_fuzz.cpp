// Fuzzes MatterCatalogue::parse_csv: a catalogue or InvalidInput; an accepted catalogue's to_csv()
// reads back to the same CSV.
#include "fuzz_support.hpp"
#include "grassroots/workflow/matter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    fuzz::expect_value_or_refusal([&] {
        const MatterCatalogue catalogue = MatterCatalogue::parse_csv(fuzz::as_text(data, size), "fuzz.csv");
        const std::string csv = catalogue.to_csv();
        fuzz::require(MatterCatalogue::parse_csv(csv, "written.csv").to_csv() == csv, "to_csv reads back");
    });
    return 0;
}
