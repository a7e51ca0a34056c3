// Canonical JSON in one pass over simdjson's on-demand parser: no DOM, members written as they come
// and reordered only when an object's keys arrive unsorted; the key path is kept as a stack of views
// and turned into text only for an error.
#include "store/canonical.hpp"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

// nlohmann's double formatting (Grisu2, then its own layout: "1.0", "1e-05", "1.2345678901234569e+23")
// is part of the canonical bytes of every stored payload with a fraction or exponent: the same
// function, not a look-alike, keeps them identical. Only this small header of nlohmann is used.
#include <nlohmann/detail/conversions/to_chars.hpp>

#include "grassroots/error.hpp"
#include "grassroots/privacy/screening.hpp"

namespace grassroots::detail {

namespace {

namespace od = simdjson::ondemand;

// One step of the key path: an object key, or an array index when key is null.
struct PathStep {
    std::optional<std::string_view> key;
    std::size_t index = 0;
};

// A member of the object being written: its unescaped key and where `"key":value` sits in the output.
struct Member {
    std::string_view key;
    std::size_t begin = 0;
    std::size_t end = 0;
};

std::string_view type_name(od::json_type type) {
    switch (type) {
        case od::json_type::array: return "array";
        case od::json_type::object: return "object";
        case od::json_type::number: return "number";
        case od::json_type::string: return "string";
        case od::json_type::boolean: return "boolean";
        case od::json_type::null: return "null";
    }
    return "unknown";
}

// Appends @p text as a JSON string the way nlohmann's dump (ensure_ascii off) escapes it.
void write_string(std::string_view text, std::string& out) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
        out.append(text.data() + run, i - run);
        run = i + 1;
        switch (byte) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: out += "\\u00"; out += hex[byte >> 4U]; out += hex[byte & 0xFU];
        }
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

// Appends @p text as a JSON string: as it is when its JSON had no escape (then it holds no `"`, `\`
// or control character: simdjson refuses those raw), else escaped.
void write_string(std::string_view text, bool escaped, std::string& out) {
    if (escaped) {
        write_string(text, out);
        return;
    }
    out += '"';
    out += text;
    out += '"';
}

// Whether the JSON string starting at @p raw (after its opening quote) has an escape.
bool has_escape(const char* raw) {
    for (; *raw != '"'; ++raw) {
        if (*raw == '\\') return true;
    }
    return false;
}

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// -?(0|[1-9][0-9]*): an integer literal (no fraction, no exponent).
bool is_integer_literal(std::string_view token) {
    if (token.starts_with('-')) token.remove_prefix(1);
    if (token.empty() || (token[0] == '0' && token.size() > 1)) return false;
    return std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// @p token as nlohmann keeps it, when it fits: int64 when negative, uint64 otherwise ("-0" is 0).
template <class Integer>
bool parse_integer(std::string_view token, Integer& value) {
    const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
    return error == std::errc{} && end == token.data() + token.size();
}

class Canonicaliser {
public:
    void run(std::string_view json, Screening screening, std::string& out) {
        if (const auto nul = json.find('\0'); nul != std::string_view::npos) {
            throw InvalidInput("the payload is not valid JSON: a NUL byte at byte " + std::to_string(nul + 1));
        }
        screening_ = screening;
        path_.clear();
        members_.clear();
        padded_.resize(json.size() + simdjson::SIMDJSON_PADDING);
        std::memcpy(padded_.data(), json.data(), json.size());
        od::document document;
        check(parser_.iterate(simdjson::padded_string_view(padded_.data(), json.size(), padded_.size())).get(document));
        od::json_type type{};
        check(document.type().get(type));
        if (type != od::json_type::object) {
            throw InvalidInput("the payload must be a JSON object, not " + std::string(type_name(type)));
        }
        od::object object;
        check(document.get_object().get(object));
        out.clear();
        write_object(object, out);
        if (const char* rest = nullptr; document.current_location().get(rest) == simdjson::SUCCESS) {
            throw InvalidInput("the payload is not valid JSON: text after the object at byte " +
                               std::to_string(rest - padded_.data() + 1));
        }
    }

private:
    [[noreturn]] void fail(const std::string& problem) const {
        if (path_.empty()) throw InvalidInput("the payload is not valid JSON: " + problem);
        throw InvalidInput("the payload is not valid JSON at key '" + path() + "': " + problem);
    }

    void check(simdjson::error_code error) const {
        if (error == simdjson::UTF8_ERROR) throw InvalidInput("the payload is not valid UTF-8");
        if (error != simdjson::SUCCESS) fail(simdjson::error_message(error));
    }

    // The key path as the screening messages write it: applicant.phones[1].
    std::string path() const {
        std::string text;
        for (const PathStep& step : path_) {
            if (!step.key) {
                text += "[" + std::to_string(step.index) + "]";
                continue;
            }
            if (!text.empty()) text += '.';
            text += *step.key;
        }
        return text;
    }

    void screen(std::string_view text) const {
        if (screening_ == Screening::off) return;
        const std::optional<IdentifierMatch> match = find_identifier(text);
        if (!match) return;
        throw InvalidInput("payload key '" + path() + "' holds " +
                           (match->kind == IdentifierKind::citizen_id ? "a citizen ID number (居民身份证号码)"
                                                                     : "a mobile phone number (手机号码)") +
                           ": raw identifiers never enter events — register the person in the vault and "
                           "store their pseudonym instead; nothing was written");
    }

    // A string's unescaped text. simdjson validated the input's UTF-8; only an escape (\udc00, a
    // lone surrogate) can make the text invalid, so only text from @p escaped JSON is checked again.
    std::string_view text_of(simdjson::simdjson_result<std::string_view> result, bool escaped) {
        std::string_view text;
        check(std::move(result).get(text));
        if (escaped && !simdjson::validate_utf8(text.data(), text.size())) {
            fail("a string escape makes invalid UTF-8 (a lone surrogate?)");
        }
        return text;
    }

    void write_value(od::value value, std::string& out) {
        od::json_type type{};
        check(value.type().get(type));
        switch (type) {
            case od::json_type::object: {
                od::object object;
                check(value.get_object().get(object));
                write_object(object, out);
                return;
            }
            case od::json_type::array: {
                od::array array;
                check(value.get_array().get(array));
                write_array(array, out);
                return;
            }
            case od::json_type::string: {
                const bool escaped = value.raw_json_token().find('\\') != std::string_view::npos;
                const std::string_view text = text_of(value.get_string(), escaped);
                screen(text);
                write_string(text, escaped, out);
                return;
            }
            case od::json_type::number: write_number(value, out); return;
            case od::json_type::boolean: {
                bool flag = false;
                check(value.get_bool().get(flag));
                out += flag ? "true" : "false";
                return;
            }
            case od::json_type::null: {
                bool null = false;
                check(value.is_null().get(null));
                if (!null) fail("expected null");
                out += "null";
                return;
            }
        }
    }

    // Integers as nlohmann keeps them (int64 if negative, uint64 if not, else double); every other
    // number as a double written by nlohmann's to_chars. Beyond double's range: refused.
    void write_number(od::value& value, std::string& out) {
        std::string_view token = value.raw_json_token();
        while (!token.empty() && is_json_space(token.back())) token.remove_suffix(1);
        std::array<char, 64> text{};
        char* end = nullptr;
        std::int64_t signed_value = 0;
        std::uint64_t unsigned_value = 0;
        if (is_integer_literal(token) && token[0] == '-' && parse_integer(token, signed_value)) {
            end = std::to_chars(text.data(), text.data() + text.size(), signed_value).ptr;
        } else if (is_integer_literal(token) && token[0] != '-' && parse_integer(token, unsigned_value)) {
            end = std::to_chars(text.data(), text.data() + text.size(), unsigned_value).ptr;
        } else {
            double number = 0;
            const simdjson::error_code error = value.get_double().get(number);
            if (error == simdjson::NUMBER_ERROR && is_number_shape(token)) {
                const std::string shown = token.size() > 32 ? std::string(token.substr(0, 32)) + "…" : std::string(token);
                fail("the number " + shown + " is beyond the range of a double");
            }
            check(error);
            end = nlohmann::detail::to_chars(text.data(), text.data() + text.size(), number);
            out.append(text.data(), end);
            return;
        }
        const std::string_view digits(text.data(), static_cast<std::size_t>(end - text.data()));
        screen(digits);
        out += digits;
    }

    // -?digits(.digits)?([eE][+-]?digits)?, loosely: only to tell "too big" from "malformed".
    static bool is_number_shape(std::string_view token) {
        return !token.empty() && token.find_first_not_of("-+.eE0123456789") == std::string_view::npos;
    }

    void write_array(od::array& array, std::string& out) {
        out += '[';
        path_.push_back({std::nullopt, 0});
        for (auto element : array) {
            od::value value;
            check(std::move(element).get(value));
            if (path_.back().index > 0) out += ',';
            write_value(value, out);
            ++path_.back().index;
        }
        path_.pop_back();
        out += ']';
    }

    void write_object(od::object& object, std::string& out) {
        const std::size_t start = out.size();
        const std::size_t first = members_.size();
        out += '{';
        for (auto result : object) {
            od::field field;
            check(std::move(result).get(field));
            const bool escaped = has_escape(field.key().raw());
            const std::string_view key = text_of(field.unescaped_key(), escaped);
            if (members_.size() > first) out += ',';
            const std::size_t at = members_.size();
            members_.push_back({key, out.size(), 0});
            path_.push_back({key, 0});
            screen(key);
            write_string(key, escaped, out);
            out += ':';
            write_value(field.value(), out);
            path_.pop_back();
            members_[at].end = out.size();
        }
        out += '}';
        sort_members(first, start, out);
        members_.resize(first);
    }

    // Rewrites the members from index @p first (the object at @p start) in key order, unless they
    // came in order; a key twice is refused (nlohmann kept the last, silently).
    void sort_members(std::size_t first, std::size_t start, std::string& out) {
        const auto begin = members_.begin() + static_cast<std::ptrdiff_t>(first);
        const auto by_key = [](const Member& a, const Member& b) { return a.key < b.key; };
        const auto not_before = [](const Member& a, const Member& b) { return !(a.key < b.key); };
        if (std::adjacent_find(begin, members_.end(), not_before) == members_.end()) return;
        std::sort(begin, members_.end(), by_key);
        const auto twice = std::adjacent_find(begin, members_.end(),
                                              [](const Member& a, const Member& b) { return a.key == b.key; });
        if (twice != members_.end()) {
            path_.push_back({twice->key, 0});
            fail("the key appears twice in its object (duplicate keys are refused: which one counts would be a guess)");
        }
        scratch_.assign(out, start, std::string::npos);
        out.resize(start + 1);
        for (auto member = begin; member != members_.end(); ++member) {
            if (member != begin) out += ',';
            out.append(scratch_, member->begin - start, member->end - member->begin);
        }
        out += '}';
    }

    od::parser parser_;
    std::string padded_;
    std::string scratch_;
    std::vector<Member> members_;
    std::vector<PathStep> path_;
    Screening screening_ = Screening::off;
};

}  // namespace

void canonicalise(std::string_view json, Screening screening, std::string& out) {
    thread_local Canonicaliser canonicaliser;
    canonicaliser.run(json, screening, out);
}

}  // namespace grassroots::detail
