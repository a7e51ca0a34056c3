// Fuzzes the engine's record: CaseEngine::parse_json_lines, then replay() into an engine with the
// seed setup. Records or InvalidInput; a refused replay leaves the engine without cases (and usable).
#include "engine_fixture.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    fuzz::expect_value_or_refusal([&] {
        const std::vector<EventRecord> records = CaseEngine::parse_json_lines(fuzz::as_text(data, size), "fuzz.jsonl");
        CaseEngine engine = fuzz::make_engine();
        try {
            engine.replay(records);
        } catch (const Error&) {
            fuzz::require(engine.events().empty(), "a refused replay leaves no cases");
            throw;
        }
        fuzz::require(CaseEngine::parse_json_lines(engine.to_json_lines()).size() == records.size(),
                      "what was replayed is recorded again");
    });
    return 0;
}
