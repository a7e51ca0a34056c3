#include "grassroots/division/tree.hpp"

#include <algorithm>
#include <ostream>

#include "core/quote.hpp"
#include "core/text_input.hpp"

namespace grassroots {

namespace {

std::string describe(DivisionCode code) {
    return std::string(to_string(code.level())) + " " + code.str();
}

}  // namespace

// ---- DivisionTreeBuilder -------------------------------------------------------------------------

void DivisionTreeBuilder::reserve(std::size_t units) { entries_.reserve(units); }

DivisionTreeBuilder& DivisionTreeBuilder::add(DivisionCode code, std::string_view name, const Location& origin) {
    Location where = origin;
    if (name.empty()) {
        where.field = "name";
        throw InvalidInput("the name of " + describe(code) + " is empty", where);
    }
    if (const std::optional<std::size_t> bad = detail::invalid_utf8_at(name)) {
        where.field = "name";
        throw InvalidInput("the name of " + describe(code) + " is not valid UTF-8 (byte " +
                               std::to_string(*bad + 1) + ")",
                           where);
    }
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (static_cast<unsigned char>(name[i]) < 0x20U || name[i] == '\x7F') {
            where.field = "name";
            throw InvalidInput("the name of " + describe(code) + " has a control character (byte " +
                                   std::to_string(i + 1) + ")",
                               where);
        }
    }
    if (entries_.size() >= DivisionTree::no_parent - 1) {
        throw InvalidInput("too many units for one tree", where);
    }
    std::uint32_t source = 0xFFFFFFFFU;
    if (!origin.source.empty()) {
        if (sources_.empty() || sources_.back() != origin.source) {
            sources_.push_back(origin.source);
        }
        source = static_cast<std::uint32_t>(sources_.size() - 1);
    }
    entries_.push_back(Entry{code.key(), names_.size(), static_cast<std::uint32_t>(name.size()),
                             static_cast<std::uint32_t>(origin.row), source});
    names_.append(name);
    return *this;
}

DivisionTreeBuilder& DivisionTreeBuilder::add(DivisionCode code, std::string_view name,
                                              DivisionCode declared_parent, const Location& origin) {
    if (code.parent() != declared_parent) {
        Location where = origin;
        where.field = "parent";
        throw InvalidInput("code " + code.str() + " does not extend its parent's code " +
                               declared_parent.str() + " (" + std::string(to_string(declared_parent.level())) +
                               ")",
                           where);
    }
    return add(code, name, origin);
}

Location DivisionTreeBuilder::origin(const Entry& entry) const {
    Location where;
    if (entry.source != 0xFFFFFFFFU) {
        where.source = sources_[entry.source];
    }
    where.row = entry.row;
    return where;
}

DivisionTree DivisionTreeBuilder::build() const {
    const std::size_t n = entries_.size();
    std::vector<std::uint32_t> order(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        order[i] = i;
    }
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return entries_[a].key != entries_[b].key ? entries_[a].key < entries_[b].key : a < b;
    });

    DivisionTree tree;
    tree.keys_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        tree.keys_[i] = entries_[order[i]].key;
        if (i > 0 && tree.keys_[i] == tree.keys_[i - 1]) {
            const Entry& first = entries_[order[i - 1]];
            const Entry& again = entries_[order[i]];
            const Location first_at = origin(first);
            Location where = origin(again);
            where.field = "code";
            throw InvalidInput("duplicate code " + DivisionCode::unchecked(again.key).str() +
                                   (first_at.to_string().empty() ? std::string()
                                                                 : " (first at " + first_at.to_string() + ")"),
                               where);
        }
    }

    // Parents: the units are in pre-order, so a unit's parent is on the stack of open ancestors.
    tree.parent_.assign(n, DivisionTree::no_parent);
    tree.end_.assign(n, 0);
    std::vector<std::uint32_t> open;
    for (std::uint32_t i = 0; i < n; ++i) {
        const DivisionCode code = DivisionCode::unchecked(tree.keys_[i]);
        while (!open.empty() && !DivisionCode::unchecked(tree.keys_[open.back()]).is_ancestor_of(code)) {
            tree.end_[open.back()] = i;
            open.pop_back();
        }
        if (const auto parent = code.parent()) {
            if (open.empty() || tree.keys_[open.back()] != parent->key()) {
                Location where = origin(entries_[order[i]]);
                where.field = "parent";
                throw InvalidInput("the parent " + describe(*parent) + " of " + describe(code) +
                                       " is not in the table",
                                   where);
            }
            tree.parent_[i] = open.back();
        }
        open.push_back(i);
        ++tree.level_counts_[static_cast<std::size_t>(code.level())];
    }
    for (const std::uint32_t i : open) {
        tree.end_[i] = static_cast<std::uint32_t>(n);
    }

    std::size_t total = 0;
    for (const Entry& entry : entries_) {
        total += entry.name_length;
    }
    tree.names_.reserve(total);
    tree.name_end_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Entry& entry = entries_[order[i]];
        tree.names_.append(names_, entry.name_offset, entry.name_length);
        tree.name_end_[i] = static_cast<std::uint32_t>(tree.names_.size());
    }
    if (tree.names_.size() > 0xFFFFFFFFULL) {
        throw InvalidInput("names exceed 4 GiB");
    }
    return tree;
}

// ---- DivisionTree queries ---------------------------------------------------------------------------

void DivisionTree::check(DivisionId id) const {
    if (!id.valid() || id.value() >= keys_.size()) {
        throw NotFound("division id " + (id.valid() ? std::to_string(id.value()) : std::string("(invalid)")) +
                       " is not in this tree of " + std::to_string(keys_.size()) + " units");
    }
}

std::optional<DivisionId> DivisionTree::find(DivisionCode code) const noexcept {
    const auto it = std::lower_bound(keys_.begin(), keys_.end(), code.key());
    if (it == keys_.end() || *it != code.key()) {
        return std::nullopt;
    }
    return DivisionId{static_cast<std::uint32_t>(it - keys_.begin())};
}

std::vector<DivisionId> DivisionTree::find(std::string_view name, std::optional<DivisionId> under, NameMatch match) const {
    if (under) check(*under);
    const std::uint32_t first = under ? under->value() : 0;
    const std::uint32_t last = under ? end_[under->value()] : static_cast<std::uint32_t>(size());
    const NameQuery query(name, match);
    std::vector<DivisionId> found;
    for (std::uint32_t i = first; i < last; ++i) {
        if (query.matches(this->name(DivisionId{i}))) found.emplace_back(i);
    }
    return found;
}

DivisionId DivisionTree::at(DivisionCode code) const {
    if (const auto id = find(code)) {
        return *id;
    }
    throw NotFound("no " + std::string(to_string(code.level())) + " with code " + code.str() +
                   " in this tree");
}

DivisionCode DivisionTree::code(DivisionId id) const {
    check(id);
    return DivisionCode::unchecked(keys_[id.value()]);
}

std::string_view DivisionTree::name(DivisionId id) const {
    check(id);
    const std::uint32_t begin = id.value() == 0 ? 0 : name_end_[id.value() - 1];
    return std::string_view(names_).substr(begin, name_end_[id.value()] - begin);
}

Level DivisionTree::level(DivisionId id) const {
    check(id);
    return static_cast<Level>(keys_[id.value()] & 7U);
}

std::optional<DivisionId> DivisionTree::parent(DivisionId id) const {
    check(id);
    const std::uint32_t p = parent_[id.value()];
    return p == no_parent ? std::nullopt : std::optional<DivisionId>(DivisionId{p});
}

DivisionIdRange DivisionTree::children(DivisionId id) const {
    check(id);
    const std::uint32_t i = id.value();
    return {i + 1, end_[i], end_.data()};
}

DivisionIdRange DivisionTree::roots() const noexcept {
    return {0, static_cast<std::uint32_t>(size()), end_.data()};
}

DivisionIdRange DivisionTree::subtree(DivisionId id) const {
    check(id);
    return {id.value(), end_[id.value()], nullptr};
}

std::size_t DivisionTree::subtree_size(DivisionId id) const {
    check(id);
    return end_[id.value()] - id.value();
}

std::vector<DivisionId> DivisionTree::path(DivisionId id) const {
    check(id);
    std::vector<DivisionId> result;
    for (std::uint32_t at = id.value(); at != no_parent; at = parent_[at]) {
        result.emplace_back(at);
    }
    std::reverse(result.begin(), result.end());
    return result;
}

bool DivisionTree::is_ancestor(DivisionId ancestor, DivisionId descendant) const {
    check(ancestor);
    check(descendant);
    return ancestor.value() < descendant.value() && descendant.value() < end_[ancestor.value()];
}

namespace {
template <class T>
std::vector<T> rollup_impl(std::span<const T> values, std::span<const std::uint32_t> parents) {
    if (values.size() != parents.size()) {
        throw InvalidInput("rollup needs one value per unit: got " + std::to_string(values.size()) +
                           " values for " + std::to_string(parents.size()) + " units");
    }
    std::vector<T> sums(values.begin(), values.end());
    // Pre-order: every child comes after its parent, so one backward pass adds each finished
    // subtree into its parent.
    for (std::size_t i = sums.size(); i-- > 0;) {
        const std::uint32_t p = parents[i];
        if (p != DivisionTree::no_parent) {
            sums[p] += sums[i];
        }
    }
    return sums;
}
}  // namespace

std::vector<double> DivisionTree::rollup(std::span<const double> values) const {
    return rollup_impl(values, std::span<const std::uint32_t>(parent_));
}

std::vector<std::int64_t> DivisionTree::rollup(std::span<const std::int64_t> values) const {
    return rollup_impl(values, std::span<const std::uint32_t>(parent_));
}

std::size_t DivisionTree::structure_bytes() const noexcept {
    return keys_.capacity() * sizeof(std::uint64_t) +
           (parent_.capacity() + end_.capacity() + name_end_.capacity()) * sizeof(std::uint32_t) +
           sizeof(DivisionTree);
}

void DivisionTree::write_csv(std::ostream& out) const {
    out << "code,name,level,parent_code\n";
    std::string line;
    for (std::uint32_t i = 0; i < keys_.size(); ++i) {
        const DivisionId id{i};
        const std::string parent = parent_[i] != no_parent ? code(DivisionId{parent_[i]}).str() : std::string();
        line.clear();
        detail::append_csv_line(line, {code(id).str(), name(id), to_string(level(id)), parent});
        out << line;
    }
}

}  // namespace grassroots
