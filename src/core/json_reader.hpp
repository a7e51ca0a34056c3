// Internal: reading fields of JSON objects (nlohmann) with errors that name the source, the row and
// the key path. Used by the workflow definitions and the case engine's JSON lines. Not installed.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grassroots/core/range.hpp"
#include "grassroots/error.hpp"

namespace grassroots::detail {

/// The largest range an integer read from JSON can have.
inline constexpr IntRange any_int64{std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()};

/// Parses JSON @p text read from @p source (@p row: its line in a JSON lines file, else 0). Every
/// problem is an InvalidInput at @p source: malformed JSON, a number beyond double range (1e400),
/// text that check_text() refuses (not UTF-8, a NUL byte where nlohmann would stop reading, a
/// bidirectional control), or an object holding the same key twice (nlohmann would keep the last
/// silently), naming the key.
template <class Json>
Json parse_json(std::string_view text, const std::string& source, std::size_t row = 0);

/// The integer @p value if it is one in @p range; nullopt for a non-integer or one outside it
/// (including unsigned values above INT64_MAX, which a plain get<std::int64_t>() wraps).
template <class Json>
std::optional<std::int64_t> integer_in(const Json& value, IntRange range) {
    if (value.is_number_unsigned()) {
        const auto number = value.template get<std::uint64_t>();
        if (range.max < 0 || number > static_cast<std::uint64_t>(range.max)) return std::nullopt;
        return range.contains(static_cast<std::int64_t>(number)) ? std::optional(static_cast<std::int64_t>(number)) : std::nullopt;
    }
    if (!value.is_number_integer()) return std::nullopt;
    const auto number = value.template get<std::int64_t>();
    return range.contains(number) ? std::optional(number) : std::nullopt;
}

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

    /// The integer at @p key of @p object, which must lie in @p range ("'key' must be an integer in
    /// 1–2147483647"); when absent, "missing 'key'" if @p required, else 0.
    std::int64_t integer(const Json& object, const std::string& path, const std::string& key, bool required = true,
                         IntRange range = any_int64) const;

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
