// A rule set as the Python bindings hold it (autonomy, and store for meetings).
#pragma once

#include <memory>
#include <string>

#include "grassroots/autonomy/rules.hpp"

namespace grassroots::python {

/// A rule set as Python holds it: an edition inside a RuleBook (kept alive, looked up by id, so
/// overrides stick on the book and RuleBook.add() cannot invalidate it), or a standalone copy.
struct RuleSetRef {
    std::shared_ptr<RuleBook> book;
    std::string id;
    std::shared_ptr<RuleSet> own;

    [[nodiscard]] RuleSet& get() const { return own ? *own : book->edition(id); }
};

/// A standalone rule set (a copy of @p rules).
inline RuleSetRef standalone(RuleSet rules) {
    return RuleSetRef{nullptr, {}, std::make_shared<RuleSet>(std::move(rules))};
}

}  // namespace grassroots::python
