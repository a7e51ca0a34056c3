// Fuzzes DivisionTree::parse_csv (`code,name,level,parent_code`): a tree or InvalidInput, and an
// accepted tree writes CSV that reads back to a tree of the same units.
#include <sstream>

#include "fuzz_support.hpp"
#include "grassroots/division/tree.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    fuzz::expect_value_or_refusal([&] {
        const DivisionTree tree = DivisionTree::parse_csv(fuzz::as_text(data, size), "fuzz.csv");
        std::ostringstream out;
        tree.write_csv(out);
        const DivisionTree again = DivisionTree::parse_csv(out.str(), "written.csv");
        fuzz::require(again.size() == tree.size(), "write_csv → parse_csv keeps every unit");
    });
    return 0;
}
