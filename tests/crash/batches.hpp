// The recognisable batches the crash tests append, and the checks of a store after a crash.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "grassroots/store/store.hpp"

namespace grassroots::testing {

/// The streams the crash tests append to ("crash-0" … "crash-4", kind "crash").
inline constexpr int crash_streams = 5;

/// Batch @p number: 1–3 appends to distinct streams, 1–3 events each, payloads padded to 0–6000
/// bytes (so a batch spans one page or several). Every event's payload names its batch, its index in
/// the batch and the batch's size: {"batch":b,"i":i,"n":n,"pad":"…"}; event ids are "b<b>-<i>".
/// @p versions holds each stream's current version and is advanced.
std::vector<AppendRequest> make_batch(std::int64_t number, std::uint64_t seed, std::vector<std::int64_t>& versions);

/// Each stream's version in @p store (for make_batch).
std::vector<std::int64_t> stream_versions(const Store& store);

/// The number of the next batch to append to @p store (one past the last stored one).
std::int64_t next_batch(const Store& store);

/// What check_store() found.
struct StoreFacts {
    std::int64_t events = 0;       ///< events in the store
    std::int64_t batches = 0;      ///< whole batches (0 … batches-1)
    std::vector<std::int64_t> batch_last_position;  ///< per batch, its last event's position
};

/// Opens @p path with the default VFS and checks: PRAGMA integrity_check is ok; positions are
/// 1…N without holes; every batch is whole and batches 0…B-1 follow one another in order;
/// each stream's version equals its event count and its versions are 1…v. Failures are reported
/// with ADD_FAILURE naming @p context; returns what it found.
StoreFacts check_store(const std::string& path, const std::string& context);

/// Expects @p store's hash chain to verify (Store::verify), naming @p context and the first break.
void expect_chain_verifies(const Store& store, const std::string& context);

}  // namespace grassroots::testing
