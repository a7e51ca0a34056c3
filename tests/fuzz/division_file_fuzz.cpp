// Fuzzes DivisionTree::read_csv on a file of any bytes: plain or gzip (read by its magic bytes),
// truncated or corrupt streams included. A tree, InvalidInput or FileError; nothing else.
#include "fuzz_support.hpp"
#include "grassroots/division/tree.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    const auto path = fuzz::write_scratch("divisions.csv.gz", fuzz::as_text(data, size));
    fuzz::expect_value_or_refusal([&] { (void)DivisionTree::read_csv(path); });
    return 0;
}
