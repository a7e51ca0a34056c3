// The record of a case engine: events spelled out, JSON lines out and back in (replay), Open311.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ostream>

#include <limits>

#include "core/json_reader.hpp"
#include "core/json_writer.hpp"
#include "grassroots/error.hpp"
#include "workflow/engine_impl.hpp"
#include "workflow/event_line_decoder.hpp"

namespace grassroots {

namespace {

using Json = nlohmann::ordered_json;
constexpr std::uint32_t no_index = Event::no_detail;

using detail::JsonReader;
using namespace std::string_view_literals;

CaseInput input_from(const Json& node, const JsonReader& read) {
    read.only_keys(node, "input", {"matter", "workflow", "workflow_version", "point", "unit", "address", "owner", "description",
                                   "priority", "attachments"});
    CaseInput input;
    input.matter = read.text(node, "input", "matter");
    input.workflow = read.text(node, "input", "workflow", false);
    input.workflow_version = static_cast<int>(read.integer(node, "input", "workflow_version", false, IntRange{0, std::numeric_limits<int>::max()}));
    if (node.contains("point")) {
        const Json& point = node.at("point");
        if (!point.is_array() || point.size() != 2 || !point[0].is_number() || !point[1].is_number()) {
            read.fail("input.point", "'point' must be [x, y]");
        }
        input.point = Point{point[0].get<double>(), point[1].get<double>()};
    }
    if (node.contains("unit")) {
        input.unit = read.parsed("input.unit", read.text(node, "input", "unit"), [](const std::string& t) { return DivisionCode::parse(t); });
    }
    input.address = read.text(node, "input", "address", false);
    input.owner = read.text(node, "input", "owner", false);
    input.description = read.text(node, "input", "description", false);
    input.priority = read.parsed("input.priority", read.text(node, "input", "priority"), [](const std::string& t) { return parse_priority(t); });
    if (node.contains("attachments")) {
        const Json& list = node.at("attachments");
        if (!list.is_array()) read.fail("input.attachments", "'attachments' must be an array");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string path = "input.attachments[" + std::to_string(i) + "]";
            read.only_keys(list[i], path, {"name", "media_type", "bytes", "url"});
            input.attachments.push_back(Attachment{read.text(list[i], path, "name"), read.text(list[i], path, "media_type", false),
                                                   read.integer(list[i], path, "bytes", false), read.text(list[i], path, "url", false)});
        }
    }
    return input;
}

/// Writes an event as a JSON line straight into a string, byte for byte as an
/// nlohmann::ordered_json document of its EventRecord would dump it (keys in this order, keys with
/// nothing to say left out), without building the document or the record. Text that is not valid
/// UTF-8 throws InvalidInput naming the event and the key.
class LineWriter {
public:
    LineWriter(const EventView& event, std::string& out, detail::EventForm form = detail::EventForm::line)
        : event_(event), out_(out), form_(form) {}

    void write() {
        out_ += "{\"sequence\":"sv;
        detail::append_json_integer(out_, event_.sequence);
        out_ += ",\"case\":\""sv;
        out_ += event_.case_number();
        out_ += "\",\"kind\":\""sv;
        out_ += to_string(event_.kind);
        out_ += "\",\"at\":\""sv;
        instant(event_.at);
        out_ += '"';
        optional_text("actor", event_.actor);
        optional_text("role", event_.role);
        optional_text("from", event_.from);
        optional_text("to", event_.to);
        optional_text("transition", event_.transition);
        out_ += ",\"rung\":\""sv;
        out_ += to_string(event_.rung);
        out_ += '"';
        optional_text("note", event_.note);
        fields(event_.fields);
        optional_text("reason", event_.reason);
        if (event_.assignment) assignment(*event_.assignment);
        if (event_.input) {
            key("workflow");
            text("workflow", event_.workflow);
            key("workflow_version");
            detail::append_json_integer(out_, event_.workflow_version);
            key("unit");
            text("unit", event_.unit ? event_.unit->str() : std::string());
            optional_text("grid", event_.grid);
            key("input");
            input(*event_.input);
        }
        out_ += '}';
    }

private:
    const EventView& event_;
    std::string& out_;
    detail::EventForm form_;

    void key(std::string_view name) {
        out_ += ",\""sv;
        out_ += name;
        out_ += "\":"sv;
    }

    void text(std::string_view what, std::string_view value) {
        const std::size_t bad = detail::append_json_string(out_, value);
        if (bad != std::string::npos) {
            char byte[8];
            std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(value[bad])));
            throw InvalidInput("event " + std::to_string(event_.sequence) + " of case " + std::string(event_.case_number()) +
                                   ": '" + std::string(what) + "' is not valid UTF-8 (byte " + byte + " at offset " +
                                   std::to_string(bad) + ")",
                               Location{"", 0, std::string(what)});
        }
    }

    void optional_text(std::string_view name, std::string_view value, std::string_view what = {}) {
        if (value.empty()) return;
        key(name);
        text(what.empty() ? name : what, value);
    }

    void instant(Instant at) {
        const auto local = at + china_utc_offset;
        const auto day = std::chrono::floor<std::chrono::days>(local);
        const std::chrono::year_month_day date{day};
        const int year = static_cast<int>(date.year());
        if (year < 0 || year > 9999) {
            out_ += to_string(at);
            return;
        }
        const auto seconds = (local - day).count();
        const auto two = [](char* p, long long value) {
            p[0] = static_cast<char>('0' + value / 10);
            p[1] = static_cast<char>('0' + value % 10);
        };
        char text[] = "0000-00-00T00:00:00+08:00";
        two(text, year / 100);
        two(text + 2, year % 100);
        two(text + 5, static_cast<unsigned>(date.month()));
        two(text + 8, static_cast<unsigned>(date.day()));
        two(text + 11, seconds / 3600);
        two(text + 14, seconds / 60 % 60);
        two(text + 17, seconds % 60);
        out_.append(text, sizeof text - 1);
    }

    // An object of the fields; a name given twice (possible only in replayed records) keeps its
    // first place and its last value, as an ordered_json object assigned field by field does.
    // In the object form (EventForm::object) the same as [name, value] pairs, in that order.
    void fields(std::span<const Field> all) {
        if (all.empty()) return;
        const bool pairs = form_ == detail::EventForm::object;
        key("fields");
        out_ += pairs ? '[' : '{';
        for (std::size_t i = 0; i < all.size(); ++i) {
            const auto same = [&](const Field& f) { return f.name == all[i].name; };
            if (std::any_of(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(i), same)) continue;
            const Field& last = *std::find_if(all.rbegin(), all.rend(), same);
            if (i != 0) out_ += ',';
            if (pairs) out_ += '[';
            text("fields", all[i].name);
            out_ += pairs ? ',' : ':';
            text("fields." + all[i].name, last.value);
            if (pairs) out_ += ']';
        }
        out_ += pairs ? ']' : '}';
    }

    void assignment(const Assignment& a) {
        out_ += ",\"assignment\":{\"primary\":"sv;
        text("assignment.primary", a.primary);
        out_ += ",\"cooperating\":["sv;
        for (std::size_t i = 0; i < a.cooperating.size(); ++i) {
            if (i != 0) out_ += ',';
            text("assignment.cooperating", a.cooperating[i]);
        }
        out_ += "],\"rung\":\""sv;
        out_ += to_string(a.rung);
        out_ += "\",\"territory\":"sv;
        text("assignment.territory", a.territory);
        out_ += ",\"basis\":"sv;
        text("assignment.basis", a.basis);
        if (!a.routed_primary.empty()) {
            out_ += ",\"routed_primary\":"sv;
            text("assignment.routed_primary", a.routed_primary);
        }
        out_ += '}';
    }

    void input(const CaseInput& in) {
        out_ += "{\"matter\":"sv;
        text("input.matter", in.matter);
        optional_text("workflow", in.workflow, "input.workflow");
        if (in.workflow_version != 0) {
            key("workflow_version");
            detail::append_json_integer(out_, in.workflow_version);
        }
        if (in.point) {
            key("point");
            out_ += '[';
            detail::append_json_double(out_, in.point->x);
            out_ += ',';
            detail::append_json_double(out_, in.point->y);
            out_ += ']';
        }
        if (in.unit) {
            key("unit");
            text("input.unit", in.unit->str());
        }
        optional_text("address", in.address, "input.address");
        optional_text("owner", in.owner, "input.owner");
        optional_text("description", in.description, "input.description");
        out_ += ",\"priority\":\""sv;
        out_ += to_string(in.priority);
        out_ += '"';
        if (!in.attachments.empty()) {
            out_ += ",\"attachments\":["sv;
            for (std::size_t i = 0; i < in.attachments.size(); ++i) {
                const Attachment& a = in.attachments[i];
                out_ += i == 0 ? "{\"name\":"sv : ",{\"name\":"sv;
                text("input.attachments.name", a.name);
                out_ += ",\"media_type\":"sv;
                text("input.attachments.media_type", a.media_type);
                out_ += ",\"bytes\":"sv;
                detail::append_json_integer(out_, a.bytes);
                out_ += ",\"url\":"sv;
                text("input.attachments.url", a.url);
                out_ += '}';
            }
            out_ += ']';
        }
        out_ += '}';
    }
};

}  // namespace

void CaseEngine::Impl::check_own(const Event& event) const {
    if (event.sequence >= events.size() || !(events[event.sequence] == event)) {
        throw InvalidInput("event " + std::to_string(event.sequence) + " is not an event of this engine");
    }
}

EventView CaseEngine::Impl::view(const Event& event) const noexcept {
    const std::uint32_t index = event.case_id.value();
    const WorkflowDefinition& definition = *loop_of(index).definition;
    EventView v(event.sequence, event.case_id);
    v.kind = event.kind;
    v.at = event.at;
    if (event.actor.valid()) v.actor = actors[event.actor.value()].id;
    if (event.role != Event::none) v.role = roles[event.role];
    if (event.from != Event::none) v.from = definition.states()[event.from].id;
    if (event.to != Event::none) v.to = definition.states()[event.to].id;
    if (event.transition != Event::none) v.transition = definition.transitions()[event.transition].id;
    v.rung = event.rung;
    if (event.detail != no_index) {
        const detail::EventDetail& d = details[event.detail];
        (event.kind == EventKind::refused ? v.reason : v.note) = d.text;
        v.fields = d.fields;
        if (d.assignment != no_index) v.assignment = &assignments[d.assignment];
    }
    if (event.kind == EventKind::opened) {
        v.input = &inputs[index];
        v.workflow = definition.id();
        v.workflow_version = definition.version();
        v.unit = openings[index].unit;
        v.grid = openings[index].grid;
    }
    return v;
}

EventView CaseEngine::view(const Event& event) const {
    impl_->check_own(event);
    return impl_->view(event);
}

EventRecord CaseEngine::describe(const Event& event) const { return view(event).to_record(); }

void append_json_line(const EventView& event, std::string& out) {
    const std::size_t size = out.size();
    try {
        LineWriter(event, out).write();
    } catch (...) {
        out.resize(size);
        throw;
    }
}

void detail::append_event_object(const EventView& event, std::string& out) {
    const std::size_t size = out.size();
    try {
        LineWriter(event, out, EventForm::object).write();
    } catch (...) {
        out.resize(size);
        throw;
    }
}

void CaseEngine::append_json_line(const Event& event, std::string& out) const { grassroots::append_json_line(view(event), out); }

std::string CaseEngine::to_json_line(const Event& event) const {
    std::string out;
    append_json_line(event, out);
    return out;
}

std::string CaseEngine::to_json_lines() const {
    std::string out;
    for (const Event& event : impl_->events) {
        append_json_line(event, out);
        out += '\n';
    }
    return out;
}

void JsonLinesSink::on_event(const EventView& event) {
    line_.clear();
    append_json_line(event, line_);
    line_ += '\n';
    out_->write(line_.data(), static_cast<std::streamsize>(line_.size()));
}

namespace {

/// Decodes one event (a parsed line) naming what is wrong (InvalidInput at @p read's source, row and
/// the key path): the reference for every refusal of an event line.
EventRecord record_from(const Json& node, const JsonReader& read) {
    read.only_keys(node, "", {"sequence", "case", "kind", "at", "actor", "role", "from", "to", "transition", "rung", "note", "fields",
                              "reason", "assignment", "workflow", "workflow_version", "unit", "grid", "input"});
    EventRecord r;
    const std::int64_t sequence = read.integer(node, "", "sequence", true, IntRange{0, detail::any_int64.max});
    r.sequence = static_cast<std::uint64_t>(sequence);
    r.case_number = read.text(node, "", "case");
    r.kind = read.parsed("kind", read.text(node, "", "kind"), [](const std::string& t) { return parse_event_kind(t); });
    r.at = read.parsed("at", read.text(node, "", "at"), [](const std::string& t) { return parse_instant(t); });
    r.actor = read.text(node, "", "actor", false);
    r.role = read.text(node, "", "role", false);
    r.from = read.text(node, "", "from", false);
    r.to = read.text(node, "", "to", false);
    r.transition = read.text(node, "", "transition", false);
    r.rung = read.parsed("rung", read.text(node, "", "rung"), [](const std::string& t) { return parse_rung(t); });
    r.note = read.text(node, "", "note", false);
    if (node.contains("fields")) {
        const Json& fields = node.at("fields");
        if (!fields.is_object()) read.fail("fields", "'fields' must be an object");
        for (const auto& item : fields.items()) {
            if (!item.value().is_string()) read.fail("fields." + item.key(), "field values must be strings");
            r.fields.push_back(Field{item.key(), item.value().get<std::string>()});
        }
    }
    r.reason = read.text(node, "", "reason", false);
    if (node.contains("assignment")) {
        const Json& a = node.at("assignment");
        read.only_keys(a, "assignment", {"primary", "cooperating", "rung", "territory", "basis", "routed_primary"});
        Assignment assignment;
        assignment.primary = read.text(a, "assignment", "primary");
        if (a.contains("cooperating")) {
            if (!a.at("cooperating").is_array()) read.fail("assignment.cooperating", "'cooperating' must be an array");
            for (const Json& unit : a.at("cooperating")) {
                if (!unit.is_string()) read.fail("assignment.cooperating", "cooperating units must be strings");
                assignment.cooperating.push_back(unit.get<std::string>());
            }
        }
        assignment.rung = read.parsed("assignment.rung", read.text(a, "assignment", "rung"), [](const std::string& t) { return parse_rung(t); });
        assignment.territory = read.text(a, "assignment", "territory", false);
        assignment.basis = read.text(a, "assignment", "basis", false);
        assignment.routed_primary = read.text(a, "assignment", "routed_primary", false);
        r.assignment = std::move(assignment);
    }
    if (r.kind == EventKind::opened) {
        if (!node.contains("input")) read.fail("input", "an opened event needs 'input'");
        r.input = input_from(node.at("input"), read);
        r.workflow = read.text(node, "", "workflow");
        r.workflow_version = static_cast<int>(read.integer(node, "", "workflow_version", true, IntRange{0, std::numeric_limits<int>::max()}));
        r.unit = read.text(node, "", "unit");
        r.grid = read.text(node, "", "grid", false);
    } else if (node.contains("input")) {
        read.fail("input", "only opened events carry 'input'");
    }
    return r;
}

EventRecord checked_record(std::string_view line, const std::string& source, std::size_t line_number) {
    return record_from(detail::parse_json<Json>(line, source, line_number), JsonReader(source, line_number));
}

/// The object form's fields, [[name, value], …], as the line form's object (same order); a name
/// given twice is refused, as the fast decoder hands it back.
void fields_to_object(Json& node, const JsonReader& read) {
    if (!node.is_object() || !node.contains("fields") || !node.at("fields").is_array()) return;
    Json object = Json::object();
    for (const Json& pair : node.at("fields")) {
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string()) read.fail("fields", "'fields' must be [name, value] pairs");
        const std::string name = pair[0].get<std::string>();
        if (object.contains(name)) read.fail("fields." + name, "field '" + name + "' is given twice");
        object[name] = pair[1];
    }
    node["fields"] = std::move(object);
}

}  // namespace

EventRecord detail::checked_event(std::string_view json, EventForm form, const std::string& source, std::size_t row) {
    const JsonReader read(source, row);
    Json node = detail::parse_json<Json>(json, source, row);
    if (form == EventForm::object) fields_to_object(node, read);
    return record_from(node, read);
}

std::vector<EventRecord> CaseEngine::parse_json_lines(std::string_view text, std::string_view source) {
    std::vector<EventRecord> records;
    records.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    detail::FastEventDecoder fast;
    std::size_t line_number = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        EventRecord& record = records.emplace_back();
        if (!fast.decode(line, record)) record = checked_record(line, std::string(source), line_number);
    }
    return records;
}

namespace {

Json open311_request(const CaseState& state, const CaseInput& input, const MatterCatalogue& catalogue,
                     const std::vector<Assignment>& assignments) {
    const MatterType* type = catalogue.find(state.matter);
    const StateDefinition& here = state.definition->states()[state.state];
    Json request = Json::object();
    request["service_request_id"] = CaseEngine::case_number(state.id);
    request["status"] = state.closed ? "closed" : "open";
    request["status_notes"] = here.name.empty() ? here.id : here.name + " (" + here.id + ")";
    request["service_name"] = type != nullptr ? type->name : state.matter;
    request["service_code"] = state.matter;
    request["description"] = input.description;
    request["agency_responsible"] = state.assignment != no_index ? assignments[state.assignment].primary : std::string();
    request["service_notice"] = "";
    request["requested_datetime"] = to_string(state.opened_at);
    request["updated_datetime"] = to_string(state.updated_at);
    request["expected_datetime"] = state.due ? Json(to_string(*state.due)) : Json(nullptr);
    request["address"] = input.address;
    request["address_id"] = state.grid.empty() ? state.unit.str() : state.grid;
    request["zipcode"] = nullptr;
    request["lat"] = input.point ? Json(input.point->y) : Json(nullptr);
    request["long"] = input.point ? Json(input.point->x) : Json(nullptr);
    request["media_url"] = input.attachments.empty() ? Json(nullptr) : Json(input.attachments.front().url);
    return request;
}

}  // namespace

std::string CaseEngine::to_open311() const {
    Json out = Json::array();
    for (const CaseState& state : impl_->cases) {
        out.push_back(open311_request(state, impl_->inputs[state.id.value()], impl_->catalogue, impl_->assignments));
    }
    return out.dump(2);
}

std::string CaseEngine::to_open311(CaseId id) const {
    const CaseState& state = impl_->case_at(id);
    return open311_request(state, impl_->inputs[id.value()], impl_->catalogue, impl_->assignments).dump(2);
}

}  // namespace grassroots
