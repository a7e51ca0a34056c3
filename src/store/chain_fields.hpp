// An event's chained fields as views (internal): what an append hashes before its row exists, with
// no copy of the payload or the ids (chain.cpp encodes them as event_chain_bytes() describes).
#pragma once

#include <cstdint>
#include <string_view>

#include "grassroots/privacy/crypto.hpp"

namespace grassroots::detail {

/// The fields event_chain_bytes() covers, in its order; the views must outlive the call they go to.
struct ChainedFields {
    std::int64_t position = 0;
    std::string_view stream_id;
    std::int64_t stream_version = 0;
    std::string_view event_id;
    std::string_view type;
    std::int64_t schema_version = 0;
    std::int64_t occurred_at_us = 0;
    std::int64_t recorded_at_us = 0;
    std::string_view actor;
    std::string_view correlation_id;
    std::string_view causation_id;
    std::string_view payload;
};

/// Appends event_chain_bytes() of @p fields to @p out.
void append_chain_bytes(Bytes& out, const ChainedFields& fields);

/// `H(previous ‖ event_chain_bytes)` of @p fields, the input built in @p buffer (cleared first; reused
/// across events, it allocates only when an event is larger than any before).
[[nodiscard]] Bytes chain_hash_of(ByteView previous, const ChainedFields& fields, HashAlgorithm algorithm, Bytes& buffer);

}  // namespace grassroots::detail
