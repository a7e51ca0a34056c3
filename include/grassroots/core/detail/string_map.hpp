// Internal: a hash map keyed by std::string that can be searched with a std::string_view.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace grassroots::detail {

/// Hashes std::string and std::string_view alike, so lookups need not build a std::string.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

/// An unordered_map from std::string whose find() takes a std::string_view.
template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace grassroots::detail
