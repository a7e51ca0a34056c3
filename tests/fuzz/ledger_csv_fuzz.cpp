// Fuzzes DualLedger::parse_csv: the input is problems.csv, measures.csv, links.csv and history.csv
// separated by form feeds. A ledger or InvalidInput; an accepted ledger's tables read back.
#include "fuzz_support.hpp"
#include "grassroots/ledger/ledger.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    std::string_view rest = fuzz::as_text(data, size);
    const std::string_view problems = fuzz::next_part(rest);
    const std::string_view measures = fuzz::next_part(rest);
    const std::string_view links = fuzz::next_part(rest);
    const std::string_view history = rest;
    fuzz::expect_value_or_refusal([&] {
        const DualLedger ledger = DualLedger::parse_csv(problems, measures, links, history);
        const DualLedger again =
            DualLedger::parse_csv(ledger.problems_csv(), ledger.measures_csv(), ledger.links_csv(), ledger.history_csv());
        fuzz::require(again.problems_csv() == ledger.problems_csv(), "the tables read back");
    });
    return 0;
}
