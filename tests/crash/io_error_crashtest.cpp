// Injected I/O errors (issue 13 §4) through the test-only crash VFS: a full disk (SQLITE_FULL, as
// ENOSPC gives) and EIO (SQLITE_IOERR) at every write and sync of an append, at every step of
// creating a store, and on reads. Each is a FileError naming the file; nothing is half-written (a
// batch is in the store whole or not at all); the store stays consistent, and appending works
// again once the fault is gone — in the same Store and after reopening.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "batches.hpp"
#include "crash_vfs.hpp"
#include "grassroots/error.hpp"
#include "grassroots/store/store.hpp"

namespace grassroots::testing {
namespace {

using ::testing::AnyOf;
using ::testing::HasSubstr;

class StoreCrashIoError : public ::testing::Test {
protected:
    void SetUp() override {
        CrashVfs::instance().reset();
        dir_ = std::filesystem::temp_directory_path() /
               ("grassroots_ioerror_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        path_ = (dir_ / "faulty.db").string();
    }
    void TearDown() override {
        CrashVfs::instance().reset();
        std::filesystem::remove_all(dir_);
    }

    [[nodiscard]] StoreOptions through_vfs() const { return StoreOptions{.vfs = CrashVfs::name}; }

    // Appends the next batch; returns the number of I/O calls it made.
    static std::int64_t append_next(Store& store) {
        auto versions = stream_versions(store);
        const auto before = CrashVfs::instance().calls();
        (void)store.append_batch(make_batch(next_batch(store), 7, versions));
        return CrashVfs::instance().calls() - before;
    }

    // A fault at each write or sync of an append: FileError naming the file, the batch whole or
    // absent, and the same append retried afterwards succeeds (or is recognised as already stored).
    void every_call_of_an_append_fails(Fault fault) {
        CrashVfs& vfs = CrashVfs::instance();
        Store store = Store::open(path_, through_vfs());
        for (int i = 0; i < 3; ++i) {
            append_next(store);
        }
        const std::int64_t calls = append_next(store);
        ASSERT_GT(calls, 1);
        int failed = 0;
        int stored_anyway = 0;
        for (std::int64_t k = 1; k <= calls + 1; ++k) {
            const std::string context = "fault at call " + std::to_string(k) + " of " + std::to_string(calls);
            const std::int64_t batch = next_batch(store);
            auto versions = stream_versions(store);
            const auto requests = make_batch(batch, 7, versions);
            vfs.fail_at(k, fault);
            bool threw = false;
            try {
                (void)store.append_batch(requests);
            } catch (const FileError& error) {
                threw = true;
                ++failed;
                EXPECT_THAT(error.what(), HasSubstr(path_)) << context;
                EXPECT_THAT(error.what(), AnyOf(HasSubstr("disk is full"), HasSubstr("I/O error"))) << context;
            }
            vfs.clear_faults();
            const StoreFacts facts = check_store(path_, context);  // a second connection: whole batches only
            ASSERT_FALSE(HasFailure()) << context;
            ASSERT_TRUE(facts.batches == batch || facts.batches == batch + 1) << context;
            if (threw) {
                // The fault gone, the same append goes through (or finds the batch stored already).
                const auto retried = store.append_batch(requests);
                EXPECT_EQ(retried.front().duplicate, facts.batches == batch + 1) << context;
                stored_anyway += facts.batches == batch + 1 ? 1 : 0;
            }
            EXPECT_EQ(next_batch(store), batch + 1) << context;
        }
        EXPECT_GE(failed, static_cast<int>(calls) - 1) << "most injected faults should reach the caller";
        std::printf("%s at each of %lld calls of an append: %d FileErrors (%d after the commit was durable)\n",
                    fault == Fault::disk_full ? "disk full" : "EIO", static_cast<long long>(calls), failed,
                    stored_anyway);
        // Appending works after every fault; the file reopens with the ordinary VFS, consistent.
        append_next(store);
        const std::int64_t expected = next_batch(store);
        store = Store::open(path_);
        EXPECT_EQ(next_batch(store), expected);
        EXPECT_EQ(check_store(path_, "after the faults").batches, expected);
        expect_chain_verifies(store, "after the faults");
    }

    std::filesystem::path dir_;
    std::string path_;
};

TEST_F(StoreCrashIoError, ADiskFullAtAnyWriteOrSyncOfAnAppendWritesNothingHalf) {
    every_call_of_an_append_fails(Fault::disk_full);
}

TEST_F(StoreCrashIoError, AnIoErrorAtAnyWriteOrSyncOfAnAppendWritesNothingHalf) {
    every_call_of_an_append_fails(Fault::io_error);
}

TEST_F(StoreCrashIoError, AFullDiskRefusesEveryAppendUntilSpaceReturns) {
    CrashVfs& vfs = CrashVfs::instance();
    Store store = Store::open(path_, through_vfs());
    append_next(store);
    vfs.fail_always(Fault::disk_full);
    for (int i = 0; i < 5; ++i) {
        try {
            append_next(store);
            ADD_FAILURE() << "append " << i << " on a full disk did not fail";
        } catch (const FileError& error) {
            EXPECT_THAT(error.what(), HasSubstr(path_));
            EXPECT_THAT(error.what(), HasSubstr("disk is full"));
        }
        EXPECT_EQ(next_batch(store), 1) << "reads still work on a full disk";
    }
    EXPECT_GE(vfs.injected(), 5);
    vfs.clear_faults();
    append_next(store);
    EXPECT_EQ(next_batch(store), 2);
    store = Store::open(path_);
    EXPECT_EQ(check_store(path_, "after the full disk").batches, 2);
    expect_chain_verifies(store, "after the full disk");
}

TEST_F(StoreCrashIoError, CreatingAStoreFailsCleanlyAtEveryWriteAndSync) {
    CrashVfs& vfs = CrashVfs::instance();
    // How many writes and syncs creating a store takes.
    std::int64_t calls = 0;
    {
        Store store = Store::open(path_, through_vfs());
        calls = vfs.calls();
    }
    ASSERT_GT(calls, 1);
    int failed = 0;
    for (std::int64_t k = 1; k <= calls; ++k) {
        const std::string context = "fault at call " + std::to_string(k) + " of " + std::to_string(calls);
        vfs.reset();
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        vfs.fail_at(k, k % 2 == 0 ? Fault::io_error : Fault::disk_full);
        try {
            Store store = Store::open(path_, through_vfs());
        } catch (const FileError& error) {
            ++failed;
            EXPECT_THAT(error.what(), HasSubstr(path_)) << context;
        }
        vfs.clear_faults();
        // The next open finds the schema whole (created now or before), and the store takes appends.
        Store store = Store::open(path_, through_vfs());
        EXPECT_EQ(store.applied_schema_versions().back(), Store::schema_version) << context;
        append_next(store);
        EXPECT_EQ(check_store(path_, context).batches, 1) << context;
        expect_chain_verifies(store, context);
    }
    EXPECT_GT(failed, 0);
}

TEST_F(StoreCrashIoError, ReadErrorsAreFileErrorsNamingTheFile) {
    CrashVfs& vfs = CrashVfs::instance();
    {
        Store store = Store::open(path_, through_vfs());
        append_next(store);
    }
    vfs.count_reads(true);
    vfs.fail_always(Fault::io_error);
    try {
        Store store = Store::open(path_, through_vfs());
        (void)store.read_all();
        ADD_FAILURE() << "reading through EIO did not fail";
    } catch (const FileError& error) {
        EXPECT_THAT(error.what(), HasSubstr(path_));
        EXPECT_THAT(error.what(), HasSubstr("I/O error"));
    }
    vfs.clear_faults();
    Store store = Store::open(path_, through_vfs());
    EXPECT_EQ(next_batch(store), 1);
}

}  // namespace
}  // namespace grassroots::testing
