// Fuzzes BurdenLedger::parse_csv: items.csv and staff.csv separated by a form feed. A ledger or
// InvalidInput; an accepted ledger's tables read back.
#include "fuzz_support.hpp"
#include "grassroots/burden/burden.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    std::string_view rest = fuzz::as_text(data, size);
    const std::string_view items = fuzz::next_part(rest);
    fuzz::expect_value_or_refusal([&] {
        const BurdenLedger ledger = BurdenLedger::parse_csv(items, rest);
        const BurdenLedger again = BurdenLedger::parse_csv(ledger.items_csv(), ledger.staff_csv());
        fuzz::require(again.items_csv() == ledger.items_csv() && again.staff_csv() == ledger.staff_csv(),
                      "the tables read back");
    });
    return 0;
}
