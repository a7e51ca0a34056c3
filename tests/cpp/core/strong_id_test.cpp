#include "grassroots/core/strong_id.hpp"

#include <gtest/gtest.h>

#include <type_traits>
#include <unordered_set>

namespace grassroots {
namespace {

using GridId = StrongId<struct GridTag>;
using WorkerId = StrongId<struct WorkerTag>;

TEST(StrongId, KindsDoNotMix) {
    static_assert(!std::is_convertible_v<GridId, WorkerId>);
    static_assert(!std::is_convertible_v<std::uint32_t, GridId>);
    static_assert(sizeof(GridId) == sizeof(std::uint32_t));
    SUCCEED();
}

TEST(StrongId, DefaultIsInvalidAndIdsOrderByValue) {
    EXPECT_FALSE(GridId{}.valid());
    EXPECT_TRUE(GridId{0}.valid());
    EXPECT_LT(GridId{1}, GridId{2});
    EXPECT_EQ(GridId{7}.value(), 7U);
    std::unordered_set<GridId> set{GridId{1}, GridId{1}, GridId{2}};
    EXPECT_EQ(set.size(), 2U);
}

}  // namespace
}  // namespace grassroots
