#include "grassroots/datasets/dongying.hpp"

#include "../core/embedded_data.hpp"

namespace grassroots::datasets {

std::string_view dongying_divisions_csv() noexcept { return detail::dongying_divisions_csv_text(); }

DivisionTree dongying_divisions() {
    return DivisionTree::parse_csv(dongying_divisions_csv(), "dongying.csv (embedded)");
}

}  // namespace grassroots::datasets
