// Reading fields of JSON objects with errors that name the source, the row and the key path.
#include "core/json_reader.hpp"

#include <algorithm>

namespace grassroots::detail {

void JsonReader::fail(const std::string& path, const std::string& problem) const {
    throw InvalidInput(problem, Location{source_, row_, path});
}

std::string JsonReader::join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

void JsonReader::require_object(const Json& node, const std::string& path, const std::string& what) const {
    if (!node.is_object()) fail(path, "expected " + what);
}

void JsonReader::only_keys(const Json& node, const std::string& path, std::initializer_list<std::string_view> allowed) const {
    require_object(node, path, "a JSON object");
    for (const auto& item : node.items()) {
        if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
            fail(join(path, item.key()), "unknown key '" + item.key() + "'");
        }
    }
}

std::string JsonReader::text(const Json& object, const std::string& path, const std::string& key, bool required) const {
    const std::string at = join(path, key);
    if (!object.contains(key)) {
        if (required) fail(at, "missing '" + key + "'");
        return {};
    }
    const Json& value = object.at(key);
    if (!value.is_string()) fail(at, "'" + key + "' must be a string");
    return value.get<std::string>();
}

std::int64_t JsonReader::integer(const Json& object, const std::string& path, const std::string& key, bool required) const {
    const std::string at = join(path, key);
    if (!object.contains(key)) {
        if (required) fail(at, "missing '" + key + "'");
        return 0;
    }
    const Json& value = object.at(key);
    if (!value.is_number_integer()) fail(at, "'" + key + "' must be an integer");
    return value.get<std::int64_t>();
}

bool JsonReader::flag(const Json& object, const std::string& path, const std::string& key) const {
    if (!object.contains(key)) return false;
    const Json& value = object.at(key);
    if (!value.is_boolean()) fail(join(path, key), "'" + key + "' must be true or false");
    return value.get<bool>();
}

const JsonReader::Json& JsonReader::array(const Json& object, const std::string& path, const std::string& key, bool required) const {
    static const Json empty = Json::array();
    const std::string at = join(path, key);
    if (!object.contains(key)) {
        if (required) fail(at, "missing '" + key + "'");
        return empty;
    }
    const Json& value = object.at(key);
    if (!value.is_array()) fail(at, "'" + key + "' must be an array");
    return value;
}

std::vector<std::string> JsonReader::strings(const Json& object, const std::string& path, const std::string& key, bool required) const {
    std::vector<std::string> out;
    const Json& values = array(object, path, key, required);
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i].is_string()) fail(join(path, key) + "[" + std::to_string(i) + "]", "expected a string");
        out.push_back(values[i].get<std::string>());
    }
    return out;
}

}  // namespace grassroots::detail
