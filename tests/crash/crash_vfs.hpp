// A test-only SQLite VFS over the default unix VFS that simulates what a disk keeps at a power cut,
// and injects I/O errors (disk full, EIO) at chosen calls. Never shipped with the library.
//
// Writes go through to the real files at once (so the running process sees them), and the VFS
// remembers, per file, the content as of the file's last xSync plus the writes and truncations made
// since. At a simulated power cut every later call fails (SQLITE_IOERR: the process "lost power"),
// and restore_after_cut() rewrites each file as a disk might have left it: the synced content, then
// each unsynced write kept, dropped or torn (some of its 512-byte sectors written, others not).
// The idea is SQLite's own crash test (src/test6.c); this is a much smaller design.
#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace grassroots::testing {

/// What a failing call returns.
enum class Fault {
    disk_full,  ///< xWrite returns SQLITE_FULL (ENOSPC), xSync SQLITE_IOERR_FSYNC.
    io_error,   ///< xWrite SQLITE_IOERR_WRITE, xSync SQLITE_IOERR_FSYNC, xRead SQLITE_IOERR_READ (EIO).
};

/// Counts of what restore_after_cut() did with the unsynced writes.
struct CutReport {
    int kept = 0;     ///< unsynced writes that reached the disk whole
    int dropped = 0;  ///< unsynced writes lost
    int torn = 0;     ///< unsynced writes of which only some sectors reached the disk
};

/// The VFS "grassroots-crash" (registered on first use; not the default). Single-threaded use only.
class CrashVfs {
public:
    /// The VFS name to pass in StoreOptions::vfs.
    static constexpr const char* name = "grassroots-crash";

    /// Registers the VFS (once) and returns its controller.
    static CrashVfs& instance();

    /// Forgets every file, turns power on, clears faults and counters.
    void reset();
    /// Writes and syncs (and reads, when @p count_reads) are counted from here on.
    [[nodiscard]] std::int64_t calls() const;
    /// Counts xRead calls too (for read faults).
    void count_reads(bool on);

    /// Power fails at the @p n-th counted call from now (1: the next): that call and all later fail.
    void cut_power_at(std::int64_t n);
    /// Power fails now.
    void cut_power_now();
    /// True once power has failed.
    [[nodiscard]] bool power_is_off() const;
    /// After every connection is closed: rewrites each file as a disk may have kept it (each unsynced
    /// write kept, dropped or torn at random), forgets the files and turns power on again.
    CutReport restore_after_cut(std::mt19937_64& rng);

    /// The @p n-th counted call from now (1: the next) fails with @p fault, once; nothing is written.
    void fail_at(std::int64_t n, Fault fault);
    /// Every counted call fails with @p fault until clear_faults() (a full disk stays full).
    void fail_always(Fault fault);
    /// No more injected faults.
    void clear_faults();
    /// How many calls have failed by injection.
    [[nodiscard]] int injected() const;
};

}  // namespace grassroots::testing
