// Fuzzes the review's readers: Workforce::parse_csv and ReviewEvidence::parse_csv over the same bytes.
#include "fuzz_support.hpp"
#include "grassroots/people/review.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    const std::string_view text = fuzz::as_text(data, size);
    fuzz::expect_value_or_refusal([&] { (void)Workforce::parse_csv(text, "workers.csv"); });
    fuzz::expect_value_or_refusal([&] { (void)ReviewEvidence::parse_csv(text, "evidence.csv"); });
    return 0;
}
