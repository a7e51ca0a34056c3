// Identifier normalisation (NFKC, trim, refusal of control and format characters) with utf8proc.
#include "grassroots/core/identifier.hpp"

#include <utf8proc.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "grassroots/error.hpp"

namespace grassroots {

namespace {

std::string code_point_name(utf8proc_int32_t c) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    return buffer;
}

/// Throws unless every character of @p text (valid UTF-8) is neither a control nor a format character.
void refuse_invisible(std::string_view text, std::string_view field) {
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t offset = 0;
    const auto size = static_cast<utf8proc_ssize_t>(text.size());
    for (std::size_t position = 1; offset < size; ++position) {
        utf8proc_int32_t c = 0;
        const utf8proc_ssize_t length = utf8proc_iterate(bytes + offset, size - offset, &c);
        if (length < 0) {
            throw InvalidInput(std::string(field) + " is not valid UTF-8 (byte " + std::to_string(offset + 1) + ")",
                               Location{"", 0, std::string(field)});
        }
        const utf8proc_category_t category = utf8proc_category(c);
        if (category == UTF8PROC_CATEGORY_CC || category == UTF8PROC_CATEGORY_CF) {
            throw InvalidInput(std::string(field) + " holds " + (category == UTF8PROC_CATEGORY_CC ? "control" : "format (invisible or bidi)") +
                                   " character " + code_point_name(c) + " at character " + std::to_string(position) +
                                   "; identifiers may not",
                               Location{"", 0, std::string(field)});
        }
        offset += length;
    }
}

}  // namespace

std::string normalize_identifier(std::string_view text, std::string_view field) {
    refuse_invisible(text, field);
    utf8proc_uint8_t* mapped = nullptr;
    const utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                                 static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                                                 static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
    if (length < 0) throw InvalidInput(std::string(field) + ": " + utf8proc_errmsg(length), Location{"", 0, std::string(field)});
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
    std::string_view out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
    const std::size_t first = out.find_first_not_of(' ');
    if (first == std::string_view::npos) return {};
    out = out.substr(first, out.find_last_not_of(' ') - first + 1);
    return std::string(out);
}

}  // namespace grassroots
