// Fuzzes WorkflowDefinition::from_json: a definition or InvalidInput, and an accepted definition
// writes JSON that reads back to the same JSON.
#include "fuzz_support.hpp"
#include "grassroots/workflow/definition.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace grassroots;
    fuzz::expect_value_or_refusal([&] {
        const WorkflowDefinition definition = WorkflowDefinition::from_json(fuzz::as_text(data, size), "fuzz.json");
        const std::string json = definition.to_json();
        fuzz::require(WorkflowDefinition::from_json(json, "written.json").to_json() == json,
                      "to_json → from_json → to_json is stable");
    });
    return 0;
}
