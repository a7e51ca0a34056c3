// The hash chain as pure functions: the canonical encoding (pinned by reference values computed
// independently with Python's hashlib), anchors (sign, verify, JSON lines) and ChainVerifier on
// edited, deleted, swapped, inserted and truncated sequences.
#include "grassroots/store/chain.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "grassroots/error.hpp"
#include "grassroots/store/store.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using testing::error_message;

StoredEvent sample() {
    return StoredEvent{.position = 1, .stream_id = "case-1", .stream_version = 1, .event_id = "e1",
                       .type = "case_opened", .schema_version = 1, .occurred_at_us = 1700000000000000,
                       .recorded_at_us = 1700000000000001, .actor = "worker-7", .correlation_id = "req-1",
                       .causation_id = "", .payload = R"({"a":1,"b":2})"};
}

// n events over two streams, chained with @p algorithm.
std::vector<StoredEvent> chain_of(int n, HashAlgorithm algorithm = HashAlgorithm::sha256) {
    std::vector<StoredEvent> out;
    Bytes previous = chain_genesis();
    int versions[2] = {0, 0};
    for (int i = 1; i <= n; ++i) {
        StoredEvent e = sample();
        e.position = i;
        e.stream_id = i % 2 == 0 ? "case-2" : "case-1";
        e.stream_version = ++versions[i % 2];
        e.event_id = "e" + std::to_string(i);
        e.payload = R"({"n":)" + std::to_string(i) + "}";
        previous = chain_hash(previous, e, algorithm);
        e.hash = to_hex(previous);
        out.push_back(e);
    }
    return out;
}

VerifyReport verify(const std::vector<StoredEvent>& events, std::vector<Anchor> anchors = {},
                    std::optional<Bytes> key = std::nullopt, ChainCheckpoint start = {}) {
    ChainVerifier verifier(HashAlgorithm::sha256, start, std::move(anchors), std::move(key));
    for (const StoredEvent& e : events) verifier.add(e);
    return verifier.finish();
}

const Bytes key = to_bytes("a key kept outside the store!");

TEST(ChainTest, EncodingAndHashMatchReferenceValues) {
    const Bytes bytes = event_chain_bytes(sample());
    EXPECT_EQ(std::string(bytes.begin(), bytes.begin() + 19), "grassroots.event.v1");
    EXPECT_EQ(bytes.size(), 19u + 12 * 8 + 6 + 2 + 11 + 8 + 5 + 0 + 13);
    EXPECT_EQ(to_hex(chain_hash(chain_genesis(), sample())),
              "bc8615443b2f1f31512e03904e17fa9a716f2a9fb1926c458b463ccfb9f96f29");
    EXPECT_EQ(to_hex(chain_hash(chain_genesis(), sample(), HashAlgorithm::sm3)),
              "8eb24539953458c6e788a2edd8edb73f1d6bce8125e0825ffeb9a774c3f87adb");
    // SM3 reference value (GB/T 32905-2016, example 1).
    EXPECT_EQ(to_hex(digest(to_bytes("abc"), HashAlgorithm::sm3)),
              "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    EXPECT_EQ(chain_genesis(), Bytes(32, 0));
}

TEST(ChainTest, EveryFieldIsCovered) {
    const Bytes base = chain_hash(chain_genesis(), sample());
    std::vector<StoredEvent> edits(12, sample());
    edits[0].position = 2;
    edits[1].stream_id = "case-2";
    edits[2].stream_version = 2;
    edits[3].event_id = "e2";
    edits[4].type = "case_closed";
    edits[5].schema_version = 2;
    edits[6].occurred_at_us += 1;
    edits[7].recorded_at_us += 1;
    edits[8].actor = "worker-8";
    edits[9].correlation_id = "req-2";
    edits[10].causation_id = "e0";
    edits[11].payload = R"({"a":1,"b":3})";
    for (std::size_t i = 0; i < edits.size(); ++i) {
        EXPECT_NE(chain_hash(chain_genesis(), edits[i]), base) << "field " << i;
    }
    // Length prefixes: moving a character from one field to the next changes the hash.
    StoredEvent shifted = sample();
    shifted.actor = "worker-";
    shifted.correlation_id = "7req-1";
    EXPECT_NE(chain_hash(chain_genesis(), shifted), base);
    // The stored hash is not part of what is hashed.
    StoredEvent with_hash = sample();
    with_hash.hash = "00";
    EXPECT_EQ(chain_hash(chain_genesis(), with_hash), base);
}

TEST(ChainTest, HexRoundTripsAndRejectsBadText) {
    EXPECT_EQ(from_hex("00ffA0"), (Bytes{0x00, 0xff, 0xa0}));
    EXPECT_THAT(error_message<InvalidInput>([] { (void)from_hex("abc", "the hash"); }), HasSubstr("the hash"));
    EXPECT_THAT(error_message<InvalidInput>([] { (void)from_hex("zz"); }), HasSubstr("not hexadecimal"));
}

TEST(ChainTest, AnchorsSignVerifyAndRoundTripThroughJson) {
    const Anchor anchor = sign_anchor({.position = 5, .head_hash = std::string(64, 'a'), .created_at_us = 42}, key);
    EXPECT_EQ(anchor.signature.size(), 64u);
    EXPECT_TRUE(anchor_signature_valid(anchor, key));
    EXPECT_FALSE(anchor_signature_valid(anchor, to_bytes("another key, also long enough")));
    Anchor edited = anchor;
    edited.position = 6;
    EXPECT_FALSE(anchor_signature_valid(edited, key));
    edited = anchor;
    edited.signature = "not hex";
    EXPECT_FALSE(anchor_signature_valid(edited, key));

    const std::string line = anchor_to_json(anchor);
    EXPECT_EQ(line.find('\n'), std::string::npos);
    EXPECT_EQ(anchor_from_json(line), anchor);
    const Anchor sm3 = sign_anchor({.position = 1, .head_hash = "00", .algorithm = HashAlgorithm::sm3}, key);
    EXPECT_TRUE(anchor_signature_valid(sm3, key));
    const auto both = anchors_from_json_lines(line + "\n\n" + anchor_to_json(sm3) + "\r\n");
    ASSERT_EQ(both.size(), 2u);
    EXPECT_EQ(both[1], sm3);
}

TEST(ChainTest, BadAnchorsAreRefusedWithWhatIsWrong) {
    EXPECT_THAT(error_message<InvalidInput>([] { (void)sign_anchor({.position = 1, .head_hash = "00"}, to_bytes("short")); }),
                HasSubstr("at least 16"));
    EXPECT_THAT(error_message<InvalidInput>([] { (void)sign_anchor({.position = 0, .head_hash = "00"}, key); }),
                HasSubstr("below 1"));
    EXPECT_THAT(error_message<InvalidInput>([] { (void)anchor_from_json("[1]"); }), HasSubstr("JSON object"));
    EXPECT_THAT(error_message<InvalidInput>([] { (void)anchor_from_json("{"); }), HasSubstr("not valid JSON"));
    EXPECT_THAT(error_message<InvalidInput>([] {
                    (void)anchor_from_json(R"({"position":1,"head_hash":"00","algorithm":"md5","created_at_us":0,"signature":""})");
                }),
                HasSubstr("unknown algorithm 'md5'"));
    EXPECT_THAT(error_message<InvalidInput>([] { (void)anchor_from_json(R"({"position":1})"); }),
                HasSubstr("'head_hash' is missing"));
    EXPECT_THAT(error_message<InvalidInput>([] { (void)anchors_from_json_lines("\n{}\n"); }), HasSubstr("line 2"));
}

TEST(ChainTest, AnIntactChainVerifies) {
    const auto events = chain_of(10);
    const VerifyReport report = verify(events);
    EXPECT_TRUE(report.ok);
    EXPECT_EQ(report.events_checked, 10);
    EXPECT_EQ(report.first_broken_position, 0);
    EXPECT_EQ(report.last_position, 10);
    EXPECT_EQ(report.head_hash, events.back().hash);
    EXPECT_TRUE(report.findings.empty());
    EXPECT_TRUE(verify({}).ok);
}

TEST(ChainTest, AnEditedFieldOrHashIsCaughtWhereItIs) {
    auto events = chain_of(10);
    events[4].actor = "someone-else";
    VerifyReport report = verify(events);
    EXPECT_FALSE(report.ok);
    EXPECT_EQ(report.first_broken_position, 5);
    ASSERT_EQ(report.findings.size(), 1u);  // the chain carries on from the stored hash
    EXPECT_EQ(report.findings[0].problem, ChainProblem::hash_mismatch);

    events = chain_of(10);
    events[6].hash[3] = events[6].hash[3] == '0' ? '1' : '0';
    report = verify(events);
    EXPECT_EQ(report.first_broken_position, 7);
    ASSERT_EQ(report.findings.size(), 2u);  // its own hash and the next event, which chains from it
    EXPECT_EQ(report.findings[1].position, 8);

    events = chain_of(3);
    events[1].hash.clear();
    report = verify(events);
    EXPECT_EQ(report.findings.at(0).problem, ChainProblem::missing_hash);
    EXPECT_EQ(report.first_broken_position, 2);
}

TEST(ChainTest, DeletedSwappedAndInsertedEventsAreCaught) {
    auto events = chain_of(10);
    events.erase(events.begin() + 3);  // position 4
    VerifyReport report = verify(events);
    EXPECT_EQ(report.first_broken_position, 4);
    EXPECT_EQ(report.findings.at(0).problem, ChainProblem::gap);

    events = chain_of(10);
    std::swap(events[2], events[4]);  // same stream (odd positions): positions 3 and 5 swap contents
    std::swap(events[2].position, events[4].position);
    report = verify(events);
    EXPECT_EQ(report.first_broken_position, 3);
    EXPECT_EQ(report.findings.at(0).problem, ChainProblem::gap);  // case-1 jumps from version 1 to 3 …
    // … position 4 chains from the hash now at 3, and case-1 goes back to version 2 at position 5.
    EXPECT_EQ(report.findings.at(1), (ChainFinding{ChainProblem::hash_mismatch, 4, report.findings.at(1).detail}));
    EXPECT_EQ(report.findings.at(2).problem, ChainProblem::reorder);
    EXPECT_EQ(report.findings.at(2).position, 5);

    events = chain_of(10);
    StoredEvent extra = events[5];
    extra.event_id = "forged";
    extra.position = 11;
    events.push_back(extra);
    report = verify(events);
    EXPECT_EQ(report.first_broken_position, 11);
}

TEST(ChainTest, TruncationIsCaughtOnlyWithAnAnchor) {
    auto events = chain_of(10);
    const Anchor anchor = sign_anchor({.position = 10, .head_hash = events[9].hash, .created_at_us = 1}, key);
    EXPECT_TRUE(verify(events, {anchor}, key).ok);
    events.resize(7);
    EXPECT_TRUE(verify(events).ok);  // the limit: a cut tail leaves a valid chain
    const VerifyReport report = verify(events, {anchor}, key);
    EXPECT_FALSE(report.ok);
    EXPECT_EQ(report.first_broken_position, 8);
    EXPECT_EQ(report.findings.at(0).problem, ChainProblem::truncated);
    EXPECT_EQ(report.anchors_checked, 1);
}

TEST(ChainTest, ARewrittenChainDisagreesWithAnAnchor) {
    auto events = chain_of(10);
    const Anchor anchor = sign_anchor({.position = 8, .head_hash = events[7].hash, .created_at_us = 1}, key);
    // Whoever holds the database edits event 3 and recomputes every hash after it.
    events[2].payload = R"({"n":333})";
    Bytes previous = from_hex(events[1].hash);
    for (std::size_t i = 2; i < events.size(); ++i) {
        previous = chain_hash(previous, events[i]);
        events[i].hash = to_hex(previous);
    }
    EXPECT_TRUE(verify(events).ok);
    const VerifyReport report = verify(events, {anchor}, key);
    EXPECT_EQ(report.first_broken_position, 8);
    EXPECT_EQ(report.findings.at(0).problem, ChainProblem::anchor_mismatch);
}

TEST(ChainTest, ForgedAnchorsAndWrongKeysAreReported) {
    const auto events = chain_of(5);
    Anchor anchor = sign_anchor({.position = 3, .head_hash = events[2].hash, .created_at_us = 1}, key);
    anchor.created_at_us = 2;
    VerifyReport report = verify(events, {anchor}, key);
    EXPECT_EQ(report.findings.at(0).problem, ChainProblem::bad_anchor_signature);
    EXPECT_EQ(report.first_broken_position, 3);
    const Anchor good = sign_anchor({.position = 3, .head_hash = events[2].hash, .created_at_us = 1}, key);
    report = verify(events, {good}, to_bytes("the wrong key, long enough too"));
    EXPECT_EQ(report.findings.at(0).problem, ChainProblem::bad_anchor_signature);
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)verify(events, {good}); }), HasSubstr("without the anchor key"));
}

TEST(ChainTest, VerifiesFromACheckpoint) {
    auto events = chain_of(10);
    const ChainCheckpoint checkpoint{.position = 4, .hash = events[3].hash};
    events.erase(events.begin(), events.begin() + 4);
    const Anchor at_checkpoint = sign_anchor({.position = 4, .head_hash = checkpoint.hash, .created_at_us = 1}, key);
    const Anchor before = sign_anchor({.position = 2, .head_hash = "00", .created_at_us = 1}, key);
    VerifyReport report = verify(events, {before, at_checkpoint}, key, checkpoint);
    EXPECT_TRUE(report.ok);
    EXPECT_EQ(report.events_checked, 6);
    EXPECT_EQ(report.start_position, 4);
    EXPECT_EQ(report.anchors_checked, 1);
    report = verify(events, {}, std::nullopt, {.position = 4, .hash = events[0].hash});
    EXPECT_EQ(report.first_broken_position, 5);
}

}  // namespace
}  // namespace grassroots
