// The database interface over SQLite (the sqlite3 wrapper in sqlite.hpp): `$N` placeholders are
// bound by name, transactions are BEGIN IMMEDIATE (the one write lock: appends are serialised).
#include <sqlite3.h>

#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "grassroots/error.hpp"
#include "store/database.hpp"
#include "store/sqlite.hpp"

namespace grassroots::detail {

namespace {

constexpr Dialect sqlite_dialect{
    .name = "sqlite",
    .blob = "BLOB",
    .int64_key = "INTEGER PRIMARY KEY",
    .auto_id = "INTEGER PRIMARY KEY",
    .without_rowid = "WITHOUT ROWID",
    .now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
    .rows_per_insert = 1,
};

// @p sql with its parameters $1, $2 … $n (each once, in this order) as anonymous `?`, or nothing when
// they are not so. SQLite numbers `?` as it reads them, but looks every named parameter up in its list
// of names while parsing and generating code — quadratic: preparing a 100-row INSERT of 13 columns took
// milliseconds, each time a connection first used it.
std::optional<std::string> anonymous_parameters(std::string_view sql) {
    std::string out;
    out.reserve(sql.size());
    int next = 1;
    for (std::size_t i = 0; i < sql.size();) {
        if (sql[i] != '$') {
            out += sql[i++];
            continue;
        }
        const char* digits = sql.data() + i + 1;
        int n = 0;
        const auto [end, error] = std::from_chars(digits, sql.data() + sql.size(), n);
        if (error != std::errc{} || n != next) return std::nullopt;
        ++next;
        out += '?';
        i = static_cast<std::size_t>(end - sql.data());
    }
    return out;
}

class SqliteDbStatement final : public Statement {
public:
    SqliteDbStatement(SqliteConnection& connection, std::string_view sql) : statement_(connection, sql) {
        // $N -> SQLite's own parameter index (SQLite numbers distinct names in order of appearance;
        // an anonymous `?`, which anonymous_parameters made of $i, is its own index i).
        const int count = sqlite3_bind_parameter_count(statement_.handle());
        for (int i = 1; i <= count; ++i) {
            const char* name = sqlite3_bind_parameter_name(statement_.handle(), i);
            int n = name == nullptr ? i : 0;
            if (name != nullptr && name[0] == '$') {
                const std::string_view digits(name + 1);
                std::from_chars(digits.data(), digits.data() + digits.size(), n);
            }
            if (n >= 1) {
                if (static_cast<std::size_t>(n) >= index_.size()) {
                    index_.resize(static_cast<std::size_t>(n) + 1, 0);
                }
                index_[static_cast<std::size_t>(n)] = i;
            }
        }
    }

    void bind(int index, std::int64_t value) override { statement_.bind(at(index), value); }
    void bind_text(int index, std::string_view text) override { statement_.bind(at(index), text); }
    void bind_blob(int index, std::span<const std::uint8_t> bytes) override {
        statement_.bind_blob(at(index), bytes.data(), bytes.size());
    }
    void bind_null(int index) override { statement_.bind_null(at(index)); }
    void bind_text_view(int index, std::string_view text) override {
        statement_.bind(at(index), text, SqliteStatement::Lifetime::until_reset);
    }
    void bind_blob_view(int index, std::span<const std::uint8_t> bytes) override {
        statement_.bind_blob(at(index), bytes.data(), bytes.size(), SqliteStatement::Lifetime::until_reset);
    }
    bool step() override { return statement_.step(); }
    void reset() override { statement_.reset(); }
    [[nodiscard]] bool column_is_null(int index) const override { return statement_.column_is_null(index); }
    [[nodiscard]] std::int64_t column_int(int index) const override { return statement_.column_int(index); }
    [[nodiscard]] std::string_view column_view(int index) const override { return statement_.column_view(index); }
    [[nodiscard]] std::vector<std::uint8_t> column_blob(int index) const override {
        return statement_.column_blob(index);
    }
    void column_blob_into(int index, std::string& out) const override {
        const auto* data = static_cast<const char*>(sqlite3_column_blob(statement_.handle(), index));
        out.assign(data == nullptr ? "" : data, data == nullptr ? 0 : static_cast<std::size_t>(sqlite3_column_bytes(statement_.handle(), index)));
    }

private:
    // SQLite's index of $N; 0 (which SQLite refuses with SQLITE_RANGE) when the statement has no $N.
    [[nodiscard]] int at(int n) const {
        return n >= 1 && static_cast<std::size_t>(n) < index_.size() ? index_[static_cast<std::size_t>(n)] : 0;
    }

    SqliteStatement statement_;
    std::vector<int> index_;
};

class SqliteDatabase final : public Database {
public:
    SqliteDatabase(const std::string& path, bool synchronous_full, int busy_timeout_ms, const std::string& vfs)
        : connection_(path, vfs) {
        sqlite3_busy_timeout(connection_.handle(), busy_timeout_ms);
        connection_.exec("PRAGMA journal_mode=WAL");  // the first read: a non-SQLite file fails here
        connection_.exec(synchronous_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
        connection_.exec("PRAGMA foreign_keys=ON");
        // Deleted content (a forgotten person's wrapped key) is overwritten with zeros, not left in free space.
        connection_.exec("PRAGMA secure_delete=ON");
    }

    [[nodiscard]] const Dialect& dialect() const noexcept override { return sqlite_dialect; }
    [[nodiscard]] const std::string& location() const noexcept override { return connection_.file(); }
    [[nodiscard]] std::unique_ptr<Statement> prepare(std::string_view sql) override {
        if (const std::optional<std::string> anonymous = anonymous_parameters(sql)) {
            return std::make_unique<SqliteDbStatement>(connection_, *anonymous);
        }
        return std::make_unique<SqliteDbStatement>(connection_, sql);
    }
    void exec(std::string_view sql) override { connection_.exec(sql); }
    void lock_appends() override {}

protected:
    void begin() override { connection_.exec("BEGIN IMMEDIATE"); }
    void commit() override { connection_.exec("COMMIT"); }
    void rollback() noexcept override { sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr); }

private:
    SqliteConnection connection_;
};

}  // namespace

std::unique_ptr<Database> open_sqlite_database(const std::string& path, bool synchronous_full, int busy_timeout_ms,
                                               const std::string& vfs) {
    if (!vfs.empty() && sqlite3_vfs_find(vfs.c_str()) == nullptr) {
        throw InvalidInput("Store::open: no SQLite VFS named '" + vfs +
                           "' is registered (leave vfs empty for SQLite's default)");
    }
    return std::make_unique<SqliteDatabase>(path, synchronous_full, busy_timeout_ms, vfs);
}

}  // namespace grassroots::detail
