/// @file coordinates.hpp
/// @brief Longitude/latitude as Chinese map services give them: WGS84 ↔ GCJ-02 (Amap, Tencent) ↔ BD-09 (Baidu).
///
/// GCJ-02 (国测局坐标, "Mars coordinates") shifts WGS84 points inside China by up to several hundred
/// metres with a published formula; BD-09 (百度坐标) shifts GCJ-02 once more. The forward conversions
/// are the formulas every open implementation uses (e.g. the coordtransform and eviltransform
/// libraries). The inverses have no closed form and are solved by fixed-point iteration: a round trip
/// is within 1e-9 degrees (about 0.1 mm), where the usual one-step approximations are off by up to
/// about 0.2 m (BD-09) and up to about 5 m (GCJ-02). Points outside China (the rough box 72.004–137.8347 °E,
/// 0.8293–55.8271 °N the formulas are defined for) are left unchanged by every conversion.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "grassroots/core/enum_table.hpp"
#include "grassroots/core/point.hpp"

namespace grassroots {

/// @brief How a longitude/latitude pair was published.
enum class LonLatSystem : std::uint8_t {
    wgs84,  ///< WGS84 (GPS; CGCS2000 agrees within centimetres)
    gcj02,  ///< GCJ-02 (国测局坐标): Amap, Tencent
    bd09,   ///< BD-09 (百度坐标): Baidu
};
/// @brief Every LonLatSystem with its names (to_string, parsing and Python read it).
[[nodiscard]] std::span<const EnumName<LonLatSystem>> enum_names(LonLatSystem) noexcept;
/// @brief "wgs84", "gcj02" or "bd09".
[[nodiscard]] std::string_view to_string(LonLatSystem system) noexcept;
/// @brief WGS84坐标, 国测局坐标 or 百度坐标.
[[nodiscard]] std::string_view chinese_name(LonLatSystem system) noexcept;

/// @brief True for a point the GCJ-02 formulas shift (inside the rough box around China).
[[nodiscard]] bool in_china_box(Point lonlat) noexcept;

/// @brief @p lonlat (x = longitude, y = latitude in degrees) given in @p from, expressed in @p to.
/// Throws InvalidInput for a coordinate that is not finite or not within ±180 / ±90.
[[nodiscard]] Point convert_lonlat(Point lonlat, LonLatSystem from, LonLatSystem to);

/// @brief convert_lonlat() for many points: (@p lon[i], @p lat[i]) into (@p out_lon[i], @p out_lat[i]);
/// the outputs may be the inputs. Throws InvalidInput naming the first bad point, before writing anything.
void convert_lonlat(std::span<const double> lon, std::span<const double> lat, LonLatSystem from, LonLatSystem to,
                    std::span<double> out_lon, std::span<double> out_lat);

}  // namespace grassroots
