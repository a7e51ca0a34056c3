// A program outside the project that uses grassroots as a package would.
#include <grassroots/grassroots.hpp>

#include <iostream>

int main() {
    const grassroots::DivisionTree tree = grassroots::datasets::dongying_divisions();
    const auto jinyuan = tree.at(grassroots::DivisionCode("370502005066"));
    if (tree.name(jinyuan) != "锦苑社区居民委员会" || !tree.is_ancestor(tree.at(grassroots::DivisionCode("3705")), jinyuan)) {
        std::cerr << "consumer: unexpected tree contents\n";
        return 1;
    }
    std::cout << "consumer ok: grassroots " << grassroots::version_string << ", " << tree.size() << " units\n";
    return 0;
}
