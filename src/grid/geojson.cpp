// GridMapBuilder::from_geojson: grids and community boundaries from a GeoJSON FeatureCollection.

#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#include <nlohmann/json.hpp>
#pragma GCC diagnostic pop

#include "core/json_reader.hpp"
#include "grassroots/core/files.hpp"
#include "grassroots/error.hpp"
#include "grassroots/grid/grid_map.hpp"
#include "grassroots/grid/households.hpp"
#include "grid_support.hpp"

namespace grassroots {

namespace {

using nlohmann::json;

// "a string", "a number", … for messages.
std::string describe(const json& value) {
    switch (value.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::object:
        return "an object";
    case json::value_t::array:
        return "an array";
    case json::value_t::string:
        return "a string";
    case json::value_t::boolean:
        return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return "a number";
    default:
        return "a " + std::string(value.type_name());
    }
}

class FeatureReader {
public:
    FeatureReader(std::string_view source, CoordinateSystem system, std::shared_ptr<const GridCodeLayout> layout)
        : source_(source), system_(system), layout_(std::move(layout)), builder_(system) {}

    void read(const json& root) {
        if (!root.is_object()) throw InvalidInput("the top level is " + describe(root) + ", not a GeoJSON object", {source_, 0, {}});
        const auto type = root.find("type");
        if (type == root.end() || !type->is_string() || type->get<std::string>() != "FeatureCollection") {
            throw InvalidInput(
                "the top level must be a FeatureCollection (type is " +
                    (type == root.end() ? std::string("missing")
                                        : type->is_string() ? "'" + type->get<std::string>() + "'" : describe(*type)) +
                    ")",
                {source_, 0, "type"});
        }
        const auto features = root.find("features");
        if (features == root.end() || !features->is_array()) {
            throw InvalidInput("a FeatureCollection needs an array 'features' (it is " +
                                   (features == root.end() ? std::string("missing") : describe(*features)) + ")",
                               {source_, 0, "features"});
        }
        for (std::size_t i = 0; i < features->size(); ++i) {
            field_ = "features[" + std::to_string(i) + "]";
            try {
                read_feature((*features)[i]);
            } catch (const InvalidInput& error) {
                if (!error.where().source.empty()) throw;
                throw InvalidInput(error.problem(), where());
            }
        }
    }

    GridMapBuilder take() { return std::move(builder_); }

private:
    [[nodiscard]] Location where() const { return {source_, 0, field_}; }

    static const json* member(const json& object, const char* name) {
        const auto it = object.find(name);
        return it == object.end() || it->is_null() ? nullptr : &*it;
    }

    static std::string text_property(const json& properties, const char* name, bool required) {
        const json* value = member(properties, name);
        if (value == nullptr) {
            if (required) throw InvalidInput(std::string("property '") + name + "' is missing");
            return {};
        }
        if (!value->is_string()) {
            throw InvalidInput(std::string("property '") + name + "' must be a string (it is " + describe(*value) + ")");
        }
        return value->get<std::string>();
    }

    static Point position(const json& value, std::size_t ring, std::size_t index) {
        const std::string which = "position " + std::to_string(index) + " of ring " + std::to_string(ring);
        if (!value.is_array() || value.size() < 2 || !value[0].is_number() || !value[1].is_number()) {
            throw InvalidInput(which + " is not a pair of numbers [x, y]");
        }
        return {value[0].get<double>(), value[1].get<double>()};
    }

    static Polygon polygon(const json& coordinates) {
        if (!coordinates.is_array() || coordinates.empty()) throw InvalidInput("polygon is empty");
        std::vector<std::vector<Point>> rings;
        for (std::size_t r = 0; r < coordinates.size(); ++r) {
            const json& ring = coordinates[r];
            if (!ring.is_array()) {
                throw InvalidInput("ring " + std::to_string(r) + " is " + describe(ring) + ", not an array of positions");
            }
            std::vector<Point> points;
            points.reserve(ring.size());
            for (std::size_t k = 0; k < ring.size(); ++k) points.push_back(position(ring[k], r, k));
            rings.push_back(std::move(points));
        }
        std::vector<Point> outer = std::move(rings.front());
        rings.erase(rings.begin());
        return Polygon(std::move(outer), std::move(rings));
    }

    static Polygon geometry(const json& feature) {
        const json* geometry = member(feature, "geometry");
        if (geometry == nullptr) throw InvalidInput("the feature has no geometry");
        if (!geometry->is_object()) throw InvalidInput("geometry is " + describe(*geometry) + ", not an object");
        const json* type = member(*geometry, "type");
        const std::string kind = type != nullptr && type->is_string() ? type->get<std::string>() : std::string();
        const json* coordinates = member(*geometry, "coordinates");
        if (kind == "Polygon") {
            if (coordinates == nullptr) throw InvalidInput("the Polygon has no coordinates");
            return polygon(*coordinates);
        }
        if (kind == "MultiPolygon") {
            if (coordinates != nullptr && coordinates->is_array() && coordinates->size() == 1) {
                return polygon((*coordinates)[0]);  // one part: the same as a Polygon
            }
            throw InvalidInput("geometry is a MultiPolygon of " +
                               std::to_string(coordinates != nullptr && coordinates->is_array() ? coordinates->size() : 0) +
                               " parts; a grid or boundary must be a single Polygon");
        }
        throw InvalidInput("geometry type is " + (kind.empty() ? std::string("missing") : "'" + kind + "'") +
                           "; a grid or boundary must be a Polygon");
    }

    void check_range(const Polygon& shape) const {
        if (system_ != CoordinateSystem::lonlat) return;
        auto check = [](const std::vector<Point>& ring) {
            for (const Point& p : ring) {
                if (!(p.x >= -180 && p.x <= 180 && p.y >= -90 && p.y <= 90)) {
                    throw InvalidInput("point " + detail::format_point(p) +
                                       " is not a longitude in [-180, 180] and latitude in [-90, 90]");
                }
            }
        };
        check(shape.outer());
        for (const auto& hole : shape.holes()) check(hole);
    }

    void read_feature(const json& feature) {
        if (!feature.is_object()) throw InvalidInput("the feature is " + describe(feature) + ", not an object");
        const json* type = member(feature, "type");
        if (type == nullptr || !type->is_string() || type->get<std::string>() != "Feature") {
            throw InvalidInput("the feature's type must be 'Feature'");
        }
        const json* properties = member(feature, "properties");
        if (properties == nullptr || !properties->is_object()) {
            throw InvalidInput("the feature has no properties (a grid needs at least 'code')");
        }
        const std::string role = text_property(*properties, "role", false);
        if (role == "boundary") {
            read_boundary(feature, *properties);
        } else if (role.empty() || role == "grid") {
            read_grid(feature, *properties);
        } else {
            throw InvalidInput("property 'role' is '" + role + "'; expected 'boundary', 'grid' or none");
        }
    }

    void read_boundary(const json& feature, const json& properties) {
        const std::string text = text_property(properties, "unit", true);
        std::optional<DivisionCode> parsed;
        try {
            parsed = DivisionCode::parse(text);
        } catch (const InvalidInput& error) {
            throw InvalidInput("property 'unit': " + error.problem());
        }
        const DivisionCode unit = *parsed;
        if (const auto [it, fresh] = boundary_features_.emplace(unit, field_); !fresh) {
            throw InvalidInput("duplicate boundary of " + unit.str() + " (" + it->second + " and " + field_ + ")");
        }
        Polygon shape = geometry(feature);
        check_range(shape);
        builder_.set_boundary(unit, std::move(shape));
    }

    void read_grid(const json& feature, const json& properties) {
        const std::string code_text = text_property(properties, "code", true);
        std::optional<GridCode> code;
        try {
            code = GridCode::parse(code_text, layout_);
        } catch (const InvalidInput& error) {
            throw InvalidInput("property 'code': " + error.problem());
        }
        if (const auto [it, fresh] = grid_features_.emplace(code->str(), field_); !fresh) {
            throw InvalidInput("duplicate grid code " + code->str() + " (" + it->second + " and " + field_ + ")");
        }
        GridKind kind = GridKind::comprehensive;
        if (const std::string kind_text = text_property(properties, "kind", false); !kind_text.empty()) {
            try {
                kind = parse_grid_kind(kind_text);
            } catch (const InvalidInput& error) {
                throw InvalidInput("property 'kind': " + error.problem());
            }
        }
        std::string name = text_property(properties, "name", false);
        if (const std::string unit_text = text_property(properties, "unit", false);
            !unit_text.empty() && unit_text != code->unit().str() && unit_text != code->unit().padded_str()) {
            throw InvalidInput("property 'unit' is " + unit_text + " but code " + code->str() + " belongs to " +
                               code->unit().str());
        }
        std::int64_t households = 0;
        if (const json* value = member(properties, "households"); value != nullptr) {
            const bool whole_float = value->is_number_float() && std::trunc(value->get<double>()) == value->get<double>() &&
                                     std::abs(value->get<double>()) < 9e15;
            if (!value->is_number_integer() && !whole_float) {
                throw InvalidInput("property 'households' must be a whole number (it is " +
                                   (value->is_number() ? value->dump() : describe(*value)) + ")");
            }
            const json whole = whole_float ? json(static_cast<std::int64_t>(value->get<double>())) : *value;
            const auto count = detail::integer_in(whole, IntRange{0, max_households});
            if (!count) {
                throw InvalidInput("property 'households' is " + whole.dump() + ", not in 0…" + std::to_string(max_households));
            }
            households = *count;
        }
        Polygon shape = geometry(feature);
        check_range(shape);
        builder_.add(Grid{std::move(*code), kind, std::move(name), std::move(shape), households});
    }

    std::string source_;
    CoordinateSystem system_;
    std::shared_ptr<const GridCodeLayout> layout_;
    GridMapBuilder builder_;
    std::string field_;
    std::map<std::string, std::string> grid_features_;       // code → feature
    std::map<DivisionCode, std::string> boundary_features_;  // unit → feature
};

}  // namespace

GridMapBuilder GridMapBuilder::from_geojson(std::string_view text, std::string_view source, CoordinateSystem system,
                                            std::shared_ptr<const GridCodeLayout> layout) {
    if (!layout) throw InvalidInput("no grid code layout given", {std::string(source), 0, {}});
    json root = detail::parse_json<json>(text, std::string(source));
    FeatureReader reader(source, system, std::move(layout));
    reader.read(root);
    return reader.take();
}

GridMapBuilder GridMapBuilder::read_geojson(const std::filesystem::path& path, CoordinateSystem system,
                                            std::shared_ptr<const GridCodeLayout> layout) {
    return from_geojson(read_text_file(path), path.filename().string(), system, std::move(layout));
}

}  // namespace grassroots
