// to_svg: a grid map as an SVG choropleth, written directly (an equirectangular projection is enough
// at the scale of a district).
#include "grassroots/grid/svg.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>
#include <optional>

#include "core/graphics.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

namespace {

using detail::xml_escape;

constexpr double margin = 8;
constexpr double title_height = 28;
constexpr double legend_height = 44;
constexpr const char* font = "Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif";
/// A sequential yellow-to-red ramp (ColorBrewer YlOrRd), from the smallest value to the largest.
constexpr std::array<std::array<int, 3>, 5> ramp{{{255, 255, 204}, {254, 217, 118}, {253, 141, 60}, {227, 26, 28}, {128, 0, 38}}};

std::string number(double value, const char* format = "%.1f") {
    std::array<char, 64> buffer{};
    std::snprintf(buffer.data(), buffer.size(), format, value);
    return buffer.data();
}

/// The colour at @p t in [0, 1] on the ramp, as "#rrggbb".
std::string ramp_colour(double t) {
    const double at = std::clamp(t, 0.0, 1.0) * (ramp.size() - 1);
    const auto low = std::min(static_cast<std::size_t>(at), ramp.size() - 2);
    const double f = at - static_cast<double>(low);
    std::array<char, 8> buffer{};
    std::array<int, 3> rgb{};
    for (std::size_t c = 0; c < 3; ++c) rgb[c] = static_cast<int>(std::lround(ramp[low][c] + f * (ramp[low + 1][c] - ramp[low][c])));
    std::snprintf(buffer.data(), buffer.size(), "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    return buffer.data();
}

/// Maps map coordinates to pixels: x scaled by cos(latitude) for degrees, y pointing down.
struct Projection {
    double min_x = 0, max_y = 0, x_scale = 1, scale = 1, top = 0;

    Projection(const GridMap& map, double width, double top_offset) : top(top_offset) {
        double max_x = -std::numeric_limits<double>::infinity(), min_y = std::numeric_limits<double>::infinity();
        min_x = std::numeric_limits<double>::infinity();
        max_y = -std::numeric_limits<double>::infinity();
        for (const Grid& grid : map.grids()) {
            for (const Point& p : grid.shape.outer()) {
                min_x = std::min(min_x, p.x), max_x = std::max(max_x, p.x);
                min_y = std::min(min_y, p.y), max_y = std::max(max_y, p.y);
            }
        }
        if (map.size() == 0) min_x = max_x = min_y = max_y = 0;
        if (map.coordinates() == CoordinateSystem::lonlat) x_scale = std::cos((min_y + max_y) / 2 * std::numbers::pi / 180);
        const double span = std::max((max_x - min_x) * x_scale, max_y - min_y);
        scale = span > 0 ? (width - 2 * margin) / span : 1;
        height = (max_y - min_y) * scale + 2 * margin;
    }
    [[nodiscard]] std::string operator()(const Point& p) const {
        return number(margin + (p.x - min_x) * x_scale * scale) + "," + number(top + margin + (max_y - p.y) * scale);
    }
    double height = 0;
};

std::string path_data(const Polygon& shape, const Projection& project) {
    std::string d;
    const auto ring = [&](const std::vector<Point>& points) {
        for (std::size_t i = 0; i < points.size(); ++i) {
            d += i == 0 ? 'M' : 'L';
            d += project(points[i]);
        }
        d += "Z";
    };
    ring(shape.outer());
    for (const auto& hole : shape.holes()) ring(hole);
    return d;
}

void check(const GridMap& map, std::span<const double> values, const GridSvgOptions& options) {
    if (!(options.width >= 1 && options.width <= 20'000)) {
        throw InvalidInput("the width of a map picture must be 1 to 20000 pixels, not " + number(options.width, "%g"),
                           Location{"", 0, "width"});
    }
    if (!values.empty() && values.size() != map.size()) {
        throw InvalidInput("a map picture needs one value per grid (" + std::to_string(map.size()) + "), not " +
                               std::to_string(values.size()),
                           Location{"", 0, "values"});
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (std::isinf(values[i])) {
            throw InvalidInput("the value of grid " + map.grids()[i].code.str() + " is infinite", Location{"", i + 1, "values"});
        }
    }
}

/// The smallest and largest value that is not NaN, if any.
std::optional<std::pair<double, double>> value_range(std::span<const double> values) {
    std::optional<std::pair<double, double>> range;
    for (const double v : values) {
        if (std::isnan(v)) continue;
        range = range ? std::pair{std::min(range->first, v), std::max(range->second, v)} : std::pair{v, v};
    }
    return range;
}

std::string fill_of(const Grid& grid, std::span<const double> values, std::size_t i, std::optional<std::pair<double, double>> range) {
    if (values.empty()) return grid.kind == GridKind::comprehensive ? "#cfe3f3" : "#f6d8ae";
    if (std::isnan(values[i]) || !range) return "#d9d9d9";
    const double span = range->second - range->first;
    return ramp_colour(span > 0 ? (values[i] - range->first) / span : 0.5);
}

std::string text(double x, double y, const std::string& content, std::string_view anchor = "start", int size = 12) {
    return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" font-size=\"" + std::to_string(size) + "\" text-anchor=\"" +
           std::string(anchor) + "\">" + xml_escape(content) + "</text>\n";
}

std::string legend(double width, double top, std::pair<double, double> range) {
    std::string out = "<defs><linearGradient id=\"grassroots-ramp\">";
    for (std::size_t i = 0; i < ramp.size(); ++i) {
        const double t = static_cast<double>(i) / (ramp.size() - 1);
        out += "<stop offset=\"" + number(t, "%.2f") + "\" stop-color=\"" + ramp_colour(t) + "\"/>";
    }
    out += "</linearGradient></defs>\n";
    const double bar = std::min(240.0, width - 2 * margin);
    out += "<rect x=\"" + number(margin) + "\" y=\"" + number(top + 6) + "\" width=\"" + number(bar) +
           "\" height=\"12\" fill=\"url(#grassroots-ramp)\" stroke=\"#999\"/>\n";
    out += text(margin, top + 34, number(range.first, "%.4g"));
    return out + text(margin + bar, top + 34, number(range.second, "%.4g"), "end");
}

}  // namespace

std::string to_svg(const GridMap& map, std::span<const double> values, const GridSvgOptions& options) {
    check(map, values, options);
    const double top = options.title.empty() ? 0 : title_height;
    const Projection project(map, options.width, top);
    const auto range = value_range(values);
    const double height = top + project.height + (range ? legend_height : 0);
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(options.width) + "\" height=\"" + number(height) +
                      "\" viewBox=\"0 0 " + number(options.width) + " " + number(height) + "\" font-family=\"" + font + "\">\n";
    if (!options.title.empty()) out += text(options.width / 2, 20, options.title, "middle", 16);
    for (std::size_t i = 0; i < map.size(); ++i) {
        const Grid& grid = map.grids()[i];
        std::string tip = grid.name + " " + grid.code.str();
        if (!values.empty()) tip += ": " + (std::isnan(values[i]) ? std::string("no value") : number(values[i], "%.6g"));
        out += "<path id=\"grid-" + grid.code.str() + "\" d=\"" + path_data(grid.shape, project) + "\" fill=\"" +
               fill_of(grid, values, i, range) + "\" fill-rule=\"evenodd\" stroke=\"#ffffff\" stroke-width=\"0.6\"><title>" +
               xml_escape(tip) + "</title></path>\n";
    }
    for (const auto& [unit, boundary] : map.boundaries()) {
        out += "<path d=\"" + path_data(boundary, project) + "\" fill=\"none\" stroke=\"#4d4d4d\" stroke-width=\"1.2\"/>\n";
    }
    if (range) out += legend(options.width, top + project.height, *range);
    return out + "</svg>\n";
}

}  // namespace grassroots
