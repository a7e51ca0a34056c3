// The vault's tables on SQLite. Placeholders are written $1, $2 … in order of first appearance:
// SQLite takes "$N" as a NAMED parameter and numbers it by where it first appears, not by N. Forgetting scrubs: secure_delete (set for the connection) zeroes the
// erased key in its page, and a TRUNCATE checkpoint moves the new page into the main file and
// empties the WAL, so no old copy of the wrapped key stays in either file.
#include <sqlite3.h>

#include "grassroots/error.hpp"
#include "store/sqlite.hpp"
#include "store/vault_tables.hpp"

namespace grassroots::detail {

namespace {

constexpr const char* person_columns =
    "SELECT pseudonym, cipher, wrapped_key, registered_at, coalesce(forgotten_at, 0) FROM vault_people ";

class SqliteVaultTables final : public VaultTables {
public:
    explicit SqliteVaultTables(SqliteConnection& db) : db_(db) {}

    std::optional<Bytes> key_check(const std::string& name) override {
        SqliteStatement statement(db_, "SELECT check_value FROM vault_key_checks WHERE name = $1");
        statement.bind(1, name);
        if (!statement.step()) {
            return std::nullopt;
        }
        return statement.column_blob(0);
    }

    void init_key_checks(const Bytes& master, const Bytes& pseudonym) override {
        SqliteTransaction transaction(db_);
        SqliteStatement insert(db_,
                               "INSERT INTO vault_key_checks(name, check_value) VALUES ($1, $2) "
                               "ON CONFLICT(name) DO NOTHING");
        insert.bind(1, std::string_view("master"));
        insert.bind_blob(2, master.data(), master.size());
        insert.step();
        insert.reset();
        insert.bind(1, std::string_view("pseudonym"));
        insert.bind_blob(2, pseudonym.data(), pseudonym.size());
        insert.step();
        transaction.commit();
    }

    std::optional<VaultPersonRow> person(const std::string& pseudonym) override {
        SqliteStatement statement(db_, std::string(person_columns) + "WHERE pseudonym = $1");
        statement.bind(1, pseudonym);
        if (!statement.step()) {
            return std::nullopt;
        }
        return row(statement);
    }

    std::vector<VaultPersonRow> people() override {
        SqliteStatement statement(db_, std::string(person_columns) + "ORDER BY pseudonym");
        std::vector<VaultPersonRow> out;
        while (statement.step()) {
            out.push_back(row(statement));
        }
        return out;
    }

    std::vector<VaultValueRow> values(const std::string& pseudonym) override {
        SqliteStatement statement(db_,
                                  "SELECT field, seq, sealed FROM vault_values WHERE pseudonym = $1 ORDER BY field, seq");
        statement.bind(1, pseudonym);
        std::vector<VaultValueRow> out;
        while (statement.step()) {
            out.push_back({statement.column_text(0), statement.column_int(1), statement.column_blob(2)});
        }
        return out;
    }

    bool add_person(const VaultPersonRow& person, const std::vector<VaultValueRow>& values) override {
        SqliteTransaction transaction(db_);
        SqliteStatement insert(db_,
                               "INSERT INTO vault_people(pseudonym, cipher, wrapped_key, registered_at) "
                               "VALUES ($1, $2, $3, $4) ON CONFLICT(pseudonym) DO NOTHING");
        insert.bind(1, person.pseudonym);
        insert.bind(2, person.cipher);
        insert.bind_blob(3, person.wrapped_key->data(), person.wrapped_key->size());
        insert.bind(4, person.registered_at_us);
        insert.step();
        if (sqlite3_changes(db_.handle()) == 0) {
            return false;  // registered meanwhile (another connection): the transaction rolls back
        }
        insert_values(person.pseudonym, values);
        transaction.commit();
        return true;
    }

    void add_values(const std::string& pseudonym, const std::vector<VaultValueRow>& values) override {
        SqliteTransaction transaction(db_);
        insert_values(pseudonym, values);
        transaction.commit();
    }

    void forget(const std::string& pseudonym, std::int64_t at_us) override {
        {
            SqliteTransaction transaction(db_);
            SqliteStatement update(db_,
                                   "UPDATE vault_people SET wrapped_key = NULL, forgotten_at = $1 "
                                   "WHERE pseudonym = $2 AND wrapped_key IS NOT NULL");
            update.bind(1, at_us);
            update.bind(2, pseudonym);
            update.step();
            transaction.commit();
        }
        // Best effort: a reader holding an old snapshot keeps the checkpoint from finishing (the
        // next checkpoint then completes the scrub).
        db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    void rewrap(const std::function<Bytes(const std::string&, const Bytes&)>& rewrap,
                const Bytes& master_check) override {
        SqliteTransaction transaction(db_);
        std::vector<std::pair<std::string, Bytes>> keys;
        {
            SqliteStatement select(db_, "SELECT pseudonym, wrapped_key FROM vault_people WHERE wrapped_key IS NOT NULL");
            while (select.step()) {
                keys.emplace_back(select.column_text(0), select.column_blob(1));
            }
        }
        SqliteStatement update(db_, "UPDATE vault_people SET wrapped_key = $1 WHERE pseudonym = $2");
        for (const auto& [pseudonym, wrapped] : keys) {
            const Bytes rewrapped = rewrap(pseudonym, wrapped);
            update.reset();
            update.bind_blob(1, rewrapped.data(), rewrapped.size());
            update.bind(2, pseudonym);
            update.step();
        }
        SqliteStatement check(db_, "UPDATE vault_key_checks SET check_value = $1 WHERE name = 'master'");
        check.bind_blob(1, master_check.data(), master_check.size());
        check.step();
        transaction.commit();
        db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");  // no copy wrapped under the old key stays behind
    }

private:
    static VaultPersonRow row(const SqliteStatement& statement) {
        VaultPersonRow out;
        out.pseudonym = statement.column_text(0);
        out.cipher = statement.column_text(1);
        if (!statement.column_is_null(2)) {
            out.wrapped_key = statement.column_blob(2);
        }
        out.registered_at_us = statement.column_int(3);
        out.forgotten_at_us = statement.column_int(4);
        return out;
    }

    void insert_values(const std::string& pseudonym, const std::vector<VaultValueRow>& values) {
        SqliteStatement insert(db_, "INSERT INTO vault_values(pseudonym, field, seq, sealed) VALUES ($1, $2, $3, $4)");
        for (const VaultValueRow& value : values) {
            insert.reset();
            insert.bind(1, pseudonym);
            insert.bind(2, value.field);
            insert.bind(3, value.seq);
            insert.bind_blob(4, value.sealed.data(), value.sealed.size());
            insert.step();
        }
    }

    SqliteConnection& db_;
};

}  // namespace

std::unique_ptr<VaultTables> sqlite_vault_tables(SqliteConnection& connection) {
    return std::make_unique<SqliteVaultTables>(connection);
}

}  // namespace grassroots::detail
