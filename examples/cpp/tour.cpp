// The onboarding demo: a tour of Dongying's administrative ladder (东营市行政层级).
//
// Loads the 1,982 division units shipped inside the library, walks from 山东省 down to the seed
// article's 锦苑社区, and prints the counts per level and per county and the classes of the
// townships (街道/镇/乡) and village-level units (居委会/村委会).
//
// Usage: grassroots_tour [CODE [DATA]]   CODE: a village-level code (default 370502005066);
//                                        DATA: a division CSV file or an NBS table folder.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>

#include "grassroots/grassroots.hpp"

namespace gr = grassroots;

namespace {

// Pads UTF-8 text to a display width: CJK characters take two columns in a terminal.
std::string pad(std::string_view text, std::size_t width) {
    std::size_t columns = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if ((byte & 0xC0U) != 0x80U) columns += byte >= 0xE0U ? 2 : 1;  // count lead bytes only
    }
    return std::string(text) + std::string(width > columns ? width - columns : 0, ' ');
}

gr::DivisionTree load(int argc, char** argv) {
    if (argc < 3) {
        return gr::datasets::dongying_divisions();
    }
    const std::filesystem::path source = argv[2];
    return std::filesystem::is_directory(source) ? gr::DivisionTree::read_nbs(source)
                                                 : gr::DivisionTree::read_csv(source);
}

void print_ladder(const gr::DivisionTree& tree, gr::DivisionId community) {
    std::cout << "The ladder down to " << tree.name(community) << " (行政层级):\n";
    int depth = 0;
    for (gr::DivisionId id : tree.path(community)) {
        const gr::DivisionCode code = tree.code(id);
        std::cout << "  " << std::string(static_cast<std::size_t>(depth) * 2, ' ') << code.padded_str() << "  "
                  << gr::chinese_name(code.level()) << "  " << tree.name(id);
        if (code.level() == gr::Level::township && code.township_class()) {
            std::cout << "  [" << gr::chinese_name(*code.township_class()) << "]";
        }
        if (code.level() == gr::Level::village && code.village_class()) {
            std::cout << "  [" << gr::chinese_name(*code.village_class()) << "]";
        }
        std::cout << '\n';
        ++depth;
    }
}

void print_counts(const gr::DivisionTree& tree) {
    std::cout << "\nUnits per level (" << tree.size() << " in all):\n";
    for (gr::Level level : gr::all_levels) {
        std::printf("  %-10s %-4s %7zu\n", std::string(gr::to_string(level)).c_str(),
                    std::string(gr::chinese_name(level)).c_str(), tree.count(level));
    }
}

void print_counties(const gr::DivisionTree& tree) {
    std::cout << "\nPer county-level unit (县级):\n"
              << "  code   " << pad("name", 22) << " townships 街道/镇/乡/类似   villages 居委会/村委会/类似\n";
    for (gr::DivisionId id : tree.ids()) {
        if (tree.level(id) != gr::Level::county) {
            continue;
        }
        std::map<gr::TownshipClass, int> towns;
        std::map<gr::VillageClass, int> villages;
        for (gr::DivisionId below : tree.subtree(id)) {
            const gr::DivisionCode code = tree.code(below);
            if (code.level() == gr::Level::township && code.township_class()) ++towns[*code.township_class()];
            if (code.level() == gr::Level::village && code.village_class()) ++villages[*code.village_class()];
        }
        std::printf("  %s %s        %2d/%2d/%2d/%2d            %4d/%4d/%2d\n", tree.code(id).str().c_str(),
                    pad(tree.name(id), 22).c_str(), towns[gr::TownshipClass::subdistrict],
                    towns[gr::TownshipClass::town], towns[gr::TownshipClass::township],
                    towns[gr::TownshipClass::township_like], villages[gr::VillageClass::residents_committee],
                    villages[gr::VillageClass::villagers_committee], villages[gr::VillageClass::village_like]);
    }
}

void print_classes(const gr::DivisionTree& tree, gr::DivisionId county) {
    std::cout << "\nTownships of " << tree.name(county) << " and their communities:\n";
    for (gr::DivisionId town : tree.children(county)) {
        const gr::DivisionCode code = tree.code(town);
        int communities = 0;
        int villages = 0;
        for (gr::DivisionId unit : tree.children(town)) {
            const auto kind = tree.code(unit).village_class();
            communities += kind == gr::VillageClass::residents_committee ? 1 : 0;
            villages += kind == gr::VillageClass::villagers_committee ? 1 : 0;
        }
        const std::string_view kind = code.township_class() ? gr::chinese_name(*code.township_class()) : "—";
        std::printf("  %s  %s %s %3d 居委会, %3d 村委会\n", code.str().c_str(), pad(tree.name(town), 14).c_str(),
                    pad("[" + std::string(kind) + "]", 16).c_str(), communities, villages);
    }
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const gr::DivisionTree tree = load(argc, argv);
        const gr::DivisionCode target(argc > 1 ? argv[1] : "370502005066");  // 锦苑社区, 胜利街道
        const gr::DivisionId community = tree.at(target);
        if (target.level() != gr::Level::village) {
            throw gr::InvalidInput("the tour needs a village-level code, got " + target.str());
        }
        std::cout << "grassroots " << gr::version_string << " — a tour of the administrative ladder\n\n";
        print_ladder(tree, community);
        print_counts(tree);
        print_counties(tree);
        print_classes(tree, *tree.parent(*tree.parent(community)));
        return 0;
    } catch (const gr::Error& error) {
        std::cerr << "error: " << error.what() << '\n';
        return 1;
    }
}
