/// @file files.hpp
/// @brief Reading input files within limits, and writing files atomically.
///
/// Every reader of a file (CSV, JSON, GeoJSON, gzip) reads it through one function that enforces
/// these limits, so that a huge file or a small gzip bomb is refused with a FileError naming the
/// file and the limit instead of exhausting memory. The defaults are the library's choice, not a
/// rule of law: large enough for the national division tables (about 38 MB decompressed), small
/// enough for a server. Change them at start-up; the setting is process-wide and thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace grassroots {

/// @brief The limits on input files; each is a number of bytes and must be at least 1.
struct InputLimits {
    /// @brief The default limit on a file's size on disk: 256 MiB.
    static constexpr std::uint64_t default_max_file_bytes = 256ULL << 20U;
    /// @brief The default limit on what a gzip file expands to: 256 MiB.
    static constexpr std::uint64_t default_max_decompressed_bytes = 256ULL << 20U;

    std::uint64_t max_file_bytes = default_max_file_bytes;                  ///< Largest file a reader opens.
    std::uint64_t max_decompressed_bytes = default_max_decompressed_bytes;  ///< Largest text a gzip file may expand to.

    /// @brief Limits compare by their values.
    friend bool operator==(const InputLimits&, const InputLimits&) = default;
};

/// @brief The limits in force.
[[nodiscard]] InputLimits input_limits() noexcept;

/// @brief Sets the limits for every reader from now on; throws InvalidInput (changing nothing)
/// when a limit is 0.
void set_input_limits(const InputLimits& limits);

/// @brief The whole of a file, decompressed when it is gzip (by its magic bytes), within
/// input_limits(). Throws FileError naming the file when it is missing, a directory, unreadable,
/// corrupt or above a limit. An empty file gives "" (each format says whether that is an error).
[[nodiscard]] std::string read_text_file(const std::filesystem::path& path);

/// @brief Writes each of @p files (path, content) to a temporary file in its folder and flushes it
/// to disk (fsync); only when all are written renames each over its path and flushes the folder.
/// A crash or a full disk leaves every file either as it was or complete, never cut off. Throws
/// FileError naming the file (removing the temporary files) when one cannot be written.
void write_files_atomically(const std::vector<std::pair<std::filesystem::path, std::string_view>>& files);

/// @brief write_files_atomically() of one file.
inline void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
    write_files_atomically({{path, content}});
}

}  // namespace grassroots
