// A case engine persisted in a store: a sink collects each operation's events, the operation's end
// writes them in one transaction, and a failed write rebuilds the engine from the store.
#include "grassroots/store/stored_engine.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <exception>
#include <iterator>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "grassroots/error.hpp"
#include "workflow/event_line_decoder.hpp"

namespace grassroots {

namespace {

using Json = nlohmann::json;

constexpr std::string_view engine_stream = "engine";
constexpr std::string_view snapshot_name = "case-engine";  // the snapshots' name in the store

bool is_setup_kind(std::string_view kind) {
    return kind == "workflow" || kind == "catalogue" || kind == "responsibility_list" || kind == "actor" || kind == "calendar";
}
constexpr std::int64_t load_chunk = 65536;  // events read from the store at a time
constexpr std::size_t replay_batch = 4096;  // records decoded, then replayed, at a time (they stay in cache)
constexpr std::string_view line_head = "{\"line\":\"";  // a case event written before the object form

std::string event_id(const std::string& stream, std::int64_t version) { return stream + "/" + std::to_string(version); }

std::int64_t micros(Instant at) { return static_cast<std::int64_t>(at.time_since_epoch().count()) * 1000000; }

template <class Enum>
Enum enum_from(std::string_view name, std::string_view what) {
    for (const auto& entry : enum_names(Enum{})) {
        if (entry.name == name) return entry.value;
    }
    throw InvalidInput("stored engine: unknown " + std::string(what) + " '" + std::string(name) + "'");
}

Json deadline_json(const Deadline& deadline) {
    return Json{{"kind", std::string(to_string(deadline.kind()))}, {"amount", deadline.amount()}};
}

Deadline deadline_from(const Json& node) {
    const auto kind = enum_from<DeadlineKind>(node.at("kind").get<std::string>(), "deadline kind");
    const auto amount = node.at("amount").get<std::int64_t>();
    switch (kind) {
        case DeadlineKind::elapsed: return Deadline::elapsed(std::chrono::minutes(amount));
        case DeadlineKind::working_hours: return Deadline::working_hours(std::chrono::minutes(amount));
        case DeadlineKind::working_days: break;
    }
    return Deadline::working_days(amount);
}

Json actor_json(const Actor& actor) {
    return Json{{"id", actor.id},     {"name", actor.name},
                {"roles", actor.roles}, {"scope", actor.scope ? Json(actor.scope->str()) : Json(nullptr)},
                {"grid", actor.grid}, {"unit", actor.unit}, {"person", actor.person}};
}

Actor actor_from(const Json& node) {
    Actor actor;
    actor.id = node.at("id").get<std::string>();
    actor.name = node.at("name").get<std::string>();
    actor.roles = node.at("roles").get<std::vector<std::string>>();
    if (!node.at("scope").is_null()) actor.scope = DivisionCode::parse(node.at("scope").get<std::string>());
    actor.grid = node.at("grid").get<std::string>();
    actor.unit = node.at("unit").get<std::string>();
    if (node.contains("person")) actor.person = node.at("person").get<std::string>();  // absent in older stores: the id
    return actor;
}

/// Appends the engine's JSON line held in a case event's payload of the older form {"line":"…"} to
/// @p out, unescaping the JSON string (the store wrote it with nlohmann's escapes).
void append_line(std::string_view payload, std::string& out) {
    if (!payload.starts_with(line_head) || !payload.ends_with("\"}")) {
        throw InvalidInput("stored engine: a case event's payload is not {\"line\": …}");
    }
    const char* p = payload.data() + line_head.size();
    const char* end = payload.data() + payload.size() - 2;
    auto hex4 = [&](const char* at) {
        unsigned value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = at[i];
            value = value * 16 + static_cast<unsigned>(c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c - 'A' + 10);
        }
        return value;
    };
    auto utf8 = [&](unsigned code) {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    };
    while (p < end) {
        const char* slash = static_cast<const char*>(std::memchr(p, '\\', static_cast<std::size_t>(end - p)));
        if (slash == nullptr) {
            out.append(p, end);
            break;
        }
        out.append(p, slash);
        if (slash + 1 >= end) throw InvalidInput("stored engine: a case event's line ends in a backslash");
        const char c = slash[1];
        p = slash + 2;
        switch (c) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                if (end - p < 4) throw InvalidInput("stored engine: a truncated \\u escape in a case event");
                unsigned code = hex4(p);
                p += 4;
                if (code >= 0xD800 && code < 0xDC00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                    code = 0x10000 + ((code - 0xD800) << 10) + (hex4(p + 2) - 0xDC00);
                    p += 6;
                }
                utf8(code);
                break;
            }
            default: throw InvalidInput("stored engine: a bad escape in a case event's line");
        }
    }
}

/// Decodes stored case events into records a batch at a time and replays them into an engine. A
/// payload is the event object itself (detail::EventForm::object) or, in stores written before it,
/// {"line": "<the JSON line>"}; either goes through the fast decoder, and what it hands back through
/// the checked reader, which names the store and the event's global position.
class CaseEventReplayer {
public:
    CaseEventReplayer(CaseEngine& target, std::string source) : target_(target), source_(std::move(source)) {}

    /// Decodes the case event at global @p position; replays the batch when it is full.
    void add(std::int64_t position, std::string_view payload) {
        if (used_ == records_.size()) records_.emplace_back();
        EventRecord& record = records_[used_];
        std::string_view json = payload;
        detail::EventForm form = detail::EventForm::object;
        if (payload.starts_with(line_head)) {
            line_.clear();
            append_line(payload, line_);
            json = line_;
            form = detail::EventForm::line;
        }
        if (!fast_.decode(json, record, form)) record = detail::checked_event(json, form, source_, static_cast<std::size_t>(position));
        if (++used_ == replay_batch) flush();
    }

    /// Replays the records decoded so far (more may follow: a batch may end inside an operation).
    void flush() {
        if (used_ == 0) return;
        target_.replay(std::span<const EventRecord>(records_.data(), used_), ReplayEnd::more_follow);
        used_ = 0;
    }

private:
    CaseEngine& target_;
    std::string source_;
    detail::FastEventDecoder fast_;
    std::vector<EventRecord> records_;  // reused: their strings keep their capacity
    std::size_t used_ = 0;
    std::string line_;
};

/// A setup change as written: its stream, kind, type and payload.
struct SetupChange {
    std::string stream;
    std::string kind;
    std::string type;
    std::string payload;
};

/// Collects the engine's events as appends to their case streams, in order.
class CollectingSink final : public EventSink {
public:
    void on_event(const EventView& event) override {
        NewEvent out;
        out.payload.clear();  // "{}" by default
        detail::append_event_object(event, out.payload);
        out.type = std::string(to_string(event.kind));
        out.occurred_at_us = micros(event.at);
        out.actor = std::string(event.actor);
        if (correlation_.empty()) correlation_ = "op-" + std::to_string(event.sequence);
        out.correlation_id = correlation_;
        pending.push_back(AppendRequest{"case-" + std::string(event.case_number()), "case", 0, {std::move(out)}});
    }
    /// Starts a new operation: its events share one correlation id ("op-" + its first sequence).
    void start_operation() { correlation_.clear(); }

    std::vector<AppendRequest> pending;

private:
    std::string correlation_;
};

}  // namespace

struct StoredEngine::Impl {
    Store store;
    Calendar base_calendar;             // the calendar given to create/load, without runtime notices
    const DivisionTree* tree = nullptr;
    const GridMap* grids = nullptr;
    std::optional<CaseEngine> engine;
    std::shared_ptr<CollectingSink> sink = std::make_shared<CollectingSink>();
    std::vector<SetupChange> setup;     // every setup change, in order (copy_to replays it)
    std::vector<std::int64_t> case_versions;  // per case: its stream's version in the store
    bool batch = false;
    bool broken = false;
    bool snapshot_used = false;         // the last load started from a snapshot

    Impl(Store s, Calendar calendar, const DivisionTree* t, const GridMap* g)
        : store(std::move(s)), base_calendar(std::move(calendar)), tree(t), grids(g) {}

    CaseEngine& live() {
        if (broken || !engine) {
            throw FileError("the stored engine on " + store.path().string() +
                            " could not be rebuilt after a failed write; load it again");
        }
        return *engine;
    }

    CaseEngine fresh_engine(EngineOptions options) const {
        CaseEngine out(base_calendar, options);
        out.set_divisions(tree);
        out.set_grid_map(grids);
        return out;
    }

    // Applies one stored setup change to @p target (load and copy_to).
    static void apply_setup(CaseEngine& target, const std::string& type, const Json& body) {
        if (type == "workflow_added") {
            target.add_workflow(WorkflowDefinition::from_json(body.at("definition").dump(), "stored workflow"));
        } else if (type == "catalogue_set") {
            target.set_catalogue(MatterCatalogue::parse_csv(body.at("csv").get<std::string>(), "stored catalogue"));
        } else if (type == "responsibilities_set") {
            target.set_responsibilities(ResponsibilityList::parse_csv(body.at("csv").get<std::string>(), "stored responsibilities"));
        } else if (type == "actor_added") {
            target.add_actor(actor_from(body.at("actor")));
        } else if (type == "actor_changed") {
            target.change_actor(actor_from(body.at("actor")));
        } else if (type == "actor_deactivated") {
            const std::string id = body.at("id").get<std::string>();
            const std::optional<ActorId> actor = target.find_actor(id);
            if (!actor) throw InvalidInput("stored engine: deactivating unknown actor '" + id + "'");
            target.deactivate_actor(*actor);
        } else if (type == "holiday_notice_added") {
            target.add_holiday_notice(body.at("json").get<std::string>(), body.at("source").get<std::string>());
        } else {
            throw InvalidInput("stored engine: unknown setup event type '" + type + "'");
        }
    }

    // Writes @p requests in one transaction; on failure rebuilds the engine from the store and rethrows.
    void write(std::vector<AppendRequest> requests) {
        if (requests.empty()) return;
        try {
            (void)store.append_batch(requests);
        } catch (...) {
            const std::exception_ptr error = std::current_exception();
            rebuild();
            std::rethrow_exception(error);
        }
    }

    // Rebuilds the engine from the store (after a failed write); marks the StoredEngine broken if it cannot.
    void rebuild() {
        sink->pending.clear();
        batch = false;
        try {
            engine.reset();
            setup.clear();
            case_versions.clear();
            load_from_store();
        } catch (...) {
            broken = true;
            engine.reset();
        }
    }

    // The pending case events as appends with expected versions, in engine order.
    std::vector<AppendRequest> take_pending() {
        std::vector<AppendRequest> requests = std::move(sink->pending);
        sink->pending.clear();
        for (AppendRequest& request : requests) {
            const CaseId id = engine->find_case(request.stream_id.substr(5));
            if (case_versions.size() <= id.value()) case_versions.resize(id.value() + 1, 0);
            std::int64_t& version = case_versions[id.value()];
            request.expected_version = version;
            request.events.front().event_id = event_id(request.stream_id, ++version);
        }
        return requests;
    }

    // After an operation (or a refusal it threw): writes its events unless a batch holds them.
    void finish_operation() {
        if (batch) return;
        std::vector<AppendRequest> requests;
        try {
            requests = take_pending();
        } catch (...) {
            rebuild();
            throw;
        }
        write(std::move(requests));
    }

    // Runs a case operation: its events are written afterwards, its error (a refusal) rethrown after that.
    template <class F>
    auto operate(F&& f) {
        CaseEngine& e = live();
        sink->start_operation();
        if constexpr (std::is_void_v<std::invoke_result_t<F&, CaseEngine&>>) {
            try {
                f(e);
            } catch (...) {
                const std::exception_ptr error = std::current_exception();
                finish_operation();
                std::rethrow_exception(error);
            }
            finish_operation();
        } else {
            std::invoke_result_t<F&, CaseEngine&> result;
            try {
                result = f(e);
            } catch (...) {
                const std::exception_ptr error = std::current_exception();
                finish_operation();
                std::rethrow_exception(error);
            }
            finish_operation();
            return result;
        }
    }

    // Writes one setup change after the engine accepted it; a batch's pending events go first, in the
    // same transaction (the batch stays open).
    void persist_setup(SetupChange change) {
        std::vector<AppendRequest> requests;
        if (batch) requests = take_pending();
        const std::int64_t version = store.stream_version(change.stream);
        requests.push_back(AppendRequest{change.stream, change.kind, version,
                                         {NewEvent{.event_id = event_id(change.stream, version + 1), .type = change.type,
                                                   .payload = change.payload}}});
        write(std::move(requests));
        setup.push_back(std::move(change));
    }

    // Reads the store: the engine's options, its setup in order, the latest snapshot (when it fits),
    // then the case events after it, replayed chunk by chunk.
    void load_from_store() {
        const std::vector<StoredEvent> head = store.read_stream(std::string(engine_stream), 1, 1);
        if (head.empty()) throw NotFound("the store " + store.path().string() + " holds no case engine");
        const Json settings = Json::parse(head.front().payload);
        EngineOptions options;
        options.reopen_window = deadline_from(settings.at("reopen_window"));
        options.top_rung = enum_from<Rung>(settings.at("top_rung").get<std::string>(), "rung");
        options.allow_dispatch_override = settings.at("allow_dispatch_override").get<bool>();
        if (settings.contains("jurisdiction") && !settings.at("jurisdiction").is_null()) {  // absent in older stores
            options.jurisdiction = DivisionCode::parse(settings.at("jurisdiction").get<std::string>());
        }
        if (settings.contains("filing_roles")) options.filing_roles = settings.at("filing_roles").get<std::vector<std::string>>();
        if (settings.contains("recorded_refusals_per_case")) {
            options.recorded_refusals_per_case = settings.at("recorded_refusals_per_case").get<std::uint32_t>();
        }
        for (const int year : settings.at("calendar_years").get<std::vector<int>>()) {
            if (!base_calendar.is_published(year)) {
                throw InvalidInput("the engine in " + store.path().string() + " was created with a calendar that has " +
                                   std::to_string(year) + "'s notice; the calendar given to load() lacks it");
            }
        }
        // The setup streams (few events), merged in global order.
        std::vector<StoredEvent> changes;
        std::int64_t case_events = 0;
        for (const StreamInfo& stream : store.streams()) {
            if (stream.kind == "case") {
                case_events += stream.version;
            } else if (is_setup_kind(stream.kind)) {
                std::vector<StoredEvent> events = store.read_stream(stream.stream_id);
                std::move(events.begin(), events.end(), std::back_inserter(changes));
            }
        }
        std::sort(changes.begin(), changes.end(), [](const StoredEvent& a, const StoredEvent& b) { return a.position < b.position; });
        for (const StoredEvent& event : changes) setup.push_back(SetupChange{event.stream_id, "", event.type, event.payload});
        // Replay re-executes every case event through the engine's checks, so each meets the setup
        // in force when it was recorded: setup changes are applied in store order among them.
        // The latest snapshot, when it is of this format and fits; else every case event is replayed.
        std::int64_t after = 0;
        std::optional<CaseEngine> built;
        if (std::optional<Snapshot> snapshot = store.latest_snapshot(std::string(snapshot_name));
            snapshot && snapshot->format == CaseEngine::snapshot_format && snapshot->position <= store.last_position()) {
            built.emplace(fresh_engine(options));
            (void)apply_changes(*built, changes, 0, snapshot->position);
            try {
                built->restore(snapshot->data);
                after = snapshot->position;
                snapshot_used = true;
            } catch (const InvalidInput&) {
                snapshot_used = false;  // stale or damaged: a cache, so replay instead
            }
        }
        if (after == 0) built.emplace(fresh_engine(options));
        try {
            replay_after(*built, after, changes);
            if (static_cast<std::int64_t>(built->events().size()) != case_events) {
                throw InvalidInput("the store holds " + std::to_string(case_events) + " case events, the engine " +
                                   std::to_string(built->events().size()));
            }
        } catch (const InvalidInput&) {
            if (after == 0) throw;
            // The snapshot did not fit the events after it: replay everything.
            snapshot_used = false;
            built.emplace(fresh_engine(options));
            replay_after(*built, 0, changes);
        }
        case_versions.assign(built->size(), 0);
        for (const Event& event : built->events()) ++case_versions[event.case_id.value()];
        built->add_sink(sink);
        engine.emplace(std::move(*built));
    }

    // Applies @p changes[@p next …] up to global position @p until to @p target; returns the next index.
    static std::size_t apply_changes(CaseEngine& target, const std::vector<StoredEvent>& changes, std::size_t next, std::int64_t until) {
        for (; next < changes.size() && changes[next].position <= until; ++next) {
            const StoredEvent& event = changes[next];
            try {
                apply_setup(target, event.type, Json::parse(event.payload));
            } catch (const std::exception& error) {
                throw InvalidInput("stored engine: the event at position " + std::to_string(event.position) + " (" +
                                   event.type + " in " + event.stream_id + ") does not fit: " + error.what());
            }
        }
        return next;
    }

    // Replays the case events after global position @p after into @p target, a chunk at a time,
    // applying the setup @p changes after that position among them, where the store has them.
    void replay_after(CaseEngine& target, std::int64_t after, const std::vector<StoredEvent>& changes) {
        std::size_t next = static_cast<std::size_t>(
            std::partition_point(changes.begin(), changes.end(), [&](const StoredEvent& e) { return e.position <= after; }) - changes.begin());
        CaseEventReplayer replayer(target, store.path().string());
        for (;;) {
            const detail::PayloadScan chunk =
                store.scan_payloads(after, load_chunk, "case-", [&](std::int64_t position, std::string_view payload) {
                    if (next < changes.size() && changes[next].position < position) {
                        replayer.flush();
                        next = apply_changes(target, changes, next, position);
                    }
                    replayer.add(position, payload);
                });
            replayer.flush();
            after = chunk.last_position;
            if (chunk.rows < load_chunk) break;
        }
        apply_changes(target, changes, next, std::numeric_limits<std::int64_t>::max());
        target.replay({});  // the end: refused if the last operation was cut short
    }
};

StoredEngine::StoredEngine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StoredEngine::StoredEngine(StoredEngine&&) noexcept = default;
StoredEngine& StoredEngine::operator=(StoredEngine&&) noexcept = default;
StoredEngine::~StoredEngine() = default;

bool StoredEngine::holds_engine(const Store& store) { return store.stream_version(std::string(engine_stream)) > 0; }

StoredEngine StoredEngine::create(Store store, Calendar calendar, EngineOptions options, const DivisionTree* tree,
                                  const GridMap* grids) {
    if (holds_engine(store)) {
        throw InvalidInput("the store " + store.path().string() + " already holds a case engine: load it instead");
    }
    auto impl = std::make_unique<Impl>(std::move(store), std::move(calendar), tree, grids);
    Json settings{{"reopen_window", deadline_json(options.reopen_window)},
                  {"top_rung", std::string(to_string(options.top_rung))},
                  {"allow_dispatch_override", options.allow_dispatch_override},
                  {"jurisdiction", options.jurisdiction ? Json(options.jurisdiction->str()) : Json(nullptr)},
                  {"filing_roles", options.filing_roles},
                  {"recorded_refusals_per_case", options.recorded_refusals_per_case},
                  {"calendar_years", impl->base_calendar.published_years()}};
    const std::string stream(engine_stream);
    (void)impl->store.append(stream, "engine", 0,
                             {NewEvent{.event_id = event_id(stream, 1), .type = "engine_created", .payload = settings.dump()}});
    impl->engine.emplace(impl->fresh_engine(options));
    impl->engine->add_sink(impl->sink);
    return StoredEngine(std::move(impl));
}

StoredEngine StoredEngine::load(Store store, Calendar calendar, const DivisionTree* tree, const GridMap* grids) {
    auto impl = std::make_unique<Impl>(std::move(store), std::move(calendar), tree, grids);
    impl->load_from_store();
    return StoredEngine(std::move(impl));
}

StoredEngine StoredEngine::load_or_create(Store store, Calendar calendar, EngineOptions options, const DivisionTree* tree,
                                const GridMap* grids) {
    if (holds_engine(store)) return load(std::move(store), std::move(calendar), tree, grids);
    return create(std::move(store), std::move(calendar), options, tree, grids);
}

StoredEngine load_engine(Store store, Calendar calendar, const DivisionTree* tree, const GridMap* grids) {
    return StoredEngine::load(std::move(store), std::move(calendar), tree, grids);
}

const CaseEngine& StoredEngine::engine() const { return impl_->live(); }
const Store& StoredEngine::store() const noexcept { return impl_->store; }
bool StoredEngine::broken() const noexcept { return impl_->broken; }
std::size_t StoredEngine::pending() const noexcept { return impl_->sink->pending.size(); }

void StoredEngine::add_workflow(WorkflowDefinition definition) {
    CaseEngine& e = impl_->live();
    const std::string id = definition.id();
    const std::string json = definition.to_json();
    e.add_workflow(std::move(definition));
    impl_->persist_setup({"workflow-" + id, "workflow", "workflow_added", Json{{"definition", Json::parse(json)}}.dump()});
}

void StoredEngine::set_catalogue(MatterCatalogue catalogue) {
    CaseEngine& e = impl_->live();
    if (!(catalogue.layout() == MatterCodeLayout::urban_standard())) {
        throw InvalidInput("a stored engine keeps catalogues in the urban standard code layout only");
    }
    const std::string csv = catalogue.to_csv();
    e.set_catalogue(std::move(catalogue));
    impl_->persist_setup({"catalogue", "catalogue", "catalogue_set", Json{{"csv", csv}}.dump()});
}

void StoredEngine::set_responsibilities(ResponsibilityList list) {
    CaseEngine& e = impl_->live();
    const std::string csv = list.to_csv();
    e.set_responsibilities(std::move(list));
    impl_->persist_setup({"responsibilities", "responsibility_list", "responsibilities_set", Json{{"csv", csv}}.dump()});
}

ActorId StoredEngine::add_actor(Actor actor) {
    CaseEngine& e = impl_->live();
    const ActorId id = e.add_actor(std::move(actor));
    const Actor& added = e.actor(id);  // as the engine normalised it
    impl_->persist_setup({"actor-" + added.id, "actor", "actor_added", Json{{"actor", actor_json(added)}}.dump()});
    return id;
}

void StoredEngine::change_actor(Actor actor) {
    CaseEngine& e = impl_->live();
    const std::optional<ActorId> id = e.find_actor(actor.id);
    e.change_actor(std::move(actor));
    const Actor& changed = e.actor(*id);  // as the engine normalised it
    impl_->persist_setup({"actor-" + changed.id, "actor", "actor_changed", Json{{"actor", actor_json(changed)}}.dump()});
}

void StoredEngine::deactivate_actor(ActorId id) {
    CaseEngine& e = impl_->live();
    const std::string name = e.actor(id).id;
    e.deactivate_actor(id);
    impl_->persist_setup({"actor-" + name, "actor", "actor_deactivated", Json{{"id", name}}.dump()});
}

void StoredEngine::add_holiday_notice(std::string_view json, std::string_view source) {
    CaseEngine& e = impl_->live();
    e.add_holiday_notice(json, source);
    impl_->persist_setup({"calendar", "calendar", "holiday_notice_added",
                          Json{{"json", std::string(json)}, {"source", std::string(source)}}.dump()});
}

CaseId StoredEngine::open(const CaseInput& input, ActorId reporter, Instant at) {
    return impl_->operate([&](CaseEngine& e) { return e.open(input, reporter, at); });
}

void StoredEngine::take(CaseId id, std::string_view transition, ActorId actor, Instant at, std::vector<Field> fields,
                        std::string note) {
    impl_->operate([&](CaseEngine& e) { e.take(id, transition, actor, at, std::move(fields), std::move(note)); });
}

void StoredEngine::reopen(CaseId id, ActorId actor, Instant at, std::string note) {
    impl_->operate([&](CaseEngine& e) { e.reopen(id, actor, at, std::move(note)); });
}

std::size_t StoredEngine::advance(Instant now) {
    return impl_->operate([&](CaseEngine& e) { return e.advance(now); });
}

void StoredEngine::begin_batch() {
    impl_->live();
    if (impl_->batch) throw InvalidInput("a batch is already open: commit_batch() it first");
    impl_->batch = true;
}

std::size_t StoredEngine::commit_batch() {
    impl_->live();
    if (!impl_->batch) throw InvalidInput("no batch is open: begin_batch() first");
    impl_->batch = false;
    const std::size_t count = impl_->sink->pending.size();
    impl_->finish_operation();
    return count;
}

std::int64_t StoredEngine::save_snapshot() {
    const CaseEngine& e = impl_->live();
    if (impl_->batch) throw InvalidInput("save_snapshot inside a batch: commit_batch() first");
    const std::int64_t position = impl_->store.last_position();
    impl_->store.save_snapshot(std::string(snapshot_name), position, CaseEngine::snapshot_format, e.snapshot());
    return position;
}

bool StoredEngine::loaded_from_snapshot() const noexcept { return impl_->snapshot_used; }

CaseEngine StoredEngine::copy() const {
    const CaseEngine& e = impl_->live();
    CaseEngine target = impl_->fresh_engine(e.options());
    for (const SetupChange& change : impl_->setup) Impl::apply_setup(target, change.type, Json::parse(change.payload));
    // Restored, not replayed: the events already passed the checks, and replay would check each
    // against the final setup rather than the one in force when it was recorded.
    target.restore(e.snapshot());
    return target;
}

}  // namespace grassroots
