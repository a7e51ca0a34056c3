// The kill -9 harness (issue 13 §4): a child process appends batches through grassroots::Store and
// acknowledges each after append_batch returns; the parent kills it with SIGKILL at a random moment,
// reopens the store, and checks it: integrity, no acknowledged batch lost, no hole, no partial
// batch, stream versions consistent, the hash chain verifies. GRASSROOTS_CRASH_CYCLES (default 200) and GRASSROOTS_CRASH_SEED
// (default: random, printed on failure) control the run.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "batches.hpp"
#include "grassroots/store/store.hpp"

namespace grassroots::testing {
namespace {

std::uint64_t env_or(const char* name, std::uint64_t fallback) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::strtoull(value, nullptr, 10) : fallback;
}

struct Ack {
    std::int64_t batch;
    std::int64_t last_position;
};

// Starts the child, lets it run for @p run_for (from its start, or from its first acknowledgement
// when @p after_first_ack), kills it with SIGKILL and returns its acks.
std::vector<Ack> run_and_kill(const std::string& store, std::uint64_t seed, const char* mode,
                              std::chrono::microseconds run_for, bool after_first_ack, std::string& output) {
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
        ADD_FAILURE() << "pipe failed";
        return {};
    }
    const std::string seed_text = std::to_string(seed);
    const pid_t child = ::fork();
    if (child == 0) {
        ::dup2(pipe_fds[1], 1);
        ::execl(GRASSROOTS_CRASH_CHILD, GRASSROOTS_CRASH_CHILD, store.c_str(), seed_text.c_str(), mode,
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(pipe_fds[1]);
    auto deadline = std::chrono::steady_clock::now() + (after_first_ack ? std::chrono::microseconds(10'000'000) : run_for);
    char buffer[4096];
    // Read acks while the child runs, then kill it; then read what it had written before dying.
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            break;
        }
        pollfd fd{pipe_fds[0], POLLIN, 0};
        if (::poll(&fd, 1, static_cast<int>(left.count())) > 0) {
            const ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
            if (n <= 0) {
                break;  // the child ended on its own: an error (shown below)
            }
            output.append(buffer, static_cast<std::size_t>(n));
            if (after_first_ack && output.find('\n') != std::string::npos) {
                after_first_ack = false;
                deadline = std::chrono::steady_clock::now() + run_for;
            }
        }
    }
    // Sub-millisecond kill moments too: spin for the remainder.
    while (std::chrono::steady_clock::now() < deadline) {
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    for (ssize_t n = 0; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) {
        output.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(pipe_fds[0]);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << "the child ended by itself (status " << status << "); output: " << output;
    std::vector<Ack> acks;
    std::istringstream lines(output);
    std::string word;
    Ack ack{};
    while (lines >> word >> ack.batch >> ack.last_position) {
        if (word == "ack") {
            acks.push_back(ack);
        }
    }
    return acks;
}

void kill9_cycles(const char* mode) {
    const std::uint64_t cycles = env_or("GRASSROOTS_CRASH_CYCLES", 200);
    const std::uint64_t seed = env_or("GRASSROOTS_CRASH_SEED", std::random_device{}());
    SCOPED_TRACE("reproduce with GRASSROOTS_CRASH_SEED=" + std::to_string(seed) +
                 " GRASSROOTS_CRASH_CYCLES=" + std::to_string(cycles));
    const auto dir = std::filesystem::temp_directory_path() /
                     ("grassroots_kill9_" + std::to_string(::getpid()) + "_" + mode);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string store = (dir / "crash.db").string();
    std::mt19937_64 rng(seed);
    // A quarter of the kills fall 0–100 ms after the start (during exec and open — schema creation
    // on the first cycle — or the first appends); the rest 0–30 ms after the first acknowledgement
    // (during appends: a FULL commit takes a few ms here).
    std::uniform_int_distribution<int> early_us(0, 100'000);
    std::uniform_int_distribution<int> late_us(0, 30'000);
    std::uniform_int_distribution<int> quarter(0, 3);
    std::int64_t acked_batches = 0;
    std::int64_t acked_position = 0;
    std::int64_t total_acks = 0;
    const auto start = std::chrono::steady_clock::now();
    for (std::uint64_t cycle = 0; cycle < cycles; ++cycle) {
        // A fresh store every 50 cycles: kills during its creation, and checks that stay cheap.
        if (cycle % 50 == 0) {
            std::filesystem::remove_all(dir);
            std::filesystem::create_directories(dir);
            acked_batches = 0;
            acked_position = 0;
        }
        const std::string context = std::string(mode) + " cycle " + std::to_string(cycle) + " (seed " +
                                    std::to_string(seed) + ")";
        std::string output;
        const bool early = quarter(rng) == 0;
        const auto run_for = std::chrono::microseconds(early ? early_us(rng) : late_us(rng));
        const auto acks = run_and_kill(store, seed + cycle, mode, run_for, !early, output);
        total_acks += static_cast<std::int64_t>(acks.size());
        // Reopening through the store works (and recovers the WAL) …
        try {
            Store reopened = Store::open(store);
            EXPECT_GE(reopened.last_position(), acked_position) << context;
            expect_chain_verifies(reopened, context);
        } catch (const std::exception& error) {
            ADD_FAILURE() << context << ": reopening failed: " << error.what();
            break;
        }
        // … and what is in it is consistent and holds every acknowledged batch.
        const StoreFacts facts = check_store(store, context);
        for (const Ack& ack : acks) {
            ASSERT_LT(ack.batch, facts.batches) << context << ": acknowledged batch " << ack.batch << " was lost";
            EXPECT_EQ(facts.batch_last_position[static_cast<std::size_t>(ack.batch)], ack.last_position)
                << context << ": acknowledged batch " << ack.batch << " moved";
            acked_batches = std::max(acked_batches, ack.batch + 1);
            acked_position = std::max(acked_position, ack.last_position);
        }
        ASSERT_GE(facts.batches, acked_batches) << context << ": acknowledged batches lost";
        if (::testing::Test::HasFailure()) {
            break;
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ::testing::Test::RecordProperty("cycles", static_cast<int>(cycles));
    ::testing::Test::RecordProperty("acknowledged_batches", static_cast<int>(total_acks));
    std::printf("kill -9 %s: %llu cycles, %lld acknowledged batches (%lld in the last of its stores), %.1f s (seed %llu)\n", mode,
                static_cast<unsigned long long>(cycles), static_cast<long long>(total_acks),
                static_cast<long long>(acked_batches), seconds, static_cast<unsigned long long>(seed));
    EXPECT_GT(total_acks, 0) << "no cycle got as far as an acknowledged batch";
    std::filesystem::remove_all(dir);
}

TEST(StoreCrashKill9, FullSynchronousLosesNoAcknowledgedBatch) { kill9_cycles("full"); }

}  // namespace
}  // namespace grassroots::testing
