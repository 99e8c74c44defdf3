#include "Apportion.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace emis::demo {

std::vector<int> apportion(int total, const std::vector<double> &weights, int minimum)
{
    return apportion(total, weights, std::vector<int>(weights.size(), minimum));
}

std::vector<int> apportion(int total, const std::vector<double> &weights, const std::vector<int> &minimums)
{
    const std::size_t n = weights.size();
    std::vector<int> parts(minimums.begin(), minimums.end());
    if (n == 0)
        return parts;
    int rest = total - std::accumulate(parts.begin(), parts.end(), 0);
    if (rest <= 0)
        return parts;
    double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<double> w = weights;
    if (sum <= 0) {  // no preference: split evenly
        std::fill(w.begin(), w.end(), 1.0);
        sum = static_cast<double>(n);
    }
    std::vector<double> remainder(n);
    int given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double share = rest * w[i] / sum;
        const int whole = static_cast<int>(std::floor(share));
        parts[i] += whole;
        given += whole;
        remainder[i] = share - whole;
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    for (std::size_t k = 0; given < rest; k = (k + 1) % n, ++given)
        ++parts[order[k]];
    return parts;
}

} // namespace emis::demo
