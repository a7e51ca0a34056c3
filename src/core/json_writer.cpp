// Appending JSON text to a string as nlohmann's dump() writes it (see json_writer.hpp).
#include "core/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <array>

namespace grassroots::detail {

using namespace std::string_view_literals;

namespace {

/// Byte classes: 0 written as is, 1 escaped, 2 the first byte of a multi-byte UTF-8 sequence,
/// 3 never valid in UTF-8 (a continuation byte on its own, C0, C1, F5–FF).
constexpr std::array<std::uint8_t, 256> byte_classes = [] {
    std::array<std::uint8_t, 256> classes{};
    for (int c = 0; c < 0x20; ++c) classes[c] = 1;
    classes['"'] = 1;
    classes['\\'] = 1;
    for (int c = 0x80; c < 0x100; ++c) classes[c] = 3;
    for (int c = 0xC2; c <= 0xF4; ++c) classes[c] = 2;
    return classes;
}();

/// The length of the well-formed UTF-8 sequence starting at @p p (whose first byte is of class 2),
/// or 0 (Unicode Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t sequence_length(const unsigned char* p, const unsigned char* end) noexcept {
    const unsigned char lead = *p;
    const std::size_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (static_cast<std::size_t>(end - p) < length) return 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
    if (p[1] < low || p[1] > high) return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if (p[i] < 0x80 || p[i] > 0xBF) return 0;
    }
    return length;
}

}  // namespace

std::size_t append_json_string(std::string& out, std::string_view text) {
    const auto* const first = reinterpret_cast<const unsigned char*>(text.data());
    const auto* const end = first + text.size();
    const auto* p = first;
    const auto* run = p;  // start of the bytes not yet appended
    out.push_back('"');
    while (p != end) {
        switch (byte_classes[*p]) {
            case 0:
                ++p;
                break;
            case 1: {
                out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
                static constexpr char hex[] = "0123456789abcdef";
                switch (*p) {
                    case '"': out.append("\\\""sv); break;
                    case '\\': out.append("\\\\"sv); break;
                    case '\b': out.append("\\b"sv); break;
                    case '\f': out.append("\\f"sv); break;
                    case '\n': out.append("\\n"sv); break;
                    case '\r': out.append("\\r"sv); break;
                    case '\t': out.append("\\t"sv); break;
                    default: {
                        const char escaped[] = {'\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 0xF]};
                        out.append(escaped, sizeof escaped);
                    }
                }
                run = ++p;
                break;
            }
            case 2: {
                const std::size_t length = sequence_length(p, end);
                if (length == 0) return static_cast<std::size_t>(p - first);
                p += length;
                break;
            }
            default:
                return static_cast<std::size_t>(p - first);
        }
    }
    out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
    out.push_back('"');
    return std::string::npos;
}

void append_json_double(std::string& out, double value) { out += nlohmann::json(value).dump(); }

}  // namespace grassroots::detail
