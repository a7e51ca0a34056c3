// Reading fields of JSON objects with errors that name the source, the row and the key path.
#include "core/json_reader.hpp"

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "core/quote.hpp"

namespace grassroots::detail {

namespace {

// What nlohmann's parser would accept although the text means something else: it stops at a NUL
// byte, and it takes bidirectional controls inside strings.
void check_json_text(std::string_view text, const std::string& source, std::size_t row) {
    try {
        check_text(text, "the JSON text");
    } catch (const InvalidInput& error) {
        throw InvalidInput(error.problem(), Location{source, row, ""});
    }
}

// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string without_id(const nlohmann::json::exception& error) {
    std::string what = error.what();
    if (const auto end = what.find("] "); what.starts_with("[json.exception") && end != std::string::npos) what.erase(0, end + 2);
    return what;
}

// Keys seen in each object being parsed, innermost last: a key seen twice is refused.
template <class Json>
class DuplicateKeys {
public:
    DuplicateKeys(const std::string& source, std::size_t row) : source_(source), row_(row) {}

    bool operator()(int /*depth*/, nlohmann::detail::parse_event_t event, Json& parsed) {
        using Event = nlohmann::detail::parse_event_t;
        if (event == Event::object_start) keys_.emplace_back();
        if (event == Event::object_end) keys_.pop_back();
        if (event == Event::key && !keys_.back().insert(parsed.template get<std::string>()).second) {
            const auto key = parsed.template get<std::string>();
            throw InvalidInput("the key " + quote(key) + " appears twice in one object", Location{source_, row_, key});
        }
        return true;
    }

private:
    const std::string& source_;
    std::size_t row_;
    std::vector<std::unordered_set<std::string>> keys_;
};

}  // namespace

template <class Json>
Json parse_json(std::string_view text, const std::string& source, std::size_t row) {
    check_json_text(text, source, row);
    try {
        return Json::parse(text.begin(), text.end(), DuplicateKeys<Json>(source, row));
    } catch (const nlohmann::json::parse_error& error) {
        throw InvalidInput("malformed JSON: " + without_id(error), Location{source, row, ""});
    } catch (const nlohmann::json::exception& error) {
        throw InvalidInput("JSON value out of range: " + without_id(error), Location{source, row, ""});
    }
}

template nlohmann::json parse_json<nlohmann::json>(std::string_view, const std::string&, std::size_t);
template nlohmann::ordered_json parse_json<nlohmann::ordered_json>(std::string_view, const std::string&, std::size_t);

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

std::int64_t JsonReader::integer(const Json& object, const std::string& path, const std::string& key, bool required,
                                 IntRange range) const {
    const std::string at = join(path, key);
    if (!object.contains(key)) {
        if (required) fail(at, "missing '" + key + "'");
        return 0;
    }
    const Json& value = object.at(key);
    const std::optional<std::int64_t> number = integer_in(value, range);
    if (!number) {
        fail(at, "'" + key + "' must be an integer" + (range == any_int64 ? std::string() : " in " + range.to_string()));
    }
    return *number;
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
