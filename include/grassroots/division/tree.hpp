/// @file tree.hpp
/// @brief DivisionTree: the administrative ladder (行政层级) as a compact, immutable tree.
///
/// Units are stored in pre-order (the order of their codes), so a unit's subtree is the contiguous
/// id range [id, subtree_end(id)), is-ancestor is two comparisons, and a roll-up is one backward
/// pass. Per unit the tree keeps a 64-bit code key, a parent index, a subtree end and a name offset
/// (20 bytes) plus the UTF-8 name bytes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/core/strong_id.hpp"
#include "grassroots/division/code.hpp"
#include "grassroots/division/names.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

/// @brief Tag type of DivisionId.
struct DivisionIdTag;
/// @brief Dense id of a unit in one DivisionTree: its pre-order position.
using DivisionId = StrongId<DivisionIdTag>;

class DivisionTree;

/// @brief A forward range of ids, either a contiguous run or a sibling chain.
class DivisionIdRange {
public:
    /// @brief Iterates ids; steps by one (contiguous) or to the next sibling (chain).
    class iterator {
    public:
        using iterator_category = std::forward_iterator_tag;  ///< Iterator category.
        using value_type = DivisionId;                         ///< Element type.
        using difference_type = std::ptrdiff_t;                ///< Distance type.
        using pointer = const DivisionId*;                     ///< Pointer type.
        using reference = DivisionId;                          ///< Reference type (a value).

        iterator() = default;  ///< A singular iterator.
        /// @brief An iterator at @p at; @p next_sibling is null for contiguous runs.
        iterator(std::uint32_t at, const std::uint32_t* next_sibling) noexcept
            : at_(at), next_(next_sibling) {}
        DivisionId operator*() const noexcept { return DivisionId{at_}; }  ///< The id.
        /// @brief Advances to the next id of the range.
        iterator& operator++() noexcept {
            at_ = next_ != nullptr ? next_[at_] : at_ + 1;
            return *this;
        }
        /// @brief Post-increment.
        iterator operator++(int) noexcept {
            iterator old = *this;
            ++*this;
            return old;
        }
        /// @brief Iterators compare by position.
        friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.at_ == b.at_; }

    private:
        std::uint32_t at_ = 0;
        const std::uint32_t* next_ = nullptr;
    };

    DivisionIdRange() = default;  ///< An empty range.
    /// @brief Ids from @p first up to @p last; @p next_sibling as for iterator.
    DivisionIdRange(std::uint32_t first, std::uint32_t last, const std::uint32_t* next_sibling) noexcept
        : first_(first), last_(last), next_(next_sibling) {}
    [[nodiscard]] iterator begin() const noexcept { return {first_, next_}; }  ///< First id.
    [[nodiscard]] iterator end() const noexcept { return {last_, next_}; }     ///< Past the end.
    [[nodiscard]] bool empty() const noexcept { return first_ == last_; }      ///< No ids.

private:
    std::uint32_t first_ = 0;
    std::uint32_t last_ = 0;
    const std::uint32_t* next_ = nullptr;
};

/// @brief The immutable administrative tree: lookups, navigation, counts and roll-ups.
///
/// Build one with read_nbs(), read_csv(), parse_csv() or DivisionTreeBuilder. Ids are valid for
/// the tree that issued them. All queries are const and safe to call from several threads.
class DivisionTree {
public:
    /// @brief An empty tree.
    DivisionTree() = default;

    /// @brief Reads the NBS table set in @p folder.
    ///
    /// Expects provinces.csv, cities.csv, areas.csv, streets.csv and villages.csv.gz (or
    /// villages.csv), as published by the china-division package. Throws FileError for a missing
    /// or unreadable file and InvalidInput naming the file and row of the first bad row.
    [[nodiscard]] static DivisionTree read_nbs(const std::filesystem::path& folder);
    /// @brief Reads a `code,name,level,parent_code` CSV file (gzip allowed); see parse_csv().
    [[nodiscard]] static DivisionTree read_csv(const std::filesystem::path& file);
    /// @brief Parses `code,name,level,parent_code` CSV text.
    ///
    /// The first non-comment line is that header. Lines starting with '#' are comments; fields may
    /// be quoted as in RFC 4180. `level` is a to_string(Level) name; `parent_code` is empty for
    /// provinces. Errors name @p source and the line.
    [[nodiscard]] static DivisionTree parse_csv(std::string_view text, std::string_view source = "<text>");
    /// @brief Writes the tree as `code,name,level,parent_code` CSV in pre-order.
    void write_csv(std::ostream& out) const;

    /// @brief Number of units.
    [[nodiscard]] std::size_t size() const noexcept { return keys_.size(); }
    /// @brief True when the tree has no units.
    [[nodiscard]] bool empty() const noexcept { return keys_.empty(); }
    /// @brief Number of units at @p level.
    [[nodiscard]] std::size_t count(Level level) const noexcept {
        return level_counts_[static_cast<std::size_t>(level)];
    }

    /// @brief The unit with this code, if present.
    [[nodiscard]] std::optional<DivisionId> find(DivisionCode code) const noexcept;
    /// @brief The unit with this code; throws NotFound.
    [[nodiscard]] DivisionId at(DivisionCode code) const;
    /// @brief True when a unit has this code.
    [[nodiscard]] bool contains(DivisionCode code) const noexcept { return find(code).has_value(); }
    /// @brief Every unit named @p name, in code order: names repeat across the country (27 新华街道).
    ///
    /// @p under limits the search to that unit's subtree (itself included); NameMatch::fuzzy also
    /// matches the suffix variants of name_suffix_families() (新华社区 finds 新华社区居委会).
    /// Names are compared as UTF-8 bytes; a name that is not UTF-8 matches nothing.
    [[nodiscard]] std::vector<DivisionId> find(std::string_view name, std::optional<DivisionId> under = std::nullopt,
                                               NameMatch match = NameMatch::exact) const;

    /// @brief The unit's code.
    [[nodiscard]] DivisionCode code(DivisionId id) const;
    /// @brief The unit's name (UTF-8), exactly as read.
    [[nodiscard]] std::string_view name(DivisionId id) const;
    /// @brief The unit's level.
    [[nodiscard]] Level level(DivisionId id) const;
    /// @brief The parent unit, or nothing for a top unit.
    [[nodiscard]] std::optional<DivisionId> parent(DivisionId id) const;
    /// @brief The units directly under @p id, in code order.
    [[nodiscard]] DivisionIdRange children(DivisionId id) const;
    /// @brief The top units (provinces in a national tree), in code order.
    [[nodiscard]] DivisionIdRange roots() const noexcept;
    /// @brief Every unit, in pre-order.
    [[nodiscard]] DivisionIdRange ids() const noexcept { return {0, static_cast<std::uint32_t>(size()), nullptr}; }
    /// @brief @p id and all units under it, in pre-order (a contiguous run of ids).
    [[nodiscard]] DivisionIdRange subtree(DivisionId id) const;
    /// @brief Number of units in the subtree of @p id, itself included.
    [[nodiscard]] std::size_t subtree_size(DivisionId id) const;
    /// @brief The units from the top down to @p id, both included.
    [[nodiscard]] std::vector<DivisionId> path(DivisionId id) const;
    /// @brief True when @p ancestor is a proper ancestor of @p descendant (O(1)).
    [[nodiscard]] bool is_ancestor(DivisionId ancestor, DivisionId descendant) const;

    /// @brief Sums @p values (one per unit, by id) over every unit's subtree, itself included.
    [[nodiscard]] std::vector<double> rollup(std::span<const double> values) const;
    /// @brief Integer form of rollup().
    [[nodiscard]] std::vector<std::int64_t> rollup(std::span<const std::int64_t> values) const;

    /// @brief Bytes held for the structure, names excluded.
    [[nodiscard]] std::size_t structure_bytes() const noexcept;
    /// @brief Bytes held for the names.
    [[nodiscard]] std::size_t name_bytes() const noexcept { return names_.capacity(); }

    /// @brief Raw pre-order arrays, for bindings and graph adaptors.
    [[nodiscard]] std::span<const std::uint64_t> code_keys() const noexcept { return keys_; }
    /// @brief Parent index per unit (no_parent for top units).
    [[nodiscard]] std::span<const std::uint32_t> parent_indices() const noexcept { return parent_; }
    /// @brief Index one past the last unit of each subtree (also the next sibling's index).
    [[nodiscard]] std::span<const std::uint32_t> subtree_ends() const noexcept { return end_; }
    /// @brief The parent index of a top unit.
    static constexpr std::uint32_t no_parent = 0xFFFFFFFFU;

private:
    friend class DivisionTreeBuilder;
    void check(DivisionId id) const;

    std::vector<std::uint64_t> keys_;      // DivisionCode::key(), ascending = pre-order
    std::vector<std::uint32_t> parent_;    // parent index or no_parent
    std::vector<std::uint32_t> end_;       // one past the subtree = next sibling (if any)
    std::vector<std::uint32_t> name_end_;  // end offset of each name in names_
    std::string names_;
    std::array<std::size_t, 5> level_counts_{};
};

/// @brief Collects units from any source, then validates them all and builds a DivisionTree.
///
/// Each unit may carry its origin (file and row), so that build() can say where a duplicate code
/// or a missing parent came from. build() is all or nothing: on error no tree is made and the
/// builder keeps its units.
class DivisionTreeBuilder {
public:
    /// @brief Reserves room for @p units units.
    void reserve(std::size_t units);
    /// @brief Adds a unit whose parent is the one its code implies; throws InvalidInput for a name
    /// that is empty, not UTF-8, or holds a control character (such as a line break).
    DivisionTreeBuilder& add(DivisionCode code, std::string_view name, const Location& origin = {});
    /// @brief Adds a unit and checks that its code extends @p declared_parent's; throws InvalidInput.
    DivisionTreeBuilder& add(DivisionCode code, std::string_view name, DivisionCode declared_parent,
                             const Location& origin = {});
    /// @brief Number of units added so far.
    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
    /// @brief Validates the units and builds the tree; throws InvalidInput (duplicate, missing parent).
    [[nodiscard]] DivisionTree build() const;

private:
    struct Entry {
        std::uint64_t key;
        std::uint64_t name_offset;
        std::uint32_t name_length;
        std::uint32_t row;
        std::uint32_t source;  // index into sources_ (origin file), or none
    };
    [[nodiscard]] Location origin(const Entry& entry) const;

    std::vector<Entry> entries_;
    std::string names_;
    std::vector<std::string> sources_;
};

}  // namespace grassroots
