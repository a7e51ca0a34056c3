// Fuzzes CaseEngine::restore (the binary snapshot the store caches): a restored engine or
// InvalidInput that leaves the engine without cases. A restored engine describes every event (JSON
// lines, Open311), and its snapshot restores to an engine whose snapshot is the same bytes.
#include "engine_fixture.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    CaseEngine engine = fuzz::make_engine();
    try {
        engine.restore(fuzz::as_text(data, size));
    } catch (const Error&) {
        fuzz::require(engine.events().empty(), "a refused snapshot leaves no cases");
        return 0;
    } catch (const std::exception&) {
        fuzz::expect_value_or_refusal([] { throw; });
    }
    fuzz::expect_value_or_refusal([&] {
        (void)engine.to_json_lines();
        (void)engine.to_open311();
        const std::string snapshot = engine.snapshot();
        CaseEngine again = fuzz::make_engine();
        again.restore(snapshot);
        fuzz::require(again.snapshot() == snapshot, "snapshot → restore → snapshot gives the same bytes");
    });
    return 0;
}
