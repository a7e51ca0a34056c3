// The fixture of the persisted-object tests (objects*_test.cpp): a fresh store on each engine and a
// way to forge raw events (corrupted streams).
#pragma once

#include <memory>
#include <string>

#include "grassroots/store/store.hpp"
#include "store/engines.hpp"

namespace grassroots::testing {

/// A fresh store (Durability::normal) on each engine; subclass it once per test file.
class ObjectsFixture : public EngineTest {
protected:
    void SetUp() override {
        EngineTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) {
            return;
        }
        store_ = std::make_unique<Store>(open({.durability = Durability::normal}));
    }
    void TearDown() override {
        store_.reset();
        EngineTest::TearDown();
    }
    Store& store() { return *store_; }
    // Appends a raw event (to forge corrupted streams).
    void raw(const std::string& stream, const std::string& kind, const std::string& type, const std::string& payload) {
        (void)store().append(stream, kind, any_version,
                             {NewEvent{.event_id = stream + "-raw-" + std::to_string(store().stream_version(stream)),
                                       .type = type,
                                       .payload = payload,
                                       .actor = {},
                                       .correlation_id = {},
                                       .causation_id = {}}});
    }

    std::unique_ptr<Store> store_;
};

}  // namespace grassroots::testing
