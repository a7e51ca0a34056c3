// Fuzzes Calendar::add_holiday_cn (one holiday-cn JSON document): all or nothing — a refused
// document leaves the calendar without that year.
#include "fuzz_support.hpp"
#include "grassroots/calendar/calendar.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    Calendar calendar;
    try {
        calendar.add_holiday_cn(fuzz::as_text(data, size), "fuzz.json");
        fuzz::require(calendar.published_years().size() <= 1, "one document publishes at most one year");
    } catch (const Error&) {
        fuzz::require(calendar.published_years().empty(), "a refused document adds nothing");
    } catch (const std::exception&) {
        fuzz::expect_value_or_refusal([] { throw; });
    }
    return 0;
}
