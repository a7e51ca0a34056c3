// Fuzzes DivisionTree::read_nbs: the input is the five NBS tables separated by form feeds
// (provinces, cities, areas, streets, villages); villages is written as villages.csv.gz when it
// starts with the gzip magic bytes, else as villages.csv.
#include <array>

#include "fuzz_support.hpp"
#include "grassroots/division/tree.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    std::string_view rest = fuzz::as_text(data, size);
    const std::filesystem::path folder = fuzz::scratch_folder() / "nbs";
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    for (const char* table : {"provinces.csv", "cities.csv", "areas.csv", "streets.csv"}) {
        fuzz::write_scratch(std::string("nbs/") + table, fuzz::next_part(rest));
    }
    const bool gzip = rest.starts_with("\x1f\x8b");
    fuzz::write_scratch(gzip ? "nbs/villages.csv.gz" : "nbs/villages.csv", rest);
    fuzz::expect_value_or_refusal([&] { (void)DivisionTree::read_nbs(folder); });
    return 0;
}
