// What the database implementations share: errors and the DDL tokens.
#include "store/database.hpp"

#include <array>
#include <utility>

#include "grassroots/error.hpp"

namespace grassroots::detail {

void Database::fail(std::string_view what, std::string_view message, bool unique_violation) const {
    std::string text = location() + ": " + std::string(what) + ": " + std::string(message);
    if (unique_violation) throw UniqueViolation(text);
    throw FileError(text);
}

std::string Database::ddl(std::string_view sql) const {
    const Dialect& d = dialect();
    const std::array<std::pair<std::string_view, std::string_view>, 5> tokens{{
        {"{blob}", d.blob},
        {"{int64_key}", d.int64_key},
        {"{auto_id}", d.auto_id},
        {"{without_rowid}", d.without_rowid},
        {"{now}", d.now},
    }};
    std::string out(sql);
    for (const auto& [token, spelling] : tokens) {
        for (std::size_t at = out.find(token); at != std::string::npos; at = out.find(token, at + spelling.size())) {
            out.replace(at, token.size(), spelling);
        }
    }
    return out;
}

}  // namespace grassroots::detail
