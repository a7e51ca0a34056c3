// Fuzzes the small text parsers every reader uses: parse_date, parse_instant and WorkingHours::parse;
// what is accepted prints as text that reads back to the same value.
#include "fuzz_support.hpp"
#include "grassroots/calendar/working_hours.hpp"
#include "grassroots/core/date.hpp"
#include "grassroots/core/instant.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    const std::string_view text = fuzz::as_text(data, size);
    fuzz::expect_value_or_refusal([&] {
        const Date date = parse_date(text);
        fuzz::require(parse_date(to_string(date)) == date, "to_string(date) reads back");
    });
    fuzz::expect_value_or_refusal([&] {
        const Instant instant = parse_instant(text);
        fuzz::require(parse_instant(to_string(instant)) == instant, "to_string(instant) reads back");
    });
    fuzz::expect_value_or_refusal([&] { (void)WorkingHours::parse(text); });
    return 0;
}
