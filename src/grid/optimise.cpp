// The full-time staffing optimiser (minimum-cost flow) and its greedy baseline.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <vector>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>
#pragma GCC diagnostic pop

#include "grassroots/grid/posts.hpp"
#include "distance.hpp"

namespace grassroots {

namespace {

// One grid–worker pair a plan may use: the worker is eligible there.
struct Option {
    std::size_t worker;  // index into the distinct candidates
    double distance_m;
};

// The problem both solvers share: distinct grids, distinct candidates, and per grid its options.
struct Problem {
    std::vector<GridId> grids;
    std::vector<GridWorkerId> workers;
    std::vector<std::vector<Option>> options;  // by grid index, in candidate order
    std::size_t map_size = 0;
};

Problem make_problem(const GridStaffing& staffing, std::span<const GridId> grids,
                     std::span<const GridWorkerId> candidates) {
    const GridMap& map = staffing.map();
    Problem p;
    p.map_size = map.size();
    std::vector<bool> seen_grid(map.size(), false);
    for (const GridId id : grids) {
        (void)map.grid(id);  // NotFound for unknown ids
        if (seen_grid[id.value()]) continue;
        seen_grid[id.value()] = true;
        p.grids.push_back(id);
    }
    std::vector<bool> seen_worker(staffing.workers().size(), false);
    for (const GridWorkerId id : candidates) {
        (void)staffing.worker(id);
        if (seen_worker[id.value()]) continue;
        seen_worker[id.value()] = true;
        p.workers.push_back(id);
    }

    // Candidates by home community; those allowed elsewhere go everywhere.
    std::unordered_map<DivisionCode, std::vector<std::size_t>> by_home;
    std::vector<std::size_t> anywhere;
    for (std::size_t w = 0; w < p.workers.size(); ++w) {
        const GridWorker& who = staffing.worker(p.workers[w]);
        if (who.may_serve_elsewhere) {
            anywhere.push_back(w);
        } else {
            by_home[who.home].push_back(w);
        }
    }
    p.options.resize(p.grids.size());
    for (std::size_t g = 0; g < p.grids.size(); ++g) {
        const Grid& grid = map.grid(p.grids[g]);
        const Point centre = grid.shape.centroid();
        std::vector<std::size_t> eligible = anywhere;
        if (const auto it = by_home.find(grid.code.unit()); it != by_home.end()) {
            eligible.insert(eligible.end(), it->second.begin(), it->second.end());
        }
        std::sort(eligible.begin(), eligible.end());
        for (const std::size_t w : eligible) {
            const GridWorker& who = staffing.worker(p.workers[w]);
            const double d = who.location ? detail::distance_m(*who.location, centre, map.coordinates()) : 0.0;
            p.options[g].push_back({w, d});
        }
    }
    return p;
}

// The plan for "grid g takes option choice[g]" (choice -1: unstaffed).
StaffingPlan make_plan(const Problem& p, const std::vector<std::ptrdiff_t>& choice) {
    StaffingPlan plan;
    plan.worker_of_grid.assign(p.map_size, std::nullopt);
    for (std::size_t g = 0; g < p.grids.size(); ++g) {
        if (choice[g] < 0) {
            ++plan.unstaffed;
            continue;
        }
        const Option& o = p.options[g][static_cast<std::size_t>(choice[g])];
        plan.worker_of_grid[p.grids[g].value()] = p.workers[o.worker];
        plan.total_distance_m += o.distance_m;
        plan.max_distance_m = std::max(plan.max_distance_m, o.distance_m);
    }
    return plan;
}

// Costs of the flow network: whole metres.
std::int64_t cost_of(double distance_m) { return static_cast<std::int64_t>(std::llround(distance_m)); }

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using FlowGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<boost::edge_capacity_t, std::int64_t,
                    boost::property<boost::edge_residual_capacity_t, std::int64_t,
                                    boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                                    boost::property<boost::edge_weight_t, std::int64_t>>>>>;
using Vertex = boost::graph_traits<FlowGraph>::vertex_descriptor;
using Edge = boost::graph_traits<FlowGraph>::edge_descriptor;

// Adds u → v with its residual twin v → u (capacity 0, negated cost).
Edge add_arc(FlowGraph& g, Vertex u, Vertex v, std::int64_t capacity, std::int64_t cost) {
    const Edge forward = boost::add_edge(u, v, g).first;
    const Edge backward = boost::add_edge(v, u, g).first;
    boost::put(boost::edge_capacity, g, forward, capacity);
    boost::put(boost::edge_capacity, g, backward, 0);
    boost::put(boost::edge_weight, g, forward, cost);
    boost::put(boost::edge_weight, g, backward, -cost);
    boost::put(boost::edge_reverse, g, forward, backward);
    boost::put(boost::edge_reverse, g, backward, forward);
    return forward;
}

// Solves one connected part of the problem (grids @p part and the workers eligible there) as a
// minimum-cost flow: source → grid (1) → eligible worker (1, whole metres) → sink (1), and
// grid → sink (1, bypass). The bypass costs more than any set of real pairs can, so the fewest
// grids stay unstaffed, and among those plans the total distance is least.
void solve_part(const Problem& p, const std::vector<std::size_t>& part, std::vector<std::ptrdiff_t>& choice) {
    std::vector<std::size_t> workers;  // the part's workers, by local index
    for (const std::size_t g : part) {
        for (const Option& o : p.options[g]) workers.push_back(o.worker);
    }
    std::sort(workers.begin(), workers.end());
    workers.erase(std::unique(workers.begin(), workers.end()), workers.end());
    if (workers.empty()) return;  // every grid of the part stays unstaffed

    std::int64_t bypass = 1;
    for (const std::size_t g : part) {
        std::int64_t longest = 0;
        for (const Option& o : p.options[g]) longest = std::max(longest, cost_of(o.distance_m));
        bypass += longest;
    }
    const Vertex source = 0;
    const Vertex sink = 1;
    auto grid_vertex = [](std::size_t local) { return static_cast<Vertex>(2 + local); };
    auto worker_vertex = [&](std::size_t w) {
        const auto local = static_cast<std::size_t>(std::lower_bound(workers.begin(), workers.end(), w) - workers.begin());
        return static_cast<Vertex>(2 + part.size() + local);
    };
    FlowGraph graph(2 + part.size() + workers.size());
    std::vector<std::vector<Edge>> option_edges(part.size());
    for (std::size_t local = 0; local < part.size(); ++local) {
        add_arc(graph, source, grid_vertex(local), 1, 0);
        for (const Option& o : p.options[part[local]]) {
            option_edges[local].push_back(
                add_arc(graph, grid_vertex(local), worker_vertex(o.worker), 1, cost_of(o.distance_m)));
        }
        add_arc(graph, grid_vertex(local), sink, 1, bypass);
    }
    for (std::size_t local = 0; local < workers.size(); ++local) {
        add_arc(graph, static_cast<Vertex>(2 + part.size() + local), sink, 1, 0);
    }
    boost::successive_shortest_path_nonnegative_weights(graph, source, sink);

    const auto residual = boost::get(boost::edge_residual_capacity, graph);
    for (std::size_t local = 0; local < part.size(); ++local) {
        for (std::size_t k = 0; k < option_edges[local].size(); ++k) {
            if (residual[option_edges[local][k]] == 0) {
                choice[part[local]] = static_cast<std::ptrdiff_t>(k);
                break;
            }
        }
    }
}

// The root of @p x in a union–find forest (with path halving).
std::size_t find_root(std::vector<std::size_t>& parent, std::size_t x) {
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

}  // namespace

StaffingPlan optimise_full_time(const GridStaffing& staffing, std::span<const GridId> grids,
                                std::span<const GridWorkerId> candidates) {
    const Problem p = make_problem(staffing, grids, candidates);
    const std::size_t n_grids = p.grids.size();
    std::vector<std::ptrdiff_t> choice(n_grids, -1);

    // Grids that share no candidate are independent problems (each community, unless some workers
    // may serve elsewhere): solve each connected part on its own, which is much faster.
    std::vector<std::size_t> parent(n_grids + p.workers.size());
    for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
    for (std::size_t g = 0; g < n_grids; ++g) {
        for (const Option& o : p.options[g]) {
            const std::size_t a = find_root(parent, g);
            const std::size_t b = find_root(parent, n_grids + o.worker);
            if (a != b) parent[b] = a;
        }
    }
    // Each part is keyed by its first grid.
    std::vector<std::size_t> key_of_root(parent.size(), parent.size());
    std::vector<std::vector<std::size_t>> parts(n_grids);
    for (std::size_t g = 0; g < n_grids; ++g) {
        const std::size_t root = find_root(parent, g);
        if (key_of_root[root] == parent.size()) key_of_root[root] = g;
        parts[key_of_root[root]].push_back(g);
    }
    for (const auto& part : parts) {
        if (!part.empty()) solve_part(p, part, choice);
    }
    return make_plan(p, choice);
}

StaffingPlan greedy_full_time(const GridStaffing& staffing, std::span<const GridId> grids,
                              std::span<const GridWorkerId> candidates) {
    const Problem p = make_problem(staffing, grids, candidates);
    const GridMap& map = staffing.map();
    std::vector<std::size_t> order(p.grids.size());
    for (std::size_t g = 0; g < order.size(); ++g) order[g] = g;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return map.grid(p.grids[a]).code < map.grid(p.grids[b]).code;
    });
    std::vector<std::ptrdiff_t> choice(p.grids.size(), -1);
    std::vector<bool> taken(p.workers.size(), false);
    for (const std::size_t g : order) {
        std::ptrdiff_t best = -1;
        for (std::size_t k = 0; k < p.options[g].size(); ++k) {
            const Option& o = p.options[g][k];
            if (taken[o.worker]) continue;
            // Nearest first; ties go to the worker registered first.
            if (best < 0) {
                best = static_cast<std::ptrdiff_t>(k);
                continue;
            }
            const Option& b = p.options[g][static_cast<std::size_t>(best)];
            if (o.distance_m < b.distance_m ||
                (o.distance_m == b.distance_m && p.workers[o.worker] < p.workers[b.worker])) {
                best = static_cast<std::ptrdiff_t>(k);
            }
        }
        if (best >= 0) {
            choice[g] = best;
            taken[p.options[g][static_cast<std::size_t>(best)].worker] = true;
        }
    }
    return make_plan(p, choice);
}

}  // namespace grassroots
