// Responsibility lists (属地管理 lists) and routing: components owner first, events territory first.
#include "grassroots/workflow/routing.hpp"

#include <algorithm>
#include <array>

#include "../core/text_input.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<Rung>, 5> rungs{{
    {Rung::grid, "grid", "网格", "a grid inside a community or village"},
    {Rung::community, "community", "社区/村", "village-level unit"},
    {Rung::township, "township", "乡镇/街道", "township or subdistrict"},
    {Rung::county, "county", "县/区", "county or district"},
    {Rung::city, "city", "市", "prefecture level"},
}};

constexpr std::string_view component_rule = "部件先属主后属地";
constexpr std::string_view event_rule = "事件先属地后属主";

// "event:0102 at township within 370502" / "… everywhere".
std::string describe(const ResponsibilityEntry& entry) {
    std::string text = entry.matter.empty() ? std::string("(no matter)") : entry.matter;
    text += " at ";
    text += to_string(entry.rung);
    text += entry.scope ? " within " + entry.scope->str() : std::string(" everywhere");
    return text;
}

// "township 370502005" / "grid 37050200506601".
std::string describe_territory(Rung rung, const std::string& territory) {
    return territory + " (" + std::string(to_string(rung)) + ")";
}

// The code of the territory at @p rung for a case at @p unit in @p grid, or "" when the rung does
// not apply (no grid, or a rung below the unit's level).
std::string territory_at(Rung rung, DivisionCode unit, std::string_view grid) {
    if (rung == Rung::grid) {
        return unit.level() == Level::village ? std::string(grid) : std::string();
    }
    const Level level = division_level(rung);
    return level <= unit.level() ? unit.ancestor(level).str() : std::string();
}

// Appends @p unit unless it is empty, @p except or already there.
void add_unique(std::vector<std::string>& units, const std::string& unit, const std::string& except) {
    if (unit.empty() || unit == except || std::find(units.begin(), units.end(), unit) != units.end()) return;
    units.push_back(unit);
}

std::vector<std::string> split_units(std::string_view text) {
    std::vector<std::string> units;
    if (text.empty()) return units;
    for (;;) {
        const std::size_t semicolon = text.find(';');
        std::string_view unit = text.substr(0, semicolon);
        while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
        while (!unit.empty() && unit.back() == ' ') unit.remove_suffix(1);
        units.emplace_back(unit);
        if (semicolon == std::string_view::npos) return units;
        text.remove_prefix(semicolon + 1);
    }
}

}  // namespace

std::span<const EnumName<Rung>> enum_names(Rung) noexcept { return rungs; }

std::string_view to_string(Rung rung) noexcept { return enum_name(rung); }

std::string_view chinese_name(Rung rung) noexcept { return enum_chinese_name(rung); }

Rung parse_rung(std::string_view text) { return parse_enum<Rung>(text, "rung", true); }

Level division_level(Rung rung) noexcept {
    switch (rung) {
        case Rung::grid:
        case Rung::community: return Level::village;
        case Rung::township: return Level::township;
        case Rung::county: return Level::county;
        case Rung::city: return Level::prefecture;
    }
    return Level::village;
}

Rung rung_of(Level level) {
    switch (level) {
        case Level::village: return Rung::community;
        case Level::township: return Rung::township;
        case Level::county: return Rung::county;
        case Level::prefecture: return Rung::city;
        case Level::province: break;
    }
    throw InvalidInput("the " + std::string(to_string(level)) +
                       " level has no rung on the escalation ladder (grid, community, township, county, city)");
}

// ---- ResponsibilityList -------------------------------------------------------------------------

void ResponsibilityList::add(ResponsibilityEntry entry) {
    const auto bad = [&](const std::string& problem, const char* field) {
        return InvalidInput("responsibility row " + describe(entry) + ": " + problem, Location{{}, 0, field});
    };
    if (entry.matter.empty()) throw bad("the matter is empty", "matter");
    if (entry.primary.empty()) throw bad("no primary unit (主体责任); exactly one is needed", "primary");
    for (std::size_t i = 0; i < entry.cooperating.size(); ++i) {
        const std::string& unit = entry.cooperating[i];
        if (unit.empty()) throw bad("cooperating unit " + std::to_string(i + 1) + " is empty", "cooperating");
        if (unit.find(';') != std::string::npos) {
            throw bad("cooperating unit '" + unit + "' holds ';', which separates units in CSV", "cooperating");
        }
        if (unit == entry.primary) {
            throw bad("primary unit " + unit + " is also listed as cooperating (配合责任)", "cooperating");
        }
        if (std::find(entry.cooperating.begin(), entry.cooperating.begin() + static_cast<std::ptrdiff_t>(i), unit) !=
            entry.cooperating.begin() + static_cast<std::ptrdiff_t>(i)) {
            throw bad("cooperating unit " + unit + " is listed twice", "cooperating");
        }
    }
    std::vector<std::size_t>& rows = by_matter_[entry.matter];
    for (const std::size_t row : rows) {
        const ResponsibilityEntry& other = entries_[row];
        if (other.rung == entry.rung && other.scope == entry.scope) {
            throw bad("a second primary unit " + entry.primary + "; " + other.primary +
                          " already holds 主体责任 there (exactly one unit does)",
                      "primary");
        }
    }
    rows.push_back(entries_.size());
    entries_.push_back(std::move(entry));
}

void ResponsibilityList::validate(const MatterCatalogue& catalogue) const {
    std::vector<std::string> problems;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        if (catalogue.find(entries_[i].matter) == nullptr) {
            problems.push_back("row " + std::to_string(i + 1) + " (" + describe(entries_[i]) + "): matter " +
                               entries_[i].matter + " is not in the catalogue");
        }
    }
    for (const MatterType& type : catalogue.types()) {
        if (!by_matter_.contains(type.key())) {
            problems.push_back(type.key() + " (" + type.name + ") has no primary unit (主体责任) at any rung");
        }
    }
    if (problems.empty()) return;
    std::string message = "the responsibility list does not fit the matter catalogue (" +
                          std::to_string(problems.size()) + (problems.size() == 1 ? " problem): " : " problems): ");
    for (std::size_t i = 0; i < problems.size(); ++i) message += (i == 0 ? "" : "; ") + problems[i];
    throw InvalidInput(message);
}

const ResponsibilityEntry* ResponsibilityList::find(std::string_view matter, Rung rung, DivisionCode unit) const noexcept {
    const auto rows = by_matter_.find(matter);
    if (rows == by_matter_.end()) return nullptr;
    const ResponsibilityEntry* best = nullptr;
    int best_depth = -2;  // no scope counts as -1: wider than any level
    for (const std::size_t row : rows->second) {
        const ResponsibilityEntry& entry = entries_[row];
        if (entry.rung != rung) continue;
        if (entry.scope && !(*entry.scope == unit || entry.scope->is_ancestor_of(unit))) continue;
        const int depth = entry.scope ? static_cast<int>(entry.scope->level()) : -1;
        if (depth > best_depth) {
            best = &entry;
            best_depth = depth;
        }
    }
    return best;
}

Assignment ResponsibilityList::route(const MatterType& type, std::string_view owner, DivisionCode unit,
                                     std::string_view grid, Rung from) const {
    const std::string matter = type.key();
    const std::string owner_unit = owner.empty() ? type.owner : std::string(owner);
    // Walk up from the starting rung; remember where the walk really starts (the first rung the
    // unit has) for a route that finds no row.
    Assignment out;
    bool started = false;
    const ResponsibilityEntry* row = nullptr;
    for (auto r = static_cast<int>(from); r <= static_cast<int>(Rung::city); ++r) {
        const auto rung = static_cast<Rung>(r);
        std::string territory = territory_at(rung, unit, grid);
        if (territory.empty()) continue;
        row = find(matter, rung, unit);
        if (!started || row != nullptr) {
            out.rung = rung;
            out.territory = std::move(territory);
            started = true;
        }
        if (row != nullptr) break;
    }
    if (!started) {
        throw InvalidInput("cannot route " + matter + " at " + unit.str() + ": a " + std::string(to_string(unit.level())) +
                           "-level unit is above every rung of the ladder");
    }
    const std::string where = describe_territory(out.rung, out.territory);
    if (type.matter_class == MatterClass::component && !owner_unit.empty()) {
        out.primary = owner_unit;
        out.basis = std::string(component_rule) + ": owner " + owner_unit;
        if (row != nullptr) {
            add_unique(out.cooperating, row->primary, owner_unit);
            for (const std::string& unit_name : row->cooperating) add_unique(out.cooperating, unit_name, owner_unit);
            out.basis += ", territory " + where + " cooperating";
        }
        return out;
    }
    if (row != nullptr) {
        out.primary = row->primary;
        out.cooperating = row->cooperating;
        if (type.matter_class == MatterClass::component) {
            out.basis = std::string(component_rule) + ": no owner recorded, territory " + where;
        } else {
            add_unique(out.cooperating, owner_unit, out.primary);
            out.basis = std::string(event_rule) + ": territory " + where;
            if (!owner_unit.empty()) out.basis += ", owner " + owner_unit + " cooperating";
        }
        return out;
    }
    if (!owner_unit.empty()) {  // an event with no territory row
        out.primary = owner_unit;
        out.basis = std::string(event_rule) + ": no territory row from " + std::string(to_string(from)) +
                    " up, owner " + owner_unit;
        return out;
    }
    throw NotFound("no unit responsible for " + matter + " (" + type.name + ") at " + unit.str() +
                   ": no responsibility row from rung " + std::string(to_string(from)) +
                   " up to city and no owner");
}

ResponsibilityList ResponsibilityList::parse_csv(std::string_view text, std::string_view source) {
    detail::CsvReader reader(text, std::string(source));
    const std::vector<std::size_t> column =
        detail::read_header(reader, {"matter", "rung", "scope", "primary", "cooperating", "source"});
    const std::size_t width = reader.fields().size();
    ResponsibilityList list;
    while (reader.next()) {
        detail::expect_field_count(reader, width);
        const auto& f = reader.fields();
        ResponsibilityEntry entry;
        entry.matter = f[column[0]];
        entry.rung = detail::in_field(reader, "rung", [&] { return parse_rung(f[column[1]]); });
        if (!f[column[2]].empty()) {
            entry.scope = detail::in_field(reader, "scope", [&] { return DivisionCode::parse(f[column[2]]); });
        }
        entry.primary = f[column[3]];
        entry.cooperating = split_units(f[column[4]]);
        entry.source = f[column[5]];
        detail::in_field(reader, "matter", [&] { list.add(std::move(entry)); });
    }
    return list;
}

ResponsibilityList ResponsibilityList::read_csv(const std::filesystem::path& file) {
    return parse_csv(detail::read_text_file(file), file.filename().string());
}

std::string ResponsibilityList::to_csv() const {
    std::string out = "matter,rung,scope,primary,cooperating,source\n";
    for (const ResponsibilityEntry& e : entries_) {
        std::string cooperating;
        for (const std::string& unit : e.cooperating) cooperating += (cooperating.empty() ? "" : ";") + unit;
        detail::append_csv_line(out, {e.matter, to_string(e.rung), e.scope ? e.scope->str() : std::string(),
                                      e.primary, cooperating, e.source});
    }
    return out;
}

}  // namespace grassroots
