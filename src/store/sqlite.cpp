// The sqlite3 RAII wrapper: errors carry the file, what was being done and SQLite's message.
#include "store/sqlite.hpp"

#include <utility>

#include "grassroots/error.hpp"
#include "store/database.hpp"

namespace grassroots::detail {

SqliteConnection::SqliteConnection(std::string file, const std::string& vfs) : file_(std::move(file)) {
    const int code = sqlite3_open_v2(file_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                     vfs.empty() ? nullptr : vfs.c_str());
    if (code != SQLITE_OK) {
        const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
        sqlite3_close(db_);
        db_ = nullptr;
        throw FileError(file_ + ": cannot open the store: " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
}

SqliteConnection::~SqliteConnection() { sqlite3_close_v2(db_); }

void SqliteConnection::exec(std::string_view sql) {
    const std::string text(sql);
    char* error = nullptr;
    const int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    if (code != SQLITE_OK) {
        sqlite3_free(error);
        fail(code, "running " + text.substr(0, 60));
    }
}

void SqliteConnection::fail(int code, std::string_view what) const {
    std::string message = sqlite3_errmsg(db_);
    if (message.empty()) {
        message = sqlite3_errstr(code);
    }
    if ((code & 0xff) == SQLITE_NOTADB) {
        throw FileError(file_ + ": is not a grassroots store (not a SQLite database: " + message + ")");
    }
    std::string text = file_ + ": " + std::string(what) + ": " + message;
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
        throw UniqueViolation(text);
    }
    throw FileError(text);
}

SqliteStatement::SqliteStatement(SqliteConnection& connection, std::string_view sql)
    : connection_(connection), sql_(sql) {
    const int code = sqlite3_prepare_v3(connection_.handle(), sql_.data(), static_cast<int>(sql_.size()),
                                        SQLITE_PREPARE_PERSISTENT, &statement_, nullptr);
    if (code != SQLITE_OK) {
        connection_.fail(code, "preparing " + sql_.substr(0, 60));
    }
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

void SqliteStatement::bind(int index, std::int64_t value) {
    const int code = sqlite3_bind_int64(statement_, index, value);
    if (code != SQLITE_OK) {
        connection_.fail(code, "binding a value");
    }
}

void SqliteStatement::bind(int index, std::string_view text, Lifetime lifetime) {
    const int code = sqlite3_bind_text64(statement_, index, text.data(), text.size(), destructor(lifetime), SQLITE_UTF8);
    if (code != SQLITE_OK) {
        connection_.fail(code, "binding a text");
    }
}

void SqliteStatement::bind_blob(int index, const void* data, std::size_t size, Lifetime lifetime) {
    // A zero-length blob is bound as such, not as NULL (sqlite3_bind_blob64 takes NULL data as NULL).
    const int code = sqlite3_bind_blob64(statement_, index, size == 0 ? "" : data, size, destructor(lifetime));
    if (code != SQLITE_OK) {
        connection_.fail(code, "binding a blob");
    }
}

sqlite3_destructor_type SqliteStatement::destructor(Lifetime lifetime) {
    return lifetime == Lifetime::until_reset ? SQLITE_STATIC : SQLITE_TRANSIENT;
}

void SqliteStatement::bind_null(int index) {
    const int code = sqlite3_bind_null(statement_, index);
    if (code != SQLITE_OK) {
        connection_.fail(code, "binding NULL");
    }
}

void SqliteStatement::bind_text_or_null(int index, std::string_view text) {
    if (text.empty()) {
        bind_null(index);
    } else {
        bind(index, text);
    }
}

bool SqliteStatement::step() {
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) {
        return true;
    }
    if (code == SQLITE_DONE) {
        return false;
    }
    sqlite3_reset(statement_);
    connection_.fail(code, "running " + sql_.substr(0, 60));
}

void SqliteStatement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

std::int64_t SqliteStatement::column_int(int index) const { return sqlite3_column_int64(statement_, index); }

std::string SqliteStatement::column_text(int index) const { return std::string(column_view(index)); }

std::string_view SqliteStatement::column_view(int index) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, index));
    if (text == nullptr) {
        return {};
    }
    return {text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, index))};
}

std::vector<std::uint8_t> SqliteStatement::column_blob(int index) const {
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(statement_, index));
    if (data == nullptr) {
        return {};
    }
    return {data, data + sqlite3_column_bytes(statement_, index)};
}

bool SqliteStatement::column_is_null(int index) const { return sqlite3_column_type(statement_, index) == SQLITE_NULL; }

SqliteTransaction::SqliteTransaction(SqliteConnection& connection) : connection_(connection) {
    connection_.exec("BEGIN IMMEDIATE");
}

SqliteTransaction::~SqliteTransaction() {
    if (open_) {
        sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void SqliteTransaction::commit() {
    connection_.exec("COMMIT");
    open_ = false;
}

}  // namespace grassroots::detail
