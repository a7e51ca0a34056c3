// Boost Graph Library algorithms run on the tree through grassroots/division/graph.hpp.
#include "grassroots/division/graph.hpp"

#include <gtest/gtest.h>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <vector>

#include "grassroots/datasets/dongying.hpp"

namespace grassroots {
namespace {

BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<DivisionTree>));
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<DivisionTree>));

TEST(DivisionGraph, BreadthFirstSearchGivesDepthsEqualToLevels) {
    const DivisionTree tree = datasets::dongying_divisions();
    std::vector<std::size_t> depth(num_vertices(tree), 0);
    const std::uint32_t shandong = tree.at(DivisionCode("37")).value();
    boost::breadth_first_search(
        tree, shandong,
        boost::visitor(boost::make_bfs_visitor(boost::record_distances(depth.data(), boost::on_tree_edge{}))));
    for (DivisionId id : tree.ids()) {
        EXPECT_EQ(depth[id.value()], static_cast<std::size_t>(tree.level(id))) << tree.code(id).str();
    }
}

struct DiscoverOrder : boost::default_dfs_visitor {
    std::vector<std::uint32_t>* order;
    void discover_vertex(std::uint32_t v, const DivisionTree& /*tree*/) const { order->push_back(v); }
};

TEST(DivisionGraph, DepthFirstSearchVisitsInPreOrder) {
    const DivisionTree tree = datasets::dongying_divisions();
    std::vector<std::uint32_t> order;
    DiscoverOrder visitor;
    visitor.order = &order;
    std::vector<boost::default_color_type> colors(tree.size());
    boost::depth_first_search(tree, visitor, boost::make_iterator_property_map(colors.begin(), get(boost::vertex_index, tree)));
    ASSERT_EQ(order.size(), tree.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], i);
}

TEST(DivisionGraph, OutDegreeCountsChildren) {
    const DivisionTree tree = datasets::dongying_divisions();
    EXPECT_EQ(out_degree(tree.at(DivisionCode("3705")).value(), tree), 7U);
    EXPECT_EQ(out_degree(tree.at(DivisionCode("370502005066")).value(), tree), 0U);
}

}  // namespace
}  // namespace grassroots
