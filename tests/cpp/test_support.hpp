// Helpers shared by the C++ tests.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <string>

#include "grassroots/core/enum_table.hpp"
#include "grassroots/error.hpp"

namespace grassroots::testing {

/// The reference data folder (../shared/data), or an empty path when it is absent.
inline std::filesystem::path shared_data() {
    std::filesystem::path path = GRASSROOTS_SHARED_DATA;
    return std::filesystem::is_directory(path) ? path : std::filesystem::path{};
}

/// The small fixtures shipped with the tests (tests/data): nbs/ (a few rows of each NBS table, villages
/// gzipped) and holiday-cn/ (2025–2027).
/// (Defined for the test program only: tests/CMakeLists.txt sets GRASSROOTS_TEST_DATA.)
#ifdef GRASSROOTS_TEST_DATA
inline std::filesystem::path test_data() { return GRASSROOTS_TEST_DATA; }
#endif

/// Runs @p action, expects it to throw @p E, and returns the message.
template <class E, class F>
std::string error_message(F&& action) {
    try {
        action();
    } catch (const E& error) {
        return error.what();
    } catch (const std::exception& other) {
        ADD_FAILURE() << "threw another exception: " << other.what();
        return {};
    }
    ADD_FAILURE() << "did not throw";
    return {};
}

/// Expects that the enum's one name table serves to_string() and chinese_name() (where it has them):
/// every value once, each documented.
template <class E>
void expect_one_table(std::size_t size) {
    const auto names = enum_names(E{});
    ASSERT_EQ(names.size(), size);
    for (const EnumName<E>& entry : names) {
        if constexpr (requires(E value) { to_string(value); }) {
            EXPECT_EQ(to_string(entry.value), entry.name);
        }
        if constexpr (requires(E value) { chinese_name(value); }) {
            EXPECT_EQ(chinese_name(entry.value), entry.chinese);
        }
        EXPECT_FALSE(entry.doc.empty()) << entry.name;
        EXPECT_EQ(std::count_if(names.begin(), names.end(), [&](const EnumName<E>& e) { return e.value == entry.value; }), 1)
            << entry.name;
    }
}

}  // namespace grassroots::testing

#define GRASSROOTS_REQUIRE_SHARED_DATA()                                           \
    do {                                                                           \
        if (::grassroots::testing::shared_data().empty()) {                        \
            GTEST_SKIP() << "reference data folder not found: " GRASSROOTS_SHARED_DATA; \
        }                                                                          \
    } while (false)
