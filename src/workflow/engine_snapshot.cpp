// Snapshots of a case engine: its cases, inputs, events and their details in a compact binary form
// (little-endian fields, length-prefixed strings), restored without replaying. A cache: the format
// carries a version and every index is checked on restore, so a stale or damaged snapshot is
// refused (InvalidInput) and the caller replays instead.
#include <array>
#include <cstddef>
#include <cstring>
#include <string>
#include <type_traits>

#include "core/quote.hpp"
#include "grassroots/core/enum_table.hpp"
#include "grassroots/error.hpp"
#include "workflow/engine_impl.hpp"

namespace grassroots {

namespace {

constexpr std::string_view magic = "GRASSROOTS-ENGINE-SNAPSHOT";
constexpr std::uint64_t no_detail_limit = 0xFFFFFFFFULL;  // indices are 32-bit

class Writer {
public:
    explicit Writer(std::string& out) : out_(out) {}
    template <class T>
    void pod(T value) {
        static_assert(std::is_trivially_copyable_v<T>);
        const auto* bytes = reinterpret_cast<const char*>(&value);
        out_.append(bytes, sizeof(T));
    }
    void text(std::string_view s) {
        pod<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }
    void instant(Instant at) { pod<std::int64_t>(at.time_since_epoch().count()); }
    void maybe(const std::optional<Instant>& at) {
        pod<std::uint8_t>(at ? 1 : 0);
        if (at) instant(*at);
    }
    void actor(ActorId id) { pod<std::uint32_t>(id.value()); }
    /// An event in its in-memory layout (sizeof(Event) bytes), member by member: its padding is
    /// written as zeros, never as whatever memory held (which would make snapshots differ and leak it).
    void event(const Event& e) {
        std::array<char, sizeof(Event)> bytes{};
        const auto put = [&bytes](std::size_t offset, const auto& member) {
            std::memcpy(bytes.data() + offset, &member, sizeof(member));
        };
        put(offsetof(Event, sequence), e.sequence);
        put(offsetof(Event, at), e.at);
        put(offsetof(Event, case_id), e.case_id);
        put(offsetof(Event, actor), e.actor);
        put(offsetof(Event, previous), e.previous);
        put(offsetof(Event, detail), e.detail);
        put(offsetof(Event, from), e.from);
        put(offsetof(Event, to), e.to);
        put(offsetof(Event, transition), e.transition);
        put(offsetof(Event, role), e.role);
        put(offsetof(Event, kind), e.kind);
        put(offsetof(Event, rung), e.rung);
        out_.append(bytes.data(), bytes.size());
    }

private:
    std::string& out_;
};

class Reader {
public:
    explicit Reader(std::string_view in) : at_(in.data()), end_(in.data() + in.size()) {}
    template <class T>
    T pod() {
        need(sizeof(T));
        T value;
        std::memcpy(&value, at_, sizeof(T));
        at_ += sizeof(T);
        return value;
    }
    std::string text() {
        const auto size = pod<std::uint32_t>();
        need(size);
        std::string out(at_, size);
        at_ += size;
        return out;
    }
    Instant instant() { return Instant(std::chrono::seconds(pod<std::int64_t>())); }
    std::optional<Instant> maybe() {
        if (pod<std::uint8_t>() == 0) return std::nullopt;
        return instant();
    }
    ActorId actor() { return ActorId(pod<std::uint32_t>()); }
    bool done() const noexcept { return at_ == end_; }
    void need(std::size_t size) const {
        if (static_cast<std::size_t>(end_ - at_) < size) throw InvalidInput("the snapshot is truncated");
    }

private:
    const char* at_;
    const char* end_;
};

void check(bool ok, const char* what) {
    if (!ok) throw InvalidInput(std::string("the snapshot does not fit this engine: ") + what);
}

}  // namespace

std::string CaseEngine::snapshot() const {
    const Impl& m = *impl_;
    std::string out;
    out.reserve(m.events.size() * (sizeof(Event) + 24) + m.cases.size() * 256);
    Writer w(out);
    out.append(magic);
    w.pod<std::uint32_t>(snapshot_format);
    w.pod<std::uint32_t>(static_cast<std::uint32_t>(sizeof(Event)));
    w.pod<std::uint32_t>(static_cast<std::uint32_t>(m.loops.size()));
    w.pod<std::uint32_t>(static_cast<std::uint32_t>(m.actors.size()));
    w.pod<std::uint32_t>(static_cast<std::uint32_t>(m.roles.size()));
    w.pod<std::uint64_t>(m.cases.size());
    w.pod<std::uint64_t>(m.events.size());
    w.pod<std::uint64_t>(m.details.size());
    w.pod<std::uint64_t>(m.assignments.size());
    for (const Event& e : m.events) w.event(e);
    for (const detail::EventDetail& d : m.details) {
        w.text(d.text);
        w.pod<std::uint32_t>(static_cast<std::uint32_t>(d.fields.size()));
        for (const Field& f : d.fields) {
            w.text(f.name);
            w.text(f.value);
        }
        w.pod<std::uint32_t>(d.assignment);
    }
    for (const Assignment& a : m.assignments) {
        w.text(a.primary);
        w.pod<std::uint32_t>(static_cast<std::uint32_t>(a.cooperating.size()));
        for (const std::string& unit : a.cooperating) w.text(unit);
        w.pod<std::uint8_t>(static_cast<std::uint8_t>(a.rung));
        w.text(a.territory);
        w.text(a.basis);
        w.text(a.routed_primary);
    }
    for (std::size_t i = 0; i < m.cases.size(); ++i) {
        const CaseInput& in = m.inputs[i];
        w.text(in.matter);
        w.text(in.workflow);
        w.pod<std::int32_t>(in.workflow_version);
        w.pod<std::uint8_t>(in.point ? 1 : 0);
        if (in.point) {
            w.pod<double>(in.point->x);
            w.pod<double>(in.point->y);
        }
        w.pod<std::uint64_t>(in.unit ? in.unit->key() : 0);
        w.text(in.address);
        w.text(in.owner);
        w.text(in.description);
        w.pod<std::uint8_t>(static_cast<std::uint8_t>(in.priority));
        w.pod<std::uint32_t>(static_cast<std::uint32_t>(in.attachments.size()));
        for (const Attachment& a : in.attachments) {
            w.text(a.name);
            w.text(a.media_type);
            w.pod<std::int64_t>(a.bytes);
            w.text(a.url);
        }
        const detail::Opening& o = m.openings[i];
        w.pod<std::uint16_t>(o.loop);
        w.pod<std::uint64_t>(o.unit.key());
        w.text(o.grid);
        w.pod<std::uint32_t>(m.generations[i]);
        const CaseState& c = m.cases[i];
        w.pod<std::uint16_t>(c.state);
        w.pod<std::uint8_t>(static_cast<std::uint8_t>((c.closed ? 1 : 0) | (c.handled ? 2 : 0) | (c.verified ? 4 : 0)));
        w.pod<std::uint64_t>(c.unit.key());
        w.text(c.grid);
        w.text(c.matter);
        w.pod<std::uint8_t>(static_cast<std::uint8_t>(c.priority));
        w.actor(c.reporter);
        w.actor(c.handler);
        w.actor(c.verifier);
        w.instant(c.opened_at);
        w.instant(c.entered_at);
        w.instant(c.updated_at);
        w.maybe(c.clock_started);
        w.maybe(c.due);
        w.maybe(c.next_breach);
        w.maybe(c.closed_at);
        w.maybe(c.handling_due);
        w.maybe(c.handled_at);
        w.pod<std::uint8_t>(static_cast<std::uint8_t>(c.rung));
        w.pod<std::uint8_t>(static_cast<std::uint8_t>(c.start_rung));
        w.pod<std::uint32_t>(c.assignment);
        for (int count : {c.transitions, c.reworks, c.escalations, c.urges, c.reopens, c.refusals}) w.pod<std::int32_t>(count);
        w.pod<std::uint32_t>(c.last_event);
        w.instant(c.last_event_at);
    }
    return out;
}

void CaseEngine::restore(std::string_view snapshot) {
    Impl& m = *impl_;
    if (!m.cases.empty() || !m.events.empty()) {
        throw InvalidInput("restore needs an engine without cases; this one has " + std::to_string(m.cases.size()));
    }
    try {
        if (!snapshot.starts_with(magic)) throw InvalidInput("not an engine snapshot");
        Reader r(snapshot.substr(magic.size()));
        const auto format = r.pod<std::uint32_t>();
        if (format != snapshot_format) {
            throw InvalidInput("snapshot format " + std::to_string(format) + " is not " + std::to_string(snapshot_format));
        }
        check(r.pod<std::uint32_t>() == sizeof(Event), "event layout");
        const auto loops = r.pod<std::uint32_t>();
        const auto actors = r.pod<std::uint32_t>();
        const auto roles = r.pod<std::uint32_t>();
        check(loops <= m.loops.size() && actors <= m.actors.size() && roles <= m.roles.size(), "loops, actors or roles missing");
        const auto cases = r.pod<std::uint64_t>();
        const auto events = r.pod<std::uint64_t>();
        const auto details = r.pod<std::uint64_t>();
        const auto assignments = r.pod<std::uint64_t>();
        check(cases < no_detail_limit && events < no_detail_limit && details < no_detail_limit && assignments < no_detail_limit,
              "counts");
        // Each count is bounded by the bytes left (at their smallest encoding) before anything is
        // reserved: a few damaged bytes must not make restore() allocate gigabytes.
        r.need(events * sizeof(Event) + details * 12ULL + assignments * 21ULL + cases * 100ULL);
        m.events.resize(events);
        for (std::uint64_t i = 0; i < events; ++i) m.events[i] = r.pod<Event>();
        m.details.reserve(details);
        for (std::uint64_t i = 0; i < details; ++i) {
            detail::EventDetail d;
            d.text = r.text();
            const auto fields = r.pod<std::uint32_t>();
            r.need(fields * 8ULL);
            d.fields.reserve(fields);
            for (std::uint32_t f = 0; f < fields; ++f) {
                std::string name = r.text();
                d.fields.push_back(Field{std::move(name), r.text()});
            }
            d.assignment = r.pod<std::uint32_t>();
            check(d.assignment == Event::no_detail || d.assignment < assignments, "detail assignment");
            m.details.push_back(std::move(d));
        }
        m.assignments.reserve(assignments);
        for (std::uint64_t i = 0; i < assignments; ++i) {
            Assignment a;
            a.primary = r.text();
            const auto cooperating = r.pod<std::uint32_t>();
            r.need(cooperating * 4ULL);
            for (std::uint32_t c = 0; c < cooperating; ++c) a.cooperating.push_back(r.text());
            a.rung = static_cast<Rung>(r.pod<std::uint8_t>());
            check(static_cast<int>(a.rung) <= static_cast<int>(Rung::county), "rung");
            a.territory = r.text();
            a.basis = r.text();
            a.routed_primary = r.text();
            m.assignments.push_back(std::move(a));
        }
        auto actor_ok = [&](ActorId id) { return !id.valid() || id.value() < actors; };
        m.cases.reserve(cases);
        m.inputs.reserve(cases);
        m.openings.reserve(cases);
        m.generations.reserve(cases);
        for (std::uint64_t i = 0; i < cases; ++i) {
            CaseInput in;
            in.matter = r.text();
            in.workflow = r.text();
            in.workflow_version = r.pod<std::int32_t>();
            if (r.pod<std::uint8_t>() != 0) {
                const double x = r.pod<double>();
                in.point = Point{x, r.pod<double>()};
            }
            if (const auto key = r.pod<std::uint64_t>(); key != 0) in.unit = DivisionCode::from_key(key);
            in.address = r.text();
            in.owner = r.text();
            in.description = r.text();
            in.priority = static_cast<Priority>(r.pod<std::uint8_t>());
            check(static_cast<int>(in.priority) <= static_cast<int>(Priority::urgent), "priority");
            const auto attachments = r.pod<std::uint32_t>();
            r.need(attachments * 20ULL);
            for (std::uint32_t a = 0; a < attachments; ++a) {
                Attachment file;
                file.name = r.text();
                file.media_type = r.text();
                file.bytes = r.pod<std::int64_t>();
                file.url = r.text();
                in.attachments.push_back(std::move(file));
            }
            detail::Opening o{r.pod<std::uint16_t>(), DivisionCode::from_key(r.pod<std::uint64_t>()), r.text()};
            check(o.loop < loops, "case loop");
            const auto generation = r.pod<std::uint32_t>();
            const detail::CompiledLoop& loop = m.loops[o.loop];
            CaseState c(CaseId(static_cast<std::uint32_t>(i)), o.unit);
            c.definition = loop.definition;
            c.state = r.pod<std::uint16_t>();
            check(c.state < loop.definition->states().size(), "case state");
            const auto flags = r.pod<std::uint8_t>();
            c.closed = (flags & 1U) != 0;
            c.handled = (flags & 2U) != 0;
            c.verified = (flags & 4U) != 0;
            c.unit = DivisionCode::from_key(r.pod<std::uint64_t>());
            c.grid = r.text();
            c.matter = r.text();
            c.priority = static_cast<Priority>(r.pod<std::uint8_t>());
            c.reporter = r.actor();
            c.handler = r.actor();
            c.verifier = r.actor();
            check(actor_ok(c.reporter) && actor_ok(c.handler) && actor_ok(c.verifier), "case actor");
            c.opened_at = r.instant();
            c.entered_at = r.instant();
            c.updated_at = r.instant();
            c.clock_started = r.maybe();
            c.due = r.maybe();
            c.next_breach = r.maybe();
            c.closed_at = r.maybe();
            c.handling_due = r.maybe();
            c.handled_at = r.maybe();
            c.rung = static_cast<Rung>(r.pod<std::uint8_t>());
            c.start_rung = static_cast<Rung>(r.pod<std::uint8_t>());
            c.assignment = r.pod<std::uint32_t>();
            check(c.assignment == Event::no_detail || c.assignment < assignments, "case assignment");
            c.transitions = r.pod<std::int32_t>();
            c.reworks = r.pod<std::int32_t>();
            c.escalations = r.pod<std::int32_t>();
            c.urges = r.pod<std::int32_t>();
            c.reopens = r.pod<std::int32_t>();
            c.refusals = r.pod<std::int32_t>();
            c.last_event = r.pod<std::uint32_t>();
            check(c.last_event < events, "case last event");
            c.last_event_at = r.instant();
            m.inputs.push_back(std::move(in));
            m.openings.push_back(std::move(o));
            m.generations.push_back(generation);
            m.cases.push_back(std::move(c));
        }
        check(r.done(), "trailing bytes");
        for (std::size_t i = 0; i < m.events.size(); ++i) {
            const Event& e = m.events[i];
            check(e.sequence == i, "event sequence");
            check(detail::entry_of(e.kind) != nullptr && detail::entry_of(e.rung) != nullptr, "event kind or rung");
            check(e.case_id.valid() && e.case_id.value() < cases, "event case");
            check(actor_ok(e.actor), "event actor");
            check(e.detail == Event::no_detail || e.detail < details, "event detail");
            check(e.previous == Event::no_detail || e.previous < i, "event previous");
            check(e.role == Event::none || e.role < roles, "event role");
            const auto& states = m.cases[e.case_id.value()].definition->states();
            check((e.from == Event::none || e.from < states.size()) && (e.to == Event::none || e.to < states.size()), "event state");
            check(e.transition == Event::none || e.transition < m.cases[e.case_id.value()].definition->transitions().size(),
                  "event transition");
        }
        for (CaseState& c : m.cases) {
            if (c.next_breach) m.timers.push({*c.next_breach, c.id.value(), m.generations[c.id.value()]});
        }
    } catch (const Error& error) {
        m.clear_cases();
        if (const auto* invalid = dynamic_cast<const InvalidInput*>(&error)) throw InvalidInput("restore: " + invalid->problem());
        throw InvalidInput(std::string("restore: ") + error.what());
    }
}

}  // namespace grassroots
