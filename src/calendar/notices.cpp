// Loading national schedules into a Calendar: holiday-cn JSON files and the shipped schedule.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "../core/text_input.hpp"
#include "../core/embedded_data.hpp"
#include "grassroots/calendar/calendar.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

/// One day a notice lists.
struct NoticeDay {
    Date date;
    bool working;
    std::string name;
    Location where;
};

/// Adds notices and their days to a calendar, all or nothing (friend of Calendar).
struct CalendarLoader {
    static void add(Calendar& calendar, std::vector<HolidayNotice> notices, std::vector<NoticeDay> days) {
        std::vector<HolidayNotice> all = calendar.notices_;
        auto national = calendar.national_;
        for (const HolidayNotice& notice : notices) {
            if (notice.year < 1949 || notice.year > 2149) {
                throw InvalidInput("notice year " + std::to_string(notice.year) + " is outside 1949 … 2149", Location{notice.source, 0, "year"});
            }
        }
        const int year = notices.front().year;
        for (const HolidayNotice& existing : calendar.notices_) {
            if (existing.year == year) {
                throw InvalidInput("the " + std::to_string(year) + " schedule is already loaded (from " + existing.source + ")",
                                   Location{notices.front().source, 0, "year"});
            }
        }
        const auto notice_index = static_cast<std::uint32_t>(all.size());
        all.insert(all.end(), notices.begin(), notices.end());
        for (NoticeDay& day : days) {
            (void)calendar.index_of(day.date);
            const auto it = std::lower_bound(national.begin(), national.end(), day.date,
                                             [](const auto& e, Date d) { return e.first < d; });
            if (it != national.end() && it->first == day.date) {
                if (it->second.working != day.working) {
                    throw InvalidInput(to_string(day.date) + " is listed twice with conflicting values (" +
                                           (it->second.working ? "working" : "off") + " and " + (day.working ? "working" : "off") + ")",
                                       day.where);
                }
                continue;
            }
            national.insert(it, {day.date, Calendar::Override{day.working, std::move(day.name), notice_index, false}});
        }
        calendar.notices_ = std::move(all);
        calendar.national_ = std::move(national);
        calendar.rebuild();
    }
};

namespace {

std::string standard_title(int year) {
    return "国务院办公厅关于" + std::to_string(year) + "年部分节假日安排的通知";
}

}  // namespace

void Calendar::add_holiday_cn(std::string_view json, std::string_view source) {
    const std::string file(source);
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(json.begin(), json.end());
    } catch (const nlohmann::json::exception& error) {  // parse_error, or out_of_range for a number beyond double
        throw InvalidInput(std::string("malformed JSON: ") + error.what(), Location{file, 0, ""});
    }
    const auto require = [&](bool ok, const std::string& field, const std::string& problem) {
        if (!ok) throw InvalidInput(problem, Location{file, 0, field});
    };
    require(document.is_object(), "", "expected a JSON object with year, papers and days");
    require(document.contains("year") && document["year"].is_number_integer(), "year", "'year' must be an integer");
    require(document.contains("days") && document["days"].is_array(), "days", "'days' must be an array");
    const int year = document["year"].get<int>();
    std::string papers;
    if (document.contains("papers")) {
        require(document["papers"].is_array(), "papers", "'papers' must be an array of strings");
        for (const auto& paper : document["papers"]) {
            require(paper.is_string(), "papers", "'papers' must be an array of strings");
            papers += (papers.empty() ? "" : " ") + paper.get<std::string>();
        }
    }
    if (document["days"].empty()) {
        return;  // not published yet (holiday-cn keeps an empty file until the notice is out)
    }
    std::vector<NoticeDay> days;
    std::size_t index = 0;
    for (const auto& entry : document["days"]) {
        const std::string field = "days[" + std::to_string(index++) + "]";
        require(entry.is_object() && entry.contains("date") && entry["date"].is_string() && entry.contains("isOffDay") &&
                    entry["isOffDay"].is_boolean() && entry.contains("name") && entry["name"].is_string(),
                field, "each day needs a string 'name', a string 'date' and a boolean 'isOffDay'");
        Date date{};
        try {
            date = parse_date(entry["date"].get<std::string>());
        } catch (const InvalidInput& error) {
            throw InvalidInput(error.problem(), Location{file, 0, field});
        }
        const int date_year = static_cast<int>(date.year());
        require(date_year == year || date_year == year - 1, field,
                "date " + to_string(date) + " is neither in " + std::to_string(year) + " nor in the December before");
        days.push_back(NoticeDay{date, !entry["isOffDay"].get<bool>(), entry["name"].get<std::string>(), Location{file, 0, field}});
    }
    // Conflicts inside the file are errors too.
    std::stable_sort(days.begin(), days.end(), [](const NoticeDay& a, const NoticeDay& b) { return a.date < b.date; });
    for (std::size_t i = 1; i < days.size(); ++i) {
        if (days[i].date == days[i - 1].date && days[i].working != days[i - 1].working) {
            throw InvalidInput(to_string(days[i].date) + " is listed twice with conflicting values", days[i].where);
        }
    }
    CalendarLoader::add(*this, {HolidayNotice{year, standard_title(year), papers.empty() ? file : papers}}, std::move(days));
}

Calendar Calendar::from_holiday_cn(std::span<const std::filesystem::path> files) {
    Calendar calendar;
    for (const auto& file : files) {
        calendar.add_holiday_cn(detail::read_text_file(file), file.filename().string());
    }
    return calendar;
}

Calendar Calendar::china() {
    static const Calendar shipped = [] {
        Calendar calendar;
        // Notices: year,title,source (several rows for a year with supplementary notices).
        std::vector<std::vector<HolidayNotice>> by_year;
        detail::CsvReader notices(detail::china_notices_csv_text(), "china-notices.csv (embedded)");
        notices.next();  // header
        while (notices.next()) {
            const auto& f = notices.fields();
            const int year = std::stoi(std::string(f[0]));
            if (by_year.empty() || by_year.back().front().year != year) by_year.emplace_back();
            by_year.back().push_back(HolidayNotice{year, std::string(f[1]), std::string(f[2])});
        }
        // Days: date,working,name,notice_year.
        std::vector<std::vector<NoticeDay>> days(by_year.size());
        detail::CsvReader reader(detail::china_days_csv_text(), "china-days.csv (embedded)");
        reader.next();
        while (reader.next()) {
            const auto& f = reader.fields();
            const int year = std::stoi(std::string(f[3]));
            const auto at = std::find_if(by_year.begin(), by_year.end(), [&](const auto& n) { return n.front().year == year; });
            if (at == by_year.end()) throw InvalidInput("no notice for year " + std::to_string(year), reader.where("notice_year"));
            days[static_cast<std::size_t>(at - by_year.begin())].push_back(
                NoticeDay{parse_date(f[0]), f[1] == "1", std::string(f[2]), reader.where()});
        }
        for (std::size_t y = 0; y < by_year.size(); ++y) {
            CalendarLoader::add(calendar, by_year[y], std::move(days[y]));
        }
        return calendar;
    }();
    return shipped;
}

}  // namespace grassroots
