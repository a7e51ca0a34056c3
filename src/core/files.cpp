// Reading input files (plain or gzip) within the process-wide limits.
#include "grassroots/core/files.hpp"

#include <zlib.h>

#include <array>
#include <atomic>
#include <fstream>

#include "core/quote.hpp"

#include "grassroots/error.hpp"

namespace grassroots {

namespace {
std::atomic<std::uint64_t> max_file_bytes{InputLimits::default_max_file_bytes};
std::atomic<std::uint64_t> max_decompressed_bytes{InputLimits::default_max_decompressed_bytes};
}  // namespace

InputLimits input_limits() noexcept { return {max_file_bytes.load(), max_decompressed_bytes.load()}; }

void set_input_limits(const InputLimits& limits) {
    if (limits.max_file_bytes == 0) throw InvalidInput("max_file_bytes must be at least 1", Location{"", 0, "max_file_bytes"});
    if (limits.max_decompressed_bytes == 0) {
        throw InvalidInput("max_decompressed_bytes must be at least 1", Location{"", 0, "max_decompressed_bytes"});
    }
    max_file_bytes.store(limits.max_file_bytes);
    max_decompressed_bytes.store(limits.max_decompressed_bytes);
}

namespace {

namespace fs = std::filesystem;
using detail::quote_bound;
using detail::quote;

std::string named(const fs::path& path) { return quote(path.string(), quote_bound * 2); }

// Refuses what no reader can read as a file: a missing path, a directory, a device or a file above
// the size limit (checked before reading so that a huge file costs nothing).
void check_readable(const fs::path& path) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) throw FileError("cannot open file " + named(path) + ": no such file");
    if (fs::is_directory(status)) throw FileError("cannot read " + named(path) + ": it is a directory, not a file");
    if (!fs::is_regular_file(status)) throw FileError("cannot read " + named(path) + ": it is not a regular file");
    const std::uintmax_t size = fs::file_size(path, error);
    const std::uint64_t limit = input_limits().max_file_bytes;
    if (!error && size > limit) {
        throw FileError("cannot read " + named(path) + ": its " + std::to_string(size) + " bytes exceed the limit of " +
                        std::to_string(limit) + " bytes (InputLimits::max_file_bytes)");
    }
}

std::string read_plain(std::ifstream& in, const fs::path& path) {
    std::string text;
    std::array<char, 1U << 16U> chunk{};
    const std::uint64_t limit = input_limits().max_file_bytes;
    while (in) {
        in.read(chunk.data(), chunk.size());
        text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        if (text.size() > limit) {
            throw FileError("cannot read " + named(path) + ": it exceeds the limit of " + std::to_string(limit) +
                            " bytes (InputLimits::max_file_bytes)");
        }
    }
    if (in.bad()) throw FileError("cannot read file " + named(path));
    return text;
}

[[noreturn]] void fail_gzip(gzFile file, const fs::path& path, const std::string& problem) {
    gzclose(file);
    throw FileError("cannot decompress " + named(path) + ": " + problem);
}

std::string read_gzip(const fs::path& path) {
    gzFile file = gzopen(path.string().c_str(), "rb");
    if (file == nullptr) throw FileError("cannot open gzip file " + named(path));
    gzbuffer(file, 1U << 17U);
    const std::uint64_t limit = input_limits().max_decompressed_bytes;
    std::string text;
    std::array<char, 1U << 16U> chunk{};
    for (;;) {
        const int got = gzread(file, chunk.data(), static_cast<unsigned>(chunk.size()));
        int code = Z_OK;
        const char* message = gzerror(file, &code);
        if (got < 0 || (got == 0 && code != Z_OK && code != Z_STREAM_END)) fail_gzip(file, path, message);
        if (got == 0) break;
        text.append(chunk.data(), static_cast<std::size_t>(got));
        if (text.size() > limit) {
            fail_gzip(file, path, "it expands beyond the limit of " + std::to_string(limit) +
                                      " bytes (InputLimits::max_decompressed_bytes)");
        }
    }
    gzclose(file);
    return text;
}

bool is_gzip(std::string_view head) { return head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b'; }

}  // namespace

std::string read_text_file(const std::filesystem::path& path) {
    check_readable(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError("cannot open file " + named(path));
    std::string text = read_plain(in, path);
    return is_gzip(text) ? read_gzip(path) : text;
}


}  // namespace grassroots
