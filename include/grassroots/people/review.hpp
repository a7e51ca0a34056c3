/// @file review.hpp
/// @brief Performance reviews of community workers (社区工作者履职评估): review rules as data,
/// evidence per worker, scores that explain themselves, rating bands, quotas and the grade clock.
///
/// A review reads numbers per worker per period (the evidence: cases handled, on-time rate,
/// satisfaction, training hours, attendance, the residents' assessment, …), scores each
/// indicator on a 0–100 scale with its scoring function, weighs the indicators into a 0–100 score,
/// rates the score in bands (优秀 / 称职 / 基本称职 / 不称职), limits the share of 优秀 per pool of
/// workers (a unit of the ladder), and dates each worker's next grade (an 优秀 shortens the wait by
/// six months — the seed article). Every number of the rules is data with a source and a verified
/// flag (the Rule type of the autonomy rules); the defaults that are not from the seed are marked
/// unverified and can be overridden with a note.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "grassroots/autonomy/rules.hpp"
#include "grassroots/core/date.hpp"
#include "grassroots/core/enum_table.hpp"
#include "grassroots/core/strong_id.hpp"
#include "grassroots/division/code.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

// ---- workers --------------------------------------------------------------------------------------

struct CommunityWorkerIdTag;
/// @brief Dense id of a community worker in one Workforce.
using CommunityWorkerId = StrongId<CommunityWorkerIdTag>;

/// @brief A community worker (社区工作者): who, where, and where they stand on the grade ladder.
struct CommunityWorker {
    std::string id;               ///< Unique staff id ("sg-0001").
    std::string name{};           ///< Name.
    DivisionCode unit;            ///< The unit they work for (usually a community, 村级).
    std::int64_t grade = 1;       ///< Current post grade (岗位等级), as the local scheme numbers it.
    std::optional<Date> grade_start{};  ///< When they reached the current grade (none: no grade clock).
    /// @brief Months earlier reviews at this grade already added (+) to or took (−) off the wait.
    std::int64_t wait_change_months = 0;
    std::string actor{};          ///< Their actor id in a CaseEngine ("" = none).
};

/// @brief The community workers under review: a list with unique staff ids.
class Workforce {
public:
    /// @brief Adds a worker; throws InvalidInput for an empty or duplicate id, an empty name or a
    /// grade below 1.
    CommunityWorkerId add(CommunityWorker worker);
    /// @brief Number of workers.
    [[nodiscard]] std::size_t size() const noexcept { return workers_.size(); }
    /// @brief All workers, by id.
    [[nodiscard]] std::span<const CommunityWorker> workers() const noexcept { return workers_; }
    /// @brief The worker @p id; throws NotFound.
    [[nodiscard]] const CommunityWorker& worker(CommunityWorkerId id) const;
    /// @brief The worker with staff id @p id, if any.
    [[nodiscard]] std::optional<CommunityWorkerId> find(std::string_view id) const noexcept;
    /// @brief The worker with staff id @p id; throws NotFound naming it.
    [[nodiscard]] CommunityWorkerId at(std::string_view id) const;

    /// @brief Parses CSV with the columns `id,name,unit` and optionally `grade`, `grade_start`,
    /// `wait_change_months`, `actor` (other columns are ignored; empty cells take the defaults).
    /// Errors name @p source, the line and the field; nothing is kept on error.
    [[nodiscard]] static Workforce parse_csv(std::string_view text, std::string_view source = "<text>");
    /// @brief Reads such a CSV file (gzip allowed); throws FileError / InvalidInput.
    [[nodiscard]] static Workforce read_csv(const std::filesystem::path& file);

private:
    std::vector<CommunityWorker> workers_;
    std::unordered_map<std::string, std::uint32_t> by_id_;
};

// ---- evidence -------------------------------------------------------------------------------------

/// @brief One number read by a review: a worker's value for an evidence key in the period.
struct EvidenceValue {
    std::string worker;  ///< Staff id.
    std::string key;     ///< Evidence key ("cases_handled", "on_time_rate", …).
    double value = 0;    ///< The number (finite, ≥ 0).
    Location where;      ///< Where it came from (file, row, field), if from a file.
};

/// @brief The evidence of one review period: at most one value per worker and key.
///
/// Values are checked as they enter (finite, not negative, one per worker and key); whether the
/// worker exists and whether a value is within an indicator's range is checked by review().
class ReviewEvidence {
public:
    /// @brief Records @p value for @p worker and @p key; throws InvalidInput (naming @p where) for an
    /// empty worker or key, a negative or non-finite value, or a value already given.
    void set(std::string worker, std::string key, double value, Location where = {});
    /// @brief The value for @p worker and @p key, if given.
    [[nodiscard]] std::optional<double> find(std::string_view worker, std::string_view key) const;
    /// @brief The entry for @p worker and @p key, or nullptr.
    [[nodiscard]] const EvidenceValue* entry(std::string_view worker, std::string_view key) const;
    /// @brief Every value, in the order given.
    [[nodiscard]] std::span<const EvidenceValue> values() const noexcept { return values_; }
    /// @brief Number of values.
    [[nodiscard]] std::size_t size() const noexcept { return values_.size(); }
    /// @brief Adds every value of @p other (e.g. case counts to hand-entered ratings); all or
    /// nothing: throws InvalidInput naming the first worker and key given in both.
    void merge(const ReviewEvidence& other);

    /// @brief Parses wide CSV: a `worker` column and one column per evidence key; an empty cell is
    /// no value. Errors name @p source, the line and the column.
    [[nodiscard]] static ReviewEvidence parse_csv(std::string_view text, std::string_view source = "<text>");
    /// @brief Reads such a CSV file (gzip allowed); throws FileError / InvalidInput.
    [[nodiscard]] static ReviewEvidence read_csv(const std::filesystem::path& file);

private:
    std::vector<EvidenceValue> values_;
    std::unordered_map<std::string, std::size_t> index_;  // worker + '\x1f' + key → position
};

// ---- the rules ------------------------------------------------------------------------------------

/// @brief The rating (等次) a review gives.
enum class Rating : std::uint8_t {
    excellent,            ///< 优秀
    competent,            ///< 称职
    basically_competent,  ///< 基本称职
    incompetent,          ///< 不称职
};
/// @brief Every Rating with its names (to_string, parsing, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<Rating>> enum_names(Rating) noexcept;
/// @brief "excellent", "competent", "basically_competent" or "incompetent".
[[nodiscard]] std::string_view to_string(Rating rating) noexcept;
/// @brief 优秀, 称职, 基本称职 or 不称职.
[[nodiscard]] std::string_view chinese_name(Rating rating) noexcept;
/// @brief The rating named in English (to_string) or Chinese; throws InvalidInput.
[[nodiscard]] Rating parse_rating(std::string_view text);

/// @brief How an indicator turns its evidence into points.
enum class ScoringKind : std::uint8_t {
    linear,  ///< 0 points at `zero_at`, 100 at `full_at`, a straight line between, flat outside.
    steps,   ///< The points of the highest step whose `at_least` the evidence reaches (0 below all).
};
/// @brief Every ScoringKind with its names (to_string, parsing, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<ScoringKind>> enum_names(ScoringKind) noexcept;
/// @brief "linear" or "steps".
[[nodiscard]] std::string_view to_string(ScoringKind kind) noexcept;

/// @brief One step of a step scoring: evidence ≥ at_least earns points.
struct ScoringStep {
    double at_least = 0;  ///< The evidence needed.
    double points = 0;    ///< Points earned (0–100).
    /// @brief Steps compare member by member.
    friend bool operator==(const ScoringStep&, const ScoringStep&) = default;
};

/// @brief An indicator's scoring function: evidence → points on a 0–100 scale.
///
/// Linear: with zero_at < full_at, evidence ≤ zero_at scores 0, ≥ full_at scores 100, and
/// 100 × (evidence − zero_at) / (full_at − zero_at) between. With zero_at > full_at the line falls
/// (fewer is better: complaints, overdue cases). Steps: ascending `at_least`, points 0–100.
struct Scoring {
    ScoringKind kind = ScoringKind::linear;  ///< Which function.
    double zero_at = 0;    ///< Linear: evidence worth 0 points.
    double full_at = 1;    ///< Linear: evidence worth 100 points.
    std::vector<ScoringStep> steps;  ///< Steps: ascending by at_least.

    /// @brief A linear scoring from @p zero_at (0 points) to @p full_at (100 points).
    [[nodiscard]] static Scoring linear(double zero_at, double full_at);
    /// @brief A step scoring.
    [[nodiscard]] static Scoring stepped(std::vector<ScoringStep> steps);
    /// @brief The points for @p evidence (0–100).
    [[nodiscard]] double points(double evidence) const noexcept;
    /// @brief "linear: 0 points at 0.8, 100 at 1" or "steps: ≥16 → 60, ≥32 → 100".
    [[nodiscard]] std::string to_string() const;
    /// @brief Throws InvalidInput (mentioning @p what) unless the function is well formed.
    void check(std::string_view what) const;
    /// @brief Scorings compare member by member.
    friend bool operator==(const Scoring&, const Scoring&) = default;
};

/// @brief One indicator (指标) of a review: the evidence it reads, its weight, its scoring and source.
struct Indicator {
    std::string id;        ///< Stable id ("on_time").
    std::string name;      ///< What it measures, with the Chinese term ("按期办结率 on-time rate").
    std::string evidence;  ///< The evidence key it reads ("on_time_rate").
    double weight = 0;     ///< Share of the score (> 0; an indicator set's weights sum to 1).
    Scoring scoring;       ///< Evidence → points.
    std::optional<double> evidence_max;       ///< Largest acceptable evidence (1 for a share), if any.
    std::optional<double> points_if_missing;  ///< Points when a worker has no evidence (none: an error).
    RuleSource source;     ///< Where the indicator and its weight come from.
    bool verified = false; ///< False for defaults not checked against a published scheme.
    std::string override_note;  ///< Non-empty when a user replaced it (says why / whose rule).
};

/// @brief How the 优秀 quota rounds a share of a pool to whole workers.
enum class QuotaRounding : std::uint8_t {
    down,     ///< floor(reviewed × percent / 100): never more than the share.
    nearest,  ///< Round half up.
    up,       ///< ceil: at least one 优秀 in any pool with a positive share.
};
/// @brief Every QuotaRounding with its names (to_string, parsing, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<QuotaRounding>> enum_names(QuotaRounding) noexcept;
/// @brief "down", "nearest" or "up".
[[nodiscard]] std::string_view to_string(QuotaRounding rounding) noexcept;

/// @brief Where and how the 优秀 quota applies (configurable defaults, not verified rules).
struct QuotaOptions {
    /// @brief Workers are pooled by their unit's ancestor at this level (village: each community on
    /// its own; township or county: one pool for the whole street or district).
    Level level = Level::village;
    QuotaRounding rounding = QuotaRounding::down;  ///< Whole workers allowed per pool.
    /// @brief Indicator ids that break ties in score, in order (higher points first). Workers still
    /// tied at the quota's edge are all moved down: none is picked arbitrarily.
    std::vector<std::string> tie_break;
    /// @brief Options compare member by member.
    friend bool operator==(const QuotaOptions&, const QuotaOptions&) = default;
};

/// @brief The ids of the numeric parameters every ReviewRules holds (values in Rule::range().min).
namespace review_parameter {
inline constexpr std::string_view excellent_min = "rating.excellent.min_score";  ///< 优秀 from this score.
inline constexpr std::string_view competent_min = "rating.competent.min_score";  ///< 称职 from this score.
/// @brief 基本称职 from this score (below: 不称职).
inline constexpr std::string_view basically_competent_min = "rating.basically_competent.min_score";
inline constexpr std::string_view excellent_quota = "quota.excellent_percent";  ///< At most this % 优秀 per pool.
inline constexpr std::string_view score_decimals = "score.decimals";  ///< Scores are rounded to these decimals.
inline constexpr std::string_view standard_wait = "grade.standard_wait_months";  ///< Months from one grade to the next.
inline constexpr std::string_view change_excellent = "grade.wait_change.excellent";  ///< Months added per 优秀 (−6).
inline constexpr std::string_view change_competent = "grade.wait_change.competent";  ///< Months added per 称职.
/// @brief Months added per 基本称职.
inline constexpr std::string_view change_basically_competent = "grade.wait_change.basically_competent";
inline constexpr std::string_view change_incompetent = "grade.wait_change.incompetent";  ///< Months added per 不称职.
}  // namespace review_parameter

/// @brief A review scheme (履职评估办法): indicators, rating bands, the 优秀 quota and the grade clock.
///
/// Numbers are `Rule`s with a single-number IntRange value (min == max), a source and a verified
/// flag; indicators carry theirs. The constructor checks everything (weights summing to 1 within
/// 1e-9, bands descending within 0–100, percentages within 0–100, …) and names what is wrong.
class ReviewRules {
public:
    /// @brief A scheme; @p parameters must hold exactly the ids of review_parameter (start from
    /// default_parameters()). Throws InvalidInput naming the scheme and the bad item.
    ReviewRules(std::string id, std::string title, Date effective_from, std::vector<Indicator> indicators,
                std::vector<Rule> parameters = default_parameters(), QuotaOptions quota = {});

    /// @brief The library's default scheme (see docs/people.md): six indicators with unverified
    /// default weights, bands 90/75/60, at most 20 % 优秀 per community, a 36-month grade wait (all
    /// unverified defaults) and the seed's 6 months off the wait per 优秀; in force from 2024-01-01.
    [[nodiscard]] static ReviewRules defaults();
    /// @brief The default parameters (bands, quota, rounding, the grade clock) with their sources.
    [[nodiscard]] static std::vector<Rule> default_parameters();
    /// @brief The six default indicators with their sources (unverified).
    [[nodiscard]] static std::vector<Indicator> default_indicators();

    [[nodiscard]] const std::string& id() const noexcept { return id_; }        ///< e.g. "default-2024".
    [[nodiscard]] const std::string& title() const noexcept { return title_; }  ///< The scheme's title.
    /// @brief The first day the scheme is in force.
    [[nodiscard]] Date effective_from() const noexcept { return effective_from_; }
    /// @brief The indicators, in the order given.
    [[nodiscard]] std::span<const Indicator> indicators() const noexcept { return indicators_; }
    /// @brief The indicator @p id; throws NotFound naming the scheme.
    [[nodiscard]] const Indicator& indicator(std::string_view id) const;
    /// @brief The numeric parameters, in the order of default_parameters().
    [[nodiscard]] std::span<const Rule> parameters() const noexcept { return parameters_; }
    /// @brief The parameter @p id; throws NotFound naming the scheme.
    [[nodiscard]] const Rule& parameter(std::string_view id) const;
    /// @brief The value of parameter @p id.
    [[nodiscard]] std::int64_t value(std::string_view id) const { return parameter(id).range().min; }
    /// @brief The quota options.
    [[nodiscard]] const QuotaOptions& quota() const noexcept { return quota_; }

    /// @brief The lowest score rated @p rating (0 for incompetent).
    [[nodiscard]] double min_score(Rating rating) const;
    /// @brief The band of @p score.
    [[nodiscard]] Rating rate(double score) const;
    /// @brief Months one review rated @p rating adds to (+) or takes off (−) the grade wait.
    [[nodiscard]] std::int64_t wait_change_months(Rating rating) const;
    /// @brief @p score rounded to score.decimals (half away from zero).
    [[nodiscard]] double round_score(double score) const;

    /// @brief Replaces a parameter's value; @p note says whose rule it is. Throws NotFound for an
    /// unknown id and InvalidInput for an empty note or a value that breaks the checks.
    void override_parameter(std::string_view id, std::int64_t value, std::string note);
    /// @brief Replaces every indicator (weights must again sum to 1); each gets @p note as its
    /// override note. Throws InvalidInput and keeps the old set on error.
    void override_indicators(std::vector<Indicator> indicators, std::string note);
    /// @brief Replaces the quota options; throws InvalidInput (unknown tie-break indicator).
    void set_quota(QuotaOptions quota);

private:
    void check() const;
    std::string id_;
    std::string title_;
    Date effective_from_;
    std::vector<Indicator> indicators_;
    std::vector<Rule> parameters_;
    QuotaOptions quota_;
};

// ---- the grade clock ------------------------------------------------------------------------------

/// @brief @p date plus @p months calendar months; a day past the month's end becomes its last day
/// (2024-08-31 + 6 months = 2025-02-28).
[[nodiscard]] Date add_months(Date date, std::int64_t months);

/// @brief When a worker reaches the next grade (岗位等级晋升) and why.
struct GradeProgress {
    Date grade_start{};                      ///< Reached the current grade.
    std::int64_t standard_wait_months = 0;   ///< The scheme's wait.
    std::int64_t change_months = 0;          ///< Sum of the changes (−6 per 优秀 by default).
    Date next_grade_date{};                  ///< grade_start + max(0, wait + change) months.
    std::string explanation;                 ///< "2022-07-01 + 36 months − 6 (1 × 优秀) = 2025-01-01".
};

/// @brief The next grade date for a worker who reached the grade on @p grade_start and has since
/// been rated @p ratings (one per review at this grade), plus @p earlier_change_months.
[[nodiscard]] GradeProgress next_grade(const ReviewRules& rules, Date grade_start, std::span<const Rating> ratings,
                                       std::int64_t earlier_change_months = 0);

// ---- the review -----------------------------------------------------------------------------------

/// @brief One indicator of one worker's score: evidence → points → weighted contribution.
struct IndicatorScore {
    std::string indicator;         ///< Indicator id.
    std::string evidence;          ///< Evidence key read.
    std::optional<double> value;   ///< The evidence (none when missing and scored by points_if_missing).
    double points = 0;             ///< 0–100.
    double weight = 0;             ///< The indicator's weight.
    double contribution = 0;       ///< points × weight (unrounded).
};

/// @brief A rating moved down because a pool had more 优秀 than its quota.
struct QuotaAdjustment {
    Rating from = Rating::excellent;  ///< The rating by score.
    Rating to = Rating::competent;    ///< The rating given.
    DivisionCode pool;                ///< The pool's unit.
    std::int64_t reviewed = 0;        ///< Workers reviewed in the pool.
    std::int64_t allowed = 0;         ///< 优秀 allowed in the pool.
    std::int64_t rank = 0;            ///< 1-based rank among the pool's 优秀 by score (ties share a rank).
    std::string reason;               ///< In words.
};

/// @brief One worker's review: the scores, the rating, any quota adjustment and the grade clock.
struct WorkerReview {
    CommunityWorkerId worker;                  ///< Who (id in the workforce).
    std::string worker_id;                     ///< Their staff id.
    DivisionCode unit;                         ///< The unit they work for.
    DivisionCode pool;                         ///< The quota pool (the unit's ancestor at QuotaOptions::level).
    std::vector<IndicatorScore> indicators;    ///< Per indicator, in the scheme's order.
    double score = 0;                          ///< Σ contributions, rounded to score.decimals.
    Rating score_rating = Rating::incompetent; ///< The band of the score.
    Rating rating = Rating::incompetent;       ///< The rating given (after the quota).
    std::optional<QuotaAdjustment> adjustment; ///< Set when the quota moved the rating down.
    std::int64_t wait_change_months = 0;      ///< What this rating does to the grade wait.
    std::optional<Date> next_grade_date;       ///< With this rating (none without a grade start).
    std::string explanation;                   ///< Every step in words, one line each.
};

/// @brief One quota pool of a review.
struct QuotaPool {
    DivisionCode unit;                ///< The pool's unit.
    std::int64_t reviewed = 0;        ///< Workers reviewed.
    std::int64_t allowed = 0;         ///< 优秀 allowed.
    std::int64_t excellent_by_score = 0;  ///< 优秀 by score.
    std::int64_t excellent = 0;       ///< 优秀 given.
    std::int64_t moved_down = 0;      ///< Moved down by the quota.
};

/// @brief The outcome of a review period.
struct ReviewOutcome {
    std::string rules;                  ///< The scheme's id.
    Date first{};                       ///< First day of the period.
    Date last{};                        ///< Last day of the period.
    std::vector<WorkerReview> reviews;  ///< One per worker, by worker id.
    std::vector<QuotaPool> pools;       ///< One per pool, in code order.
    /// @brief Workers given @p rating.
    [[nodiscard]] std::int64_t count(Rating rating) const noexcept;
};

/// @brief Reviews every worker of @p workforce over [@p first, @p last] under @p rules.
///
/// Throws InvalidInput, changing nothing, for: first after last; a scheme not yet in force on
/// @p last; evidence for a worker not in the workforce (naming the worker, key and where the value
/// came from); evidence above an indicator's evidence_max; a worker without evidence an indicator
/// needs (and no points_if_missing). Workers' units must be at or below the quota level.
[[nodiscard]] ReviewOutcome review(const ReviewRules& rules, const Workforce& workforce,
                                   const ReviewEvidence& evidence, Date first, Date last);

}  // namespace grassroots
