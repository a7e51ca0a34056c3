// to_dot(AutonomyChain, Date): the chain as an org chart in Graphviz DOT.
#include "grassroots/autonomy/org_chart.hpp"

#include <string>

#include "core/graphics.hpp"

namespace grassroots {

namespace {

using detail::dot_quote;

/// A line "\n主任 张三、李四" naming who holds posts of @p kind on @p on that @p belongs accepts; "" when none.
template <class Belongs>
std::string post_line(const AutonomyChain& chain, PostKind kind, Date on, Belongs belongs) {
    std::string names;
    for (const Post& post : chain.posts()) {
        if (post.kind != kind || !post.active_on(on) || !belongs(post)) continue;
        names += (names.empty() ? "" : "、") + chain.person(post.person).name;
    }
    if (names.empty()) return {};
    std::string line = "\n";
    line += chinese_name(kind);
    line += ' ';
    return line += names;
}

/// A node id: @p prefix and the index, e.g. g3 (appended, not "g" + …: GCC 12's -Wrestrict misfires on that).
std::string numbered(char prefix, std::size_t index) {
    std::string id(1, prefix);
    return id += std::to_string(index);
}

std::string node(const std::string& id, const std::string& label, std::string_view attributes = {}) {
    return "  " + id + " [label=" + dot_quote(label) + (attributes.empty() ? "" : ", ") + std::string(attributes) + "];\n";
}

std::string committee_node(const AutonomyChain& chain, Date on) {
    const auto any = [](const Post&) { return true; };
    std::string label = chain.name() + "\n" + std::string(chinese_name(chain.kind()));
    for (const PostKind seat : {PostKind::director, PostKind::deputy_director, PostKind::member}) label += post_line(chain, seat, on, any);
    for (const Post& post : chain.posts()) {
        if (post.kind != PostKind::duty || !post.active_on(on) || !post.duty) continue;
        label += "\n分工负责 " + chain.person(post.person).name + "：" + std::string(chinese_name(*post.duty));
    }
    return node("committee", label, "style=\"bold,filled\", fillcolor=\"#dbe9f6\"");
}

std::string subordinate_nodes(const AutonomyChain& chain, Date on) {
    std::string out;
    for (std::size_t i = 0; i < chain.subordinate_committees().size(); ++i) {
        const auto here = [i](const Post& post) { return post.subordinate && post.subordinate->value() == i; };
        const std::string id = numbered('s', i);
        out += node(id, chain.subordinate_committees()[i].name + post_line(chain, PostKind::subordinate_head, on, here) +
                            post_line(chain, PostKind::subordinate_member, on, here));
        out += "  committee -> " + id + ";\n";
    }
    return out;
}

std::string group_nodes(const AutonomyChain& chain, Date on) {
    std::string out;
    for (std::size_t i = 0; i < chain.groups().size(); ++i) {
        const Group& group = chain.groups()[i];
        const auto here = [i](const Post& post) { return post.group && post.group->value() == i; };
        const std::string id = numbered('g', i);
        out += node(id, group.name + "\n" + std::to_string(group.households) + " 户" +
                            post_line(chain, PostKind::group_head, on, here));
        out += "  committee -> " + id + ";\n";
        const std::string representatives = post_line(chain, PostKind::representative, on, here);
        if (representatives.empty()) continue;
        out += node(numbered('r', i), representatives.substr(1), "shape=note");
        out += "  " + id + " -> " + numbered('r', i) + ";\n";
    }
    return out;
}

std::string party_cluster(const AutonomyChain& chain, Date on) {
    std::string out = "  subgraph cluster_party {\n  label=\"党组织\";\n  style=dashed;\n  color=\"#c0392b\";\n";
    std::string links;
    for (std::size_t i = 0; i < chain.party_organisations().size(); ++i) {
        const PartyOrganisation& organisation = chain.party_organisations()[i];
        const auto here = [i](const Post& post) { return post.party_organisation && post.party_organisation->value() == i; };
        const std::string id = numbered('p', i);
        std::string label = organisation.name + "\n" + std::string(chinese_name(organisation.kind));
        for (const PostKind kind : {PostKind::party_secretary, PostKind::party_deputy_secretary, PostKind::party_member_post}) {
            label += post_line(chain, kind, on, here);
        }
        out += node(id, label, "color=\"#c0392b\"");
        if (organisation.parent) {
            out += "  " + numbered('p', organisation.parent->value()) + " -> " + id + ";\n";
        } else {
            links += "  " + id + " -> committee [style=dashed, color=\"#c0392b\", label=\"领导\"];\n";
        }
    }
    return out + "  }\n" + links;
}

}  // namespace

std::string to_dot(const AutonomyChain& chain, Date on) {
    std::string out = "digraph chain {\n";
    out += "  label=" + dot_quote(chain.name() + " (" + chain.unit().str() + ")  " + to_string(on)) + ";\n  labelloc=t;\n";
    out += "  rankdir=LR;\n";  // groups one under another: a chain has up to about twenty
    out += "  node [shape=box, fontname=\"Noto Sans CJK SC,WenQuanYi Micro Hei,sans-serif\"];\n";
    out += "  edge [fontname=\"Noto Sans CJK SC,WenQuanYi Micro Hei,sans-serif\"];\n";
    out += committee_node(chain, on) + subordinate_nodes(chain, on) + group_nodes(chain, on);
    if (!chain.party_organisations().empty()) out += party_cluster(chain, on);
    return out + "}\n";
}

}  // namespace grassroots
