// Google Benchmark of the closed-loop case engine: urban management cases (数字化城管,
// urban_management()) on China's 2026 working-day calendar, each taken through its seven stages
// (submit, accept, dispatch, complete, report_back, verify_pass, evaluate) with required fields,
// role and scope checks, separation of duties, deadlines computed on entering each state, timers
// armed and every event appended to the record.
//
// The cases (100,000 by default; GRASSROOTS_WORKFLOW_CASES sets another count) are filed on
// 锦苑社区 (370502005066); case i at minute (i * 104729 + 12345) mod 508,320 after 2026-01-01 00:00
// CST, a spread over 2026-01-01 … 2026-12-19 that benchmarks/compare_workflow.py reproduces exactly
// for its Python peers. Some fall in the Spring Festival and National Day holidays, and the handling
// deadline (5 working days) runs across them; every deadline stays inside the published 2026
// schedule. The stages are taken stage by stage over all cases (every case is submitted, then
// every case accepted, …), as a city's engine holds many open cases at once; each stage is taken in
// time, so no deadline is breached.
//
// Timed per iteration: open() of every case and its seven take() calls (items = transitions, seven
// per case; open() is counted in the time but not as an item; the counters filing_share and
// transitions_only_per_second split it out). take() takes its fields by value: the
// copy of a prebuilt std::vector<Field> per call is the caller's cost and is timed. Building and
// destroying the engine are not timed (PauseTiming). Rates are per second of the thread's CPU time
// (Google Benchmark's default; the JSON has the wall-clock time as well), as compare_workflow.py
// times its Python peers, so that other work on the machine disturbs the figures less.
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <malloc.h>
#include <time.h>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "grassroots/calendar/calendar.hpp"
#include "grassroots/workflow/builtin.hpp"
#include "grassroots/workflow/engine.hpp"
#include "urban_city.hpp"

namespace gr = grassroots;

namespace {

using std::chrono::hours;
using std::chrono::minutes;

constexpr std::int64_t default_cases = 100'000;
constexpr std::int64_t max_cases = 10'000'000;

/// Filing instants: case i at minute (i * 104729 + 12345) mod 508,320 of 2026-01-01 … 2026-12-19
/// CST (353 days; 104729 is prime, so the first 508,320 cases get distinct minutes).
std::vector<gr::Instant> filing_times(std::size_t count) {
    std::vector<gr::Instant> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) out.push_back(bench_city::filing_time(i));
    return out;
}

/// One engine with the urban loop and an actor per role, as a city would set it up.
struct City : bench_city::UrbanRoles {
    gr::CaseEngine engine{gr::Calendar::china()};

    City() { UrbanRoles::operator=(UrbanRoles::set_up(engine)); }
};

using bench_city::Fields;

/// CPU time of the calling thread, in seconds (rates are per second of CPU time on one core, as
/// Google Benchmark's items_per_second; wall-clock time is in the JSON too).
double thread_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

/// Files a case per instant of @p times and takes each through the loop, stage by stage; with
/// @p rework, the first verification fails and the case is re-dispatched, handled and verified
/// again (11 transitions). Returns the CPU time spent filing (open()), the rest being transitions.
double run_cases(City& city, const Fields& f, const std::vector<gr::Instant>& times, bool rework) {
    gr::CaseEngine& e = city.engine;
    const std::size_t count = times.size();
    std::vector<gr::CaseId> ids(count);
    e.reserve(count, count * (rework ? 14 : 9));  // as a bulk import would: the record does not regrow
    const double start = thread_seconds();
    for (std::size_t i = 0; i < count; ++i) ids[i] = e.open(city.input, city.reporter, times[i]);
    const double filed = thread_seconds();
    for (std::size_t i = 0; i < count; ++i) e.take(ids[i], "submit", city.supervisor, times[i] + minutes(10), f.submit);
    for (std::size_t i = 0; i < count; ++i) e.take(ids[i], "accept", city.commander, times[i] + minutes(20));
    for (std::size_t i = 0; i < count; ++i) e.take(ids[i], "dispatch", city.commander, times[i] + minutes(30), f.dispatch);
    for (std::size_t i = 0; i < count; ++i) e.take(ids[i], "complete", city.department, times[i] + hours(24), f.complete);
    for (std::size_t i = 0; i < count; ++i) e.take(ids[i], "report_back", city.department, times[i] + hours(24) + minutes(5));
    if (rework) {
        for (std::size_t i = 0; i < count; ++i) e.take(ids[i], "verify_fail", city.checker, times[i] + hours(25), f.verify_fail);
        for (std::size_t i = 0; i < count; ++i) e.take(ids[i], "dispatch", city.commander, times[i] + hours(25) + minutes(10), f.dispatch);
        for (std::size_t i = 0; i < count; ++i) e.take(ids[i], "complete", city.department, times[i] + hours(48), f.complete);
        for (std::size_t i = 0; i < count; ++i) e.take(ids[i], "report_back", city.department, times[i] + hours(48) + minutes(5));
        for (std::size_t i = 0; i < count; ++i) e.take(ids[i], "verify_pass", city.checker, times[i] + hours(49));
        for (std::size_t i = 0; i < count; ++i) e.take(ids[i], "evaluate", city.checker, times[i] + hours(49) + minutes(10), f.evaluate);
    } else {
        for (std::size_t i = 0; i < count; ++i) e.take(ids[i], "verify_pass", city.checker, times[i] + hours(25));
        for (std::size_t i = 0; i < count; ++i) e.take(ids[i], "evaluate", city.checker, times[i] + hours(25) + minutes(10), f.evaluate);
    }
    return filed - start;
}

/// Bytes allocated on the heap (glibc: small chunks plus mmapped blocks), for a cross-check of
/// memory_bytes().
std::size_t heap_in_use() {
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

/// A stream buffer that counts and drops what is written (the JSON lines sink without I/O).
class CountingBuffer final : public std::streambuf {
public:
    std::size_t bytes = 0;

protected:
    std::streamsize xsputn(const char*, std::streamsize n) override {
        bytes += static_cast<std::size_t>(n);
        return n;
    }
    int_type overflow(int_type ch) override {
        if (!traits_type::eq_int_type(ch, traits_type::eof())) ++bytes;
        return traits_type::not_eof(ch);
    }
};

void run_benchmark(benchmark::State& state, bool rework, bool sink) {
    const auto count = static_cast<std::size_t>(state.range(0));
    const std::size_t per_case = rework ? 11 : 7;
    const Fields fields;
    const std::vector<gr::Instant> times = filing_times(count);
    std::size_t memory = 0;
    std::size_t heap = 0;
    std::size_t events = 0;
    std::size_t closed = 0;
    std::size_t breaches = 0;
    double filing = 0;
    double total = 0;
    CountingBuffer buffer;
    std::ostream out(&buffer);
    auto city = std::make_unique<City>();
    if (sink) city->engine.add_sink(std::make_shared<gr::JsonLinesSink>(out));
    for (auto _ : state) {
        const std::size_t heap_before = heap_in_use();
        const double started = thread_seconds();
        filing += run_cases(*city, fields, times, rework);
        total += thread_seconds() - started;
        state.PauseTiming();
        memory = city->engine.memory_bytes();
        heap = heap_in_use() - heap_before;
        events = city->engine.events().size();
        closed = 0;
        breaches = 0;
        for (const gr::CaseState& c : city->engine.cases()) {
            closed += c.closed ? 1 : 0;
            breaches += static_cast<std::size_t>(c.urges + c.escalations);
        }
        if (closed != count || breaches != 0) {
            state.SkipWithError("a case did not close, or a deadline was breached");
            break;
        }
        city.reset();
        city = std::make_unique<City>();
        if (sink) city->engine.add_sink(std::make_shared<gr::JsonLinesSink>(out));
        state.ResumeTiming();
    }
    const double cases = static_cast<double>(count);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count * per_case));
    state.counters["cases"] = cases;
    state.counters["transitions_per_case"] = static_cast<double>(per_case);
    state.counters["events_per_case"] = static_cast<double>(events) / cases;
    state.counters["memory_bytes_per_case"] = static_cast<double>(memory) / cases;
    state.counters["heap_bytes_per_case"] = static_cast<double>(heap) / cases;
    // Filing (open()) as a share of the timed work, and the rate of the transitions alone.
    state.counters["filing_share"] = filing / total;
    state.counters["transitions_only_per_second"] =
        static_cast<double>(state.iterations()) * cases * static_cast<double>(per_case) /
        (total - filing);
    if (sink) {
        state.counters["json_bytes_per_event"] =
            static_cast<double>(buffer.bytes) / static_cast<double>(events * static_cast<std::size_t>(state.iterations()));
    }
}

/// One case through its seven stages in a small engine (the cost per transition on a warm cache).
void BM_UrbanLoopOneCase(benchmark::State& state) {
    const Fields fields;
    const std::vector<gr::Instant> times = filing_times(1);
    auto city = std::make_unique<City>();
    std::size_t filed = 0;
    for (auto _ : state) {
        run_cases(*city, fields, times, false);
        if (++filed == 10'000) {
            state.PauseTiming();
            city = std::make_unique<City>();
            filed = 0;
            state.ResumeTiming();
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * 7));
}

/// The record of @p count cases taken through their seven stages (untimed setup of the sink benchmarks).
std::unique_ptr<City> recorded_city(std::size_t count) {
    auto city = std::make_unique<City>();
    run_cases(*city, Fields{}, filing_times(count), false);
    return city;
}

/// The JSON lines sink alone: every event of the record written again through one JsonLinesSink to a
/// counting, discarding stream (items = events; the engine's operations are not timed).
void BM_JsonLinesSink(benchmark::State& state) {
    const std::unique_ptr<City> city = recorded_city(static_cast<std::size_t>(state.range(0)));
    const gr::CaseEngine& engine = city->engine;
    CountingBuffer buffer;
    std::ostream out(&buffer);
    gr::JsonLinesSink sink(out);
    for (auto _ : state) {
        for (const gr::Event& event : engine.events()) sink.on_event(engine.view(event));
    }
    const auto events = static_cast<double>(engine.events().size());
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(engine.events().size()));
    state.counters["events"] = events;
    state.counters["json_bytes_per_event"] = static_cast<double>(buffer.bytes) / (events * static_cast<double>(state.iterations()));
    state.counters["seconds_per_event"] = benchmark::Counter(events, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

/// Replay alone: the record of the seven stages (as parsed EventRecords; decoding is not timed)
/// re-executed into a fresh engine through the live checks (items = events).
void BM_Replay(benchmark::State& state) {
    std::vector<gr::EventRecord> records;
    {
        const std::unique_ptr<City> city = recorded_city(static_cast<std::size_t>(state.range(0)));
        records.reserve(city->engine.events().size());
        for (const gr::Event& event : city->engine.events()) records.push_back(city->engine.describe(event));
    }
    for (auto _ : state) {
        state.PauseTiming();
        auto city = std::make_unique<City>();
        city->engine.reserve(static_cast<std::size_t>(state.range(0)), records.size());
        state.ResumeTiming();
        city->engine.replay(records);
        state.PauseTiming();
        if (city->engine.events().size() != records.size()) state.SkipWithError("replay lost events");
        city.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(records.size()));
    state.counters["events"] = static_cast<double>(records.size());
}

using Json = nlohmann::ordered_json;

/// An event as an nlohmann::ordered_json document, built from its EventRecord as the sink did before
/// it serialised straight into a buffer.
Json dom_of(const gr::EventRecord& r) {
    Json out = Json::object();
    out["sequence"] = r.sequence;
    out["case"] = r.case_number;
    out["kind"] = std::string(gr::to_string(r.kind));
    out["at"] = gr::to_string(r.at);
    if (!r.actor.empty()) out["actor"] = r.actor;
    if (!r.role.empty()) out["role"] = r.role;
    if (!r.from.empty()) out["from"] = r.from;
    if (!r.to.empty()) out["to"] = r.to;
    if (!r.transition.empty()) out["transition"] = r.transition;
    out["rung"] = std::string(gr::to_string(r.rung));
    if (!r.note.empty()) out["note"] = r.note;
    if (!r.fields.empty()) {
        Json fields = Json::object();
        for (const gr::Field& f : r.fields) fields[f.name] = f.value;
        out["fields"] = fields;
    }
    if (!r.reason.empty()) out["reason"] = r.reason;
    if (r.assignment) {
        const gr::Assignment& a = *r.assignment;
        out["assignment"] = Json{{"primary", a.primary}, {"cooperating", a.cooperating}, {"rung", std::string(gr::to_string(a.rung))},
                                 {"territory", a.territory}, {"basis", a.basis}};
        if (!a.routed_primary.empty()) out["assignment"]["routed_primary"] = a.routed_primary;
    }
    if (r.input) {
        const gr::CaseInput& in = *r.input;
        out["workflow"] = r.workflow;
        out["workflow_version"] = r.workflow_version;
        out["unit"] = r.unit;
        if (!r.grid.empty()) out["grid"] = r.grid;
        Json input = Json::object();
        input["matter"] = in.matter;
        if (!in.workflow.empty()) input["workflow"] = in.workflow;
        if (in.workflow_version != 0) input["workflow_version"] = in.workflow_version;
        if (in.point) input["point"] = Json::array({in.point->x, in.point->y});
        if (in.unit) input["unit"] = in.unit->str();
        if (!in.address.empty()) input["address"] = in.address;
        if (!in.owner.empty()) input["owner"] = in.owner;
        if (!in.description.empty()) input["description"] = in.description;
        input["priority"] = std::string(gr::to_string(in.priority));
        if (!in.attachments.empty()) {
            input["attachments"] = Json::array();
            for (const gr::Attachment& a : in.attachments) {
                input["attachments"].push_back(Json{{"name", a.name}, {"media_type", a.media_type}, {"bytes", a.bytes}, {"url", a.url}});
            }
        }
        out["input"] = input;
    }
    return out;
}

/// The peer of BM_JsonLinesSink, measured on the same events: each event spelled out by
/// CaseEngine::describe(), built as a document (dom_of), dump()ed and written with its newline.
/// Checks first that the document writes the same bytes as to_json_line().
void BM_JsonLinesDom(benchmark::State& state) {
    const std::unique_ptr<City> city = recorded_city(static_cast<std::size_t>(state.range(0)));
    const gr::CaseEngine& engine = city->engine;
    for (const gr::Event& event : engine.events()) {
        if (dom_of(engine.describe(event)).dump() != engine.to_json_line(event)) {
            state.SkipWithError("the nlohmann document and to_json_line() differ");
            return;
        }
    }
    CountingBuffer buffer;
    std::ostream out(&buffer);
    for (auto _ : state) {
        for (const gr::Event& event : engine.events()) out << dom_of(engine.describe(event)).dump() << '\n';
    }
    const auto events = static_cast<double>(engine.events().size());
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(engine.events().size()));
    state.counters["events"] = events;
    state.counters["json_bytes_per_event"] = static_cast<double>(buffer.bytes) / (events * static_cast<double>(state.iterations()));
    state.counters["seconds_per_event"] = benchmark::Counter(events, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

}  // namespace

int main(int argc, char** argv) {
    std::int64_t cases = default_cases;
    if (const char* env = std::getenv("GRASSROOTS_WORKFLOW_CASES"); env != nullptr && *env != '\0') {
        cases = std::strtoll(env, nullptr, 10);
        if (cases < 1 || cases > max_cases) {
            std::fprintf(stderr, "GRASSROOTS_WORKFLOW_CASES must be 1 to %lld\n", static_cast<long long>(max_cases));
            return 2;
        }
    }
    // Seven stages per case, stage by stage over all cases.
    benchmark::RegisterBenchmark("BM_UrbanLoop", [](benchmark::State& s) { run_benchmark(s, false, false); })
        ->Arg(cases)->Unit(benchmark::kMillisecond)->MinTime(2.0);
    // With a rework loop: verify_fail, then dispatch, complete, report_back, verify_pass, evaluate.
    benchmark::RegisterBenchmark("BM_UrbanLoopRework", [](benchmark::State& s) { run_benchmark(s, true, false); })
        ->Arg(cases)->Unit(benchmark::kMillisecond)->MinTime(2.0);
    // Seven stages with a JsonLinesSink writing every event's JSON line to a counting, discarding stream.
    benchmark::RegisterBenchmark("BM_UrbanLoopJsonLines", [](benchmark::State& s) { run_benchmark(s, false, true); })
        ->Arg(cases)->Unit(benchmark::kMillisecond)->MinTime(2.0);
    // The sink alone on the record of the seven stages (900,000 events for 100,000 cases), and its peer:
    // an nlohmann::ordered_json document per event, as the sink wrote them before.
    benchmark::RegisterBenchmark("BM_JsonLinesSink", BM_JsonLinesSink)->Arg(cases)->Unit(benchmark::kMillisecond)->MinTime(2.0);
    benchmark::RegisterBenchmark("BM_JsonLinesDom", BM_JsonLinesDom)->Arg(cases)->Unit(benchmark::kMillisecond)->MinTime(2.0);
    // Replay of that record through the live engine's checks (the store's loading path, decoding aside).
    benchmark::RegisterBenchmark("BM_Replay", BM_Replay)->Arg(cases)->Unit(benchmark::kMillisecond)->MinTime(2.0);
    benchmark::RegisterBenchmark("BM_UrbanLoopOneCase", BM_UrbanLoopOneCase)->Unit(benchmark::kMicrosecond);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
