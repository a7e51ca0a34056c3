// Internal: reading fields of JSON objects (nlohmann) with errors that name the source, the row and
// the key path. Used by the workflow definitions and the case engine's JSON lines. Not installed.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grassroots/error.hpp"

namespace grassroots::detail {

/// Reads the fields of JSON objects; every error is an InvalidInput at Location{source, row, path},
/// where path is a dotted key path ("states[2].deadline.unit"; "" for the document itself).
class JsonReader {
public:
    using Json = nlohmann::ordered_json;

    /// @p row: the line of a JSON lines file, 0 for a whole document.
    explicit JsonReader(std::string source, std::size_t row = 0) : source_(std::move(source)), row_(row) {}

    /// Throws InvalidInput(@p problem) at @p path.
    [[noreturn]] void fail(const std::string& path, const std::string& problem) const;

    /// "path.key", or "key" at the top.
    static std::string join(const std::string& path, const std::string& key);

    /// Throws "expected <what>" at @p path unless @p node is an object.
    void require_object(const Json& node, const std::string& path, const std::string& what) const;

    /// Refuses a node that is not an object ("expected a JSON object") and keys outside @p allowed
    /// ("unknown key 'k'" at path.k), so that a misspelt optional key is not silently ignored.
    void only_keys(const Json& node, const std::string& path, std::initializer_list<std::string_view> allowed) const;

    /// The string at @p key of @p object; when absent, "missing 'key'" if @p required, else "".
    std::string text(const Json& object, const std::string& path, const std::string& key, bool required = true) const;

    /// The integer at @p key of @p object; when absent, "missing 'key'" if @p required, else 0.
    std::int64_t integer(const Json& object, const std::string& path, const std::string& key, bool required = true) const;

    /// The boolean at @p key of @p object; false when absent.
    bool flag(const Json& object, const std::string& path, const std::string& key) const;

    /// The array at @p key of @p object; when absent, "missing 'key'" if @p required, else an empty array.
    const Json& array(const Json& object, const std::string& path, const std::string& key, bool required) const;

    /// The array of strings at @p key of @p object (see array()).
    std::vector<std::string> strings(const Json& object, const std::string& path, const std::string& key, bool required) const;

    /// parse(value); an InvalidInput it throws is thrown again at @p path.
    template <class Parse>
    auto parsed(const std::string& path, const std::string& value, Parse parse) const {
        try {
            return parse(value);
        } catch (const InvalidInput& error) {
            fail(path, error.problem());
        }
    }

private:
    std::string source_;
    std::size_t row_;
};

}  // namespace grassroots::detail
