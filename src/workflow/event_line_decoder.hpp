// Internal: the fast decoder of the case engine's JSON lines (simdjson On-Demand). Not installed.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "grassroots/workflow/case.hpp"

namespace grassroots::detail {

/// @brief How an event is spelt in JSON. `line`: CaseEngine::append_json_line's line, fields as an
/// object in their order. `object`: the store's payload of a case event — the same keys, fields as
/// [name, value] pairs, because a store's canonical JSON sorts object keys and fields keep their order.
enum class EventForm { line, object };

/// @brief Appends @p event in the object form (the line's keys; fields as [name, value] pairs) to @p out.
void append_event_object(const EventView& event, std::string& out);

/// @brief Decodes one event in @p form with the checked reader: InvalidInput at @p source, @p row and
/// the key path for anything wrong (the reference for refusals; FastEventDecoder hands such back).
EventRecord checked_event(std::string_view json, EventForm form, const std::string& source, std::size_t row);

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

    /// @brief Decodes @p line (spelt in @p form) into @p out; false (with @p out unspecified) when the line is not a
    /// plain well-formed event record.
    bool decode(std::string_view line, EventRecord& out, EventForm form = EventForm::line);

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace grassroots::detail
