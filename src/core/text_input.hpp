// Internal: reading text files (plain or gzip) and splitting CSV lines. Not installed.
#pragma once

#include <cstddef>
#include <deque>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grassroots/error.hpp"

namespace grassroots::detail {

/// Reads a whole file; gzip files (by their magic bytes) are decompressed. Throws FileError.
std::string read_text_file(const std::filesystem::path& path);

/// Walks CSV text line by line (RFC 4180 fields; a quoted field may not span lines).
class CsvReader {
public:
    CsvReader(std::string_view text, std::string source) : text_(text), source_(std::move(source)) {}

    /// Reads the next record that is not blank and not a '#' comment; false at the end.
    /// The fields stay valid until the next call. Throws InvalidInput for a malformed line.
    bool next();
    [[nodiscard]] const std::vector<std::string_view>& fields() const noexcept { return fields_; }
    [[nodiscard]] std::size_t line() const noexcept { return line_; }
    [[nodiscard]] const std::string& source() const noexcept { return source_; }
    /// The location of the current line, optionally naming a field.
    [[nodiscard]] Location where(std::string field = {}) const { return {source_, line_, std::move(field)}; }

private:
    std::string_view text_;
    std::string source_;
    std::size_t pos_ = 0;
    std::size_t line_ = 0;
    std::vector<std::string_view> fields_;
    std::deque<std::string> unescaped_;  // storage for quoted fields holding "" (stable addresses)
};

/// Index of @p name in @p header; throws InvalidInput naming the file if it is missing.
std::size_t column_index(const CsvReader& reader, std::string_view name);

/// Reads the header line and returns the index of each of @p names in it (other columns are
/// ignored); throws InvalidInput naming the source when there is no header or a column is missing.
std::vector<std::size_t> read_header(CsvReader& reader, std::initializer_list<std::string_view> names);

/// Throws InvalidInput at the current row unless it has as many fields as the header had.
void expect_field_count(const CsvReader& reader, std::size_t count);

/// Runs @p parse; an InvalidInput it throws is thrown again at the current row, naming the field the
/// error named itself or else @p field.
template <class F>
decltype(auto) in_field(const CsvReader& reader, std::string_view field, F&& parse) {
    try {
        return std::forward<F>(parse)();
    } catch (const InvalidInput& error) {
        throw InvalidInput(error.problem(),
                           reader.where(error.where().field.empty() ? std::string(field) : error.where().field));
    }
}

/// Appends @p fields to @p out as one CSV line ending in '\n', quoting a field that holds a comma or
/// a quote or starts with '#'; throws InvalidInput for a field holding a line break (CsvReader
/// cannot read one back).
void append_csv_line(std::string& out, std::initializer_list<std::string_view> fields);

/// The two digits at @p at of @p text as a number; throws InvalidInput naming the instant @p whole.
int two_digits(std::string_view text, std::size_t at, std::string_view whole);

}  // namespace grassroots::detail
