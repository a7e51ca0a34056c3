// Fuzzes DivisionCode::parse (division codes at their natural length or padded, with a level):
// any bytes give a code or InvalidInput, and an accepted code reads back from what it prints.
#include "fuzz_support.hpp"
#include "grassroots/division/code.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    const std::string_view text = fuzz::as_text(data, size);
    fuzz::expect_value_or_refusal([&] {
        const DivisionCode code = DivisionCode::parse(text);
        fuzz::require(DivisionCode::parse(code.str()) == code, "parse(str()) gives the code back");
        fuzz::require(DivisionCode::parse(code.padded_str(), code.level()) == code, "padded form reads back");
        fuzz::require(DivisionCode::from_key(code.key()) == code, "from_key(key()) gives the code back");
    });
    for (const Level level : {Level::province, Level::village}) {
        fuzz::expect_value_or_refusal([&] { (void)DivisionCode::parse(text, level); });
    }
    return 0;
}
