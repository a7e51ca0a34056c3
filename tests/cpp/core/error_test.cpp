#include "grassroots/error.hpp"

#include <gtest/gtest.h>

namespace grassroots {
namespace {

TEST(Error, AllErrorsShareOneBase) {
    EXPECT_THROW(throw InvalidInput("x"), Error);
    EXPECT_THROW(throw NotFound("x"), Error);
    EXPECT_THROW(throw FileError("x"), Error);
    EXPECT_THROW(throw RuleViolation("r", "x"), Error);
    EXPECT_THROW(throw PermissionDenied("x"), Error);
    EXPECT_THROW(throw InvalidInput("x"), std::runtime_error);
}

TEST(Error, InvalidInputNamesTheLocation) {
    const InvalidInput error("bad code", Location{"areas.csv", 12, "code"});
    EXPECT_STREQ(error.what(), "areas.csv, row 12, field 'code': bad code");
    EXPECT_EQ(error.problem(), "bad code");
    EXPECT_EQ(error.where().source, "areas.csv");
    EXPECT_EQ(error.where().row, 12U);
    EXPECT_EQ(error.where().field, "code");
}

TEST(Error, LocationPrintsOnlyWhatIsKnown) {
    EXPECT_EQ(Location{}.to_string(), "");
    EXPECT_EQ((Location{"", 3, ""}).to_string(), "row 3");
    EXPECT_EQ((Location{"", 0, "name"}).to_string(), "field 'name'");
    EXPECT_STREQ(InvalidInput("plain").what(), "plain");
}

TEST(Error, RuleViolationCarriesTheRuleId) {
    const RuleViolation error("rc.size", "9 members at most");
    EXPECT_EQ(error.rule_id(), "rc.size");
    EXPECT_STREQ(error.what(), "rc.size: 9 members at most");
}

}  // namespace
}  // namespace grassroots
