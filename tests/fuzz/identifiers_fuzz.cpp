// Fuzzes the identifier parsers and screening: CitizenId::parse (居民身份证号码), PhoneNumber::parse
// and find_identifier (free text screened for identifiers before it is stored).
#include "fuzz_support.hpp"
#include "grassroots/core/date.hpp"
#include "grassroots/privacy/identity.hpp"
#include "grassroots/privacy/screening.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    const std::string_view text = fuzz::as_text(data, size);
    fuzz::expect_value_or_refusal([&] { (void)CitizenId::parse(text, make_date(2026, 12, 7)); });
    fuzz::expect_value_or_refusal([&] { (void)PhoneNumber::parse(text); });
    fuzz::expect_value_or_refusal([&] { (void)find_identifier(text); });
    return 0;
}
