// Fuzzes parse_household_points (`id,lon,lat[,households]` or `id,x,y[,households]` CSV).
#include "fuzz_support.hpp"
#include "grassroots/grid/households.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    fuzz::expect_value_or_refusal([&] {
        const HouseholdPoints points = parse_household_points(fuzz::as_text(data, size), "fuzz.csv");
        fuzz::require(points.ids.size() == points.size() && points.households.size() == points.size(),
                      "one id and one count per point");
    });
    return 0;
}
