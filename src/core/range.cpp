#include "grassroots/core/range.hpp"

namespace grassroots {

std::string IntRange::to_string() const {
    return min == max ? std::to_string(min) : std::to_string(min) + "–" + std::to_string(max);
}

}  // namespace grassroots
