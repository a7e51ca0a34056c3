/// @file error.hpp
/// @brief The exception hierarchy every part of grassroots throws.
///
/// All errors derive from grassroots::Error. Errors about input carry a Location (source, row,
/// field) so that a message can name the file and row that was wrong. The Python bindings map each
/// class to an exception of the same name with a fitting built-in base (ValueError, KeyError,
/// PermissionError).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace grassroots {

/// @brief Where in some input a problem was found; every part is optional.
struct Location {
    std::string source;   ///< File name or other source label ("" if none).
    std::size_t row = 0;  ///< 1-based line number in the source (0 if none).
    std::string field;    ///< Column or field name ("" if none).

    /// @brief "source, row N, field 'f'" — the parts that are set, or "" when none is.
    [[nodiscard]] std::string to_string() const;
};

/// @brief Base of every exception the library throws.
class Error : public std::runtime_error {
public:
    /// @brief An error with a complete message.
    explicit Error(const std::string& message);
};

/// @brief Input that is malformed or out of range: a bad code, row, date or argument.
class InvalidInput : public Error {
public:
    /// @brief An input error; the message is prefixed with the location when one is given.
    explicit InvalidInput(const std::string& problem, Location where = {});
    /// @brief Where the problem was found.
    [[nodiscard]] const Location& where() const noexcept { return where_; }
    /// @brief The problem without its location prefix.
    [[nodiscard]] const std::string& problem() const noexcept { return problem_; }

private:
    Location where_;
    std::string problem_;
};

/// @brief A looked-up entity (code, id, name) does not exist.
class NotFound : public Error {
public:
    /// @brief A not-found error with a complete message.
    explicit NotFound(const std::string& message);
};

/// @brief Well-formed input that breaks a rule of the domain (law, policy, invariant).
class RuleViolation : public Error {
public:
    /// @brief A violation of the rule with id @p rule_id.
    RuleViolation(std::string rule_id, const std::string& message);
    /// @brief The id of the broken rule.
    [[nodiscard]] const std::string& rule_id() const noexcept { return rule_id_; }

private:
    std::string rule_id_;
};

/// @brief A file could not be opened or read (missing, unreadable, corrupt compression).
class FileError : public Error {
public:
    /// @brief A file error with a complete message.
    explicit FileError(const std::string& message);
};

/// @brief An actor tried something its role or scope does not allow.
class PermissionDenied : public Error {
public:
    /// @brief A refusal with a complete message.
    explicit PermissionDenied(const std::string& message);
};

}  // namespace grassroots
