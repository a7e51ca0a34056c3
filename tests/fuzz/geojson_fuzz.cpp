// Fuzzes GridMapBuilder::from_geojson and build(): a grid map or InvalidInput; an accepted map
// writes GeoJSON that reads back to a map with as many grids.
#include "fuzz_support.hpp"
#include "grassroots/grid/grid_map.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    fuzz::expect_value_or_refusal([&] {
        const GridMap map = GridMapBuilder::from_geojson(fuzz::as_text(data, size), "fuzz.geojson").build();
        const GridMap again = GridMapBuilder::from_geojson(map.to_geojson(), "written.geojson").build();
        fuzz::require(again.size() == map.size(), "to_geojson → from_geojson keeps every grid");
    });
    return 0;
}
