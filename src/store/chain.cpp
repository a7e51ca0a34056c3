// The hash chain, anchors and verification (pure functions; the engines only store the results).
#include "grassroots/store/chain.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/json_reader.hpp"
#include "grassroots/error.hpp"
#include "grassroots/store/store.hpp"
#include "store/chain_fields.hpp"

namespace grassroots {

namespace {

constexpr std::string_view event_tag = "grassroots.event.v1";
constexpr std::string_view anchor_tag = "grassroots.anchor.v1";
constexpr std::size_t hash_size = 32;

constexpr std::array<EnumName<ChainProblem>, 7> problem_table{{
    {ChainProblem::hash_mismatch, "hash_mismatch", "", "the stored hash is not H(previous hash ‖ the event's fields)"},
    {ChainProblem::gap, "gap", "", "a position or a stream version is missing: events were deleted"},
    {ChainProblem::reorder, "reorder", "", "a stream's versions run backwards or repeat: events were moved or inserted"},
    {ChainProblem::missing_hash, "missing_hash", "", "an event has no hash"},
    {ChainProblem::anchor_mismatch, "anchor_mismatch", "", "an anchor's head hash differs from the chain"},
    {ChainProblem::bad_anchor_signature, "bad_anchor_signature", "", "an anchor's signature does not verify"},
    {ChainProblem::truncated, "truncated", "", "an anchor lies beyond the last event: the log was cut short"},
}};

void put_int(Bytes& out, std::int64_t value) {
    const auto bits = static_cast<std::uint64_t>(value);
    for (int shift = 56; shift >= 0; shift -= 8) {
        out.push_back(static_cast<std::uint8_t>(bits >> shift));
    }
}

void put_text(Bytes& out, std::string_view text) {
    put_int(out, static_cast<std::int64_t>(text.size()));
    out.insert(out.end(), text.begin(), text.end());
}

bool same_bytes(ByteView a, ByteView b) {
    if (a.size() != b.size()) {
        return false;
    }
    std::uint8_t diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        diff = static_cast<std::uint8_t>(diff | (a[i] ^ b[i]));
    }
    return diff == 0;
}

std::string short_hex(const std::string& hex) { return hex.size() > 16 ? hex.substr(0, 16) + "…" : hex; }

}  // namespace

Bytes chain_genesis() { return Bytes(hash_size, 0); }

namespace detail {

void append_chain_bytes(Bytes& out, const ChainedFields& fields) {
    out.reserve(out.size() + event_tag.size() + 12 * 8 + fields.stream_id.size() + fields.event_id.size() +
                fields.type.size() + fields.actor.size() + fields.correlation_id.size() + fields.causation_id.size() +
                fields.payload.size());
    out.insert(out.end(), event_tag.begin(), event_tag.end());
    put_int(out, fields.position);
    put_text(out, fields.stream_id);
    put_int(out, fields.stream_version);
    put_text(out, fields.event_id);
    put_text(out, fields.type);
    put_int(out, fields.schema_version);
    put_int(out, fields.occurred_at_us);
    put_int(out, fields.recorded_at_us);
    put_text(out, fields.actor);
    put_text(out, fields.correlation_id);
    put_text(out, fields.causation_id);
    put_text(out, fields.payload);
}

Bytes chain_hash_of(ByteView previous, const ChainedFields& fields, HashAlgorithm algorithm, Bytes& buffer) {
    buffer.assign(previous.begin(), previous.end());
    append_chain_bytes(buffer, fields);
    return digest(buffer, algorithm);
}

}  // namespace detail

namespace {

detail::ChainedFields fields_of(const StoredEvent& event) {
    return {.position = event.position, .stream_id = event.stream_id, .stream_version = event.stream_version,
            .event_id = event.event_id, .type = event.type, .schema_version = event.schema_version,
            .occurred_at_us = event.occurred_at_us, .recorded_at_us = event.recorded_at_us, .actor = event.actor,
            .correlation_id = event.correlation_id, .causation_id = event.causation_id, .payload = event.payload};
}

}  // namespace

Bytes event_chain_bytes(const StoredEvent& event) {
    Bytes out;
    detail::append_chain_bytes(out, fields_of(event));
    return out;
}

Bytes chain_hash(ByteView previous, const StoredEvent& event, HashAlgorithm algorithm) {
    Bytes buffer;
    return detail::chain_hash_of(previous, fields_of(event), algorithm, buffer);
}

Bytes from_hex(std::string_view hex, std::string_view what) {
    if (hex.size() % 2 != 0) {
        throw InvalidInput(std::string(what) + ": '" + std::string(hex) + "' has an odd number of hex digits");
    }
    auto nibble = [&](char c) -> std::uint8_t {
        if (c >= '0' && c <= '9') return static_cast<std::uint8_t>(c - '0');
        if (c >= 'a' && c <= 'f') return static_cast<std::uint8_t>(c - 'a' + 10);
        if (c >= 'A' && c <= 'F') return static_cast<std::uint8_t>(c - 'A' + 10);
        throw InvalidInput(std::string(what) + ": '" + std::string(hex) + "' is not hexadecimal");
    };
    Bytes out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        out.push_back(static_cast<std::uint8_t>(nibble(hex[i]) << 4 | nibble(hex[i + 1])));
    }
    return out;
}

std::string anchor_message(const Anchor& anchor) {
    return std::string(anchor_tag) + "\n" + std::to_string(anchor.position) + "\n" + anchor.head_hash + "\n" +
           std::string(to_string(anchor.algorithm)) + "\n" + std::to_string(anchor.created_at_us);
}

Anchor sign_anchor(Anchor anchor, ByteView key) {
    if (key.size() < min_anchor_key_size) {
        throw InvalidInput("anchor key: " + std::to_string(key.size()) + " bytes; at least " +
                           std::to_string(min_anchor_key_size) + " are needed");
    }
    if (anchor.position < 1) {
        throw InvalidInput("anchor: position " + std::to_string(anchor.position) + " is below 1");
    }
    (void)from_hex(anchor.head_hash, "anchor head hash");
    anchor.signature = to_hex(hmac(key, to_bytes(anchor_message(anchor)), anchor.algorithm));
    return anchor;
}

bool anchor_signature_valid(const Anchor& anchor, ByteView key) {
    if (key.empty()) {
        throw InvalidInput("anchor key: it is empty");
    }
    Bytes given;
    try {
        given = from_hex(anchor.signature, "anchor signature");
    } catch (const InvalidInput&) {
        return false;
    }
    return same_bytes(given, hmac(key, to_bytes(anchor_message(anchor)), anchor.algorithm));
}

std::string anchor_to_json(const Anchor& anchor) {
    const nlohmann::json value{{"position", anchor.position},
                               {"head_hash", anchor.head_hash},
                               {"algorithm", std::string(to_string(anchor.algorithm))},
                               {"created_at_us", anchor.created_at_us},
                               {"signature", anchor.signature}};
    return value.dump();
}

Anchor anchor_from_json(std::string_view line) {
    nlohmann::json value;
    try {
        value = detail::parse_json<nlohmann::json>(line, "anchor");  // duplicate keys, NUL, 1e400 refused too
    } catch (const InvalidInput& error) {
        throw InvalidInput("anchor: not valid JSON: " + error.problem());
    }
    if (!value.is_object()) {
        throw InvalidInput("anchor: a JSON object is needed");
    }
    auto field = [&](const char* name) -> const nlohmann::json& {
        const auto found = value.find(name);
        if (found == value.end()) {
            throw InvalidInput(std::string("anchor: the field '") + name + "' is missing");
        }
        return *found;
    };
    auto integer = [&](const char* name) {
        const nlohmann::json& v = field(name);
        const auto number = detail::integer_in(v, detail::any_int64);  // a uint64 above INT64_MAX would wrap
        if (!number) throw InvalidInput(std::string("anchor: '") + name + "' must be an integer in " + detail::any_int64.to_string());
        return *number;
    };
    auto text = [&](const char* name) {
        const nlohmann::json& v = field(name);
        if (!v.is_string()) throw InvalidInput(std::string("anchor: '") + name + "' must be a string");
        return v.get<std::string>();
    };
    Anchor anchor;
    anchor.position = integer("position");
    anchor.head_hash = text("head_hash");
    const std::string algorithm = text("algorithm");
    const auto parsed = find_enum<HashAlgorithm>(algorithm);
    if (!parsed) {
        throw InvalidInput("anchor: unknown algorithm '" + algorithm + "' (sha256 or sm3)");
    }
    anchor.algorithm = *parsed;
    anchor.created_at_us = integer("created_at_us");
    anchor.signature = text("signature");
    if (anchor.position < 1) {
        throw InvalidInput("anchor: position " + std::to_string(anchor.position) + " is below 1");
    }
    (void)from_hex(anchor.head_hash, "anchor head hash");
    return anchor;
}

std::vector<Anchor> anchors_from_json_lines(std::string_view text) {
    std::vector<Anchor> out;
    std::size_t number = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        try {
            out.push_back(anchor_from_json(line));
        } catch (const InvalidInput& error) {
            throw InvalidInput("anchors, line " + std::to_string(number) + ": " + error.problem());
        }
    }
    return out;
}

std::span<const EnumName<ChainProblem>> enum_names(ChainProblem) noexcept { return problem_table; }
std::string_view to_string(ChainProblem problem) noexcept { return enum_name(problem); }

ChainVerifier::ChainVerifier(HashAlgorithm algorithm, ChainCheckpoint start, std::vector<Anchor> anchors,
                             std::optional<Bytes> key)
    : expected_position_(start.position + 1), anchors_(std::move(anchors)), key_(std::move(key)) {
    if (start.position < 0) {
        throw InvalidInput("verify: checkpoint position " + std::to_string(start.position) + " is negative");
    }
    if (!anchors_.empty() && !key_) {
        throw InvalidInput("verify: anchors were given without the anchor key that signed them");
    }
    if (key_ && key_->empty()) {
        throw InvalidInput("verify: the anchor key is empty");
    }
    previous_ = start.position == 0 && start.hash.empty() ? chain_genesis() : from_hex(start.hash, "checkpoint hash");
    report_.algorithm = algorithm;
    report_.start_position = start.position;
    report_.last_position = start.position;
    report_.head_hash = to_hex(previous_);
    std::stable_sort(anchors_.begin(), anchors_.end(),
                     [](const Anchor& a, const Anchor& b) { return a.position < b.position; });
    // Anchors at or before the checkpoint: only one exactly at it can still be compared.
    while (next_anchor_ < anchors_.size() && anchors_[next_anchor_].position < start.position) {
        ++next_anchor_;
    }
    if (start.position > 0) {
        check_anchors_at(start.position, report_.head_hash);
    }
}

void ChainVerifier::found(ChainProblem problem, std::int64_t position, std::string detail) {
    if (report_.ok || position < report_.first_broken_position) {
        report_.first_broken_position = position;
    }
    report_.ok = false;
    if (report_.findings.size() < max_findings) {
        report_.findings.push_back({problem, position, std::move(detail)});
    }
}

void ChainVerifier::check_anchors_at(std::int64_t position, const std::string& hash_hex) {
    while (next_anchor_ < anchors_.size() && anchors_[next_anchor_].position <= position) {
        const Anchor& anchor = anchors_[next_anchor_++];
        ++report_.anchors_checked;
        if (!anchor_signature_valid(anchor, *key_)) {
            found(ChainProblem::bad_anchor_signature, anchor.position,
                  "the anchor at position " + std::to_string(anchor.position) +
                      " does not verify under the key: it was forged or edited, or another key signed it");
        } else if (anchor.algorithm != report_.algorithm) {
            found(ChainProblem::anchor_mismatch, anchor.position,
                  "the anchor at position " + std::to_string(anchor.position) + " is for a " +
                      std::string(to_string(anchor.algorithm)) + " chain, the store's chain is " +
                      std::string(to_string(report_.algorithm)));
        } else if (anchor.position != position) {
            found(ChainProblem::anchor_mismatch, anchor.position,
                  "the anchor at position " + std::to_string(anchor.position) + " names an event that is missing");
        } else if (!same_bytes(from_hex(anchor.head_hash, "anchor head hash"), from_hex(hash_hex))) {
            found(ChainProblem::anchor_mismatch, anchor.position,
                  "the anchor at position " + std::to_string(anchor.position) + " signed head hash " +
                      short_hex(anchor.head_hash) + " but the chain there is " + short_hex(hash_hex) +
                      ": the events up to it were rewritten");
        }
    }
}

void ChainVerifier::add(const StoredEvent& event) {
    ++report_.events_checked;
    const std::string at = "position " + std::to_string(event.position) + " (event '" + event.event_id + "')";
    bool reported = false;
    if (event.position != expected_position_) {
        if (event.position > expected_position_) {
            const std::int64_t missing = event.position - expected_position_;
            found(ChainProblem::gap, expected_position_,
                  std::to_string(missing) + " position(s) missing before " + at + ": events were deleted");
        } else {
            found(ChainProblem::reorder, event.position, at + " comes after position " +
                                                             std::to_string(expected_position_ - 1));
        }
        reported = true;
    }
    const auto seen = stream_versions_.find(event.stream_id);
    const std::int64_t last_version = seen == stream_versions_.end() ? 0 : seen->second;
    if (!reported && seen != stream_versions_.end() && event.stream_version != last_version + 1) {
        if (event.stream_version <= last_version) {
            found(ChainProblem::reorder, event.position,
                  at + ": stream '" + event.stream_id + "' version " + std::to_string(event.stream_version) +
                      " follows version " + std::to_string(last_version));
        } else {
            found(ChainProblem::gap, event.position,
                  at + ": stream '" + event.stream_id + "' jumps from version " + std::to_string(last_version) +
                      " to " + std::to_string(event.stream_version));
        }
        reported = true;
    }
    stream_versions_[event.stream_id] = std::max(last_version, event.stream_version);

    const Bytes computed = chain_hash(previous_, event, report_.algorithm);
    Bytes stored;
    bool readable = !event.hash.empty();
    if (readable) {
        try {
            stored = from_hex(event.hash);
        } catch (const InvalidInput&) {
            readable = false;
        }
    }
    if (!readable) {
        if (!reported) found(ChainProblem::missing_hash, event.position, at + " has no (readable) hash");
        stored = computed;
    } else if (!same_bytes(stored, computed) && !reported) {
        found(ChainProblem::hash_mismatch, event.position,
              at + ": stored hash " + short_hex(event.hash) + " is not the chain's " + short_hex(to_hex(computed)) +
                  ": the event, its hash or an earlier hash was edited");
    }
    // Anchors are compared with the recomputed hash: a chain rewritten consistently after an edit
    // (every hash recomputed, so no mismatch shows) still disagrees with an anchor signed before.
    const std::string recomputed_hex = to_hex(computed);
    if (next_anchor_ < anchors_.size()) {
        check_anchors_at(event.position, recomputed_hex);
    }
    // Carry on from the stored hash: later events are judged on their own.
    previous_ = same_bytes(stored, computed) ? computed : stored;
    report_.head_hash = recomputed_hex;
    report_.last_position = event.position;
    expected_position_ = event.position + 1;
}

VerifyReport ChainVerifier::finish() {
    while (next_anchor_ < anchors_.size()) {
        const Anchor& anchor = anchors_[next_anchor_];
        if (!anchor_signature_valid(anchor, *key_)) {
            check_anchors_at(anchor.position, "");  // reports the bad signature
            continue;
        }
        ++report_.anchors_checked;
        ++next_anchor_;
        found(ChainProblem::truncated, report_.last_position + 1,
              "an anchor names position " + std::to_string(anchor.position) + " but the log ends at position " +
                  std::to_string(report_.last_position) + ": events after it were removed");
    }
    std::stable_sort(report_.findings.begin(), report_.findings.end(),
                     [](const ChainFinding& a, const ChainFinding& b) { return a.position < b.position; });
    return report_;
}

}  // namespace grassroots
