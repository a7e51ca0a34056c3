/// @file synthetic.hpp
/// @brief Deterministic synthetic autonomy chains, for demos, tests and benchmarks.
#pragma once

#include <cstdint>

#include "grassroots/autonomy/chain.hpp"

namespace grassroots {

/// @brief Sizes of a synthetic chain (defaults: realistic, lawful under the 2018 editions).
struct SyntheticChainOptions {
    std::int64_t min_households = 300;   ///< Fewest households in the unit.
    std::int64_t max_households = 700;   ///< Most households in the unit.
    std::int64_t households_per_group = 40;  ///< Target group size (groups are 15–40 by the 1954 rule).
    double adults_per_household = 2.1;   ///< Adult residents per household.
    double party_secretary_chairs = 0.7; ///< Share of units where the director is party secretary (一肩挑).
};

/// @brief A lawful chain for @p unit, the same for the same @p seed on every platform.
///
/// The committee kind follows the code's village class (村委会 for 200–399, else 居委会); its term
/// starts on @p elected. Groups, heads, 2–3 representatives per group, a committee with a director
/// and at least one woman, mediation/security/health committees headed by members (or duties
/// shared in small units), and a party committee with its secretary. Names are synthetic.
[[nodiscard]] AutonomyChain synthetic_chain(DivisionCode unit, std::string name, Date elected, std::uint64_t seed,
                                            const SyntheticChainOptions& options = {});

}  // namespace grassroots
