#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace emis::demo {

// The demo county must come out byte-identical for a given seed on every platform, so every
// number is derived from the raw output of std::mt19937_64 (whose sequence the standard fixes)
// by modulo and scaling here, never through std::uniform_*_distribution (whose algorithm is
// left to each library).
class DemoRandom {
public:
    explicit DemoRandom(std::uint64_t seed) : engine_(seed) {}

    std::uint64_t next() { return engine_(); }
    // 0 <= result < n (n > 0). The modulo bias is below 1e-15 for the small n used here.
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
    // lo <= result <= hi
    int range(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
    // [0, 1) from the top 53 bits.
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    double between(double lo, double hi) { return lo + (hi - lo) * unit(); }
    bool chance(double p) { return unit() < p; }

    template<class T>
    const T &pick(const std::vector<T> &items) { return items[static_cast<std::size_t>(below(items.size()))]; }

    // An index drawn with the given (non-negative) weights.
    std::size_t weighted(const std::vector<double> &weights)
    {
        double total = 0;
        for (double w : weights)
            total += w;
        double x = unit() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (x < weights[i])
                return i;
            x -= weights[i];
        }
        return weights.empty() ? 0 : weights.size() - 1;
    }

    // A seed for an independent stream (one per school), so that one school's data does not
    // shift when another school's generation changes. SplitMix64 finaliser.
    static std::uint64_t derive(std::uint64_t seed, std::uint64_t stream)
    {
        std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (stream + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

private:
    std::mt19937_64 engine_;
};

// One of a few texts, by weight (the demo's skewed choices: 学历, 职称, 编制, ...).
struct Choice {
    std::string_view text;
    double weight;
};

inline std::string choose(const std::vector<Choice> &choices, DemoRandom &rng)
{
    std::vector<double> w;
    for (const auto &c : choices)
        w.push_back(c.weight);
    return std::string(choices[rng.weighted(w)].text);
}

} // namespace emis::demo
