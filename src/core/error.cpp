#include "grassroots/error.hpp"

#include "core/quote.hpp"

namespace grassroots {

std::string Location::to_string() const {
    std::string text = source;
    if (row != 0) {
        text += (text.empty() ? "row " : ", row ") + std::to_string(row);
    }
    if (!field.empty()) {
        text += (text.empty() ? "field '" : ", field '") + field + "'";
    }
    return text;
}

namespace {

// Every message is valid UTF-8 without NUL bytes and at most this long, whatever input it echoes,
// so that Python can always decode it and a log is never flooded.
constexpr std::size_t message_bound = 2000;

Location printable_location(Location where) {
    where.source = detail::shortened(where.source, detail::quote_bound * 2);
    where.field = detail::shortened(where.field, detail::quote_bound * 2);
    return where;
}
}  // namespace

Error::Error(const std::string& message) : std::runtime_error(detail::shortened(message, message_bound)) {}

namespace {
std::string with_location(const std::string& problem, const Location& where) {
    std::string prefix = where.to_string();
    return prefix.empty() ? problem : prefix + ": " + problem;
}
}  // namespace

InvalidInput::InvalidInput(const std::string& problem, Location where)
    : Error(with_location(problem, printable_location(where))),
      where_(printable_location(std::move(where))),
      problem_(detail::shortened(problem, message_bound)) {}

NotFound::NotFound(const std::string& message) : Error(message) {}

FileError::FileError(const std::string& message) : Error(message) {}

RuleViolation::RuleViolation(std::string rule_id, const std::string& message)
    : Error(rule_id + ": " + message), rule_id_(std::move(rule_id)) {}

PermissionDenied::PermissionDenied(const std::string& message) : Error(message) {}

}  // namespace grassroots
