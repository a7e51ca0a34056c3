// Writes the state diagram of every built-in closed loop (闭环) as Graphviz: DIR/<loop id>.dot,
// from WorkflowDefinition::to_dot() (closed states double circles, rework edges dashed).
//
// docs/workflow/ holds the committed .dot files and their SVGs (dot -Tsvg). The docs.workflow_diagrams
// test regenerates the .dot files into the build folder and fails when they differ from the committed
// ones; `cmake --build <build> --target workflow_diagrams` rewrites docs/workflow/ and its SVGs.
//
// Usage: grassroots_workflow_diagrams DIR
#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

#include "grassroots/grassroots.hpp"

namespace gr = grassroots;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: grassroots_workflow_diagrams DIR\n";
        return 2;
    }
    const std::filesystem::path folder = argv[1];
    std::filesystem::create_directories(folder);
    const std::vector<gr::WorkflowDefinition> loops{
        gr::urban_management(),
        gr::hotline_12345(gr::HotlineKind::emergency),
        gr::hotline_12345(gr::HotlineKind::utilities),
        gr::hotline_12345(gr::HotlineKind::general),
        gr::hotline_12345(gr::HotlineKind::complex),
        gr::whistle(),
        gr::five_step(),
        gr::explore_pilot(),
    };
    for (const gr::WorkflowDefinition& loop : loops) {
        const std::filesystem::path file = folder / (loop.id() + ".dot");
        std::ofstream out(file, std::ios::binary);  // '\n' line ends on every platform
        out << loop.to_dot();
        if (!out.flush()) {
            std::cerr << "error: cannot write " << file.string() << '\n';
            return 1;
        }
        std::cout << file.string() << '\n';
    }
    return 0;
}
