// The child of the kill -9 harness (kill9_crashtest.cpp): opens the store, then appends batches
// forever, printing "ack <batch> <last position>" only after append_batch has returned. The parent
// kills it with SIGKILL at a random moment.
//   grassroots_crash_child STORE SEED full|normal
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "batches.hpp"
#include "grassroots/store/store.hpp"

int main(int argc, char** argv) {
    using namespace grassroots;
    if (argc != 4) {
        std::fprintf(stderr, "usage: grassroots_crash_child STORE SEED full|normal\n");
        return 2;
    }
    try {
        const std::string mode = argv[3];
        Store store = Store::open(argv[1], StoreOptions{.durability = mode == "normal" ? Durability::normal
                                                                                       : Durability::full});
        const auto seed = std::strtoull(argv[2], nullptr, 10);
        auto versions = testing::stream_versions(store);
        for (std::int64_t batch = testing::next_batch(store);; ++batch) {
            const auto results = store.append_batch(testing::make_batch(batch, seed, versions));
            // One write(2) per line: the parent sees whole lines or nothing.
            const std::string line =
                "ack " + std::to_string(batch) + " " + std::to_string(results.back().last_position) + "\n";
            if (::write(1, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
                return 3;
            }
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "crash child: %s\n", error.what());
        return 1;
    }
}
