// The library's default review scheme for community workers, as data with sources.
//
// Sources (see docs/people.md):
// - The seed article (大众网, 2024-12-13) reports that in 河口区's review of community workers an
//   优秀 rating shortened the wait for the next post grade by 6 months ("晋升岗位等级年限减少6个月"),
//   and that Dongying set out its review rules as the "21条办法". That number is taken from the seed.
// - Everything else — indicators, weights, scoring, bands, the 20 % quota, the 36-month wait — is
//   a default of this library, not checked against the 21条办法 (the seed does not quote it):
//   verified = false, to be overridden with a note when the local text is at hand.
#include "grassroots/people/review.hpp"

namespace grassroots {

namespace {

namespace rp = review_parameter;

constexpr const char* seed = "党建“绣花针”穿起基层治理“千条线”——东营市社会工作部门推进党建引领基层治理综述 (大众网, 2024-12-13)";
constexpr const char* library_default =
    "grassroots default (not from the 履职评估“21条办法”, which the seed names but does not quote)";

Rule number(std::string_view id, std::string summary, std::int64_t value, RuleSource source, bool verified) {
    return Rule{std::string(id), std::move(summary), IntRange{value, value}, std::move(source), verified, {}};
}

Indicator make_indicator(std::string id, std::string name, std::string evidence, double weight, Scoring scoring,
                    std::optional<double> evidence_max) {
    return Indicator{std::move(id), std::move(name), std::move(evidence), weight, std::move(scoring),
                     evidence_max, std::nullopt, RuleSource{library_default, ""}, false, {}};
}

}  // namespace

std::vector<Rule> ReviewRules::default_parameters() {
    const RuleSource ours{library_default, ""};
    return {
        number(rp::excellent_min, "优秀 (excellent) from this score (0–100)", 90, ours, false),
        number(rp::competent_min, "称职 (competent) from this score", 75, ours, false),
        number(rp::basically_competent_min, "基本称职 (basically competent) from this score; below it 不称职", 60, ours,
               false),
        number(rp::excellent_quota,
               "at most this percentage of a pool's reviewed workers may be rated 优秀; the lowest-ranked are moved "
               "down to 称职",
               20, ours, false),
        number(rp::score_decimals, "scores are rounded to this many decimals before they are rated", 2, ours, false),
        number(rp::standard_wait, "months from reaching a post grade (岗位等级) to the next", 36, ours, false),
        number(rp::change_excellent,
               "each 优秀 rating at the current grade shortens the wait for the next grade by 6 months "
               "(晋升岗位等级年限减少6个月)",
               -6, RuleSource{seed, "河口区 社区工作者履职评估"}, true),
        number(rp::change_competent, "months a 称职 rating adds to the wait", 0, ours, false),
        number(rp::change_basically_competent, "months a 基本称职 rating adds to the wait (local rules may stop the clock)",
               0, ours, false),
        number(rp::change_incompetent, "months a 不称职 rating adds to the wait (local rules may stop the clock)", 0, ours,
               false),
    };
}

std::vector<Indicator> ReviewRules::default_indicators() {
    return {
        make_indicator("cases", "办件数量 cases handled", "cases_handled", 0.2, Scoring::linear(0, 40), std::nullopt),
        make_indicator("on_time", "按期办结率 on-time rate", "on_time_rate", 0.2, Scoring::linear(0.8, 1.0), 1.0),
        make_indicator("satisfaction", "群众满意率 residents' satisfaction rate", "satisfaction_rate", 0.2,
                  Scoring::linear(0.6, 1.0), 1.0),
        make_indicator("training", "培训学时 training hours attended", "training_hours", 0.1,
                  Scoring::stepped({{0, 0}, {16, 60}, {32, 100}}), std::nullopt),
        make_indicator("attendance", "出勤率 attendance rate", "attendance_rate", 0.1, Scoring::linear(0.9, 1.0), 1.0),
        make_indicator("resident_assessment", "居民评议 residents' assessment (0–100)", "resident_assessment", 0.2,
                  Scoring::linear(0, 100), 100.0),
    };
}

ReviewRules ReviewRules::defaults() {
    return ReviewRules("default-2024", "社区工作者履职评估 (grassroots default scheme)", make_date(2024, 1, 1),
                       default_indicators(), default_parameters(), QuotaOptions{});
}

}  // namespace grassroots
