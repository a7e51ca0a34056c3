// Helpers shared by the C++ tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "grassroots/error.hpp"

namespace grassroots::testing {

/// The reference data folder (../shared/data), or an empty path when it is absent.
inline std::filesystem::path shared_data() {
    std::filesystem::path path = GRASSROOTS_SHARED_DATA;
    return std::filesystem::is_directory(path) ? path : std::filesystem::path{};
}

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

}  // namespace grassroots::testing

#define GRASSROOTS_REQUIRE_SHARED_DATA()                                           \
    do {                                                                           \
        if (::grassroots::testing::shared_data().empty()) {                        \
            GTEST_SKIP() << "reference data folder not found: " GRASSROOTS_SHARED_DATA; \
        }                                                                          \
    } while (false)
