/// @file strong_id.hpp
/// @brief StrongId: a dense integer id that cannot be mixed up with an id of another kind.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <limits>

namespace grassroots {

/// @brief A typed wrapper around a dense integer index.
///
/// `StrongId<struct GridTag>` and `StrongId<struct WorkerTag>` are different types, so one cannot
/// be passed where the other is expected. The value is an index into the owning container.
template <class Tag, class Rep = std::uint32_t>
class StrongId {
public:
    using rep_type = Rep;  ///< The underlying integer type.

    /// @brief An invalid id (all bits set).
    constexpr StrongId() noexcept = default;
    /// @brief The id with index @p value.
    constexpr explicit StrongId(Rep value) noexcept : value_(value) {}

    /// @brief The index.
    [[nodiscard]] constexpr Rep value() const noexcept { return value_; }
    /// @brief False for a default-constructed id.
    [[nodiscard]] constexpr bool valid() const noexcept { return value_ != invalid_value; }

    /// @brief Ids compare by index.
    friend constexpr auto operator<=>(StrongId, StrongId) noexcept = default;

private:
    static constexpr Rep invalid_value = std::numeric_limits<Rep>::max();
    Rep value_ = invalid_value;
};

}  // namespace grassroots

// Hashing of StrongId, so ids can key unordered containers. (hidden from Doxygen, which cannot place std:: specialisations).
/// @cond GRASSROOTS_STD_HASH
template <class Tag, class Rep>
struct std::hash<grassroots::StrongId<Tag, Rep>> {
    /// @brief The hash of the index.
    std::size_t operator()(grassroots::StrongId<Tag, Rep> id) const noexcept {
        return std::hash<Rep>{}(id.value());
    }
};
/// @endcond
