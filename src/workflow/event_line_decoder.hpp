// Internal: the fast decoder of the case engine's JSON lines (simdjson On-Demand). Not installed.
#pragma once

#include <memory>
#include <string_view>

#include "grassroots/workflow/case.hpp"

namespace grassroots::detail {

/// Decodes event lines as CaseEngine::append_json_line writes them, without building a document.
/// It takes only what the checked reader (CaseEngine::parse_json_lines) accepts — each key once,
/// the right types, known names — and hands anything else back (false), so that the checked
/// reader decodes that line and names what is wrong: one set of refusals and messages.
class FastEventDecoder {
public:
    /// @brief A decoder with its own parser and line buffer (reuse it: both keep their capacity).
    FastEventDecoder();
    /// @brief Frees the parser.
    ~FastEventDecoder();
    FastEventDecoder(const FastEventDecoder&) = delete;
    FastEventDecoder& operator=(const FastEventDecoder&) = delete;

    /// @brief Decodes @p line into @p out; false (with @p out unspecified) when the line is not a
    /// plain well-formed event record.
    bool decode(std::string_view line, EventRecord& out);

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace grassroots::detail
