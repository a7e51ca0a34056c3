// Simulated power cuts (issue 13 §4) through the test-only crash VFS: the store appends batches,
// power fails at a random I/O call (while opening, appending, committing or checkpointing), and the
// files are left as a disk may have kept them — each write since the file's last sync kept, dropped
// or torn. Under synchronous=FULL every acknowledged batch survives; under NORMAL what survives is a
// whole-batch prefix of the log. Either way the store reopens, is consistent, its hash chain verifies, and it takes appends again.
// GRASSROOTS_CRASH_SEED fixes the seed (default random, printed on failure).
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "batches.hpp"
#include "crash_vfs.hpp"
#include "grassroots/error.hpp"
#include "grassroots/store/store.hpp"

namespace grassroots::testing {
namespace {

std::uint64_t seed_from_env() {
    const char* value = std::getenv("GRASSROOTS_CRASH_SEED");
    return value != nullptr && *value != '\0' ? std::strtoull(value, nullptr, 10) : std::random_device{}();
}

struct Acked {
    std::int64_t batch;
    std::int64_t last_position;
};

void power_cuts(Durability durability, int rounds) {
    const std::uint64_t seed = seed_from_env();
    const std::string mode(to_string(durability));
    SCOPED_TRACE("reproduce with GRASSROOTS_CRASH_SEED=" + std::to_string(seed));
    CrashVfs& vfs = CrashVfs::instance();
    vfs.reset();
    const auto dir = std::filesystem::temp_directory_path() /
                     ("grassroots_powercut_" + std::to_string(::getpid()) + "_" + mode);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "crash.db").string();
    std::mt19937_64 rng(seed);
    const StoreOptions through_vfs{.durability = durability, .vfs = CrashVfs::name};

    std::vector<Acked> acked;  // every batch acknowledged and (under NORMAL) not yet known lost
    CutReport total;
    int cuts = 0;
    int cuts_in_append = 0;
    int lost_batches = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < rounds; ++round) {
        const std::string context = mode + " round " + std::to_string(round) + " (seed " + std::to_string(seed) + ")";
        // Power fails within the round's first ~600 I/O calls (about 40 batches), in a third of the
        // rounds not at all: those end with a clean close (a checkpoint).
        const bool cut = std::uniform_int_distribution<int>(0, 2)(rng) != 0;
        if (cut) {
            vfs.cut_power_at(std::uniform_int_distribution<std::int64_t>(1, 600)(rng));
        }
        const int batches = std::uniform_int_distribution<int>(1, 40)(rng);
        std::int64_t in_flight = -1;
        try {
            Store store = Store::open(path, through_vfs);
            auto versions = stream_versions(store);
            std::int64_t batch = next_batch(store);
            for (int b = 0; b < batches; ++b, ++batch) {
                in_flight = batch;
                const auto results = store.append_batch(make_batch(batch, seed + static_cast<std::uint64_t>(round), versions));
                acked.push_back({batch, results.back().last_position});
                in_flight = -1;
            }
        } catch (const FileError& error) {
            ASSERT_TRUE(vfs.power_is_off()) << context << ": failed before the power cut: " << error.what();
            if (in_flight >= 0) {
                ++cuts_in_append;
            }
        }
        if (cut) {
            vfs.cut_power_now();
            const CutReport report = vfs.restore_after_cut(rng);
            total.kept += report.kept;
            total.dropped += report.dropped;
            total.torn += report.torn;
            ++cuts;
        } else {
            vfs.reset();
        }
        // After the cut: the store opens (recovering its WAL) and is consistent … (through the crash
        // VFS with power on: the same SQLite code, without the real fsyncs that would make the
        // test disk-bound; the final checks below use the ordinary VFS).
        try {
            Store reopened = Store::open(path, through_vfs);
            expect_chain_verifies(reopened, context);
        } catch (const std::exception& error) {
            FAIL() << context << ": the store does not reopen after the cut: " << error.what();
        }
        vfs.reset();
        const StoreFacts facts = check_store(path, context);
        ASSERT_FALSE(::testing::Test::HasFailure());
        // … and holds every acknowledged batch (FULL), or a whole-batch prefix of them (NORMAL).
        const auto survived = static_cast<std::size_t>(facts.batches);
        if (durability == Durability::full) {
            ASSERT_GE(survived, acked.size()) << context << ": acknowledged batches were lost";
        } else {
            lost_batches += static_cast<int>(acked.size() - std::min(acked.size(), survived));
            acked.resize(std::min(acked.size(), survived));
        }
        ASSERT_LE(survived, acked.size() + 1) << context << ": more batches than were appended";
        for (std::size_t i = 0; i < acked.size(); ++i) {
            ASSERT_EQ(acked[i].batch, static_cast<std::int64_t>(i)) << context;
            ASSERT_EQ(facts.batch_last_position[i], acked[i].last_position)
                << context << ": batch " << i << " is not where it was acknowledged";
        }
        if (survived == acked.size() + 1) {  // the batch in flight at the cut made it whole: keep it
            acked.push_back({static_cast<std::int64_t>(survived - 1), facts.batch_last_position.back()});
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("power cuts %s: %d rounds, %d cuts (%d during an append), %zu batches acknowledged and kept, "
                "%d lost (NORMAL only); unsynced writes kept %d, dropped %d, torn %d; %.1f s (seed %llu)\n",
                mode.c_str(), rounds, cuts, cuts_in_append, acked.size(), lost_batches, total.kept, total.dropped,
                total.torn, seconds, static_cast<unsigned long long>(seed));
    EXPECT_GT(cuts_in_append, 0);
    EXPECT_GT(total.dropped + total.torn, 0) << "no cut found an unsynced write";
    // Appends work again after the cuts.
    {
        Store store = Store::open(path, StoreOptions{.durability = durability});
        auto versions = stream_versions(store);
        EXPECT_NO_THROW((void)store.append_batch(make_batch(next_batch(store), seed, versions)));
        expect_chain_verifies(store, mode + " after the last append");
    }
    check_store(path, mode + " after the last append");
    vfs.reset();
    std::filesystem::remove_all(dir);
}

TEST(StoreCrashPowerCut, FullSynchronousKeepsEveryAcknowledgedBatch) { power_cuts(Durability::full, 60); }

TEST(StoreCrashPowerCut, NormalSynchronousKeepsAPrefixOfTheLog) { power_cuts(Durability::normal, 60); }

}  // namespace
}  // namespace grassroots::testing
