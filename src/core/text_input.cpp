#include "text_input.hpp"

#include <simdjson.h>

#include <charconv>

#include "core/quote.hpp"

namespace grassroots::detail {

bool CsvReader::next() {
    for (;;) {
        if (pos_ >= text_.size()) {
            return false;
        }
        std::size_t end = text_.find('\n', pos_);
        if (end == std::string_view::npos) {
            end = text_.size();
        }
        std::string_view line = text_.substr(pos_, end - pos_);
        pos_ = end + 1;
        ++line_;
        if (line_ == 1 && line.starts_with("\xEF\xBB\xBF")) {
            line.remove_prefix(3);  // UTF-8 byte-order mark
        }
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.empty() || line.front() == '#') {
            continue;
        }
        fields_.clear();
        unescaped_.clear();
        std::size_t i = 0;
        for (;;) {
            if (i < line.size() && line[i] == '"') {
                // Quoted field: "" inside stands for one quote.
                std::size_t j = i + 1;
                bool doubled = false;
                for (;;) {
                    const std::size_t q = line.find('"', j);
                    if (q == std::string_view::npos) {
                        throw InvalidInput("unterminated quoted field " + std::to_string(fields_.size() + 1),
                                           where());
                    }
                    if (q + 1 < line.size() && line[q + 1] == '"') {
                        doubled = true;
                        j = q + 2;
                        continue;
                    }
                    std::string_view raw = line.substr(i + 1, q - i - 1);
                    if (doubled) {
                        std::string value;
                        for (std::size_t k = 0; k < raw.size(); ++k) {
                            value += raw[k];
                            if (raw[k] == '"') ++k;
                        }
                        unescaped_.push_back(std::move(value));
                        raw = unescaped_.back();
                    }
                    fields_.push_back(raw);
                    i = q + 1;
                    break;
                }
                if (i < line.size() && line[i] != ',') {
                    throw InvalidInput("text after the closing quote of field " +
                                           std::to_string(fields_.size()),
                                       where());
                }
            } else {
                const std::size_t comma = line.find(',', i);
                const std::size_t stop = comma == std::string_view::npos ? line.size() : comma;
                const std::string_view raw = line.substr(i, stop - i);
                if (raw.find('"') != std::string_view::npos) {
                    throw InvalidInput("stray quote in unquoted field " + std::to_string(fields_.size() + 1),
                                       where());
                }
                fields_.push_back(raw);
                i = stop;
            }
            if (i >= line.size()) {
                break;
            }
            ++i;  // skip the comma
            if (i == line.size()) {
                fields_.emplace_back();  // trailing empty field
                break;
            }
        }
        check_fields(line);
        if (header_.empty()) header_.assign(fields_.begin(), fields_.end());
        return true;
    }
}

namespace {

// The first character of a cell that makes a spreadsheet read it as a formula (OWASP, "CSV injection").
bool starts_formula(std::string_view field) { return !field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos; }

bool is_plain_number(std::string_view field) {
    if (!field.empty() && (field.front() == '-' || field.front() == '+')) field.remove_prefix(1);
    bool digits = false;
    bool point = false;
    for (const char c : field) {
        if (c == '.' && !point) {
            point = true;
        } else if (c >= '0' && c <= '9') {
            digits = true;
        } else {
            return false;
        }
    }
    return digits;
}

// A cell written with a leading ' (see append_csv_line): a quote before a formula character or
// before another quote.
bool is_guarded(std::string_view field) {
    return field.size() >= 2 && field.front() == '\'' && (field[1] == '\'' || starts_formula(field.substr(1)));
}

bool needs_guard(std::string_view field) { return (starts_formula(field) && !is_plain_number(field)) || is_guarded(field); }

}  // namespace

void CsvReader::check_fields(std::string_view line) {
    const bool plain = line.find('\0') == std::string_view::npos && simdjson::validate_utf8(line.data(), line.size()) &&
                       !bidi_control_at(line);
    for (std::size_t i = 0; i < fields_.size(); ++i) {
        if (!plain) {
            const std::string column = i < header_.size() ? header_[i] : "column " + std::to_string(i + 1);
            in_field(*this, column, [&] { check_text(fields_[i], "the field"); });
        }
        if (is_guarded(fields_[i])) fields_[i].remove_prefix(1);
    }
}

std::int64_t parse_integer(std::string_view text, IntRange range) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || !range.contains(value)) {
        throw InvalidInput(quote(text) + " is not a whole number in " + range.to_string());
    }
    return value;
}

std::size_t column_index(const CsvReader& reader, std::string_view name) {
    const auto& header = reader.fields();
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) {
            return i;
        }
    }
    throw InvalidInput("header has no column '" + std::string(name) + "'", reader.where());
}

std::vector<std::size_t> read_header(CsvReader& reader, std::initializer_list<std::string_view> names) {
    if (!reader.next()) {
        std::string expected;
        for (const std::string_view name : names) {
            expected += (expected.empty() ? "" : ",") + std::string(name);
        }
        throw InvalidInput("no header line; expected '" + expected + "'", reader.where());
    }
    std::vector<std::size_t> indices;
    indices.reserve(names.size());
    for (const std::string_view name : names) {
        indices.push_back(column_index(reader, name));
    }
    return indices;
}

void expect_field_count(const CsvReader& reader, std::size_t count) {
    if (reader.fields().size() != count) {
        throw InvalidInput("expected " + std::to_string(count) + " fields as in the header, found " +
                               std::to_string(reader.fields().size()),
                           reader.where());
    }
}

void append_csv_line(std::string& out, std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (const std::string_view field : fields) {
        if (!first) out += ',';
        first = false;
        if (field.find_first_of("\r\n") != std::string_view::npos) {
            throw InvalidInput("field " + quote(field) + " holds a line break, which CSV here cannot hold");
        }
        std::string guarded(needs_guard(field) ? 1 : 0, '\'');
        guarded += field;
        if (guarded.find_first_of(",\"") == std::string::npos && !guarded.starts_with('#')) {
            out += guarded;
            continue;
        }
        out += '"';
        for (const char c : guarded) {
            out += c;
            if (c == '"') out += '"';
        }
        out += '"';
    }
    out += '\n';
}

}  // namespace grassroots::detail
