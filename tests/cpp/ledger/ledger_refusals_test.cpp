// The dual ledger's separation of duties under other spellings of a name, and the bounded trace of
// refused attempts (issue 14). Each test failed before its fix.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "grassroots/ledger/ledger.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using testing::error_message;

Date day(unsigned month, unsigned d) { return make_date(2024, month, d); }

/// A problem with one measure (responsible 赵刚) that 李娜 has completed: ready to verify.
struct Ready {
    DualLedger ledger;
    ProblemId problem;
    MeasureId measure;
    Ready() {
        problem = ledger.add_problem({"挂牌多", OwnerUnit{DivisionCode::parse("370502"), ""}, day(3, 1), day(6, 30), "专班"});
        MeasureInput input{"清理挂牌", OwnerUnit{std::nullopt, "市民政局"}, "赵刚", day(3, 5), day(5, 31), "专班"};
        measure = ledger.add_measure(input);
        ledger.link(problem, measure, day(3, 5), "专班");
        ledger.complete(measure, day(5, 20), "李娜");
    }
};

TEST(LedgerRefusals, TheCloserOrResponsiblePersonMayNotVerifyInAnySpelling) {
    for (const std::string verifier : {"李娜 ", "\u3000李娜", "李娜\u00A0", " 赵刚", "赵刚\u3000"}) {
        Ready r;
        EXPECT_THAT(error_message<PermissionDenied>([&] { r.ledger.verify(r.problem, day(6, 1), verifier, true); }),
                    HasSubstr("may not verify problem P0001"))
            << verifier;
        EXPECT_EQ(r.ledger.problem(r.problem).status, ProblemStatus::open);
    }
    Ready r;
    EXPECT_THROW(r.ledger.verify(r.problem, day(6, 1), "李\u202E娜", true), InvalidInput);
    EXPECT_TRUE(r.ledger.refusals().empty());  // bad input is not a refusal
    r.ledger.verify(r.problem, day(6, 1), "督查组", true);
    EXPECT_EQ(r.ledger.problem(r.problem).status, ProblemStatus::verified);
}

TEST(LedgerRefusals, ActorsAndResponsiblePersonsAreStoredNormalised) {
    Ready r;
    EXPECT_EQ(r.ledger.measure(r.measure).completed_by, "李娜");
    r.ledger.reopen_measure(r.measure, day(5, 21), "\uFF3A\uFF48\uFF41\uFF4F ");  // ｚｈａｏ
    EXPECT_EQ(r.ledger.measure(r.measure).history.back().actor, "Zhao");
}

TEST(LedgerRefusals, RefusedAttemptsLeaveATraceAndNothingElse) {
    Ready r;
    const auto history = r.ledger.problem(r.problem).history;
    EXPECT_THROW(r.ledger.strike_off(r.problem, day(6, 2), "专班 "), RuleViolation);
    EXPECT_THROW(r.ledger.verify(r.problem, day(6, 2), "李娜", true), PermissionDenied);
    EXPECT_THROW(r.ledger.start(r.measure, day(6, 2), "专班"), RuleViolation);
    EXPECT_EQ(r.ledger.problem(r.problem).history, history);
    const std::vector<LedgerRefusal> refusals = r.ledger.refusals();
    ASSERT_EQ(refusals.size(), 3U);
    EXPECT_EQ(refusals[0].actor, "专班");
    EXPECT_EQ(refusals[0].item, "P0001");
    EXPECT_EQ(refusals[0].rule, "ledger.strike_off.verified");
    EXPECT_EQ(refusals[1].rule, "permission");
    EXPECT_THAT(refusals[1].reason, HasSubstr("李娜 may not verify"));
    EXPECT_EQ(refusals[2].item, "M0001");
    EXPECT_EQ(refusals[2].rule, "ledger.measure.status");
}

TEST(LedgerRefusals, RepeatsAreMergedAndTheTraceIsBounded) {
    Ready r;
    for (int i = 0; i < 20000; ++i) EXPECT_THROW(r.ledger.verify(r.problem, day(6, 1), "李娜", true), PermissionDenied);
    ASSERT_EQ(r.ledger.refusals().size(), 1U);
    EXPECT_EQ(r.ledger.refusals().front().count, 20000U);
    EXPECT_EQ(r.ledger.refusal_limit(), 1000U);
    r.ledger.set_refusal_limit(2);
    for (unsigned d = 2; d <= 5; ++d) EXPECT_THROW(r.ledger.strike_off(r.problem, day(6, d), "专班" + std::to_string(d)), RuleViolation);
    ASSERT_EQ(r.ledger.refusals().size(), 2U);
    EXPECT_EQ(r.ledger.refusals()[0].actor, "专班4");
    EXPECT_EQ(r.ledger.refusals_dropped(), 20000U + 2U);
    r.ledger.set_refusal_limit(0);
    EXPECT_TRUE(r.ledger.refusals().empty());
    EXPECT_EQ(r.ledger.refusals_dropped(), 20004U);
}

}  // namespace
}  // namespace grassroots
