/// @file consultation.hpp
/// @brief Consultation meetings (协商议事, "有事好商量"): a topic, participants, and decisions with
/// an owner, a due date and follow-up — the decisions later feed the closed loops.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/autonomy/chain.hpp"
#include "grassroots/core/date.hpp"
#include "grassroots/core/enum_table.hpp"

namespace grassroots {

/// @brief Follow-up status of a decision.
enum class DecisionStatus : std::uint8_t {
    open,         ///< decided, not started
    in_progress,  ///< being carried out
    done,         ///< carried out (final)
    cancelled,    ///< withdrawn (final)
};

/// @brief Every DecisionStatus with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<DecisionStatus>> enum_names(DecisionStatus) noexcept;
/// @brief "open", "in_progress", "done" or "cancelled".
[[nodiscard]] std::string_view to_string(DecisionStatus status) noexcept;
/// @brief 待办, 办理中, 已办结 or 已撤销.
[[nodiscard]] std::string_view chinese_name(DecisionStatus status) noexcept;

/// @brief A follow-up entry: the day, the new status and a note.
struct FollowUp {
    Date date{};                                  ///< When.
    DecisionStatus status = DecisionStatus::open;  ///< Status from then on.
    std::string note;                             ///< What happened.
};

/// @brief A decision of a consultation meeting.
struct ConsultationDecision {
    std::string text;                              ///< What was decided.
    PersonId owner;                                ///< Who carries it out.
    Date due{};                                    ///< By when.
    DecisionStatus status = DecisionStatus::open;  ///< Current status.
    std::vector<FollowUp> history;                 ///< Every status change, oldest first.
    /// @brief Not done or cancelled, and due before @p on.
    [[nodiscard]] bool overdue(Date on) const noexcept;
};

/// @brief One consultation meeting of a chain.
class ConsultationMeeting {
public:
    /// @brief A meeting on @p topic held on @p date with @p participants (registered people of
    /// @p chain, each once). Throws InvalidInput (empty topic, no or repeated participants) or NotFound.
    ConsultationMeeting(const AutonomyChain& chain, std::string topic, Date date, std::vector<PersonId> participants);

    [[nodiscard]] const std::string& topic() const noexcept { return topic_; }  ///< What was discussed.
    /// @brief The village-level unit of the chain the meeting was held in.
    [[nodiscard]] DivisionCode unit() const noexcept { return unit_; }
    /// @brief The name of the chain's committee the meeting was held in.
    [[nodiscard]] const std::string& chain_name() const noexcept { return chain_name_; }
    [[nodiscard]] Date date() const noexcept { return date_; }                   ///< When.
    [[nodiscard]] std::span<const PersonId> participants() const noexcept { return participants_; }  ///< Who took part.
    [[nodiscard]] std::span<const ConsultationDecision> decisions() const noexcept { return decisions_; }  ///< Decisions.

    /// @brief Records a decision; throws InvalidInput (empty text, due before the meeting, @p chain
    /// not the one the meeting was held in) or NotFound (owner not in the chain). Returns its index.
    std::size_t decide(const AutonomyChain& chain, std::string text, PersonId owner, Date due);
    /// @brief Moves decision @p index to @p status on @p date with @p note.
    ///
    /// Allowed: open → in_progress → done, open/in_progress → cancelled, and a progress note that
    /// keeps an open or in_progress status. Throws InvalidInput for another move, a date before the meeting or the last follow-up; NotFound for a bad index.
    void follow_up(std::size_t index, DecisionStatus status, Date date, std::string note);
    /// @brief Indices of decisions overdue on @p on.
    [[nodiscard]] std::vector<std::size_t> overdue(Date on) const;

private:
    DivisionCode unit_;       // the chain the meeting belongs to
    std::string chain_name_;
    std::string topic_;
    Date date_;
    std::vector<PersonId> participants_;
    std::vector<ConsultationDecision> decisions_;
};

}  // namespace grassroots
