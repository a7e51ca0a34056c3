// Writing files through a temporary file, fsync and rename.
#include "grassroots/core/files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/quote.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

namespace {

using detail::quote_bound;
using detail::quote;

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& path, const std::string& what) {
    throw FileError("cannot write " + quote(path.string(), quote_bound * 2) + ": " + what + ": " + std::strerror(errno));
}

// Flushes a file or folder to disk; false on failure (errno set).
bool sync_path(const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// Writes @p content to a new temporary file beside @p path and returns the temporary's path.
fs::path write_temporary(const fs::path& path, std::string_view content) {
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::string leaf(1, '.');  // hidden, and named after its file: ".problems.csv.tmp-Ab12Cd"
    leaf += path.filename().string();
    leaf += ".tmp-XXXXXX";
    std::string name = (folder / leaf).string();
    const int fd = ::mkstemp(name.data());
    if (fd < 0) fail(path, "cannot create a temporary file in its folder");
    for (std::size_t written = 0; written < content.size();) {
        const ssize_t got = ::write(fd, content.data() + written, content.size() - written);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) {
            ::close(fd);
            ::unlink(name.c_str());
            fail(path, "cannot write its temporary file");
        }
        written += static_cast<std::size_t>(got);
    }
    const bool synced = ::fsync(fd) == 0;
    if (::close(fd) != 0 || !synced) {
        ::unlink(name.c_str());
        fail(path, "cannot flush its temporary file");
    }
    return name;
}

}  // namespace

void write_files_atomically(const std::vector<std::pair<fs::path, std::string_view>>& files) {
    std::vector<fs::path> temporaries;
    try {
        for (const auto& [path, content] : files) temporaries.push_back(write_temporary(path, content));
    } catch (...) {
        for (const fs::path& temporary : temporaries) ::unlink(temporary.c_str());
        throw;
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (::rename(temporaries[i].c_str(), files[i].first.c_str()) != 0) {
            for (std::size_t k = i; k < temporaries.size(); ++k) ::unlink(temporaries[k].c_str());
            fail(files[i].first, "cannot rename its temporary file over it");
        }
    }
    for (const auto& [path, content] : files) {
        const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
        if (!sync_path(folder, O_RDONLY | O_DIRECTORY)) fail(path, "cannot flush its folder");
    }
}

}  // namespace grassroots
