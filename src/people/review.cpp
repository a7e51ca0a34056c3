// Community-worker reviews (履职评估): the workforce, the evidence, the rules and the review itself.
#include "grassroots/people/review.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "../core/text_input.hpp"
#include "people_support.hpp"

namespace grassroots {

namespace {

using detail::fixed2;
using detail::number_text;

constexpr std::array<EnumName<Rating>, 4> rating_table{{
    {Rating::excellent, "excellent", "优秀", "the top band"},
    {Rating::competent, "competent", "称职", "the second band"},
    {Rating::basically_competent, "basically_competent", "基本称职", "the third band"},
    {Rating::incompetent, "incompetent", "不称职", "the bottom band"},
}};
constexpr std::array<EnumName<ScoringKind>, 2> scoring_kind_table{{
    {ScoringKind::linear, "linear", "", "0 points at zero_at, 100 at full_at, a line between"},
    {ScoringKind::steps, "steps", "", "the points of the highest step reached"},
}};
constexpr std::array<EnumName<QuotaRounding>, 3> rounding_table{{
    {QuotaRounding::down, "down", "", "floor: never more than the share"},
    {QuotaRounding::nearest, "nearest", "", "round half up"},
    {QuotaRounding::up, "up", "", "ceil: at least one in a pool with a positive share"},
}};

constexpr double weight_tolerance = 1e-9;

// "优秀 (excellent)".
std::string rating_text(Rating rating) {
    return std::string(chinese_name(rating)) + " (" + std::string(to_string(rating)) + ")";
}

// "+ 6", "− 6" or "+ 0".
std::string signed_months(std::int64_t months) {
    return (months < 0 ? "− " : "+ ") + std::to_string(months < 0 ? -months : months);
}

std::string worker_label(const CommunityWorker& worker) { return "community worker '" + worker.id + "' (" + worker.name + ")"; }

}  // namespace

std::span<const EnumName<Rating>> enum_names(Rating) noexcept { return rating_table; }
std::string_view to_string(Rating rating) noexcept { return enum_name(rating); }
std::string_view chinese_name(Rating rating) noexcept { return enum_chinese_name(rating); }
Rating parse_rating(std::string_view text) { return parse_enum<Rating>(text, "rating", true); }
std::span<const EnumName<ScoringKind>> enum_names(ScoringKind) noexcept { return scoring_kind_table; }
std::string_view to_string(ScoringKind kind) noexcept { return enum_name(kind); }
std::span<const EnumName<QuotaRounding>> enum_names(QuotaRounding) noexcept { return rounding_table; }
std::string_view to_string(QuotaRounding rounding) noexcept { return enum_name(rounding); }

// ---- Workforce ------------------------------------------------------------------------------------

CommunityWorkerId Workforce::add(CommunityWorker worker) {
    if (worker.id.empty()) {
        throw InvalidInput("a community worker needs a staff id", Location{{}, 0, "id"});
    }
    if (by_id_.contains(worker.id)) {
        throw InvalidInput("community worker '" + worker.id + "' is already in the workforce", Location{{}, 0, "id"});
    }
    if (worker.name.empty()) {
        throw InvalidInput("community worker '" + worker.id + "' needs a name", Location{{}, 0, "name"});
    }
    if (worker.grade < 1) {
        throw InvalidInput("community worker '" + worker.id + "' has grade " + std::to_string(worker.grade) +
                               "; grades start at 1",
                           Location{{}, 0, "grade"});
    }
    if (worker.grade_start && !worker.grade_start->ok()) {
        throw InvalidInput("community worker '" + worker.id + "' has an invalid grade start date",
                           Location{{}, 0, "grade_start"});
    }
    const auto id = static_cast<std::uint32_t>(workers_.size());
    by_id_.emplace(worker.id, id);
    workers_.push_back(std::move(worker));
    return CommunityWorkerId{id};
}

const CommunityWorker& Workforce::worker(CommunityWorkerId id) const {
    if (!id.valid() || id.value() >= workers_.size()) {
        throw NotFound("no community worker with id " + std::to_string(id.value()) + " (the workforce has " +
                       std::to_string(workers_.size()) + ")");
    }
    return workers_[id.value()];
}

std::optional<CommunityWorkerId> Workforce::find(std::string_view id) const noexcept {
    const auto found = by_id_.find(std::string(id));
    if (found == by_id_.end()) return std::nullopt;
    return CommunityWorkerId{found->second};
}

CommunityWorkerId Workforce::at(std::string_view id) const {
    if (const auto found = find(id)) return *found;
    throw NotFound("no community worker '" + std::string(id) + "' in the workforce");
}

Workforce Workforce::parse_csv(std::string_view text, std::string_view source) {
    detail::CsvReader reader(text, std::string(source));
    const std::vector<std::size_t> required = detail::read_header(reader, {"id", "name", "unit"});
    const std::size_t columns = reader.fields().size();
    const auto optional_column = [&](std::string_view name) -> std::optional<std::size_t> {
        const auto& header = reader.fields();
        const auto found = std::find(header.begin(), header.end(), name);
        if (found == header.end()) return std::nullopt;
        return static_cast<std::size_t>(found - header.begin());
    };
    const auto grade = optional_column("grade");
    const auto grade_start = optional_column("grade_start");
    const auto wait_change = optional_column("wait_change_months");
    const auto actor = optional_column("actor");
    const auto cell = [&](const std::optional<std::size_t>& column) -> std::string_view {
        return column ? reader.fields()[*column] : std::string_view{};
    };

    Workforce out;
    while (reader.next()) {
        detail::expect_field_count(reader, columns);
        const auto& f = reader.fields();
        CommunityWorker worker{std::string(f[required[0]]), std::string(f[required[1]]),
                               detail::in_field(reader, "unit", [&] { return DivisionCode::parse(f[required[2]]); })};
        if (!cell(grade).empty()) {
            worker.grade = detail::in_field(reader, "grade", [&] { return detail::parse_whole(cell(grade)); });
        }
        if (!cell(grade_start).empty()) {
            worker.grade_start = detail::in_field(reader, "grade_start", [&] { return parse_date(cell(grade_start)); });
        }
        if (!cell(wait_change).empty()) {
            worker.wait_change_months =
                detail::in_field(reader, "wait_change_months", [&] { return detail::parse_whole(cell(wait_change)); });
        }
        worker.actor = std::string(cell(actor));
        detail::in_field(reader, "id", [&] { out.add(std::move(worker)); });
    }
    return out;
}

Workforce Workforce::read_csv(const std::filesystem::path& file) {
    return parse_csv(detail::read_text_file(file), file.string());
}

// ---- ReviewEvidence -------------------------------------------------------------------------------

namespace {
std::string evidence_key(std::string_view worker, std::string_view key) {
    std::string joined(worker);
    joined += '\x1f';
    joined += key;
    return joined;
}
}  // namespace

void ReviewEvidence::set(std::string worker, std::string key, double value, Location where) {
    if (worker.empty()) {
        throw InvalidInput("evidence '" + key + "' names no community worker", where);
    }
    if (key.empty()) {
        throw InvalidInput("evidence for community worker '" + worker + "' has no key", where);
    }
    if (!std::isfinite(value) || value < 0) {
        throw InvalidInput("evidence '" + key + "' of community worker '" + worker + "' is " + number_text(value) +
                               "; evidence must be a finite number ≥ 0",
                           where);
    }
    std::string joined = evidence_key(worker, key);
    if (const auto found = index_.find(joined); found != index_.end()) {
        const std::string first = values_[found->second].where.to_string();
        throw InvalidInput("evidence '" + key + "' of community worker '" + worker + "' is given twice" +
                               (first.empty() ? std::string() : " (first at " + first + ")"),
                           where);
    }
    index_.emplace(std::move(joined), values_.size());
    values_.push_back(EvidenceValue{std::move(worker), std::move(key), value, std::move(where)});
}

const EvidenceValue* ReviewEvidence::entry(std::string_view worker, std::string_view key) const {
    const auto found = index_.find(evidence_key(worker, key));
    return found == index_.end() ? nullptr : &values_[found->second];
}

std::optional<double> ReviewEvidence::find(std::string_view worker, std::string_view key) const {
    const EvidenceValue* value = entry(worker, key);
    if (value == nullptr) return std::nullopt;
    return value->value;
}

void ReviewEvidence::merge(const ReviewEvidence& other) {
    ReviewEvidence merged = *this;
    for (const EvidenceValue& value : other.values_) {
        merged.set(value.worker, value.key, value.value, value.where);
    }
    *this = std::move(merged);
}

ReviewEvidence ReviewEvidence::parse_csv(std::string_view text, std::string_view source) {
    detail::CsvReader reader(text, std::string(source));
    const std::size_t worker_column = detail::read_header(reader, {"worker"}).front();
    const std::vector<std::string> header(reader.fields().begin(), reader.fields().end());
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i].empty()) {
            throw InvalidInput("column " + std::to_string(i + 1) + " of the header has no name", reader.where());
        }
        if (std::find(header.begin(), header.begin() + static_cast<std::ptrdiff_t>(i), header[i]) !=
            header.begin() + static_cast<std::ptrdiff_t>(i)) {
            throw InvalidInput("column '" + header[i] + "' appears twice in the header", reader.where());
        }
    }
    ReviewEvidence out;
    while (reader.next()) {
        detail::expect_field_count(reader, header.size());
        const auto& f = reader.fields();
        const std::string worker(f[worker_column]);
        if (worker.empty()) {
            throw InvalidInput("no community worker given", reader.where("worker"));
        }
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (i == worker_column || f[i].empty()) continue;
            const double value = detail::in_field(reader, header[i], [&] { return detail::parse_number(f[i]); });
            out.set(worker, header[i], value, reader.where(header[i]));
        }
    }
    return out;
}

ReviewEvidence ReviewEvidence::read_csv(const std::filesystem::path& file) {
    return parse_csv(detail::read_text_file(file), file.string());
}

// ---- Scoring --------------------------------------------------------------------------------------

Scoring Scoring::linear(double zero_at, double full_at) {
    Scoring out;
    out.kind = ScoringKind::linear;
    out.zero_at = zero_at;
    out.full_at = full_at;
    return out;
}

Scoring Scoring::stepped(std::vector<ScoringStep> steps) {
    Scoring out;
    out.kind = ScoringKind::steps;
    out.steps = std::move(steps);
    return out;
}

double Scoring::points(double evidence) const noexcept {
    if (kind == ScoringKind::steps) {
        double earned = 0;
        for (const ScoringStep& step : steps) {
            if (evidence < step.at_least) break;
            earned = step.points;
        }
        return earned;
    }
    if (zero_at < full_at) {
        if (evidence <= zero_at) return 0;
        if (evidence >= full_at) return 100;
        return 100 * (evidence - zero_at) / (full_at - zero_at);
    }
    if (evidence >= zero_at) return 0;
    if (evidence <= full_at) return 100;
    return 100 * (zero_at - evidence) / (zero_at - full_at);
}

std::string Scoring::to_string() const {
    if (kind == ScoringKind::linear) {
        return "linear: 0 points at " + number_text(zero_at) + ", 100 at " + number_text(full_at);
    }
    std::string text = "steps:";
    for (std::size_t i = 0; i < steps.size(); ++i) {
        text += (i == 0 ? " ≥" : ", ≥") + number_text(steps[i].at_least) + " → " + number_text(steps[i].points);
    }
    return text;
}

void Scoring::check(std::string_view what) const {
    const std::string prefix(what);
    if (kind == ScoringKind::linear) {
        if (!std::isfinite(zero_at) || !std::isfinite(full_at)) {
            throw InvalidInput(prefix + ": a linear scoring needs finite ends");
        }
        if (zero_at == full_at) {
            throw InvalidInput(prefix + ": a linear scoring needs zero_at ≠ full_at (both are " + number_text(zero_at) + ")");
        }
        return;
    }
    if (kind != ScoringKind::steps) {
        throw InvalidInput(prefix + ": unknown scoring kind");
    }
    if (steps.empty()) {
        throw InvalidInput(prefix + ": a step scoring needs at least one step");
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const ScoringStep& step = steps[i];
        if (!std::isfinite(step.at_least) || !(step.points >= 0 && step.points <= 100)) {
            throw InvalidInput(prefix + ": step " + std::to_string(i + 1) + " needs a finite threshold and 0–100 points");
        }
        if (i > 0 && !(steps[i - 1].at_least < step.at_least)) {
            throw InvalidInput(prefix + ": step thresholds must rise (step " + std::to_string(i + 1) + " at " +
                               number_text(step.at_least) + " follows " + number_text(steps[i - 1].at_least) + ")");
        }
    }
}

// ---- ReviewRules ----------------------------------------------------------------------------------

namespace {

namespace rp = review_parameter;

// Allowed values of each parameter.
struct ParameterLimits {
    std::string_view id;
    std::int64_t min;
    std::int64_t max;
};
constexpr std::array<ParameterLimits, 10> parameter_limits{{
    {rp::excellent_min, 0, 100},
    {rp::competent_min, 0, 100},
    {rp::basically_competent_min, 0, 100},
    {rp::excellent_quota, 0, 100},
    {rp::score_decimals, 0, 6},
    {rp::standard_wait, 0, 1200},
    {rp::change_excellent, -1200, 1200},
    {rp::change_competent, -1200, 1200},
    {rp::change_basically_competent, -1200, 1200},
    {rp::change_incompetent, -1200, 1200},
}};

}  // namespace

ReviewRules::ReviewRules(std::string id, std::string title, Date effective_from, std::vector<Indicator> indicators,
                         std::vector<Rule> parameters, QuotaOptions quota)
    : id_(std::move(id)),
      title_(std::move(title)),
      effective_from_(effective_from),
      indicators_(std::move(indicators)),
      parameters_(std::move(parameters)),
      quota_(std::move(quota)) {
    check();
    // Keep the parameters in the canonical order.
    std::vector<Rule> ordered;
    ordered.reserve(parameters_.size());
    for (const ParameterLimits& limits : parameter_limits) {
        ordered.push_back(*std::find_if(parameters_.begin(), parameters_.end(),
                                        [&](const Rule& r) { return r.id == limits.id; }));
    }
    parameters_ = std::move(ordered);
}

void ReviewRules::check() const {
    if (id_.empty()) {
        throw InvalidInput("review rules need an id");
    }
    const std::string prefix = "review rules '" + id_ + "'";
    if (!effective_from_.ok()) {
        throw InvalidInput(prefix + ": the effective date is not a valid date");
    }
    if (indicators_.empty()) {
        throw InvalidInput(prefix + ": no indicators");
    }
    double sum = 0;
    std::string listing;
    for (std::size_t i = 0; i < indicators_.size(); ++i) {
        const Indicator& indicator = indicators_[i];
        const std::string what = prefix + ", indicator '" + indicator.id + "'";
        if (indicator.id.empty()) {
            throw InvalidInput(prefix + ": indicator " + std::to_string(i + 1) + " has no id");
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (indicators_[j].id == indicator.id) {
                throw InvalidInput(prefix + " lists indicator '" + indicator.id + "' twice");
            }
        }
        if (indicator.evidence.empty()) {
            throw InvalidInput(what + ": names no evidence key");
        }
        if (!std::isfinite(indicator.weight) || indicator.weight <= 0 || indicator.weight > 1) {
            throw InvalidInput(what + ": weight " + number_text(indicator.weight) + " is not in (0, 1]");
        }
        indicator.scoring.check(what);
        if (indicator.evidence_max && !(std::isfinite(*indicator.evidence_max) && *indicator.evidence_max >= 0)) {
            throw InvalidInput(what + ": evidence_max must be a finite number ≥ 0");
        }
        if (indicator.points_if_missing && !(*indicator.points_if_missing >= 0 && *indicator.points_if_missing <= 100)) {
            throw InvalidInput(what + ": points_if_missing must be 0–100");
        }
        sum += indicator.weight;
        listing += (i == 0 ? "" : ", ") + indicator.id + " " + number_text(indicator.weight);
    }
    if (std::abs(sum - 1) > weight_tolerance) {
        throw InvalidInput(prefix + ": indicator weights sum to " + number_text(sum) + ", not 1 (" + listing + ")");
    }

    for (const Rule& rule : parameters_) {
        const auto known = std::find_if(parameter_limits.begin(), parameter_limits.end(),
                                        [&](const ParameterLimits& l) { return l.id == rule.id; });
        if (known == parameter_limits.end()) {
            std::string expected;
            for (const ParameterLimits& l : parameter_limits) expected += (expected.empty() ? "" : ", ") + std::string(l.id);
            throw InvalidInput(prefix + " has an unknown parameter '" + rule.id + "' (expected " + expected + ")");
        }
        const auto* range = std::get_if<IntRange>(&rule.value);
        if (range == nullptr || range->min != range->max) {
            throw InvalidInput(prefix + ", parameter '" + rule.id + "': needs a single number (IntRange with min == max), not '" +
                               rule.value_text() + "'");
        }
        if (range->min < known->min || range->min > known->max) {
            throw InvalidInput(prefix + ", parameter '" + rule.id + "': " + std::to_string(range->min) + " is not in " +
                               std::to_string(known->min) + "–" + std::to_string(known->max));
        }
    }
    for (const ParameterLimits& limits : parameter_limits) {
        const auto count = std::count_if(parameters_.begin(), parameters_.end(), [&](const Rule& r) { return r.id == limits.id; });
        if (count == 0) {
            throw InvalidInput(prefix + " lacks parameter '" + std::string(limits.id) + "'");
        }
        if (count > 1) {
            throw InvalidInput(prefix + " lists parameter '" + std::string(limits.id) + "' twice");
        }
    }
    const auto number = [&](std::string_view id) {
        return std::find_if(parameters_.begin(), parameters_.end(), [&](const Rule& r) { return r.id == id; })->range().min;
    };
    const std::int64_t excellent = number(rp::excellent_min);
    const std::int64_t competent = number(rp::competent_min);
    const std::int64_t basic = number(rp::basically_competent_min);
    if (!(excellent > competent && competent > basic)) {
        throw InvalidInput(prefix + ": rating bands must descend: 优秀 from " + std::to_string(excellent) + ", 称职 from " +
                           std::to_string(competent) + ", 基本称职 from " + std::to_string(basic));
    }
    for (const std::string& tie : quota_.tie_break) {
        if (std::none_of(indicators_.begin(), indicators_.end(), [&](const Indicator& i) { return i.id == tie; })) {
            throw InvalidInput(prefix + ": quota tie-break names unknown indicator '" + tie + "'");
        }
    }
    if (static_cast<std::size_t>(quota_.level) > static_cast<std::size_t>(Level::village)) {
        throw InvalidInput(prefix + ": quota level is not a level of the ladder");
    }
}

const Indicator& ReviewRules::indicator(std::string_view id) const {
    for (const Indicator& indicator : indicators_) {
        if (indicator.id == id) return indicator;
    }
    throw NotFound("review rules '" + id_ + "' have no indicator '" + std::string(id) + "'");
}

const Rule& ReviewRules::parameter(std::string_view id) const {
    for (const Rule& rule : parameters_) {
        if (rule.id == id) return rule;
    }
    throw NotFound("review rules '" + id_ + "' have no parameter '" + std::string(id) + "'");
}

double ReviewRules::min_score(Rating rating) const {
    switch (rating) {
        case Rating::excellent: return static_cast<double>(value(rp::excellent_min));
        case Rating::competent: return static_cast<double>(value(rp::competent_min));
        case Rating::basically_competent: return static_cast<double>(value(rp::basically_competent_min));
        case Rating::incompetent: return 0;
    }
    throw InvalidInput("unknown rating");
}

Rating ReviewRules::rate(double score) const {
    for (const Rating rating : {Rating::excellent, Rating::competent, Rating::basically_competent}) {
        if (score >= min_score(rating)) return rating;
    }
    return Rating::incompetent;
}

std::int64_t ReviewRules::wait_change_months(Rating rating) const {
    switch (rating) {
        case Rating::excellent: return value(rp::change_excellent);
        case Rating::competent: return value(rp::change_competent);
        case Rating::basically_competent: return value(rp::change_basically_competent);
        case Rating::incompetent: return value(rp::change_incompetent);
    }
    throw InvalidInput("unknown rating");
}

double ReviewRules::round_score(double score) const {
    const double scale = std::pow(10.0, static_cast<double>(value(rp::score_decimals)));
    return std::round(score * scale) / scale;
}

void ReviewRules::override_parameter(std::string_view id, std::int64_t new_value, std::string note) {
    (void)parameter(id);  // NotFound for an unknown id
    if (note.empty()) {
        throw InvalidInput("overriding parameter '" + std::string(id) + "' of review rules '" + id_ +
                           "' needs a note saying whose rule it is");
    }
    ReviewRules changed = *this;
    for (Rule& rule : changed.parameters_) {
        if (rule.id == id) {
            rule.value = IntRange{new_value, new_value};
            rule.override_note = std::move(note);
        }
    }
    changed.check();
    *this = std::move(changed);
}

void ReviewRules::override_indicators(std::vector<Indicator> indicators, std::string note) {
    if (note.empty()) {
        throw InvalidInput("overriding the indicators of review rules '" + id_ + "' needs a note saying whose rule it is");
    }
    ReviewRules changed = *this;
    changed.indicators_ = std::move(indicators);
    for (Indicator& indicator : changed.indicators_) indicator.override_note = note;
    changed.check();
    *this = std::move(changed);
}

void ReviewRules::set_quota(QuotaOptions quota) {
    ReviewRules changed = *this;
    changed.quota_ = std::move(quota);
    changed.check();
    *this = std::move(changed);
}

// ---- the grade clock ------------------------------------------------------------------------------

Date add_months(Date date, std::int64_t months) {
    if (!date.ok()) {
        throw InvalidInput("add_months: the date is not a valid date");
    }
    const std::chrono::year_month month =
        std::chrono::year_month{date.year(), date.month()} + std::chrono::months{months};
    const std::chrono::day last = std::chrono::year_month_day_last{month.year(), std::chrono::month_day_last{month.month()}}.day();
    return Date{month.year(), month.month(), std::min(date.day(), last)};
}

namespace {

// "2022-07-01 + 36 months − 6 (1 × 优秀) = 2024-01-01" parts, shared by next_grade() and review().
struct GradeClock {
    std::int64_t change = 0;
    std::string change_text;
    void add(std::int64_t months, const std::string& why) {
        change += months;
        if (months != 0) change_text += " " + signed_months(months) + " (" + why + ")";
    }
    GradeProgress finish(Date start, std::int64_t wait) const {
        GradeProgress out;
        out.grade_start = start;
        out.standard_wait_months = wait;
        out.change_months = change;
        out.next_grade_date = add_months(start, std::max<std::int64_t>(0, wait + change));
        out.explanation = to_string(start) + " + " + std::to_string(wait) + " months" + change_text + " = " +
                          to_string(out.next_grade_date);
        if (wait + change < 0) out.explanation += " (the wait cannot fall below 0)";
        return out;
    }
};

}  // namespace

GradeProgress next_grade(const ReviewRules& rules, Date grade_start, std::span<const Rating> ratings,
                         std::int64_t earlier_change_months) {
    if (!grade_start.ok()) {
        throw InvalidInput("next_grade: the grade start date is not a valid date");
    }
    GradeClock clock;
    clock.add(earlier_change_months, "earlier reviews");
    for (const Rating rating : {Rating::excellent, Rating::competent, Rating::basically_competent, Rating::incompetent}) {
        const auto times = std::count(ratings.begin(), ratings.end(), rating);
        if (times > 0) {
            clock.add(times * rules.wait_change_months(rating), std::to_string(times) + " × " + std::string(chinese_name(rating)));
        }
    }
    return clock.finish(grade_start, rules.value(rp::standard_wait));
}

// ---- the review -----------------------------------------------------------------------------------

std::int64_t ReviewOutcome::count(Rating rating) const noexcept {
    return std::count_if(reviews.begin(), reviews.end(), [&](const WorkerReview& r) { return r.rating == rating; });
}

namespace {

// What orders 优秀 within a pool: score, then the tie-break indicators' points, all higher first.
std::vector<double> rank_key(const ReviewRules& rules, const WorkerReview& review) {
    std::vector<double> key{review.score};
    for (const std::string& tie : rules.quota().tie_break) {
        for (std::size_t i = 0; i < rules.indicators().size(); ++i) {
            if (rules.indicators()[i].id == tie) key.push_back(review.indicators[i].points);
        }
    }
    return key;
}

std::int64_t allowed_excellent(std::int64_t reviewed, std::int64_t percent, QuotaRounding rounding) {
    const std::int64_t scaled = reviewed * percent;  // hundredths of a worker
    switch (rounding) {
        case QuotaRounding::down: return scaled / 100;
        case QuotaRounding::nearest: return (2 * scaled + 100) / 200;
        case QuotaRounding::up: return (scaled + 99) / 100;
    }
    return scaled / 100;
}

WorkerReview score_worker(const ReviewRules& rules, const CommunityWorker& worker, CommunityWorkerId id,
                          const ReviewEvidence& evidence) {
    const Level pool_level = rules.quota().level;
    if (worker.unit.level() < pool_level) {
        throw InvalidInput(worker_label(worker) + " works for unit " + worker.unit.str() + " (" +
                           std::string(to_string(worker.unit.level())) + " level), above the quota level " +
                           std::string(to_string(pool_level)));
    }
    WorkerReview out{id, worker.id, worker.unit, worker.unit.ancestor(pool_level), {}, 0, Rating::incompetent, Rating::incompetent, std::nullopt,
                     0, std::nullopt, {}};
    double sum = 0;
    std::string lines;
    for (const Indicator& indicator : rules.indicators()) {
        IndicatorScore score{indicator.id, indicator.evidence, std::nullopt, 0, indicator.weight, 0};
        std::string how;
        if (const EvidenceValue* given = evidence.entry(worker.id, indicator.evidence)) {
            if (indicator.evidence_max && given->value > *indicator.evidence_max) {
                throw InvalidInput("evidence '" + indicator.evidence + "' of " + worker_label(worker) + " is " +
                                       number_text(given->value) + ", above the maximum " +
                                       number_text(*indicator.evidence_max) + " of indicator '" + indicator.id + "'" +
                                       (*indicator.evidence_max == 1 ? " (a share: give 0.95, not 95)" : ""),
                                   given->where);
            }
            score.value = given->value;
            score.points = indicator.scoring.points(given->value);
            how = "evidence " + indicator.evidence + " = " + number_text(given->value) + " → " + fixed2(score.points) +
                  " points (" + indicator.scoring.to_string() + ")";
        } else if (indicator.points_if_missing) {
            score.points = *indicator.points_if_missing;
            how = "no evidence " + indicator.evidence + " → " + fixed2(score.points) + " points (the rule for missing evidence)";
        } else {
            throw InvalidInput(worker_label(worker) + " has no evidence '" + indicator.evidence + "' for indicator '" +
                               indicator.id + "'");
        }
        score.contribution = score.points * score.weight;
        sum += score.contribution;
        lines += "  " + indicator.id + " (" + indicator.name + "): " + how + " × weight " + number_text(indicator.weight) +
                 " = " + fixed2(score.contribution) + "\n";
        out.indicators.push_back(std::move(score));
    }
    out.score = rules.round_score(sum);
    out.score_rating = rules.rate(out.score);
    out.rating = out.score_rating;
    out.explanation = worker.id + " " + worker.name + " (" + worker.unit.str() + ") under review rules '" + rules.id() +
                      "'\n" + lines;
    return out;
}

// Appends the band, quota and grade lines and sets the grade fields (after the quota).
void finish_worker(const ReviewRules& rules, const CommunityWorker& worker, WorkerReview& review) {
    std::string& text = review.explanation;
    text += "  score " + fixed2(review.score) + " (rounded to " + std::to_string(rules.value(rp::score_decimals)) +
            " decimals) → " + rating_text(review.score_rating);
    text += review.score_rating == Rating::incompetent
                ? " (below " + number_text(rules.min_score(Rating::basically_competent)) + ")\n"
                : " (from " + number_text(rules.min_score(review.score_rating)) + ")\n";
    if (review.adjustment) {
        text += "  quota: " + rating_text(review.adjustment->from) + " → " + rating_text(review.adjustment->to) + ": " +
                review.adjustment->reason + "\n";
    }
    text += "  rating: " + rating_text(review.rating) + "\n";
    review.wait_change_months = rules.wait_change_months(review.rating);
    if (worker.grade_start) {
        GradeClock clock;
        clock.add(worker.wait_change_months, "earlier reviews");
        clock.add(review.wait_change_months, std::string(chinese_name(review.rating)) + " this review");
        const GradeProgress progress = clock.finish(*worker.grade_start, rules.value(rp::standard_wait));
        review.next_grade_date = progress.next_grade_date;
        text += "  next grade (grade " + std::to_string(worker.grade) + " → " + std::to_string(worker.grade + 1) +
                "): " + progress.explanation + "\n";
    } else {
        text += "  next grade: no grade start date given\n";
    }
}

std::string ordinal(std::int64_t n) {
    const std::int64_t tens = n % 100;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    return std::to_string(n) + suffix;
}

// Moves the lowest-ranked 优秀 of one pool down to 称职 when the pool has more than its quota.
QuotaPool apply_quota(const ReviewRules& rules, std::vector<WorkerReview>& reviews,
                      const std::vector<std::size_t>& members) {
    QuotaPool pool{reviews[members.front()].pool, static_cast<std::int64_t>(members.size()), 0, 0, 0, 0};
    const std::int64_t percent = rules.value(rp::excellent_quota);
    pool.allowed = allowed_excellent(pool.reviewed, percent, rules.quota().rounding);
    std::vector<std::size_t> excellent;
    for (const std::size_t i : members) {
        if (reviews[i].score_rating == Rating::excellent) excellent.push_back(i);
    }
    pool.excellent_by_score = static_cast<std::int64_t>(excellent.size());
    pool.excellent = pool.excellent_by_score;
    if (pool.excellent_by_score <= pool.allowed) return pool;

    std::vector<std::vector<double>> keys(reviews.size());
    for (const std::size_t i : excellent) keys[i] = rank_key(rules, reviews[i]);
    // Best first; equal keys keep worker-id order (only for a stable listing: equal keys are treated alike).
    std::stable_sort(excellent.begin(), excellent.end(), [&](std::size_t a, std::size_t b) { return keys[a] > keys[b]; });
    auto cut = static_cast<std::size_t>(pool.allowed);
    std::optional<std::vector<double>> edge;  // the key of workers tied across the quota's edge
    if (cut > 0 && keys[excellent[cut - 1]] == keys[excellent[cut]]) edge = keys[excellent[cut]];
    while (cut > 0 && keys[excellent[cut - 1]] == keys[excellent[cut]]) --cut;

    const std::string rounding(to_string(rules.quota().rounding));
    for (std::size_t position = cut; position < excellent.size(); ++position) {
        WorkerReview& review = reviews[excellent[position]];
        const std::vector<double>& key = keys[excellent[position]];
        const auto rank = 1 + std::count_if(excellent.begin(), excellent.end(),
                                            [&](std::size_t other) { return keys[other] > key; });
        std::string reason = "pool " + pool.unit.str() + " allows " + std::to_string(pool.allowed) + " 优秀 of " +
                             std::to_string(pool.reviewed) + " reviewed (at most " + std::to_string(percent) +
                             " %, rounded " + rounding + "); " + std::to_string(pool.excellent_by_score) +
                             " scored 优秀 and this score ranks " + ordinal(rank);
        std::string tied;
        for (const std::size_t other : excellent) {
            if (other != excellent[position] && keys[other] == key) {
                tied += (tied.empty() ? "" : ", ") + reviews[other].worker_id;
            }
        }
        if (!tied.empty()) reason += "; tied with " + tied;
        if (edge && *edge == key) {
            reason += rules.quota().tie_break.empty() ? " (no tie-break indicators)" : " after the tie-break indicators";
            reason += ", and workers tied at the quota's edge are all moved down";
        }
        review.rating = Rating::competent;
        review.adjustment = QuotaAdjustment{Rating::excellent, Rating::competent, pool.unit, pool.reviewed, pool.allowed,
                                            static_cast<std::int64_t>(rank), std::move(reason)};
        ++pool.moved_down;
        --pool.excellent;
    }
    return pool;
}

}  // namespace

ReviewOutcome review(const ReviewRules& rules, const Workforce& workforce, const ReviewEvidence& evidence, Date first,
                     Date last) {
    detail::check_period(first, last, "review");
    if (last < rules.effective_from()) {
        throw InvalidInput("review rules '" + rules.id() + "' take effect on " + to_string(rules.effective_from()) +
                           ", after the review period ends on " + to_string(last));
    }
    for (const EvidenceValue& value : evidence.values()) {
        if (!workforce.find(value.worker)) {
            throw InvalidInput("evidence '" + value.key + "' is for community worker '" + value.worker +
                                   "', who is not in the workforce",
                               value.where);
        }
    }
    ReviewOutcome outcome{rules.id(), first, last, {}, {}};
    outcome.reviews.reserve(workforce.size());
    std::map<DivisionCode, std::vector<std::size_t>> pools;
    for (std::size_t i = 0; i < workforce.size(); ++i) {
        const CommunityWorker& worker = workforce.workers()[i];
        outcome.reviews.push_back(score_worker(rules, worker, CommunityWorkerId{static_cast<std::uint32_t>(i)}, evidence));
        pools[outcome.reviews.back().pool].push_back(i);
    }
    for (const auto& [unit, members] : pools) {
        outcome.pools.push_back(apply_quota(rules, outcome.reviews, members));
    }
    for (std::size_t i = 0; i < workforce.size(); ++i) {
        finish_worker(rules, workforce.workers()[i], outcome.reviews[i]);
    }
    return outcome;
}

}  // namespace grassroots
