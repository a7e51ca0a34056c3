// The matter catalogue (事项): component and event types, their code layout, CSV and the urban sample.
#include "grassroots/workflow/matter.hpp"

#include <algorithm>
#include <array>

#include "../core/text_input.hpp"
#include "../core/embedded_data.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<MatterClass>, 2> matter_classes{{
    {MatterClass::component, "component", "部件", "a managed object with an owner (权属单位)"},
    {MatterClass::event, "event", "事件", "something that happens in a place"},
}};

constexpr std::string_view catalogue_columns = "class,code,name,category,workflow,owner";

bool all_digits(std::string_view text) noexcept {
    for (const char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

// "major 2 + minor 2".
std::string describe_segments(const std::vector<MatterCodeSegment>& segments) {
    std::string text;
    for (const MatterCodeSegment& s : segments) {
        text += (text.empty() ? "" : " + ") + s.name + " " + std::to_string(s.width);
    }
    return text;
}

}  // namespace

std::span<const EnumName<MatterClass>> enum_names(MatterClass) noexcept { return matter_classes; }

std::string_view to_string(MatterClass value) noexcept { return enum_name(value); }

std::string_view chinese_name(MatterClass value) noexcept { return enum_chinese_name(value); }

MatterClass parse_matter_class(std::string_view text) { return parse_enum<MatterClass>(text, "matter class", true); }

// ---- MatterCodeLayout ---------------------------------------------------------------------------

MatterCodeLayout::MatterCodeLayout(std::string name, std::vector<MatterCodeSegment> segments)
    : name_(std::move(name)), segments_(std::move(segments)) {
    if (name_.empty()) throw InvalidInput("a matter code layout needs a name");
    const std::string layout = "matter code layout '" + name_ + "'";
    if (segments_.empty()) throw InvalidInput(layout + " has no segments; it needs at least one");
    for (std::size_t i = 0; i < segments_.size(); ++i) {
        const MatterCodeSegment& s = segments_[i];
        if (s.name.empty()) throw InvalidInput(layout + ": segment " + std::to_string(i + 1) + " has no name");
        if (s.width < 1 || s.width > 4) {
            throw InvalidInput(layout + ": segment '" + s.name + "' is " + std::to_string(s.width) +
                               " digits wide; a segment has 1–4 digits");
        }
        length_ += s.width;
    }
    if (length_ > 12) {
        throw InvalidInput(layout + " has " + std::to_string(length_) + " digits in all (" +
                           describe_segments(segments_) + "); at most 12");
    }
}

MatterCodeLayout MatterCodeLayout::urban_standard() {
    static const MatterCodeLayout layout("major-minor", {{"major", 2}, {"minor", 2}});
    return layout;
}

void MatterCodeLayout::check(std::string_view code) const {
    const auto bad = [&](const std::string& problem) {
        return InvalidInput("matter code '" + std::string(code) + "': " + problem);
    };
    if (code.empty()) {
        throw bad("is empty; expected " + std::to_string(length_) + " digits (" + describe_segments(segments_) + ")");
    }
    std::size_t at = 0;
    for (const MatterCodeSegment& s : segments_) {
        const std::string_view piece = code.substr(std::min(at, code.size()), static_cast<std::size_t>(s.width));
        if (piece.size() != static_cast<std::size_t>(s.width) || !all_digits(piece)) {
            throw bad(s.name + " segment '" + std::string(piece) + "' must be " + std::to_string(s.width) +
                      (s.width == 1 ? " digit" : " digits"));
        }
        at += piece.size();
    }
    if (code.size() > at) {
        throw bad("has " + std::to_string(code.size()) + " characters; layout '" + name_ + "' has " +
                  std::to_string(length_) + " digits (" + describe_segments(segments_) + ")");
    }
}

std::string_view MatterCodeLayout::segment(std::string_view code, std::size_t index) const {
    check(code);
    if (index >= segments_.size()) {
        throw InvalidInput("matter code layout '" + name_ + "' has " + std::to_string(segments_.size()) +
                           " segments; there is no segment " + std::to_string(index));
    }
    std::size_t at = 0;
    for (std::size_t i = 0; i < index; ++i) at += static_cast<std::size_t>(segments_[i].width);
    return code.substr(at, static_cast<std::size_t>(segments_[index].width));
}

// ---- MatterType, MatterCatalogue ----------------------------------------------------------------

std::string MatterType::key() const { return std::string(to_string(matter_class)) + ":" + code; }

MatterCatalogue::MatterCatalogue(MatterCodeLayout layout) : layout_(std::move(layout)) {}

void MatterCatalogue::add(MatterType type) {
    try {
        layout_.check(type.code);
    } catch (const InvalidInput& error) {
        throw InvalidInput(error.problem(), Location{{}, 0, "code"});
    }
    std::string key = type.key();
    if (type.name.empty()) throw InvalidInput("matter type " + key + " has no name", Location{{}, 0, "name"});
    if (const MatterType* present = find(key)) {
        throw InvalidInput("duplicate matter type " + key + " (" + type.name + "; the catalogue already has " +
                               present->name + ")",
                           Location{{}, 0, "code"});
    }
    index_.emplace(std::move(key), types_.size());
    types_.push_back(std::move(type));
}

const MatterType* MatterCatalogue::find(std::string_view key) const noexcept {
    const auto it = index_.find(key);
    return it == index_.end() ? nullptr : &types_[it->second];
}

const MatterType& MatterCatalogue::at(std::string_view key) const {
    if (const MatterType* type = find(key)) return *type;
    const std::size_t colon = key.find(':');
    if (colon == std::string_view::npos) {
        throw InvalidInput("matter key '" + std::string(key) + "' is not <class>:<code>, e.g. event:0102");
    }
    (void)parse_matter_class(key.substr(0, colon));
    layout_.check(key.substr(colon + 1));
    throw NotFound("matter type " + std::string(key) + " is not in the catalogue");
}

MatterCatalogue MatterCatalogue::parse_csv(std::string_view text, std::string_view source, MatterCodeLayout layout) {
    detail::CsvReader reader(text, std::string(source));
    const std::vector<std::size_t> column =
        detail::read_header(reader, {"class", "code", "name", "category", "workflow", "owner"});
    const std::size_t width = reader.fields().size();
    MatterCatalogue catalogue(std::move(layout));
    while (reader.next()) {
        detail::expect_field_count(reader, width);
        const auto& f = reader.fields();
        MatterType type;
        type.matter_class = detail::in_field(reader, "class", [&] { return parse_matter_class(f[column[0]]); });
        type.code = f[column[1]];
        type.name = f[column[2]];
        type.category = f[column[3]];
        type.workflow = f[column[4]];
        type.owner = f[column[5]];
        detail::in_field(reader, "code", [&] { catalogue.add(std::move(type)); });
    }
    return catalogue;
}

MatterCatalogue MatterCatalogue::read_csv(const std::filesystem::path& file, MatterCodeLayout layout) {
    return parse_csv(detail::read_text_file(file), file.filename().string(), std::move(layout));
}

std::string MatterCatalogue::to_csv() const {
    std::string out(catalogue_columns);
    out += '\n';
    for (const MatterType& t : types_) {
        detail::append_csv_line(out, {to_string(t.matter_class), t.code, t.name, t.category, t.workflow, t.owner});
    }
    return out;
}

MatterCatalogue MatterCatalogue::urban_sample() {
    static const MatterCatalogue sample = parse_csv(detail::urban_matters_csv_text(), "urban-matters.csv (embedded)");
    return sample;
}

}  // namespace grassroots
