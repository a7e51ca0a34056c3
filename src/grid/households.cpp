#include "grassroots/grid/households.hpp"

#include <charconv>
#include <cmath>
#include <unordered_map>

#include "../core/quote.hpp"
#include "../core/text_input.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

namespace {

double number(const detail::CsvReader& reader, std::string_view text, const char* field) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty()) {
        throw InvalidInput(detail::quote(text) + " is not a number", reader.where(field));
    }
    if (!std::isfinite(value)) throw InvalidInput(detail::quote(text) + " is not a finite number", reader.where(field));
    return value;
}

}  // namespace

HouseholdPoints parse_household_points(std::string_view text, std::string_view source) {
    detail::CsvReader reader(text, std::string(source));
    if (!reader.next()) {
        throw InvalidInput("no header line; expected 'id,lon,lat[,households]' or 'id,x,y[,households]'", reader.where());
    }
    const auto& header = reader.fields();
    const bool degrees = header.size() >= 3 && header[1] == "lon" && header[2] == "lat";
    const bool metres = header.size() >= 3 && header[1] == "x" && header[2] == "y";
    const bool with_counts = header.size() == 4 && header[3] == "households";
    if (header.empty() || header[0] != "id" || !(degrees || metres) || !(header.size() == 3 || with_counts)) {
        throw InvalidInput("header is not 'id,lon,lat[,households]' or 'id,x,y[,households]'", reader.where());
    }
    const char* x_name = degrees ? "lon" : "x";
    const char* y_name = degrees ? "lat" : "y";
    const std::size_t width = header.size();
    HouseholdPoints out;
    std::unordered_map<std::string, std::size_t> rows;
    while (reader.next()) {
        const auto& f = reader.fields();
        if (f.size() != width) {
            throw InvalidInput("expected " + std::to_string(width) + " fields, found " + std::to_string(f.size()), reader.where());
        }
        if (f[0].empty()) throw InvalidInput("id is empty", reader.where("id"));
        const Point p{number(reader, f[1], x_name), number(reader, f[2], y_name)};
        if (degrees && (p.x < -180 || p.x > 180)) throw InvalidInput("longitude " + detail::quote(f[1]) + " is outside -180…180", reader.where("lon"));
        if (degrees && (p.y < -90 || p.y > 90)) throw InvalidInput("latitude " + detail::quote(f[2]) + " is outside -90…90", reader.where("lat"));
        std::int64_t count = 1;
        if (with_counts) {
            const auto [end, error] = std::from_chars(f[3].data(), f[3].data() + f[3].size(), count);
            if (error != std::errc{} || end != f[3].data() + f[3].size() || count < 0 || count > max_households) {
                throw InvalidInput("households " + detail::quote(f[3]) + " is not a whole number in 0…" + std::to_string(max_households),
                                   reader.where("households"));
            }
        }
        const auto [it, fresh] = rows.emplace(std::string(f[0]), reader.line());
        if (!fresh) {
            throw InvalidInput("duplicate id " + detail::quote(f[0]) + " (first at row " + std::to_string(it->second) + ")",
                               reader.where("id"));
        }
        out.ids.emplace_back(f[0]);
        out.points.push_back(p);
        out.households.push_back(count);
    }
    return out;
}

HouseholdPoints read_household_points(const std::filesystem::path& file) {
    return parse_household_points(detail::read_text_file(file), file.filename().string());
}

}  // namespace grassroots
