// Writes the seeds of the engine fuzz targets (engine_fixture.hpp's history) into a folder:
//   grassroots_fuzz_engine_seeds tests/fuzz/corpus
// → engine_record/history.jsonl and engine_snapshot/history.bin. Run again when the record or the
// snapshot format changes.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "engine_fixture.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_FOLDER\n", argv[0]);
        return 2;
    }
    grassroots::CaseEngine engine = grassroots::fuzz::make_engine();
    grassroots::fuzz::run_seed_history(engine);
    const std::filesystem::path corpus = argv[1];
    for (const auto& [target, name, bytes] : {std::tuple{"engine_record", "history.jsonl", engine.to_json_lines()},
                                              std::tuple{"engine_snapshot", "history.bin", engine.snapshot()}}) {
        std::filesystem::create_directories(corpus / target);
        std::ofstream(corpus / target / name, std::ios::binary) << bytes;
    }
    return 0;
}
