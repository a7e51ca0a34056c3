/// @file graph.hpp
/// @brief Boost.Graph view of a DivisionTree: a directed forest, parent → child.
///
/// Include this header (it is not in grassroots.hpp, to keep Boost.Graph out of other builds) to
/// run Boost Graph Library algorithms on the tree: it models IncidenceGraph and VertexListGraph,
/// and provides the vertex_index property map. Vertex descriptors are `std::uint32_t`: the
/// `DivisionId::value()` of a unit.
#pragma once

#include <cstdint>
#include <utility>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>

#include "grassroots/division/tree.hpp"

namespace grassroots {

/// @brief An edge of the tree's graph view: from a unit to one of its children.
struct DivisionEdge {
    std::uint32_t parent = 0;  ///< Source vertex (the parent's id value).
    std::uint32_t child = 0;   ///< Target vertex (the child's id value).
    /// @brief Edges compare by their ends.
    friend bool operator==(const DivisionEdge&, const DivisionEdge&) = default;
};

/// @brief Iterates the out-edges of a unit (one per child) in code order.
class DivisionOutEdgeIterator
    : public boost::iterator_facade<DivisionOutEdgeIterator, DivisionEdge, std::forward_iterator_tag,
                                    DivisionEdge> {
public:
    DivisionOutEdgeIterator() = default;  ///< A singular iterator.
    /// @brief The edge from @p parent to the child at @p child; @p ends are the subtree ends.
    DivisionOutEdgeIterator(std::uint32_t parent, std::uint32_t child, const std::uint32_t* ends) noexcept
        : parent_(parent), child_(child), ends_(ends) {}

private:
    friend class boost::iterator_core_access;
    [[nodiscard]] DivisionEdge dereference() const noexcept { return {parent_, child_}; }
    [[nodiscard]] bool equal(const DivisionOutEdgeIterator& other) const noexcept { return child_ == other.child_; }
    void increment() noexcept { child_ = ends_[child_]; }

    std::uint32_t parent_ = 0;
    std::uint32_t child_ = 0;
    const std::uint32_t* ends_ = nullptr;
};

/// @brief The parent of edge @p e.
inline std::uint32_t source(const DivisionEdge& e, const DivisionTree& /*tree*/) noexcept { return e.parent; }
/// @brief The child of edge @p e.
inline std::uint32_t target(const DivisionEdge& e, const DivisionTree& /*tree*/) noexcept { return e.child; }

/// @brief The edges from @p v to its children.
inline std::pair<DivisionOutEdgeIterator, DivisionOutEdgeIterator> out_edges(std::uint32_t v,
                                                                             const DivisionTree& tree) {
    const auto ends = tree.subtree_ends();
    return {DivisionOutEdgeIterator(v, v + 1, ends.data()), DivisionOutEdgeIterator(v, ends[v], ends.data())};
}

/// @brief The number of children of @p v.
inline std::size_t out_degree(std::uint32_t v, const DivisionTree& tree) {
    std::size_t degree = 0;
    for ([[maybe_unused]] DivisionId child : tree.children(DivisionId{v})) {
        ++degree;
    }
    return degree;
}

/// @brief All vertices, in pre-order.
inline std::pair<boost::counting_iterator<std::uint32_t>, boost::counting_iterator<std::uint32_t>> vertices(
    const DivisionTree& tree) noexcept {
    return {boost::counting_iterator<std::uint32_t>(0),
            boost::counting_iterator<std::uint32_t>(static_cast<std::uint32_t>(tree.size()))};
}

/// @brief The number of units.
inline std::size_t num_vertices(const DivisionTree& tree) noexcept { return tree.size(); }

/// @brief The vertex index map: a vertex is its own index.
inline boost::typed_identity_property_map<std::uint32_t> get(boost::vertex_index_t /*tag*/,
                                                             const DivisionTree& /*tree*/) noexcept {
    return {};
}

}  // namespace grassroots

namespace boost {

/// @brief Graph traits of the DivisionTree graph view.
template <>
struct graph_traits<grassroots::DivisionTree> {
    using vertex_descriptor = std::uint32_t;                            ///< A unit's id value.
    using edge_descriptor = grassroots::DivisionEdge;                   ///< Parent → child.
    using directed_category = directed_tag;                             ///< Edges point down.
    using edge_parallel_category = disallow_parallel_edge_tag;          ///< A tree has none.
    /// @brief IncidenceGraph and VertexListGraph.
    struct traversal_category : incidence_graph_tag, vertex_list_graph_tag {};
    using out_edge_iterator = grassroots::DivisionOutEdgeIterator;      ///< Children of a unit.
    using vertex_iterator = counting_iterator<std::uint32_t>;           ///< All units.
    using degree_size_type = std::size_t;                               ///< Child counts.
    using vertices_size_type = std::size_t;                             ///< Unit counts.
    using edges_size_type = std::size_t;                                ///< Edge counts.
    using in_edge_iterator = void;                                      ///< Not modelled.
    using adjacency_iterator = void;                                    ///< Not modelled.
    using edge_iterator = void;                                         ///< Not modelled.
    /// @brief A vertex that is no unit.
    static vertex_descriptor null_vertex() noexcept { return grassroots::DivisionTree::no_parent; }
};

/// @brief The vertex_index property map type of the graph view.
template <>
struct property_map<grassroots::DivisionTree, vertex_index_t> {
    using type = typed_identity_property_map<std::uint32_t>;        ///< Mutable form.
    using const_type = typed_identity_property_map<std::uint32_t>;  ///< Const form.
};

}  // namespace boost
