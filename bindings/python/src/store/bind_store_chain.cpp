// Tamper evidence: ChainProblem, ChainFinding, ChainCheckpoint, VerifyReport, Anchor (JSON lines in
// and out) and PurgeResult. Keys are bytes; hashes and signatures are hex text.
#include <pybind11/stl.h>

#include <cstdint>
#include <string>
#include <vector>

#include "grassroots/store/chain.hpp"
#include "grassroots/store/store.hpp"
#include "store/store.hpp"
#include "store/support.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_store_chain(py::module_& m) {
    bind_enum<ChainProblem>(m, "ChainProblem",
                            "What verify() found: HASH_MISMATCH, GAP, REORDER, MISSING_HASH, ANCHOR_MISMATCH, "
                            "BAD_ANCHOR_SIGNATURE or TRUNCATED.");

    py::class_<ChainFinding> finding(m, "ChainFinding", "One finding of verify(): what broke, where, in words.");
    finding.def_readonly("problem", &ChainFinding::problem, "What broke (a ChainProblem).")
        .def_readonly("position", &ChainFinding::position, "The position where it broke.")
        .def_readonly("detail", &ChainFinding::detail, "A sentence for a person.")
        .def("__str__", [](const ChainFinding& f) {
            return "position " + std::to_string(f.position) + ": " + std::string(to_string(f.problem)) + ": " +
                   f.detail;
        });
    add_value_protocol(finding, {"problem", "position", "detail"}, {.pickle = false});

    py::class_<ChainCheckpoint> checkpoint(m, "ChainCheckpoint",
                                           "Where verification starts: position 0 (the genesis) or the last "
                                           "position a retention purge removed, with its hash (hex).");
    checkpoint.def_readonly("position", &ChainCheckpoint::position, "The position (0: the genesis).")
        .def_readonly("hash", &ChainCheckpoint::hash, "The chain hash there (hex; '' for the genesis).");
    add_value_protocol(checkpoint, {"position", "hash"}, {.pickle = false});

    py::class_<VerifyReport> report(m, "VerifyReport",
                                    "The outcome of Store.verify(): ok, how many events and anchors were checked, the "
                                    "first position where the chain breaks (0 when ok) and every finding.");
    report.def_readonly("ok", &VerifyReport::ok, "True when nothing was found.")
        .def_readonly("events_checked", &VerifyReport::events_checked, "Events read and checked.")
        .def_readonly("anchors_checked", &VerifyReport::anchors_checked, "Anchors checked.")
        .def_readonly("first_broken_position", &VerifyReport::first_broken_position,
                      "The first position where the chain breaks (0 when ok).")
        .def_readonly("start_position", &VerifyReport::start_position,
                      "The checkpoint position verification started from (0: the genesis).")
        .def_readonly("last_position", &VerifyReport::last_position, "The last position checked.")
        .def_readonly("head_hash", &VerifyReport::head_hash, "The recomputed chain hash at last_position (hex).")
        .def_readonly("algorithm", &VerifyReport::algorithm, "The chain's HashAlgorithm.")
        .def_readonly("findings", &VerifyReport::findings, "Every ChainFinding, by position.")
        .def("__bool__", [](const VerifyReport& r) { return r.ok; }, "True when the chain verified.");
    add_value_protocol(report, {"ok", "events_checked", "anchors_checked", "first_broken_position", "start_position",
                                "last_position", "algorithm", "findings"},
                       {.hash = false, .pickle = false});

    py::class_<Anchor> anchor(m, "Anchor",
                              "A signed statement that the chain's hash at a position was head_hash at created_at: "
                              "HMAC (hex signature) under a key kept outside the store.");
    anchor.def_readonly("position", &Anchor::position, "The position anchored.")
        .def_readonly("head_hash", &Anchor::head_hash, "The chain hash at that position (hex).")
        .def_readonly("algorithm", &Anchor::algorithm, "The chain's HashAlgorithm (and the HMAC's).")
        .def_property_readonly("created_at", [](const Anchor& a) { return us_to_datetime(a.created_at_us); },
                               "When the anchor was made (UTC datetime).")
        .def_readonly("signature", &Anchor::signature, "The HMAC (hex).")
        .def("to_json", &anchor_to_json, "The anchor as one JSON line (no newline).")
        .def_static("from_json", &anchor_from_json, py::arg("line"),
                    "An anchor from one JSON line (InvalidInputError naming what is wrong).")
        .def(
            "signature_valid",
            [](const Anchor& a, const py::bytes& key) {
                const std::string k = key;
                return anchor_signature_valid(a, to_bytes(k));
            },
            py::arg("key"), "True when the signature verifies under key.");
    add_value_protocol(anchor, {"position", "head_hash", "algorithm", "created_at", "signature"}, {.pickle = false});
    m.def("anchors_from_json_lines", &anchors_from_json_lines, py::arg("text"),
          "Anchors from JSON lines (blank lines skipped; InvalidInputError naming the line).");

    py::class_<PurgeResult> purge(m, "PurgeResult", "What purge_before() removed and the checkpoint it left.");
    purge.def_readonly("events_removed", &PurgeResult::events_removed, "How many events were removed.")
        .def_readonly("checkpoint", &PurgeResult::checkpoint, "Where verification now starts.");
    add_value_protocol(purge, {"events_removed", "checkpoint"}, {.pickle = false});
}

}  // namespace grassroots::python
