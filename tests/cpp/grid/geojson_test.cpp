#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "grassroots/grid/grid_map.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;
constexpr auto lonlat = CoordinateSystem::lonlat;

const DivisionCode jinyuan("370502005066");
const DivisionCode village("370502102201");

Polygon rect(double x0, double y0, double x1, double y1) { return Polygon::rectangle({x0, y0}, {x1, y1}); }

GridMap sample_map() {
    GridMapBuilder builder(lonlat);
    builder.add(Grid{GridCode::parse("37050200506601"), GridKind::comprehensive, "锦苑社区第一网格",
                     rect(118.50, 37.40, 118.505, 37.405), 356})
        .add(Grid{GridCode::parse("37050200506602"), GridKind::comprehensive, "锦苑社区第二网格",
                  Polygon({{118.505, 37.40}, {118.51, 37.40}, {118.51, 37.405}, {118.505, 37.405}, {118.505, 37.40}},
                          {{{118.506, 37.401}, {118.507, 37.401}, {118.507, 37.402}, {118.506, 37.402},
                            {118.506, 37.401}}}),
                  412})
        .add(Grid{GridCode::parse("37050200506603"), GridKind::school, "胜利一中专属网格",
                  rect(118.506, 37.401, 118.507, 37.402), 0})
        .add(Grid{GridCode::parse("37050210220101"), GridKind::industrial_park, "工业社区 \"A\" 网格",
                  rect(118.60, 37.50, 118.61, 37.51), 120})
        .set_boundary(jinyuan, rect(118.50, 37.40, 118.51, 37.41));
    return builder.build();
}

// A FeatureCollection of the given features (JSON text).
std::string collection(const std::vector<std::string>& features) {
    std::string text = R"({"type": "FeatureCollection", "features": [)";
    for (std::size_t i = 0; i < features.size(); ++i) text += (i > 0 ? ", " : "") + features[i];
    return text + "]}";
}

const std::string square_geometry =
    R"({"type": "Polygon", "coordinates": [[[118.5, 37.4], [118.6, 37.4], [118.6, 37.5], [118.5, 37.5], [118.5, 37.4]]]})";

std::string feature(const std::string& properties, const std::string& geometry = square_geometry) {
    return R"({"type": "Feature", "properties": )" + properties + R"(, "geometry": )" + geometry + "}";
}

std::string grid_feature(const std::string& code, double x0) {
    const std::string x = std::to_string(x0);
    const std::string x1 = std::to_string(x0 + 0.01);
    return feature(R"({"code": ")" + code + R"(", "kind": "comprehensive", "name": "g", "households": 300})",
                   R"({"type": "Polygon", "coordinates": [[[)" + x + ", 37.4], [" + x1 + ", 37.4], [" + x1 +
                       ", 37.41], [" + x + ", 37.41], [" + x + ", 37.4]]]}");
}

std::string read_error(const std::string& text, CoordinateSystem system = lonlat,
                       std::shared_ptr<const GridCodeLayout> layout = GridCodeLayout::unit_grid()) {
    return error_message<InvalidInput>(
        [&] { (void)GridMapBuilder::from_geojson(text, "grids.geojson", system, std::move(layout)); });
}

TEST(GeoJson, WritesAFeatureCollection) {
    const GridMap map = sample_map();
    const nlohmann::json doc = nlohmann::json::parse(map.to_geojson(MapFeatures::all));
    EXPECT_EQ(doc["type"], "FeatureCollection");
    ASSERT_EQ(doc["features"].size(), 5U);  // four grids and one boundary
    const nlohmann::json& first = doc["features"][0];
    EXPECT_EQ(first["properties"]["role"], "grid");
    EXPECT_EQ(first["type"], "Feature");
    EXPECT_EQ(first["properties"]["code"], "37050200506601");
    EXPECT_EQ(first["properties"]["kind"], "comprehensive");
    EXPECT_EQ(first["properties"]["name"], "锦苑社区第一网格");
    EXPECT_EQ(first["properties"]["unit"], "370502005066");
    EXPECT_EQ(first["properties"]["households"], 356);
    EXPECT_EQ(first["geometry"]["type"], "Polygon");
    ASSERT_EQ(first["geometry"]["coordinates"].size(), 1U);
    EXPECT_EQ(first["geometry"]["coordinates"][0].size(), 5U);
    EXPECT_EQ(first["geometry"]["coordinates"][0][0], nlohmann::json::array({118.50, 37.40}));
    EXPECT_EQ(doc["features"][1]["geometry"]["coordinates"].size(), 2U);  // outer ring and hole
    const nlohmann::json& boundary = doc["features"][4];
    EXPECT_EQ(boundary["properties"]["role"], "boundary");
    EXPECT_EQ(boundary["properties"]["unit"], "370502005066");
    EXPECT_EQ(GridMap().to_geojson(), R"({"features":[],"type":"FeatureCollection"})");
}

// Issue 15: the export mixed the boundaries in with the grids; a user filtering for grids gets only grids.
TEST(GeoJson, GridsAndBoundariesAreExportedApart) {
    const GridMap map = sample_map();
    const nlohmann::json grids = nlohmann::json::parse(map.to_geojson());
    ASSERT_EQ(grids["features"].size(), 4U);
    for (const auto& feature : grids["features"]) EXPECT_EQ(feature["properties"]["role"], "grid");
    const nlohmann::json boundaries = nlohmann::json::parse(map.to_geojson(MapFeatures::boundaries));
    ASSERT_EQ(boundaries["features"].size(), 1U);
    EXPECT_EQ(boundaries["features"][0]["properties"]["role"], "boundary");
    EXPECT_EQ(GridMapBuilder::from_geojson(map.to_geojson(), "grids.geojson").build().boundary(jinyuan), nullptr);
}

TEST(GeoJson, ReadsAFileAndNamesItInErrors) {
    const auto folder = std::filesystem::temp_directory_path() / ("grassroots_geojson_" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "map.geojson") << sample_map().to_geojson(MapFeatures::all);
    std::ofstream(folder / "bad.geojson") << collection({R"({"type": "Feature", "properties": {}})"});
    const GridMap read = GridMapBuilder::read_geojson(folder / "map.geojson").build();
    EXPECT_EQ(read.size(), 4U);
    EXPECT_NE(read.boundary(jinyuan), nullptr);
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)GridMapBuilder::read_geojson(folder / "bad.geojson"); }),
                ::testing::HasSubstr("bad.geojson"));
    EXPECT_THROW((void)GridMapBuilder::read_geojson(folder / "missing.geojson"), FileError);
    std::filesystem::remove_all(folder);
}

TEST(GeoJson, TheCoordinateReferenceSystemIsRecordedAndChecked) {
    EXPECT_EQ(sample_map().epsg(), std::nullopt);
    GridMapBuilder cgcs(lonlat);
    cgcs.set_epsg(4490).add(Grid{GridCode::parse("37050200506601"), GridKind::comprehensive, "一", rect(118.5, 37.4, 118.6, 37.5), 0});
    EXPECT_EQ(cgcs.build().epsg(), 4490);
    EXPECT_THAT(error_message<InvalidInput>([] { GridMapBuilder(lonlat).set_epsg(32650); }),
                ::testing::HasSubstr("EPSG:32650 is not a lon/lat system"));
    GridMapBuilder utm(CoordinateSystem::metres);
    EXPECT_EQ(utm.set_epsg(32650).build().epsg(), 32650);
    EXPECT_THAT(error_message<InvalidInput>([] { GridMapBuilder(CoordinateSystem::metres).set_epsg(4490); }),
                ::testing::HasSubstr("not a projected system in metres"));
    EXPECT_THROW(GridMapBuilder(CoordinateSystem::metres).set_epsg(0), InvalidInput);
}

TEST(GeoJson, RoundTripKeepsCodesKindsNamesHouseholdsAndAreas) {
    const GridMap map = sample_map();
    const GridMapBuilder builder = GridMapBuilder::from_geojson(map.to_geojson(MapFeatures::all), "roundtrip.geojson");
    EXPECT_EQ(builder.size(), map.size());
    const GridMap again = builder.build();
    ASSERT_EQ(again.size(), map.size());
    for (std::size_t i = 0; i < map.size(); ++i) {
        const Grid& a = map.grids()[i];
        const Grid& b = again.grids()[i];
        EXPECT_EQ(a.code, b.code);
        EXPECT_EQ(a.code.str(), b.code.str());
        EXPECT_EQ(a.kind, b.kind);
        EXPECT_EQ(a.name, b.name);
        EXPECT_EQ(a.households, b.households);
        EXPECT_EQ(a.shape.outer(), b.shape.outer());
        EXPECT_EQ(a.shape.holes(), b.shape.holes());
        EXPECT_DOUBLE_EQ(a.shape.area(lonlat), b.shape.area(lonlat));
    }
    ASSERT_NE(again.boundary(jinyuan), nullptr);
    EXPECT_DOUBLE_EQ(again.boundary(jinyuan)->area(lonlat), map.boundary(jinyuan)->area(lonlat));
    EXPECT_EQ(again.to_geojson(MapFeatures::all), map.to_geojson(MapFeatures::all));
}

TEST(GeoJson, ReadsHandWrittenFiles) {
    // Clockwise ring, a third coordinate, no kind/name/households, a one-part MultiPolygon, a boundary.
    const std::string text = collection({
        feature(R"({"code": "37050200506601"})",
                R"({"type": "Polygon", "coordinates": [[[118.5, 37.4, 5], [118.5, 37.5, 5], [118.6, 37.5, 5],
                    [118.6, 37.4, 5], [118.5, 37.4, 5]]]})"),
        feature(R"({"code": "37050200506602", "kind": "hospital", "name": "人民医院", "households": 12.0})",
                R"({"type": "MultiPolygon", "coordinates": [[[[118.6, 37.4], [118.7, 37.4], [118.7, 37.5],
                    [118.6, 37.4]]]]})"),
        feature(R"({"role": "boundary", "unit": "370502005066"})"),
    });
    const GridMap map = GridMapBuilder::from_geojson(text, "hand.geojson").build();
    ASSERT_EQ(map.size(), 2U);
    EXPECT_EQ(map.grids()[0].kind, GridKind::comprehensive);
    EXPECT_EQ(map.grids()[0].name, "");
    EXPECT_EQ(map.grids()[0].households, 0);
    EXPECT_EQ(map.grids()[1].kind, GridKind::hospital);
    EXPECT_EQ(map.grids()[1].households, 12);
    EXPECT_NE(map.boundary(jinyuan), nullptr);
    EXPECT_EQ(map.locate({118.55, 37.45}), GridId{0});

    // Beijing's 15-digit layout.
    const std::string beijing = collection({feature(R"({"code": "110105001001001"})")});
    const GridMap bj = GridMapBuilder::from_geojson(beijing, "bj.geojson", lonlat, GridCodeLayout::beijing()).build();
    ASSERT_EQ(bj.size(), 1U);
    EXPECT_EQ(bj.grids()[0].code.unit(), DivisionCode("110105001001"));
    EXPECT_EQ(bj.grids()[0].code.sequence(), 1U);
}

TEST(GeoJson, BadFilesNameTheFeature) {
    // The first three features are good; the fourth has an unclosed ring.
    const std::string unclosed = collection({
        grid_feature("37050200506601", 118.50), grid_feature("37050200506602", 118.51),
        grid_feature("37050200506603", 118.52),
        feature(R"({"code": "37050200506604"})",
                R"({"type": "Polygon", "coordinates": [[[118.5, 37.4], [118.6, 37.5], [118.5, 37.5], [118.6, 37.4]]]})"),
    });
    EXPECT_EQ(read_error(unclosed),
              "grids.geojson, field 'features[3]': polygon ring is not closed (first point (118.5, 37.4) ≠ last point "
              "(118.6, 37.4))");
    EXPECT_EQ(read_error(collection({feature(R"({"code": "37050200506601", "kind": "schools"})")})),
              "grids.geojson, field 'features[0]': property 'kind': unknown grid kind 'schools' (expected "
              "comprehensive, school, hospital, enterprise, industrial_park, business_district or other_dedicated)");
    EXPECT_EQ(read_error(collection({feature(R"({"name": "no code"})")})),
              "grids.geojson, field 'features[0]': property 'code' is missing");
    EXPECT_EQ(read_error(collection({feature(R"({"code": 37050200506601})")})),
              "grids.geojson, field 'features[0]': property 'code' must be a string (it is a number)");
    const std::string bad_code = read_error(collection({feature(R"({"code": "3705020050660"})")}));
    EXPECT_TRUE(bad_code.starts_with("grids.geojson, field 'features[0]': property 'code': grid code '3705020050660'"))
        << bad_code;
    EXPECT_NE(bad_code.find("13 digits"), std::string::npos) << bad_code;
    // A 14-digit code read with Beijing's 15-digit layout.
    EXPECT_NE(read_error(collection({grid_feature("37050200506601", 118.5)}), lonlat, GridCodeLayout::beijing())
                  .find("property 'code': grid code '37050200506601' (beijing-15)"),
              std::string::npos);
    EXPECT_EQ(read_error(collection({grid_feature("37050200506601", 118.50), grid_feature("37050200506602", 118.51),
                                     grid_feature("37050200506601", 118.52)})),
              "grids.geojson, field 'features[2]': duplicate grid code 37050200506601 (features[0] and features[2])");
    EXPECT_EQ(read_error(collection({feature(R"({"code": "37050200506600"})")})),
              "grids.geojson, field 'features[0]': grid code 37050200506600 has sequence 00, which stands for the "
              "whole community 370502005066, not a grid");
    EXPECT_EQ(read_error(collection({feature(R"({"code": "37050200506601"})",
                                             R"({"type": "Point", "coordinates": [118.5, 37.4]})")})),
              "grids.geojson, field 'features[0]': geometry type is 'Point'; a grid or boundary must be a Polygon");
    EXPECT_EQ(read_error(collection({feature(R"({"code": "37050200506601"})",
                                             R"({"type": "MultiPolygon", "coordinates": [
                                                 [[[0, 0], [1, 0], [1, 1], [0, 0]]],
                                                 [[[2, 0], [3, 0], [3, 1], [2, 0]]]]})")})),
              "grids.geojson, field 'features[0]': geometry is a MultiPolygon of 2 parts; a grid or boundary must be "
              "a single Polygon");
    EXPECT_EQ(read_error(collection({feature(R"({"code": "37050200506601"})", "null")})),
              "grids.geojson, field 'features[0]': the feature has no geometry");
    EXPECT_EQ(read_error(collection({feature(R"({"code": "37050200506601"})",
                                             R"({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1], [0, 0]]]})")})),
              "grids.geojson, field 'features[0]': position 2 of ring 0 is not a pair of numbers [x, y]");
    EXPECT_EQ(read_error(collection({feature(R"({"code": "37050200506601"})",
                                             R"({"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1],
                                                 [0, 0]]]})")})),
              "grids.geojson, field 'features[0]': polygon is self-intersecting");
    EXPECT_EQ(read_error(collection({feature(R"({"code": "37050200506601"})",
                                             R"({"type": "Polygon", "coordinates": [[[500000, 4140000],
                                                 [500100, 4140000], [500100, 4140100], [500000, 4140000]]]})")})),
              "grids.geojson, field 'features[0]': point (500000, 4140000) is not a longitude in [-180, 180] and "
              "latitude in [-90, 90]");
    EXPECT_EQ(read_error(collection({feature(R"({"code": "37050200506601", "households": -3})")})),
              "grids.geojson, field 'features[0]': property 'households' is -3, not in 0…10000000");
    EXPECT_EQ(read_error(collection({feature(R"({"code": "37050200506601", "households": "many"})")})),
              "grids.geojson, field 'features[0]': property 'households' must be a whole number (it is a string)");
    EXPECT_EQ(read_error(collection({feature(R"({"code": "37050200506601", "households": 2.5})")})),
              "grids.geojson, field 'features[0]': property 'households' must be a whole number (it is 2.5)");
    EXPECT_EQ(read_error(collection({feature(R"({"code": "37050200506601", "unit": "370502005067"})")})),
              "grids.geojson, field 'features[0]': property 'unit' is 370502005067 but code 37050200506601 belongs "
              "to 370502005066");
    EXPECT_EQ(read_error(collection({feature(R"({"role": "boundary", "unit": "370502005066"})"),
                                     feature(R"({"role": "boundary", "unit": "370502005066"})")})),
              "grids.geojson, field 'features[1]': duplicate boundary of 370502005066 (features[0] and features[1])");
    EXPECT_EQ(read_error(collection({feature(R"({"role": "edge", "unit": "370502005066"})")})),
              "grids.geojson, field 'features[0]': property 'role' is 'edge'; expected 'boundary', 'grid' or none");
    EXPECT_EQ(read_error(collection({R"({"type": "Feature", "geometry": null})"})),
              "grids.geojson, field 'features[0]': the feature has no properties (a grid needs at least 'code')");
    EXPECT_EQ(read_error(collection({"42"})), "grids.geojson, field 'features[0]': the feature is a number, not an object");
}

TEST(GeoJson, BadDocuments) {
    const std::string not_json = read_error(R"({"type": "FeatureCollection", "features": [)");
    EXPECT_TRUE(not_json.starts_with("grids.geojson: malformed JSON: parse error")) << not_json;
    EXPECT_EQ(read_error(feature(R"({"code": "37050200506601"})")),
              "grids.geojson, field 'type': the top level must be a FeatureCollection (type is 'Feature')");
    EXPECT_EQ(read_error(R"({"type": "FeatureCollection"})"),
              "grids.geojson, field 'features': a FeatureCollection needs an array 'features' (it is missing)");
    EXPECT_EQ(read_error("[]"), "grids.geojson: the top level is an array, not a GeoJSON object");
    // An empty collection is fine.
    EXPECT_EQ(GridMapBuilder::from_geojson(collection({}), "empty.geojson").size(), 0U);
}

}  // namespace
}  // namespace grassroots
