/// @file chain.hpp
/// @brief Tamper evidence for the store (issue 13 §3): the hash chain over events, signed anchors,
/// and the verification of both — pure functions, independent of any database engine.
///
/// Each event's hash is `H(previous hash ‖ event_chain_bytes(event))`; the first event chains from
/// chain_genesis() (32 zero bytes). event_chain_bytes() encodes every stored field of the event
/// (position, stream id and version, event id, type, schema version, occurred-at, recorded-at,
/// actor, correlation id, causation id, payload), so editing any of them changes the hash. An
/// anchor is (position, head hash, algorithm, time) signed with an HMAC key kept outside the store.
/// See docs/store.md, "Tamper evidence and its limits".
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/core/enum_table.hpp"
#include "grassroots/privacy/crypto.hpp"

namespace grassroots {

struct StoredEvent;

/// @brief The hash the first event chains from: 32 zero bytes (both SHA-256 and SM3 give 32 bytes).
[[nodiscard]] Bytes chain_genesis();

/// @brief The canonical bytes of @p event that its chain hash covers (its hash field excluded).
///
/// The ASCII tag "grassroots.event.v1", then each field in this order: position, stream id, stream
/// version, event id, type, schema version, occurred-at (µs), recorded-at (µs), actor, correlation
/// id, causation id, payload. An integer is 8 bytes big-endian (two's complement); a text is its
/// UTF-8 byte length as 8 bytes big-endian followed by its bytes. An absent actor or id is "".
[[nodiscard]] Bytes event_chain_bytes(const StoredEvent& event);

/// @brief `H(previous ‖ event_chain_bytes(event))`: the chain hash of @p event after @p previous.
[[nodiscard]] Bytes chain_hash(ByteView previous, const StoredEvent& event,
                               HashAlgorithm algorithm = HashAlgorithm::sha256);

/// @brief @p hex (lower or upper case, even length) as bytes; InvalidInput naming @p what otherwise.
[[nodiscard]] Bytes from_hex(std::string_view hex, std::string_view what = "hex text");

/// @brief The smallest anchor key accepted, in bytes.
inline constexpr std::size_t min_anchor_key_size = 16;

/// @brief A signed statement that the chain's hash at a position was a given value at a given time.
struct Anchor {
    std::int64_t position = 0;                        ///< The position anchored (>= 1).
    std::string head_hash{};                          ///< The chain hash at that position (hex).
    HashAlgorithm algorithm = HashAlgorithm::sha256;  ///< The chain's hash (and the HMAC's).
    std::int64_t created_at_us = 0;                   ///< When the anchor was made, µs since 1970-01-01 UTC.
    std::string signature{};                          ///< HMAC of anchor_message() under the anchor key (hex).

    /// @brief Field-by-field equality.
    friend bool operator==(const Anchor&, const Anchor&) = default;
};

/// @brief The text an anchor's HMAC signs: "grassroots.anchor.v1\n<position>\n<head hash>\n<algorithm>\n<created_at_us>".
[[nodiscard]] std::string anchor_message(const Anchor& anchor);
/// @brief @p anchor with its signature computed under @p key (InvalidInput for a key shorter than min_anchor_key_size).
[[nodiscard]] Anchor sign_anchor(Anchor anchor, ByteView key);
/// @brief True when @p anchor's signature is the HMAC of its fields under @p key (compared in constant time).
[[nodiscard]] bool anchor_signature_valid(const Anchor& anchor, ByteView key);
/// @brief @p anchor as one line of JSON (keys sorted, no newline at the end).
[[nodiscard]] std::string anchor_to_json(const Anchor& anchor);
/// @brief An anchor from one JSON line; InvalidInput naming the field that is missing or wrong.
[[nodiscard]] Anchor anchor_from_json(std::string_view line);
/// @brief Anchors from JSON lines (blank lines skipped); InvalidInput naming the line number.
[[nodiscard]] std::vector<Anchor> anchors_from_json_lines(std::string_view text);

/// @brief What verification found wrong.
enum class ChainProblem {
    hash_mismatch,         ///< An event's stored hash is not H(previous hash ‖ its fields): it or its hash was edited.
    gap,                   ///< A position (or a stream version) is missing: events were deleted.
    reorder,               ///< A stream's versions run backwards or repeat: events were swapped or inserted.
    missing_hash,          ///< An event has no hash at all.
    anchor_mismatch,       ///< An anchor's head hash differs from the chain's hash at its position.
    bad_anchor_signature,  ///< An anchor's signature does not verify under the key (forged or edited anchor).
    truncated,             ///< An anchor lies beyond the last event: the tail of the log was cut off.
};
/// @brief The name table of ChainProblem.
[[nodiscard]] std::span<const EnumName<ChainProblem>> enum_names(ChainProblem) noexcept;
/// @brief "hash_mismatch", "gap", …
[[nodiscard]] std::string_view to_string(ChainProblem problem) noexcept;

/// @brief One finding of verify: what broke, where, in words.
struct ChainFinding {
    ChainProblem problem = ChainProblem::hash_mismatch;  ///< What broke.
    std::int64_t position = 0;                           ///< The position where it broke.
    std::string detail{};                                ///< A sentence for a person.

    /// @brief Field-by-field equality.
    friend bool operator==(const ChainFinding&, const ChainFinding&) = default;
};

/// @brief Where verification starts: the genesis (position 0) or a retention checkpoint.
struct ChainCheckpoint {
    std::int64_t position = 0;  ///< The last position before the first event checked (0: the genesis).
    std::string hash{};         ///< The chain hash at that position (hex; "" with position 0: the genesis).

    /// @brief Field-by-field equality.
    friend bool operator==(const ChainCheckpoint&, const ChainCheckpoint&) = default;
};

/// @brief The outcome of verifying a chain.
struct VerifyReport {
    bool ok = true;                         ///< True when nothing was found.
    std::int64_t events_checked = 0;        ///< How many events were read and checked.
    std::int64_t anchors_checked = 0;       ///< How many anchors were checked.
    std::int64_t first_broken_position = 0; ///< The first position where the chain breaks (0 when ok).
    std::int64_t start_position = 0;        ///< The checkpoint position the chain was verified from (0: genesis).
    std::int64_t last_position = 0;         ///< The last position checked.
    std::string head_hash{};                ///< The chain hash at last_position (hex; as recomputed).
    HashAlgorithm algorithm = HashAlgorithm::sha256;  ///< The chain's hash algorithm.
    std::vector<ChainFinding> findings{};   ///< Every finding, in position order (at most max_findings).
};

/// @brief Verifies a chain incrementally: feed the events in position order, then finish().
///
/// After a break it carries on from the stored hash, so each later finding is independent. Each
/// event gives at most one finding (gap before reorder before hash mismatch).
class ChainVerifier {
public:
    /// @brief The most findings a report keeps (the count of checked events goes on).
    static constexpr std::size_t max_findings = 1000;

    /// @brief A verifier from @p start; @p anchors are checked under @p key (anchors need a key: InvalidInput otherwise).
    ChainVerifier(HashAlgorithm algorithm, ChainCheckpoint start, std::vector<Anchor> anchors = {},
                  std::optional<Bytes> key = std::nullopt);
    /// @brief Checks the next event (with its stored hash in hex in @p event.hash).
    void add(const StoredEvent& event);
    /// @brief The report: anchors beyond the last event are reported as truncation.
    [[nodiscard]] VerifyReport finish();

private:
    void found(ChainProblem problem, std::int64_t position, std::string detail);
    void check_anchors_at(std::int64_t position, const std::string& hash_hex);

    VerifyReport report_;
    Bytes previous_;
    std::int64_t expected_position_;
    std::vector<Anchor> anchors_;  // sorted by position
    std::size_t next_anchor_ = 0;
    std::optional<Bytes> key_;
    std::map<std::string, std::int64_t, std::less<>> stream_versions_;  // the last version seen per stream
};

}  // namespace grassroots
