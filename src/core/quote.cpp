// Quoting input in messages, and checks of text that arrives as UTF-8.
#include "core/quote.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "grassroots/error.hpp"

namespace grassroots::detail {

namespace {

bool in(unsigned char byte, unsigned char low, unsigned char high) { return byte >= low && byte <= high; }

// The length of the well-formed UTF-8 character at @p at (RFC 3629, table 3-7 of Unicode), or 0.
std::size_t character_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t k) {
        return at + k < text.size() ? static_cast<unsigned char>(text[at + k]) : static_cast<unsigned char>(0);
    };
    const unsigned char lead = byte(0);
    if (lead < 0x80) return 1;
    const auto tail = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k <= to; ++k)
            if (!in(byte(k), 0x80, 0xBF)) return false;
        return true;
    };
    if (in(lead, 0xC2, 0xDF)) return tail(1, 1) ? 2 : 0;
    if (lead == 0xE0) return in(byte(1), 0xA0, 0xBF) && tail(2, 2) ? 3 : 0;
    if (lead == 0xED) return in(byte(1), 0x80, 0x9F) && tail(2, 2) ? 3 : 0;
    if (in(lead, 0xE1, 0xEF)) return tail(1, 2) ? 3 : 0;
    if (lead == 0xF0) return in(byte(1), 0x90, 0xBF) && tail(2, 3) ? 4 : 0;
    if (lead == 0xF4) return in(byte(1), 0x80, 0x8F) && tail(2, 3) ? 4 : 0;
    if (in(lead, 0xF1, 0xF3)) return tail(1, 3) ? 4 : 0;
    return 0;
}

std::string escaped(unsigned char byte) {
    constexpr std::string_view digits = "0123456789ABCDEF";
    return {'\\', 'x', digits[byte >> 4U], digits[byte & 0xFU]};
}

std::string at_byte(std::string_view what, std::string_view problem, std::size_t at) {
    return std::string(what) + " " + std::string(problem) + " at byte " + std::to_string(at + 1);
}

// "U+202E" for the two- or three-byte character at @p at.
std::string code_point_name(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(text[at + k])); };
    const unsigned code = byte(0) < 0xE0 ? ((byte(0) & 0x1FU) << 6U) | (byte(1) & 0x3FU)
                                         : ((byte(0) & 0x0FU) << 12U) | ((byte(1) & 0x3FU) << 6U) | (byte(2) & 0x3FU);
    std::array<char, 16> name{};
    std::snprintf(name.data(), name.size(), "U+%04X", code);
    return name.data();
}

}  // namespace

std::string printable(std::string_view text, bool keep_line_breaks) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const std::size_t length = character_length(text, i);
        if (length == 0 || (byte < 0x20 && byte != '\t' && !(keep_line_breaks && byte == '\n')) || byte == 0x7F) {
            out += escaped(byte);
            ++i;
            continue;
        }
        out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

namespace {

// The first @p bound bytes of @p text, less the start of a character they would cut in half.
std::string_view cut(std::string_view text, std::size_t bound) {
    std::size_t end = bound;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) --end;
    return text.substr(0, end);
}

std::string size_note(std::string_view text) { return " (" + std::to_string(text.size()) + " bytes)"; }

}  // namespace

std::string quote(std::string_view text, std::size_t bound) {
    std::string out(1, '\'');
    out += printable(text.size() <= bound ? text : cut(text, bound));
    out += text.size() <= bound ? "'" : "…'" + size_note(text);
    return out;
}

std::string shortened(std::string_view text, std::size_t bound) {
    if (text.size() <= bound) return printable(text, true);
    return printable(cut(text, bound), true) + "…" + size_note(text);
}

std::string character_at(std::string_view text, std::size_t at) {
    return quote(text.substr(at, std::max<std::size_t>(1, character_length(text, at))));
}

std::optional<std::size_t> invalid_utf8_at(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = character_length(text, i);
        if (length == 0) return i;
        i += length;
    }
    return std::nullopt;
}

bool looks_like_gbk(std::string_view text) {
    bool pairs = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) continue;
        if (!in(byte, 0x81, 0xFE) || i + 1 == text.size()) return false;
        const auto trail = static_cast<unsigned char>(text[++i]);
        if (!in(trail, 0x40, 0xFE) || trail == 0x7F) return false;
        pairs = true;
    }
    return pairs;
}

std::optional<std::size_t> bidi_control_at(std::string_view text) {
    // Found with memchr (string_view::find of one character): this runs on every CSV line.
    std::optional<std::size_t> first;
    if (const std::size_t at = text.find("\xD8\x9C"); at != std::string_view::npos) first = at;  // U+061C
    for (std::size_t i = text.find('\xE2'); i != std::string_view::npos && (!first || i < *first); i = text.find('\xE2', i + 1)) {
        if (i + 2 >= text.size()) break;
        const auto second = static_cast<unsigned char>(text[i + 1]);
        const auto third = static_cast<unsigned char>(text[i + 2]);
        if ((second == 0x80 && (in(third, 0x8E, 0x8F) || in(third, 0xAA, 0xAE))) || (second == 0x81 && in(third, 0xA6, 0xA9))) {
            return i;
        }
    }
    return first;
}

void check_text(std::string_view text, std::string_view what) {
    if (const auto at = invalid_utf8_at(text)) {
        std::string problem = at_byte(what, "is not UTF-8: " + escaped(static_cast<unsigned char>(text[*at])), *at);
        if (looks_like_gbk(text)) problem += " (the file looks GBK-encoded: convert it to UTF-8, e.g. iconv -f GBK -t UTF-8)";
        throw InvalidInput(problem);
    }
    if (const auto at = text.find('\0'); at != std::string_view::npos) {
        throw InvalidInput(at_byte(what, "holds a NUL byte", at));
    }
    if (const auto at = bidi_control_at(text)) {
        throw InvalidInput(at_byte(what, "holds the bidirectional control " + code_point_name(text, *at) +
                                                " (it makes text display as something else)",
                                        *at));
    }
}

}  // namespace grassroots::detail
