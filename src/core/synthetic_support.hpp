// Internal: what the synthetic generators share — a portable random source and Chinese numerals.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace grassroots::detail {

/// splitmix64: small, fast and specified bit for bit, so a seed gives the same output on every
/// platform (std:: distributions differ between standard libraries).
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }
    /// Uniform in [low, high].
    std::int64_t between(std::int64_t low, std::int64_t high) {
        return low + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(high - low + 1));
    }
    /// Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }
    bool chance(double probability) { return unit() < probability; }

private:
    std::uint64_t state_;
};

/// 1 → 一, 12 → 十二, 40 → 四十 (1–99).
inline std::string chinese_number(std::size_t n) {
    constexpr std::array<std::string_view, 10> numerals{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    if (n >= 1 && n <= 10) return std::string(numerals[n - 1]);
    if (n > 10 && n < 20) return "十" + std::string(numerals[n - 11]);
    if (n >= 20 && n < 100) {
        const std::size_t ones = n % 10;
        return std::string(numerals[n / 10 - 1]) + "十" + (ones == 0 ? std::string() : std::string(numerals[ones - 1]));
    }
    return std::to_string(n);
}

}  // namespace grassroots::detail
