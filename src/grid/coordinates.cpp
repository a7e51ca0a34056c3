// WGS84 ↔ GCJ-02 ↔ BD-09: the published offset formulas, their inverses and the vectorised form.

#include "grassroots/grid/coordinates.hpp"

#include <array>
#include <cmath>
#include <numbers>
#include <string>

#include "grassroots/error.hpp"
#include "grid_support.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<LonLatSystem>, 3> lonlat_systems{{
    {LonLatSystem::wgs84, "wgs84", "WGS84坐标", "WGS84 as GPS gives it (CGCS2000 agrees within centimetres)"},
    {LonLatSystem::gcj02, "gcj02", "国测局坐标", "GCJ-02, the offset Amap and Tencent maps publish"},
    {LonLatSystem::bd09, "bd09", "百度坐标", "BD-09, Baidu's further offset of GCJ-02"},
}};

constexpr double pi = std::numbers::pi;
// The GCJ-02 formula's ellipsoid (Krasovsky 1940): semi-major axis and first eccentricity squared.
constexpr double krasovsky_a = 6378245.0;
constexpr double krasovsky_ee = 0.00669342162296594323;
// BD-09's scale of the angular perturbation.
constexpr double bd_pi = pi * 3000.0 / 180.0;
// The inverses iterate until a step is below this many degrees (about 0.01 mm), at most max_steps times.
constexpr double inverse_tolerance = 1e-10;
constexpr int max_steps = 30;

// The GCJ-02 offset polynomial in degrees-ish units, at (x, y) = (lon − 105, lat − 35).
Point gcj_shift_units(double x, double y) noexcept {
    const double common = (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
    double lon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x)) + common;
    lon += (20.0 * std::sin(x * pi) + 40.0 * std::sin(x / 3.0 * pi)) * 2.0 / 3.0;
    lon += (150.0 * std::sin(x / 12.0 * pi) + 300.0 * std::sin(x / 30.0 * pi)) * 2.0 / 3.0;
    double lat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x)) + common;
    lat += (20.0 * std::sin(y * pi) + 40.0 * std::sin(y / 3.0 * pi)) * 2.0 / 3.0;
    lat += (160.0 * std::sin(y / 12.0 * pi) + 320.0 * std::sin(y * pi / 30.0)) * 2.0 / 3.0;
    return {lon, lat};
}

Point wgs84_to_gcj02(Point p) noexcept {
    const Point units = gcj_shift_units(p.x - 105.0, p.y - 35.0);
    const double radians = p.y / 180.0 * pi;
    const double magic = 1.0 - krasovsky_ee * std::sin(radians) * std::sin(radians);
    const double root = std::sqrt(magic);
    const double dlat = units.y * 180.0 / ((krasovsky_a * (1.0 - krasovsky_ee)) / (magic * root) * pi);
    const double dlon = units.x * 180.0 / (krasovsky_a / root * std::cos(radians) * pi);
    return {p.x + dlon, p.y + dlat};
}

// The point whose image under @p forward is p: fixed-point iteration (both offsets vary slowly, so each
// step gains several digits; three or four steps reach the tolerance).
template <class Forward>
Point invert(Forward forward, Point p) noexcept {
    Point guess = p;
    for (int step = 0; step < max_steps; ++step) {
        const Point image = forward(guess);
        const double dx = p.x - image.x;
        const double dy = p.y - image.y;
        guess = {guess.x + dx, guess.y + dy};
        if (std::abs(dx) < inverse_tolerance && std::abs(dy) < inverse_tolerance) break;
    }
    return guess;
}

Point gcj02_to_bd09(Point p) noexcept {
    const double z = std::hypot(p.x, p.y) + 0.00002 * std::sin(p.y * bd_pi);
    const double theta = std::atan2(p.y, p.x) + 0.000003 * std::cos(p.x * bd_pi);
    return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

Point to_gcj02(Point p, LonLatSystem from) noexcept {
    switch (from) {
    case LonLatSystem::wgs84: return wgs84_to_gcj02(p);
    case LonLatSystem::bd09: return invert(gcj02_to_bd09, p);
    case LonLatSystem::gcj02: break;
    }
    return p;
}

Point from_gcj02(Point p, LonLatSystem to) noexcept {
    switch (to) {
    case LonLatSystem::wgs84: return invert(wgs84_to_gcj02, p);
    case LonLatSystem::bd09: return gcj02_to_bd09(p);
    case LonLatSystem::gcj02: break;
    }
    return p;
}

// Converts a checked point: through GCJ-02, which every published formula starts or ends at.
Point convert_checked(Point p, LonLatSystem from, LonLatSystem to) noexcept {
    if (from == to || !in_china_box(p)) return p;
    return from_gcj02(to_gcj02(p, from), to);
}

void check_lonlat(Point p, const std::string& which) {
    if (!(std::isfinite(p.x) && std::isfinite(p.y) && std::abs(p.x) <= 180 && std::abs(p.y) <= 90)) {
        throw InvalidInput(which + detail::format_point(p) +
                           " is not a longitude in [-180, 180] and latitude in [-90, 90]");
    }
}

}  // namespace

std::span<const EnumName<LonLatSystem>> enum_names(LonLatSystem) noexcept { return lonlat_systems; }
std::string_view to_string(LonLatSystem system) noexcept { return enum_name(system); }
std::string_view chinese_name(LonLatSystem system) noexcept { return enum_chinese_name(system); }

bool in_china_box(Point lonlat) noexcept {
    return lonlat.x >= 72.004 && lonlat.x <= 137.8347 && lonlat.y >= 0.8293 && lonlat.y <= 55.8271;
}

Point convert_lonlat(Point lonlat, LonLatSystem from, LonLatSystem to) {
    check_lonlat(lonlat, "convert_lonlat: point ");
    return convert_checked(lonlat, from, to);
}

void convert_lonlat(std::span<const double> lon, std::span<const double> lat, LonLatSystem from, LonLatSystem to,
                    std::span<double> out_lon, std::span<double> out_lat) {
    const std::size_t n = lon.size();
    if (lat.size() != n || out_lon.size() != n || out_lat.size() != n) {
        throw InvalidInput("convert_lonlat: " + std::to_string(n) + " longitudes but " + std::to_string(lat.size()) +
                           " latitudes (and " + std::to_string(out_lon.size()) + ", " +
                           std::to_string(out_lat.size()) + " outputs); they must have the same length");
    }
    for (std::size_t i = 0; i < n; ++i) check_lonlat({lon[i], lat[i]}, "convert_lonlat: point " + std::to_string(i) + " ");
    for (std::size_t i = 0; i < n; ++i) {
        const Point converted = convert_checked({lon[i], lat[i]}, from, to);
        out_lon[i] = converted.x;
        out_lat[i] = converted.y;
    }
}

}  // namespace grassroots
