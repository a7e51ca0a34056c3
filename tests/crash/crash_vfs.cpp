// The test-only crash VFS (see crash_vfs.hpp): write-through with a record of what was not synced.
#include "crash_vfs.hpp"

#include <sqlite3.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace grassroots::testing {

namespace {

constexpr std::int64_t sector = 512;

// One write or truncation since the file's last sync.
struct Op {
    bool truncate = false;
    std::int64_t offset = 0;  // write: where; truncate: the new size
    std::string data;
};

// What the VFS knows of one file: its content as of its last sync and what happened since.
struct FileState {
    std::string synced;
    std::vector<Op> pending;
};

void apply_write(std::string& content, std::int64_t offset, const char* data, std::int64_t size) {
    const auto end = static_cast<std::size_t>(offset + size);
    if (content.size() < end) {
        content.resize(end, '\0');
    }
    std::memcpy(content.data() + offset, data, static_cast<std::size_t>(size));
}

void apply(std::string& content, const Op& op) {
    if (op.truncate) {
        if (content.size() > static_cast<std::size_t>(op.offset)) {
            content.resize(static_cast<std::size_t>(op.offset));
        }
    } else {
        apply_write(content, op.offset, op.data.data(), static_cast<std::int64_t>(op.data.size()));
    }
}

std::string read_whole(const std::string& path) {
    std::string content;
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error || size == 0) {
        return content;
    }
    content.resize(static_cast<std::size_t>(size));
    std::ifstream in(path, std::ios::binary);
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    content.resize(static_cast<std::size_t>(in.gcount()));
    return content;
}

struct State {
    sqlite3_vfs* real = nullptr;
    std::map<std::string, FileState> files;
    std::int64_t calls = 0;
    bool count_reads = false;
    bool power_off = false;
    std::optional<std::int64_t> cut_at;
    std::optional<std::int64_t> fail_once_at;
    std::optional<Fault> fault_once;
    std::optional<Fault> fault_always;
    int injected = 0;
};

State& state() {
    static State s;
    return s;
}

struct CrashFile {
    sqlite3_file base;
    sqlite3_file* real;    // follows this struct in the same allocation
    FileState* tracked;    // null for files without a name (temporary files)
};

sqlite3_file* real_of(sqlite3_file* file) { return reinterpret_cast<CrashFile*>(file)->real; }

// Counts a write or sync; returns the fault to inject now, if any (power cut included).
std::optional<int> before_io(int write_error, int sync_error, bool is_sync) {
    State& s = state();
    if (s.power_off) {
        return is_sync ? SQLITE_IOERR_FSYNC : SQLITE_IOERR_WRITE;
    }
    ++s.calls;
    if (s.cut_at && s.calls >= *s.cut_at) {
        s.power_off = true;
        return is_sync ? SQLITE_IOERR_FSYNC : SQLITE_IOERR_WRITE;
    }
    std::optional<Fault> fault = s.fault_always;
    if (!fault && s.fail_once_at && s.calls == *s.fail_once_at) {
        fault = s.fault_once;
        s.fail_once_at.reset();
    }
    if (!fault) {
        return std::nullopt;
    }
    ++s.injected;
    if (is_sync) {
        return sync_error;
    }
    return *fault == Fault::disk_full ? SQLITE_FULL : write_error;
}

int x_close(sqlite3_file* file) {
    const int code = real_of(file)->pMethods != nullptr ? real_of(file)->pMethods->xClose(real_of(file)) : SQLITE_OK;
    return code;
}

int x_read(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
    State& s = state();
    if (s.power_off) {
        return SQLITE_IOERR_READ;
    }
    if (s.count_reads) {
        ++s.calls;
        const bool once = s.fail_once_at && s.calls == *s.fail_once_at && s.fault_once == Fault::io_error;
        if (once || s.fault_always == Fault::io_error) {
            if (once) {
                s.fail_once_at.reset();
            }
            ++s.injected;
            return SQLITE_IOERR_READ;
        }
    }
    return real_of(file)->pMethods->xRead(real_of(file), buffer, amount, offset);
}

int x_write(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
    if (auto fault = before_io(SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, false)) {
        return *fault;
    }
    const int code = real_of(file)->pMethods->xWrite(real_of(file), buffer, amount, offset);
    if (code == SQLITE_OK) {
        if (FileState* tracked = reinterpret_cast<CrashFile*>(file)->tracked) {
            tracked->pending.push_back(Op{false, offset, std::string(static_cast<const char*>(buffer),
                                                                     static_cast<std::size_t>(amount))});
        }
    }
    return code;
}

int x_truncate(sqlite3_file* file, sqlite3_int64 size) {
    if (auto fault = before_io(SQLITE_IOERR_TRUNCATE, SQLITE_IOERR_FSYNC, false)) {
        return *fault == SQLITE_FULL ? SQLITE_IOERR_TRUNCATE : *fault;
    }
    const int code = real_of(file)->pMethods->xTruncate(real_of(file), size);
    if (code == SQLITE_OK) {
        if (FileState* tracked = reinterpret_cast<CrashFile*>(file)->tracked) {
            tracked->pending.push_back(Op{true, size, {}});
        }
    }
    return code;
}

// A sync makes the pending writes durable. The real fsync is skipped: the power cut is simulated.
int x_sync(sqlite3_file* file, int /*flags*/) {
    if (auto fault = before_io(SQLITE_IOERR_FSYNC, SQLITE_IOERR_FSYNC, true)) {
        return *fault;
    }
    if (FileState* tracked = reinterpret_cast<CrashFile*>(file)->tracked) {
        for (const Op& op : tracked->pending) {
            apply(tracked->synced, op);
        }
        tracked->pending.clear();
    }
    return SQLITE_OK;
}

int x_file_size(sqlite3_file* file, sqlite3_int64* size) {
    return real_of(file)->pMethods->xFileSize(real_of(file), size);
}
int x_lock(sqlite3_file* file, int lock) { return real_of(file)->pMethods->xLock(real_of(file), lock); }
int x_unlock(sqlite3_file* file, int lock) { return real_of(file)->pMethods->xUnlock(real_of(file), lock); }
int x_check_reserved(sqlite3_file* file, int* out) {
    return real_of(file)->pMethods->xCheckReservedLock(real_of(file), out);
}
int x_file_control(sqlite3_file* file, int op, void* arg) {
    return real_of(file)->pMethods->xFileControl(real_of(file), op, arg);
}
int x_sector_size(sqlite3_file* file) { return real_of(file)->pMethods->xSectorSize(real_of(file)); }
int x_device(sqlite3_file* file) { return real_of(file)->pMethods->xDeviceCharacteristics(real_of(file)); }
int x_shm_map(sqlite3_file* file, int page, int size, int extend, void volatile** out) {
    return real_of(file)->pMethods->xShmMap(real_of(file), page, size, extend, out);
}
int x_shm_lock(sqlite3_file* file, int offset, int n, int flags) {
    return real_of(file)->pMethods->xShmLock(real_of(file), offset, n, flags);
}
void x_shm_barrier(sqlite3_file* file) { real_of(file)->pMethods->xShmBarrier(real_of(file)); }
int x_shm_unmap(sqlite3_file* file, int delete_flag) {
    return real_of(file)->pMethods->xShmUnmap(real_of(file), delete_flag);
}

// Version 2: shared memory (WAL) but no memory-mapped reads, so every read goes through x_read.
const sqlite3_io_methods io_methods = {
    2,           x_close,        x_read,       x_write,         x_truncate,     x_sync,
    x_file_size, x_lock,         x_unlock,     x_check_reserved, x_file_control, x_sector_size,
    x_device,    x_shm_map,      x_shm_lock,   x_shm_barrier,   x_shm_unmap,    nullptr,
    nullptr,
};

int v_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
    State& s = state();
    auto* crash = reinterpret_cast<CrashFile*>(file);
    crash->real = reinterpret_cast<sqlite3_file*>(crash + 1);
    crash->tracked = nullptr;
    crash->base.pMethods = nullptr;
    if (s.power_off) {
        return SQLITE_IOERR;
    }
    const int code = s.real->xOpen(s.real, name, crash->real, flags, out_flags);
    if (code != SQLITE_OK) {
        return code;
    }
    if (name != nullptr && (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL)) != 0) {
        auto [it, inserted] = s.files.try_emplace(name);
        if (inserted) {
            it->second.synced = read_whole(name);
        }
        crash->tracked = &it->second;
    }
    (void)vfs;
    crash->base.pMethods = &io_methods;
    return SQLITE_OK;
}

int v_delete(sqlite3_vfs* /*vfs*/, const char* name, int sync_dir) {
    State& s = state();
    if (s.power_off) {
        return SQLITE_IOERR_DELETE;
    }
    const int code = s.real->xDelete(s.real, name, sync_dir);
    if (code == SQLITE_OK || code == SQLITE_IOERR_DELETE_NOENT) {
        s.files.erase(name);
    }
    return code;
}

int v_access(sqlite3_vfs*, const char* name, int flags, int* out) {
    return state().real->xAccess(state().real, name, flags, out);
}
int v_full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
    return state().real->xFullPathname(state().real, name, size, out);
}
void* v_dl_open(sqlite3_vfs*, const char* name) { return state().real->xDlOpen(state().real, name); }
void v_dl_error(sqlite3_vfs*, int size, char* out) { state().real->xDlError(state().real, size, out); }
void (*v_dl_sym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
    return state().real->xDlSym(state().real, handle, symbol);
}
void v_dl_close(sqlite3_vfs*, void* handle) { state().real->xDlClose(state().real, handle); }
int v_randomness(sqlite3_vfs*, int size, char* out) { return state().real->xRandomness(state().real, size, out); }
int v_sleep(sqlite3_vfs*, int us) { return state().real->xSleep(state().real, us); }
int v_current_time(sqlite3_vfs*, double* out) { return state().real->xCurrentTime(state().real, out); }
int v_last_error(sqlite3_vfs*, int size, char* out) { return state().real->xGetLastError(state().real, size, out); }
int v_current_time64(sqlite3_vfs*, sqlite3_int64* out) {
    return state().real->xCurrentTimeInt64(state().real, out);
}

sqlite3_vfs make_vfs(sqlite3_vfs* real) {
    sqlite3_vfs vfs{};
    vfs.iVersion = 2;
    vfs.szOsFile = static_cast<int>(sizeof(CrashFile)) + real->szOsFile;
    vfs.mxPathname = real->mxPathname;
    vfs.zName = CrashVfs::name;
    vfs.xOpen = v_open;
    vfs.xDelete = v_delete;
    vfs.xAccess = v_access;
    vfs.xFullPathname = v_full_pathname;
    vfs.xDlOpen = v_dl_open;
    vfs.xDlError = v_dl_error;
    vfs.xDlSym = v_dl_sym;
    vfs.xDlClose = v_dl_close;
    vfs.xRandomness = v_randomness;
    vfs.xSleep = v_sleep;
    vfs.xCurrentTime = v_current_time;
    vfs.xGetLastError = v_last_error;
    vfs.xCurrentTimeInt64 = v_current_time64;
    return vfs;
}

}  // namespace

CrashVfs& CrashVfs::instance() {
    static CrashVfs controller;
    static sqlite3_vfs vfs = [] {
        sqlite3_initialize();
        State& s = state();
        s.real = sqlite3_vfs_find(nullptr);
        if (s.real == nullptr) {
            throw std::runtime_error("crash VFS: SQLite has no default VFS");
        }
        return make_vfs(s.real);
    }();
    static const bool registered = [] {
        if (sqlite3_vfs_register(&vfs, 0) != SQLITE_OK) {
            throw std::runtime_error("crash VFS: cannot register");
        }
        return true;
    }();
    (void)registered;
    return controller;
}

void CrashVfs::reset() {
    State& s = state();
    s.files.clear();
    s.calls = 0;
    s.count_reads = false;
    s.power_off = false;
    s.cut_at.reset();
    clear_faults();
    s.injected = 0;
}

std::int64_t CrashVfs::calls() const { return state().calls; }
void CrashVfs::count_reads(bool on) { state().count_reads = on; }
void CrashVfs::cut_power_at(std::int64_t n) { state().cut_at = state().calls + n; }
void CrashVfs::cut_power_now() { state().power_off = true; }
bool CrashVfs::power_is_off() const { return state().power_off; }

CutReport CrashVfs::restore_after_cut(std::mt19937_64& rng) {
    State& s = state();
    s.power_off = true;
    CutReport report;
    std::uniform_int_distribution<int> choice(0, 2);
    std::bernoulli_distribution coin(0.5);
    for (auto& [path, file] : s.files) {
        std::string content = file.synced;
        for (const Op& op : file.pending) {
            if (op.truncate) {  // metadata: it happened, whole, or not at all
                if (coin(rng)) {
                    apply(content, op);
                    ++report.kept;
                } else {
                    ++report.dropped;
                }
                continue;
            }
            const int fate = choice(rng);
            if (fate == 0) {
                apply(content, op);
                ++report.kept;
            } else if (fate == 1) {
                ++report.dropped;
            } else {
                // Torn: each 512-byte sector of the write reached the disk or not.
                const auto size = static_cast<std::int64_t>(op.data.size());
                for (std::int64_t at = 0; at < size; at += sector) {
                    if (coin(rng)) {
                        apply_write(content, op.offset + at, op.data.data() + at, std::min(sector, size - at));
                    }
                }
                ++report.torn;
            }
        }
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        if (!out) {
            throw std::runtime_error("crash VFS: cannot rewrite " + path);
        }
    }
    s.files.clear();
    s.power_off = false;
    s.cut_at.reset();
    return report;
}

void CrashVfs::fail_at(std::int64_t n, Fault fault) {
    state().fail_once_at = state().calls + n;
    state().fault_once = fault;
}
void CrashVfs::fail_always(Fault fault) { state().fault_always = fault; }
void CrashVfs::clear_faults() {
    state().fail_once_at.reset();
    state().fault_once.reset();
    state().fault_always.reset();
}
int CrashVfs::injected() const { return state().injected; }

}  // namespace grassroots::testing
