// Readers of division tables: the NBS table set and the simple code,name,level,parent_code CSV.
#include <array>
#include <filesystem>
#include <optional>

#include "../core/text_input.hpp"
#include "grassroots/division/tree.hpp"

namespace grassroots {

namespace {

// Parses a code field of the current row, naming the file, row and field on error.
DivisionCode code_field(const detail::CsvReader& reader, std::string_view text, Level level,
                        const char* field) {
    try {
        return DivisionCode::parse(text, level);
    } catch (const InvalidInput& error) {
        throw InvalidInput(error.problem(), reader.where(field));
    }
}

void expect_fields(const detail::CsvReader& reader, std::size_t count, std::string_view columns) {
    if (reader.fields().size() != count) {
        throw InvalidInput("expected " + std::to_string(count) + " fields (" + std::string(columns) + "), found " +
                               std::to_string(reader.fields().size()),
                           reader.where());
    }
}

// One file of the NBS table set: its level and the columns naming its ancestors.
struct NbsTable {
    const char* file;
    Level level;
};
constexpr std::array<NbsTable, 5> nbs_tables{{
    {"provinces.csv", Level::province},
    {"cities.csv", Level::prefecture},
    {"areas.csv", Level::county},
    {"streets.csv", Level::township},
    {"villages.csv", Level::village},
}};
constexpr std::array<const char*, 4> ancestor_columns{"provinceCode", "cityCode", "areaCode", "streetCode"};

void read_nbs_table(DivisionTreeBuilder& builder, const std::filesystem::path& path, Level level) {
    const std::string text = detail::read_text_file(path);
    detail::CsvReader reader(text, path.filename().string());
    if (!reader.next()) {
        throw InvalidInput("file is empty; expected a header line", reader.where());
    }
    const std::size_t code_at = detail::column_index(reader, "code");
    const std::size_t name_at = detail::column_index(reader, "name");
    // Every ancestor column must be there (cities.csv: provinceCode; villages.csv: all four).
    std::array<std::size_t, 4> ancestor_at{};
    const int ancestors = static_cast<int>(level);
    for (int a = 0; a < ancestors; ++a) {
        ancestor_at[a] = detail::column_index(reader, ancestor_columns[a]);
    }
    const std::size_t width = reader.fields().size();
    const std::string columns = "as the header of " + path.filename().string();
    while (reader.next()) {
        expect_fields(reader, width, columns);
        const auto& f = reader.fields();
        const DivisionCode code = code_field(reader, f[code_at], level, "code");
        for (int a = 0; a < ancestors; ++a) {
            const Level at = static_cast<Level>(a);
            const DivisionCode stated = code_field(reader, f[ancestor_at[a]], at, ancestor_columns[a]);
            if (stated != code.ancestor(at)) {
                throw InvalidInput("code " + code.str() + " does not extend its " + std::string(to_string(at)) +
                                       " code " + stated.str(),
                                   reader.where(ancestor_columns[a]));
            }
        }
        builder.add(code, f[name_at], reader.where());
    }
}

}  // namespace

DivisionTree DivisionTree::read_nbs(const std::filesystem::path& folder) {
    if (!std::filesystem::is_directory(folder)) {
        throw FileError("NBS table folder '" + folder.string() + "' does not exist");
    }
    DivisionTreeBuilder builder;
    builder.reserve(700'000);
    for (const NbsTable& table : nbs_tables) {
        std::filesystem::path path = folder / table.file;
        if (table.level == Level::village && !std::filesystem::exists(path)) {
            path += ".gz";  // villages.csv.gz, read directly
        }
        if (!std::filesystem::exists(path)) {
            throw FileError("NBS table '" + path.string() + "' does not exist");
        }
        read_nbs_table(builder, path, table.level);
    }
    return builder.build();
}

DivisionTree DivisionTree::parse_csv(std::string_view text, std::string_view source) {
    detail::CsvReader reader(text, std::string(source));
    constexpr std::string_view columns = "code,name,level,parent_code";
    if (!reader.next()) {
        throw InvalidInput("no header line; expected '" + std::string(columns) + "'", reader.where());
    }
    const auto& header = reader.fields();
    if (header.size() != 4 || header[0] != "code" || header[1] != "name" || header[2] != "level" ||
        header[3] != "parent_code") {
        throw InvalidInput("header is not '" + std::string(columns) + "'", reader.where());
    }
    DivisionTreeBuilder builder;
    while (reader.next()) {
        expect_fields(reader, 4, columns);
        const auto& f = reader.fields();
        Level level{};
        try {
            level = parse_level(f[2]);
        } catch (const InvalidInput& error) {
            throw InvalidInput(error.problem(), reader.where("level"));
        }
        const DivisionCode code = code_field(reader, f[0], level, "code");
        if (level == Level::province) {
            if (!f[3].empty()) {
                throw InvalidInput("a province has no parent_code, found '" + std::string(f[3]) + "'",
                                   reader.where("parent_code"));
            }
            builder.add(code, f[1], reader.where());
            continue;
        }
        if (f[3].empty()) {
            throw InvalidInput("parent_code is empty for " + std::string(to_string(level)) + " " + code.str(),
                               reader.where("parent_code"));
        }
        const auto up = static_cast<Level>(static_cast<int>(level) - 1);
        const DivisionCode parent = code_field(reader, f[3], up, "parent_code");
        builder.add(code, f[1], parent, reader.where());
    }
    return builder.build();
}

DivisionTree DivisionTree::read_csv(const std::filesystem::path& file) {
    const std::string text = detail::read_text_file(file);
    return parse_csv(text, file.filename().string());
}

}  // namespace grassroots
