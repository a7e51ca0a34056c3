// Internal helpers of the persisted objects (objects*.cpp): versioned documents in streams, event
// ids, JSON field access with clear errors.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "grassroots/core/date.hpp"
#include "grassroots/core/enum_table.hpp"
#include "grassroots/division/code.hpp"
#include "grassroots/error.hpp"
#include "grassroots/store/store.hpp"

namespace grassroots {
class GridMap;
class GridCodeLayout;
}

namespace grassroots::detail {

using json = nlohmann::json;

/// A grid map as JSON: its coordinate system, code layout and GeoJSON (objects_documents.cpp).
json grid_map_json(const GridMap& map);
/// The map of grid_map_json() rebuilt through GridMapBuilder (a fresh spatial index); @p where
/// names the payload in errors.
GridMap grid_map_from(const json& body, const std::string& where);
/// The code layout of grid_map_json()'s "layout" (the built-in ones shared, others made anew).
std::shared_ptr<const GridCodeLayout> grid_layout_from(const json& layout);

/// The version of every payload format written here (NewEvent::schema_version and "format_version").
inline constexpr std::int64_t object_format_version = 1;

/// "<stream>#<version>#<FNV-1a 64 of the payload>": the same save retried is a duplicate, a
/// different payload for the same version is a version conflict, not a silent duplicate.
std::string object_event_id(const std::string& stream, std::int64_t version, std::string_view payload);

/// "stream 'x' version n".
std::string stream_where(const std::string& stream, std::int64_t version);

/// Saves @p body as the next `<kind>_saved` version of @p stream unless it equals the latest.
std::int64_t save_document(Store& store, const std::string& stream, std::string_view kind, json body,
                           const std::string& actor, std::int64_t expected_version);

/// A loaded document: its body and the version it came from.
struct LoadedDocument {
    json body;                 ///< The payload (format fields included).
    std::int64_t version = 0;  ///< The stream version it was read at.
};

/// Reads version @p version (0: latest) of document stream @p stream of @p kind; NotFound for an
/// unknown stream, InvalidInput for another kind, a version out of range or a bad payload.
LoadedDocument load_document(const Store& store, const std::string& stream, std::string_view kind,
                             std::int64_t version);

/// Runs @p decode; any library or JSON error becomes InvalidInput "<where>: corrupted payload: …".
template <class F>
auto decode_payload(const std::string& where, F&& decode) -> decltype(decode()) {
    try {
        return decode();
    } catch (const json::exception& error) {
        throw InvalidInput(where + ": corrupted payload: " + error.what());
    } catch (const Error& error) {
        throw InvalidInput(where + ": corrupted payload: " + error.what());
    }
}

/// Field @p key of @p object as T (json errors name the key).
template <class T>
T field(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end()) throw InvalidInput(std::string("field '") + key + "' is missing");
    try {
        return it->template get<T>();
    } catch (const json::exception&) {
        throw InvalidInput(std::string("field '") + key + "' has the wrong type (" + it->dump() + ")");
    }
}

/// Field @p key as a date ("YYYY-MM-DD").
inline Date date_field(const json& object, const char* key) { return parse_date(field<std::string>(object, key)); }
/// Field @p key as an optional date (null: none).
inline std::optional<Date> optional_date_field(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    return date_field(object, key);
}
/// A date as JSON (null when absent).
inline json date_json(const std::optional<Date>& date) { return date ? json(to_string(*date)) : json(nullptr); }

/// Field @p key as a division code.
inline DivisionCode code_field(const json& object, const char* key) {
    return DivisionCode::parse(field<std::string>(object, key));
}

/// Field @p key as an enum named by its table name.
template <NamedEnum E>
E enum_field(const json& object, const char* key) {
    const auto text = field<std::string>(object, key);
    const std::optional<E> value = find_enum<E>(text);
    if (!value) throw InvalidInput(std::string("field '") + key + "' is '" + text + "'; expected " + enum_alternatives<E>());
    return *value;
}

/// Field @p key as an optional enum (null: none).
template <NamedEnum E>
std::optional<E> optional_enum_field(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    return enum_field<E>(object, key);
}

/// An enum as its table name.
template <NamedEnum E>
json enum_json(E value) {
    return std::string(enum_name(value));
}

/// Field @p key as an optional dense id (null: none), checked against @p size.
template <class Id>
std::optional<Id> optional_id_field(const json& object, const char* key, std::size_t size) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    const auto value = field<std::int64_t>(object, key);
    if (value < 0 || static_cast<std::size_t>(value) >= size) {
        throw InvalidInput(std::string("field '") + key + "' is " + std::to_string(value) + ", not an id below " +
                           std::to_string(size));
    }
    return Id(static_cast<typename Id::rep_type>(value));
}

/// An optional id as JSON (null when absent).
template <class Id>
json id_json(const std::optional<Id>& id) {
    return id ? json(id->value()) : json(nullptr);
}

/// The list under @p key of @p object; InvalidInput naming the key if it is missing or not a list.
inline const json& array_field(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_array()) throw InvalidInput(std::string("field '") + key + "' is not a list");
    return *it;
}

/// Runs @p f for each element of list @p key, naming the element ("key[i]: ...") in errors.
template <class F>
void each(const json& object, const char* key, F&& f) {
    const json& list = array_field(object, key);
    for (std::size_t i = 0; i < list.size(); ++i) {
        try {
            f(list[i]);
        } catch (const Error& error) {
            throw InvalidInput(std::string(key) + "[" + std::to_string(i) + "]: " + error.what());
        } catch (const json::exception& error) {
            throw InvalidInput(std::string(key) + "[" + std::to_string(i) + "]: " + error.what());
        }
    }
}

}  // namespace grassroots::detail
