// The burden ledger as CSV (items.csv, staff.csv) and back.
#include <charconv>
#include <set>

#include "core/text_input.hpp"
#include "grassroots/burden/burden.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

namespace {

std::string date_text(const std::optional<Date>& date) { return date ? to_string(*date) : std::string(); }

int parse_count(std::string_view text, std::string_view what) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
        throw InvalidInput(std::string(what) + " '" + std::string(text) + "' is not a whole number");
    }
    return value;
}

std::optional<Date> optional_date(const detail::CsvReader& reader, std::string_view text, std::string_view field) {
    if (text.empty()) return std::nullopt;
    return detail::in_field(reader, field, [&] { return parse_date(text); });
}

}  // namespace

std::string BurdenLedger::items_csv() const {
    std::string out = "unit,kind,name,source_department,quantity,status,added,flagged,removed,note\n";
    for (const BurdenItem& item : items_) {
        detail::append_csv_line(out, {item.unit.str(), to_string(item.kind), item.name, item.source_department,
                                      std::to_string(item.quantity), to_string(item.status), to_string(item.added),
                                      date_text(item.flagged), date_text(item.removed), item.note});
    }
    return out;
}

std::string BurdenLedger::staff_csv() const {
    std::string out = "unit,staff\n";
    for (const auto& [unit, count] : staff_) detail::append_csv_line(out, {unit.str(), std::to_string(count)});
    return out;
}

BurdenLedger BurdenLedger::parse_csv(std::string_view items, std::string_view staff, BurdenWeights weights) {
    BurdenLedger ledger;
    ledger.set_weights(std::move(weights));
    {
        detail::CsvReader reader(items, "items.csv");
        const std::vector<std::size_t> c = detail::read_header(
            reader, {"unit", "kind", "name", "source_department", "quantity", "status", "added", "flagged", "removed", "note"});
        const std::size_t width = reader.fields().size();
        while (reader.next()) {
            detail::expect_field_count(reader, width);
            const auto& f = reader.fields();
            BurdenItemInput input{.unit = detail::in_field(reader, "unit", [&] { return DivisionCode::parse(f[c[0]]); })};
            input.kind = detail::in_field(reader, "kind", [&] { return parse_burden_kind(f[c[1]]); });
            input.name = f[c[2]];
            input.source_department = f[c[3]];
            input.quantity = detail::in_field(reader, "quantity", [&] { return parse_count(f[c[4]], "quantity"); });
            const BurdenStatus status = detail::in_field(reader, "status", [&] { return parse_burden_status(f[c[5]]); });
            input.added = detail::in_field(reader, "added", [&] { return parse_date(f[c[6]]); });
            const std::optional<Date> flagged = optional_date(reader, f[c[7]], "flagged");
            const std::optional<Date> removed = optional_date(reader, f[c[8]], "removed");
            input.note = f[c[9]];
            if (status == BurdenStatus::allowed && (flagged || removed)) {
                throw InvalidInput("an allowed item has no flagged or removed date", reader.where("status"));
            }
            if (status == BurdenStatus::to_remove && (!flagged || removed)) {
                throw InvalidInput("a to_remove item needs a flagged date and no removed date", reader.where("status"));
            }
            if (status == BurdenStatus::removed && !removed) {
                throw InvalidInput("a removed item needs a removed date", reader.where("removed"));
            }
            const BurdenItemId id = detail::in_field(reader, "name", [&] { return ledger.add(input); });
            // The moves check that the dates do not go backwards.
            if (flagged) detail::in_field(reader, "flagged", [&] { ledger.flag(id, *flagged); });
            if (removed) detail::in_field(reader, "removed", [&] { ledger.remove(id, *removed); });
        }
    }
    if (!staff.empty()) {
        detail::CsvReader reader(staff, "staff.csv");
        const std::vector<std::size_t> c = detail::read_header(reader, {"unit", "staff"});
        const std::size_t width = reader.fields().size();
        std::set<DivisionCode> seen;
        while (reader.next()) {
            detail::expect_field_count(reader, width);
            const auto& f = reader.fields();
            const DivisionCode unit = detail::in_field(reader, "unit", [&] { return DivisionCode::parse(f[c[0]]); });
            if (!seen.insert(unit).second) throw InvalidInput("unit " + unit.str() + " is listed twice", reader.where("unit"));
            const int count = detail::in_field(reader, "staff", [&] { return parse_count(f[c[1]], "staff count"); });
            detail::in_field(reader, "staff", [&] { ledger.set_staff(unit, count); });
        }
    }
    return ledger;
}

}  // namespace grassroots
