// Canonical JSON (canonical_json, src/store/canonical.cpp) against nlohmann, the oracle it replaced: the same bytes for
// every payload nlohmann accepted (stored hashes depend on them), over a corpus and randomised JSON;
// and the refusals nlohmann let through (duplicate keys, text after a NUL), each naming its key path.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "grassroots/error.hpp"
#include "grassroots/store/store.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using testing::error_message;

// What nlohmann made of @p json (parse, then dump compact, sorted, strict UTF-8), or nothing if it refused.
std::optional<std::string> oracle(std::string_view json) {
    try {
        const nlohmann::json value = nlohmann::json::parse(json);
        if (!value.is_object()) return std::nullopt;
        return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

// What canonical_json made of @p json, or nothing if it refused.
std::optional<std::string> ours(std::string_view json) {
    try {
        return canonical_json(json);
    } catch (const InvalidInput&) {
        return std::nullopt;
    }
}

// Both accept with the same bytes, or both refuse.
void expect_same(std::string_view json) {
    const std::optional<std::string> expected = oracle(json);
    const std::optional<std::string> actual = ours(json);
    ASSERT_EQ(expected.has_value(), actual.has_value()) << "input: " << json;
    if (expected) {
        ASSERT_EQ(*expected, *actual) << "input: " << json;
    }
}

// Random JSON text of every kind nlohmann accepts, written untidily (spaces, unsorted keys, escapes).
class RandomJson {
public:
    explicit RandomJson(std::uint64_t seed) : random_(seed) {}

    std::string object(int depth) {
        std::string out = "{" + space();
        const int members = pick(0, 5);
        std::vector<std::string> keys;
        for (int i = 0; i < members; ++i) {
            std::string key = string_text();
            if (std::find(keys.begin(), keys.end(), unescaped(key)) != keys.end()) continue;  // nlohmann: last wins
            keys.push_back(unescaped(key));
            if (!keys.empty() && keys.size() > 1) out += "," + space();
            out += key + space() + ":" + space() + value(depth - 1) + space();
        }
        return out + "}";
    }

private:
    int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }

    std::string space() {
        static const char* const spaces[] = {"", "", "", " ", "\n  ", "\t", "\r\n"};
        return spaces[pick(0, 6)];
    }

    // The key as nlohmann compares it (to avoid duplicates, which it would resolve silently).
    static std::string unescaped(const std::string& text) {
        return nlohmann::json::parse(text).get<std::string>();
    }

    std::string value(int depth) {
        switch (depth <= 0 ? pick(2, 5) : pick(0, 5)) {
            case 0: return object(depth);
            case 1: return array(depth);
            case 2: return string_text();
            case 3: return number_text();
            case 4: return pick(0, 1) == 0 ? "true" : "false";
            default: return pick(0, 3) == 0 ? "null" : number_text();
        }
    }

    std::string array(int depth) {
        std::string out = "[" + space();
        const int elements = pick(0, 4);
        for (int i = 0; i < elements; ++i) {
            if (i > 0) out += "," + space();
            out += value(depth - 1);
        }
        return out + space() + "]";
    }

    std::string string_text() {
        static const char* const pieces[] = {
            "a", "b", "ab", "Z", "0", " ", "社区", "网格员", "é", "😀", "\\n", "\\t", "\\r", "\\b", "\\f", "\\/",
            "\\\\", "\\\"", "\\u0001", "\\u001f", "\\u007f", "\\u00e9", "\\u4e2d", "\\ud83d\\ude00", "\\u0000",
            "\x7f", "~", "_", "-", ".", "key", "Key", "k", "1", "12345", "\xc2\xa0"};
        std::string out = "\"";
        const int count = pick(0, 4);
        for (int i = 0; i < count; ++i) out += pieces[pick(0, std::size(pieces) - 1)];
        return out + "\"";
    }

    std::string digits(int low, int high) {
        std::string out;
        const int count = pick(low, high);
        for (int i = 0; i < count; ++i) out += static_cast<char>('0' + pick(i == 0 ? 1 : 0, 9));
        return out;
    }

    std::string number_text() {
        switch (pick(0, 9)) {
            case 0: return std::to_string(std::numeric_limits<std::int64_t>::min() + pick(0, 2));
            case 1: return std::to_string(std::numeric_limits<std::uint64_t>::max() - static_cast<unsigned>(pick(0, 1)));
            case 2: return pick(0, 1) == 0 ? "0" : "-0";
            case 3: return (pick(0, 1) == 0 ? "-" : "") + digits(1, 25);  // beyond 64 bits: a double
            case 4: return (pick(0, 1) == 0 ? "-" : "") + digits(1, 4) + "." + digits(1, 20);
            case 5: {  // exponents, some beyond a double's range (both refuse)
                const char* e[] = {"e", "E", "e+", "e-", "E-"};
                return digits(1, 3) + (pick(0, 1) == 0 ? "" : "." + digits(1, 6)) + e[pick(0, 4)] +
                       std::to_string(pick(0, 330));
            }
            case 6: {  // any finite double, as its shortest text
                double number = 0;
                do {
                    const std::uint64_t bits = std::uniform_int_distribution<std::uint64_t>()(random_);
                    std::memcpy(&number, &bits, sizeof number);
                } while (!std::isfinite(number));
                char text[64];
                const auto end = std::to_chars(text, text + sizeof text, number).ptr;
                return std::string(text, end);
            }
            case 7: return "0." + std::string(static_cast<std::size_t>(pick(0, 8)), '0') + digits(1, 3);
            default: return (pick(0, 1) == 0 ? "-" : "") + digits(1, 9);
        }
    }

    std::mt19937_64 random_;
};

TEST(CanonicalJson, MatchesNlohmannOnHandWrittenPayloads) {
    const char* const corpus[] = {
        R"({})", R"( { "z": [1, {"y": 2, "x": 1}], "a": "社区" } )", R"({"b":2,"a":1})",
        R"({"a":1.0,"b":1e2,"c":1.5e-7,"d":123456789012345678901234,"e":-0,"f":-0.0,"g":0.1,"h":1e15,"i":1e16})",
        R"({"max":18446744073709551615,"over":18446744073709551616,"min":-9223372036854775808,"under":-9223372036854775809})",
        R"({"tiny":1e-400,"small":5e-324,"big":1.7976931348623157e308,"e":2.5E+3,"neg":-3.25e-10})",
        R"({"s":"\"\\\/\b\f\n\r\t\u0000\u001F\u007f\u00e9\u4E2D\ud83d\ude00","é":1,"e":2,"":3,"E":4})",
        R"({"aa":{"b":[[],[{}],{"d":null,"c":true}]},"a":false,"a\u0000":1,"a ":2})",
        R"({"a\"b":1,"a\\b":2,"\u00e9":3,"\u0007":4,"é\n":5})", "{\"\x7f\":\"\x7f\"}",
        "{\"raw\":\"\x7f \xc2\xa0 \xe4\xb8\xad \xf0\x9f\x98\x80\"}",
        R"({"address":"东营区胜利街道锦苑社区12号楼3单元","category":"urban_management","grid":"370502005066-G03"})",
        // Refused by both.
        R"([1,2])", R"("text")", "3", "", "{", R"({"a":})", R"({"a":1e400})", R"({"a":-1e400})", R"({"a":01})",
        R"({"a":1.})", R"({"a":.5})", R"({"a":+1})", R"({"a":NaN})", R"({"a":tru})", R"({"a":nul})",
        R"({"a":"\ud800"})", R"({"a":"\udc00"})", R"({"a":"\ud800\u0041"})", R"({"a":"\x"})",
        "{\"a\":\"\x01\"}", "{\"\x01\":1}", "{\"a\":\"\t\"}",
        "{\"a\":\"\xff\"}", "{\"a\":\"\xc0\xaf\"}", "{\"a\":\"\xed\xa0\x80\"}", R"({"a":1}{"b":2})", R"({"a":1} x)",
        R"({"a" 1})", R"({"a":1,})", R"({,})", R"({"a":[1,]})"};
    for (const char* json : corpus) expect_same(json);
}

TEST(CanonicalJson, MatchesNlohmannOnRandomisedJson) {
    RandomJson random(20261207);
    for (int i = 0; i < 20000; ++i) {
        expect_same(random.object(4));
        if (HasFailure()) return;
    }
}

// Every payload the store's tests and examples wrote when this was written (canonical_payloads.jsonl
// beside this file, one per line, gathered from the appends of the whole C++ suite, less two grid maps
// and a staffing document over 50 kB).
TEST(CanonicalJson, MatchesNlohmannOnThePayloadsTheSuitesWrite) {
    std::ifstream file(std::filesystem::path(GRASSROOTS_SOURCE_DIR) / "tests/cpp/store/canonical_payloads.jsonl");
    ASSERT_TRUE(file) << "tests/cpp/store/canonical_payloads.jsonl is missing";
    std::string line;
    int count = 0;
    while (std::getline(file, line)) {
        expect_same(line);
        ++count;
    }
    EXPECT_GT(count, 100);
}

std::string refusal(std::string_view json) {
    return error_message<InvalidInput>([&] { (void)canonical_json(json); });
}

// nlohmann kept the last of two equal keys: which one a reader sees was a silent guess (issue 14).
TEST(CanonicalJson, RefusesADuplicateKeyNamingItsPath) {
    EXPECT_THAT(refusal(R"({"a":1,"a":2})"), HasSubstr("at key 'a': the key appears twice"));
    EXPECT_THAT(refusal(R"({"x":[0,{"b":1,"c":2,"b":3}]})"), HasSubstr("at key 'x[1].b': the key appears twice"));
    EXPECT_THAT(refusal(R"({"a":1,"\u0061":2})"), HasSubstr("appears twice"));  // equal once unescaped
}

// nlohmann stopped at a NUL byte and ignored what followed (issue 14); text after the object is refused.
TEST(CanonicalJson, RefusesTextAfterTheObjectOrAfterANul) {
    EXPECT_THAT(refusal(std::string("{\"a\":1}\0{\"b\":2}", 14)), HasSubstr("a NUL byte at byte 8"));
    EXPECT_THAT(refusal(R"({"a":1} {"b":2})"), HasSubstr("text after the object at byte 9"));
    EXPECT_EQ(canonical_json("{\"a\":1} \n"), R"({"a":1})");
}

TEST(CanonicalJson, RefusesWhatNlohmannRefusedNamingTheKeyPath) {
    EXPECT_THAT(refusal(R"({"a":{"b":[1,1e400]}})"), HasSubstr("at key 'a.b[1]': the number 1e400 is beyond the range"));
    EXPECT_THAT(refusal(R"({"a":"\udc00"})"), HasSubstr("at key 'a'"));
    EXPECT_THAT(refusal(R"({"a":"\ud800"})"), HasSubstr("at key 'a'"));
    EXPECT_THAT(refusal("{\"a\":\"\xff\"}"), HasSubstr("not valid UTF-8"));
    EXPECT_THAT(refusal("{\"a\":\"\xed\xa0\x80\"}"), HasSubstr("not valid UTF-8"));  // an encoded surrogate
    EXPECT_THAT(refusal("[1]"), HasSubstr("must be a JSON object, not array"));
    EXPECT_THAT(refusal(R"({"a":tru})"), HasSubstr("at key 'a'"));
    EXPECT_THAT(refusal(R"({"a":[1,]})"), HasSubstr("not valid JSON"));
}

}  // namespace
}  // namespace grassroots
