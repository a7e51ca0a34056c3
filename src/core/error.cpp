#include "grassroots/error.hpp"

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

Error::Error(const std::string& message) : std::runtime_error(message) {}

namespace {
std::string with_location(const std::string& problem, const Location& where) {
    std::string prefix = where.to_string();
    return prefix.empty() ? problem : prefix + ": " + problem;
}
}  // namespace

InvalidInput::InvalidInput(const std::string& problem, Location where)
    : Error(with_location(problem, where)), where_(std::move(where)), problem_(problem) {}

NotFound::NotFound(const std::string& message) : Error(message) {}

FileError::FileError(const std::string& message) : Error(message) {}

RuleViolation::RuleViolation(std::string rule_id, const std::string& message)
    : Error(rule_id + ": " + message), rule_id_(std::move(rule_id)) {}

PermissionDenied::PermissionDenied(const std::string& message) : Error(message) {}

}  // namespace grassroots
