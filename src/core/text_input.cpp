#include "text_input.hpp"

#include <zlib.h>

#include <array>
#include <fstream>

namespace grassroots::detail {

std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) {
        throw FileError("cannot open file '" + path.string() + "'");
    }
    std::array<char, 2> magic{};
    probe.read(magic.data(), 2);
    const bool gzip = probe.gcount() == 2 && static_cast<unsigned char>(magic[0]) == 0x1f &&
                      static_cast<unsigned char>(magic[1]) == 0x8b;
    if (!gzip) {
        probe.clear();  // a file shorter than the magic bytes left the stream failed: tellg() would be -1
        probe.seekg(0, std::ios::end);
        const std::streamoff end = probe.tellg();
        if (end < 0 || std::filesystem::is_directory(path)) {
            throw FileError("cannot read file '" + path.string() + "'");
        }
        const auto size = static_cast<std::size_t>(end);
        std::string text(size, '\0');
        probe.seekg(0);
        probe.read(text.data(), static_cast<std::streamsize>(size));
        if (!probe) {
            throw FileError("cannot read file '" + path.string() + "'");
        }
        return text;
    }
    probe.close();
    gzFile file = gzopen(path.string().c_str(), "rb");
    if (file == nullptr) {
        throw FileError("cannot open gzip file '" + path.string() + "'");
    }
    gzbuffer(file, 1U << 17U);
    std::string text;
    std::array<char, 1U << 16U> chunk{};
    for (;;) {
        const int got = gzread(file, chunk.data(), static_cast<unsigned>(chunk.size()));
        if (got < 0) {
            int code = 0;
            std::string message = gzerror(file, &code);
            gzclose(file);
            throw FileError("cannot decompress '" + path.string() + "': " + message);
        }
        if (got == 0) {
            int code = Z_OK;
            const char* message = gzerror(file, &code);
            if (code != Z_OK && code != Z_STREAM_END) {
                const std::string text_of_error = message;
                gzclose(file);
                throw FileError("cannot decompress '" + path.string() + "': " + text_of_error);
            }
            break;
        }
        text.append(chunk.data(), static_cast<std::size_t>(got));
    }
    gzclose(file);
    return text;
}

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
        return true;
    }
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
            throw InvalidInput("field '" + std::string(field) + "' holds a line break, which CSV here cannot hold");
        }
        if (field.find_first_of(",\"") == std::string_view::npos && !field.starts_with('#')) {
            out += field;
            continue;
        }
        out += '"';
        for (const char c : field) {
            out += c;
            if (c == '"') out += '"';
        }
        out += '"';
    }
    out += '\n';
}

}  // namespace grassroots::detail
