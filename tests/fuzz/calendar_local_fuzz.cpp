// Fuzzes Calendar::read_local (`date,working,name` CSV of local overrides): all or nothing — a
// refused file leaves the calendar as it was (no local overrides).
#include "fuzz_support.hpp"
#include "grassroots/calendar/calendar.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    const auto path = fuzz::write_scratch("local.csv", fuzz::as_text(data, size));
    Calendar calendar;
    calendar.set_unpublished(UnpublishedYears::weekday_rule);
    const Date probe = make_date(2026, 10, 1);
    const bool before = calendar.is_working_day(probe);
    try {
        calendar.read_local(path);
    } catch (const Error&) {
        fuzz::require(calendar.is_working_day(probe) == before, "a refused file changes nothing");
    } catch (const std::exception&) {
        fuzz::expect_value_or_refusal([] { throw; });
    }
    return 0;
}
