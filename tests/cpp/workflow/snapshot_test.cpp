// Engine snapshots (CaseEngine::snapshot/restore) as bytes: findings of the engine_snapshot fuzz
// target (docs/security.md "Fuzzing and sanitizers").
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "../../fuzz/engine_fixture.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using testing::error_message;

/// The snapshot of the fuzz targets' seed history.
std::string seed_snapshot() {
    CaseEngine engine = fuzz::make_engine();
    fuzz::run_seed_history(engine);
    return engine.snapshot();
}

/// Where the first event starts in a snapshot: the magic, five 32-bit and four 64-bit header fields.
constexpr std::size_t first_event = std::string_view("GRASSROOTS-ENGINE-SNAPSHOT").size() + 5 * 4 + 4 * 8;

// Found by fuzzing: events were written with their padding, i.e. whatever memory held — snapshots of
// the same engine differed, and bytes of the process went into the store.
TEST(EngineSnapshot, IsTheSameBytesAfterARestore) {
    const std::string snapshot = seed_snapshot();
    CaseEngine restored = fuzz::make_engine();
    restored.restore(snapshot);
    EXPECT_EQ(restored.snapshot(), snapshot);
    EXPECT_EQ(seed_snapshot(), snapshot);
}

TEST(EngineSnapshot, RefusesAnEventOfNoKnownKindOrRung) {
    for (const std::size_t member : {offsetof(Event, kind), offsetof(Event, rung)}) {
        std::string snapshot = seed_snapshot();
        snapshot[first_event + member] = static_cast<char>(200);
        CaseEngine engine = fuzz::make_engine();
        EXPECT_THAT(error_message<InvalidInput>([&] { engine.restore(snapshot); }), HasSubstr("event kind or rung"));
        EXPECT_TRUE(engine.events().empty());
    }
}

// Found by fuzzing: counts in the header were trusted before the bytes behind them were there, so a
// damaged count made restore() reserve gigabytes (out of memory) instead of refusing.
TEST(EngineSnapshot, RefusesCountsTheBytesCannotHold) {
    constexpr std::size_t details_count = first_event - 2 * 8;  // the header's third 64-bit count
    std::string snapshot = seed_snapshot();
    const std::uint64_t huge = 0x10000000ULL;
    std::memcpy(snapshot.data() + details_count, &huge, sizeof(huge));
    CaseEngine engine = fuzz::make_engine();
    EXPECT_THAT(error_message<InvalidInput>([&] { engine.restore(snapshot); }), HasSubstr("truncated"));
    EXPECT_TRUE(engine.events().empty());
}

}  // namespace
}  // namespace grassroots
