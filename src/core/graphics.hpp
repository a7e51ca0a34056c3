// Internal: quoting text for the pictures the library writes (Graphviz DOT and SVG). Not installed.
#pragma once

#include <string>
#include <string_view>

namespace grassroots::detail {

/// @p text as a DOT string literal: in double quotes, with quotes and backslashes escaped and line
/// feeds written as DOT's "\n" (a centred line break).
inline std::string dot_quote(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

/// @p text with XML's five special characters escaped, for SVG text and attribute values.
inline std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace grassroots::detail
