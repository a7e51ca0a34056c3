// Internal: reading text files (plain or gzip) and splitting CSV lines. Not installed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grassroots/core/files.hpp"
#include "grassroots/core/range.hpp"
#include "grassroots/error.hpp"

namespace grassroots::detail {

using grassroots::read_text_file;  // the one file reader (grassroots/core/files.hpp)

/// Walks CSV text line by line (RFC 4180 fields; a quoted field may not span lines). Every field
/// must be UTF-8 without NUL bytes or bidirectional controls (InvalidInput naming the row and the
/// column, with a hint for GBK files); a field written with a formula guard (a leading ' before
/// = + - @ tab or ', see append_csv_line) is read without it.
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
    void check_fields(std::string_view line);

    std::string_view text_;
    std::string source_;
    std::size_t pos_ = 0;
    std::size_t line_ = 0;
    std::vector<std::string_view> fields_;
    std::vector<std::string> header_;  // the first record, to name columns in errors
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
/// cannot read one back). A field a spreadsheet would run as a formula (starting with = + - @ or
/// tab, unless it is a plain number) gets a leading ' as OWASP advises, and so does a field that
/// starts with ' before such a character or another ', so that CsvReader reads every field back.
void append_csv_line(std::string& out, std::initializer_list<std::string_view> fields);

/// The whole number @p text (decimal digits, an optional '-'), which must lie in @p range; throws
/// InvalidInput "'x' is not a whole number in a–b" otherwise (no wrapping, no trailing text).
std::int64_t parse_integer(std::string_view text, IntRange range);

/// The two digits at @p at of @p text as a number; throws InvalidInput naming the instant @p whole.
int two_digits(std::string_view text, std::size_t at, std::string_view whole);

}  // namespace grassroots::detail
