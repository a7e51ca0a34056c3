// The fast decoder of event lines: simdjson On-Demand straight into an EventRecord. Anything it
// does not take is handed back to the checked reader (engine_io.cpp), which names the error.
#include "workflow/event_line_decoder.hpp"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "core/quote.hpp"
#include "grassroots/core/instant.hpp"
#include "grassroots/error.hpp"
#include "grassroots/workflow/routing.hpp"

namespace grassroots::detail {

namespace {

using simdjson::ondemand::array;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

/// Thrown inside the decoder for a line it hands back to the checked reader.
struct HandBack {};

void need(bool ok) {
    if (!ok) throw HandBack{};
}

/// The index of @p key in @p keys; hands back an unknown key.
template <std::size_t N>
unsigned key_index(std::string_view key, const std::array<std::string_view, N>& keys) {
    // Size and first byte before the comparison: most keys differ there (a profile's hot spot).
    const auto* found = std::find_if(keys.begin(), keys.end(), [&](std::string_view k) {
        return k.size() == key.size() && !key.empty() && k.front() == key.front() && k == key;
    });
    need(found != keys.end());
    return static_cast<unsigned>(found - keys.begin());
}

/// Marks key @p index seen in @p seen; hands back a key given twice (the checked reader keeps the last).
void first_time(unsigned index, std::uint32_t& seen) {
    need((seen & (1U << index)) == 0);
    seen |= 1U << index;
}

std::string_view text(value v) { return std::string_view(v.get_string()); }

std::int64_t integer(value v) { return std::int64_t(v.get_int64()); }

/// A workflow version: an int from 0 up (a wider number hands the line back, as the checked reader refuses it).
int version_number(value v) {
    const std::int64_t n = integer(v);
    need(n >= 0 && n <= std::numeric_limits<int>::max());
    return static_cast<int>(n);
}

bool has(std::uint32_t seen, unsigned index) { return (seen & (1U << index)) != 0; }

/// Calls @p visit(index, value) for each key of @p all, in order; an unknown key or one given twice
/// hands the line back. Returns the keys seen (bit i: keys[i]).
template <std::size_t N, class Visit>
std::uint32_t each_key(object all, const std::array<std::string_view, N>& keys, Visit&& visit) {
    std::uint32_t seen = 0;
    for (auto item : all) {
        const unsigned index = key_index(item.unescaped_key(), keys);
        first_time(index, seen);
        visit(index, value(item.value()));
    }
    return seen;
}

enum Top : unsigned { sequence, case_number, kind, at, actor, role, from, to, transition, rung, note, fields, reason,
                      assignment, workflow, workflow_version, unit, grid, input };
constexpr std::array<std::string_view, 19> top_keys{"sequence", "case", "kind", "at", "actor", "role", "from",
                                                    "to", "transition", "rung", "note", "fields", "reason",
                                                    "assignment", "workflow", "workflow_version", "unit", "grid", "input"};

/// Adds field @p name = @p value to @p out; hands back a name given twice.
void add_field(std::string_view name, std::string_view value, std::vector<Field>& out) {
    need(std::none_of(out.begin(), out.end(), [&](const Field& f) { return f.name == name; }));
    out.push_back(Field{std::string(name), std::string(value)});
}

/// The line form's fields: an object.
void decode_fields(object all, std::vector<Field>& out) {
    for (auto item : all) {
        const std::string_view name = item.unescaped_key();
        add_field(name, text(item.value()), out);
    }
}

/// The object form's fields: [name, value] pairs.
void decode_field_pairs(array all, std::vector<Field>& out) {
    for (value pair : all) {
        std::array<std::string_view, 2> both{};
        std::size_t count = 0;
        for (value part : array(pair.get_array())) {
            need(count < 2);
            both[count++] = text(part);  // views into the parser's string buffer, valid for this document
        }
        need(count == 2);
        add_field(both[0], both[1], out);
    }
}

Assignment decode_assignment(object all) {
    enum Key : unsigned { primary, cooperating, rung_key, territory, basis, routed_primary };
    constexpr std::array<std::string_view, 6> keys{"primary", "cooperating", "rung", "territory", "basis", "routed_primary"};
    Assignment a;
    const std::uint32_t seen = each_key(all, keys, [&](unsigned index, value v) {
        switch (index) {
            case primary: a.primary = text(v); break;
            case cooperating:
                for (value unit : array(v.get_array())) a.cooperating.emplace_back(text(unit));
                break;
            case rung_key: a.rung = parse_rung(text(v)); break;
            case territory: a.territory = text(v); break;
            case basis: a.basis = text(v); break;
            default: a.routed_primary = text(v); break;
        }
    });
    need(has(seen, primary) && has(seen, rung_key));
    return a;
}

Attachment decode_attachment(object all) {
    constexpr std::array<std::string_view, 4> keys{"name", "media_type", "bytes", "url"};
    Attachment a;
    const std::uint32_t seen = each_key(all, keys, [&](unsigned index, value v) {
        switch (index) {
            case 0: a.name = text(v); break;
            case 1: a.media_type = text(v); break;
            case 2: a.bytes = integer(v); break;
            default: a.url = text(v); break;
        }
    });
    need(has(seen, 0));
    return a;
}

Point decode_point(array xy) {
    std::array<double, 2> at{};
    std::size_t count = 0;
    for (value coordinate : xy) {
        need(count < 2);
        at[count++] = double(coordinate.get_double());
    }
    need(count == 2);
    return Point{at[0], at[1]};
}

CaseInput decode_input(object all) {
    enum Key : unsigned { matter, workflow_key, version, point, unit_key, address, owner, description, priority, attachments };
    constexpr std::array<std::string_view, 10> keys{"matter", "workflow", "workflow_version", "point", "unit",
                                                    "address", "owner", "description", "priority", "attachments"};
    CaseInput in;
    const std::uint32_t seen = each_key(all, keys, [&](unsigned index, value v) {
        switch (index) {
            case matter: in.matter = text(v); break;
            case workflow_key: in.workflow = text(v); break;
            case version: in.workflow_version = version_number(v); break;
            case point: in.point = decode_point(v.get_array()); break;
            case unit_key: in.unit = DivisionCode::parse(text(v)); break;
            case address: in.address = text(v); break;
            case owner: in.owner = text(v); break;
            case description: in.description = text(v); break;
            case priority: in.priority = parse_priority(text(v)); break;
            default:
                for (value file : array(v.get_array())) in.attachments.push_back(decode_attachment(file.get_object()));
                break;
        }
    });
    need(has(seen, matter) && has(seen, priority));
    return in;
}

/// One top-level key's value (spelt in @p form) into @p r.
void decode_top(unsigned index, value v, EventForm form, EventRecord& r) {
    switch (index) {
        case sequence: {
            const std::int64_t n = integer(v);
            need(n >= 0);
            r.sequence = static_cast<std::uint64_t>(n);
            break;
        }
        case case_number: r.case_number = text(v); break;
        case kind: r.kind = parse_event_kind(text(v)); break;
        case at: r.at = parse_instant(text(v)); break;
        case actor: r.actor = text(v); break;
        case role: r.role = text(v); break;
        case from: r.from = text(v); break;
        case to: r.to = text(v); break;
        case transition: r.transition = text(v); break;
        case rung: r.rung = parse_rung(text(v)); break;
        case note: r.note = text(v); break;
        case fields:
            if (form == EventForm::object) {
                decode_field_pairs(v.get_array(), r.fields);
            } else {
                decode_fields(v.get_object(), r.fields);
            }
            break;
        case reason: r.reason = text(v); break;
        case assignment: r.assignment = decode_assignment(v.get_object()); break;
        case workflow: r.workflow = text(v); break;
        case workflow_version: r.workflow_version = version_number(v); break;
        case unit: r.unit = text(v); break;
        case grid: r.grid = text(v); break;
        default: r.input = decode_input(v.get_object()); break;
    }
}

/// Empties @p r for the next event, keeping the capacity of its strings and fields (decoding into
/// reused records then allocates little).
void clear_record(EventRecord& r) {
    r.sequence = 0;
    r.kind = EventKind::opened;
    r.at = Instant{};
    r.rung = Rung::community;
    r.workflow_version = 0;
    for (std::string* text : {&r.case_number, &r.actor, &r.role, &r.from, &r.to, &r.transition, &r.note, &r.reason,
                              &r.workflow, &r.unit, &r.grid}) {
        text->clear();
    }
    r.fields.clear();
    r.assignment.reset();
    r.input.reset();
}

/// The keys an event of its kind must have, and those only an opened event may have.
void check_keys(std::uint32_t seen, const EventRecord& r) {
    constexpr std::uint32_t required = 1U << sequence | 1U << case_number | 1U << kind | 1U << at | 1U << rung;
    constexpr std::uint32_t opening = 1U << workflow | 1U << workflow_version | 1U << unit | 1U << grid | 1U << input;
    constexpr std::uint32_t opening_required = opening & ~(1U << grid);
    need((seen & required) == required);
    need(r.kind == EventKind::opened ? (seen & opening_required) == opening_required : (seen & opening) == 0);
}

}  // namespace

struct FastEventDecoder::State {
    simdjson::ondemand::parser parser;
    std::vector<char> buffer;  // the line and simdjson's padding
};

FastEventDecoder::FastEventDecoder() : state_(std::make_unique<State>()) {}
FastEventDecoder::~FastEventDecoder() = default;

bool FastEventDecoder::decode(std::string_view line, EventRecord& out, EventForm form) {
    // simdjson refuses raw control bytes in strings, as the checked reader does.
    // Bidirectional controls are the checked reader's to refuse (detail::parse_json).
    if (bidi_control_at(line)) return false;
    std::vector<char>& buffer = state_->buffer;
    if (buffer.size() < line.size() + simdjson::SIMDJSON_PADDING) buffer.resize(line.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(buffer.data(), line.data(), line.size());
    try {
        clear_record(out);
        auto document = state_->parser.iterate(buffer.data(), line.size(), buffer.size());
        const std::uint32_t seen =
            each_key(object(document.get_object()), top_keys, [&](unsigned index, value v) { decode_top(index, v, form, out); });
        need(document.current_location().error() == simdjson::OUT_OF_BOUNDS);  // nothing after the object
        check_keys(seen, out);
        return true;
    } catch (const HandBack&) {
        return false;
    } catch (const simdjson::simdjson_error&) {
        return false;
    } catch (const Error&) {  // a name parse_* refused
        return false;
    }
}

}  // namespace grassroots::detail
