// A thin RAII wrapper over the sqlite3 C API (internal to the store): a connection, prepared
// statements and a BEGIN IMMEDIATE transaction. Every failure throws grassroots::FileError naming
// the file, what was being done, and SQLite's own message.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace grassroots::detail {

/// An open sqlite3 connection; closed on destruction.
class SqliteConnection {
public:
    /// Opens (creating if missing) @p file read-write through the VFS named @p vfs ("": the default).
    explicit SqliteConnection(std::string file, const std::string& vfs = {});
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    /// Runs one or more statements without results.
    void exec(std::string_view sql);
    /// Throws FileError for @p code ("<file>: <what>: <sqlite message>").
    [[noreturn]] void fail(int code, std::string_view what) const;
    /// The raw handle.
    [[nodiscard]] sqlite3* handle() const noexcept { return db_; }
    /// The file name.
    [[nodiscard]] const std::string& file() const noexcept { return file_; }

private:
    std::string file_;
    sqlite3* db_ = nullptr;
};

/// A prepared statement; finalised on destruction. Bind indexes are 1-based.
class SqliteStatement {
public:
    SqliteStatement(SqliteConnection& connection, std::string_view sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    /// How long bound text or bytes stay valid: copied by SQLite, or kept by the caller until reset().
    enum class Lifetime { copied, until_reset };

    void bind(int index, std::int64_t value);
    void bind(int index, std::string_view text, Lifetime lifetime = Lifetime::copied);
    void bind_blob(int index, const void* data, std::size_t size, Lifetime lifetime = Lifetime::copied);
    void bind_null(int index);
    void bind_text_or_null(int index, std::string_view text);  ///< SQL NULL for an empty text
    /// Steps once: true when a row is ready, false when done.
    bool step();
    /// Resets for another run and clears the bindings.
    void reset();
    [[nodiscard]] std::int64_t column_int(int index) const;
    [[nodiscard]] std::string column_text(int index) const;  ///< "" for NULL
    /// The text of a column without a copy ("" for NULL), valid until the next step() or reset().
    [[nodiscard]] std::string_view column_view(int index) const;
    [[nodiscard]] bool column_is_null(int index) const;
    /// The bytes of a BLOB column ({} for NULL).
    [[nodiscard]] std::vector<std::uint8_t> column_blob(int index) const;
    /// The raw handle.
    [[nodiscard]] sqlite3_stmt* handle() const noexcept { return statement_; }

private:
    static sqlite3_destructor_type destructor(Lifetime lifetime);

    SqliteConnection& connection_;
    sqlite3_stmt* statement_ = nullptr;
    std::string sql_;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() was called.
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteConnection& connection);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;
    void commit();

private:
    SqliteConnection& connection_;
    bool open_ = true;
};

}  // namespace grassroots::detail
