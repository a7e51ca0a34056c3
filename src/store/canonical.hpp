// The canonical form of an event payload, checked and screened in one pass (simdjson on demand).
#pragma once

#include <string>
#include <string_view>

namespace grassroots::detail {

/// Whether canonicalising also refuses raw identifiers (privacy/screening.hpp).
enum class Screening { off, identifiers };

/// @p json, a JSON object, in canonical form into @p out (replaced): compact, object keys sorted by
/// their bytes, strings UTF-8 as is with `"`, `\`, and control characters escaped (\b \f \n \r \t,
/// others \u00xx), integers in decimal, other numbers as nlohmann's `dump` writes them — the bytes
/// `nlohmann::json::parse(json).dump()` gave, which stored hashes depend on.
/// Throws InvalidInput, naming the key path where it applies, for invalid JSON or UTF-8, a value
/// that is not an object, a duplicate key, a number beyond double's range, text after the object,
/// and (with Screening::identifiers) a string, key or integer holding a raw identifier.
void canonicalise(std::string_view json, Screening screening, std::string& out);

}  // namespace grassroots::detail
