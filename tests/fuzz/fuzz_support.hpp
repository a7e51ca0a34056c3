// Shared by the fuzz targets: what counts as a finding.
//
// A parser given any bytes may return a value or throw a grassroots::Error subclass (the documented
// refusal, naming file, row and field). Anything else is a finding: a sanitizer report (memory
// error, undefined behaviour, leak), a timeout, running out of memory, or another exception type
// (std::length_error, nlohmann's parse_error …), which aborts here so libFuzzer keeps the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <typeinfo>

#include <unistd.h>

#include "grassroots/error.hpp"

namespace grassroots::fuzz {

/// The fuzzer's bytes as text (any bytes: not necessarily UTF-8).
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) noexcept {
    return {reinterpret_cast<const char*>(data), size};
}

/// Runs @p parse; a grassroots::Error is an accepted refusal, any other exception aborts.
template <class F>
void expect_value_or_refusal(F&& parse) {
    try {
        parse();
    } catch (const Error&) {
        // the documented refusal
    } catch (const std::exception& other) {
        std::fprintf(stderr, "fuzz: %s escaped instead of a grassroots::Error: %s\n", typeid(other).name(),
                     other.what());
        std::abort();
    }
}

/// Aborts (a finding) when a property that must hold for every accepted input does not.
inline void require(bool holds, const char* property) {
    if (!holds) {
        std::fprintf(stderr, "fuzz: property broken: %s\n", property);
        std::abort();
    }
}

/// Splits @p text at the first @p separator: the part before it, and the rest (moved past it).
inline std::string_view next_part(std::string_view& text, char separator = '\f') noexcept {
    const std::size_t at = text.find(separator);
    const std::string_view part = text.substr(0, at);
    text = at == std::string_view::npos ? std::string_view{} : text.substr(at + 1);
    return part;
}

/// A folder of this process's own under the temporary directory, for readers that take paths.
inline std::filesystem::path scratch_folder() {
    static const std::filesystem::path folder = [] {
        std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("grassroots-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        return path;
    }();
    return folder;
}

/// Writes @p bytes to @p name in scratch_folder() (replacing it) and returns its path.
inline std::filesystem::path write_scratch(const std::string& name, std::string_view bytes) {
    std::filesystem::path path = scratch_folder() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

}  // namespace grassroots::fuzz
