// The vault's tables, written once over the store's database interface (SQLite and PostgreSQL).
// Forgetting scrubs on SQLite: secure_delete (set for the connection) zeroes the erased key in its
// page, and a TRUNCATE checkpoint moves the new page into the main file and empties the WAL, so no
// old copy of the wrapped key stays in either file. On PostgreSQL the old row version stays in the
// table file until VACUUM reuses its space (see docs/store.md).
#include "grassroots/error.hpp"
#include "store/database.hpp"
#include "store/vault_tables.hpp"

namespace grassroots::detail {

namespace {

constexpr const char* person_columns =
    "SELECT pseudonym, cipher, wrapped_key, registered_at, coalesce(forgotten_at, 0) FROM vault_people ";

class DatabaseVaultTables final : public VaultTables {
public:
    explicit DatabaseVaultTables(Database& db) : db_(db) {}

    std::optional<Bytes> key_check(const std::string& name) override {
        const auto statement = db_.prepare("SELECT check_value FROM vault_key_checks WHERE name = $1");
        statement->bind_text(1, name);
        if (!statement->step()) {
            return std::nullopt;
        }
        Bytes out = statement->column_blob(0);
        statement->reset();
        return out;
    }

    void init_key_checks(const Bytes& master, const Bytes& pseudonym) override {
        Database::Transaction transaction(db_);
        const auto insert = db_.prepare(
            "INSERT INTO vault_key_checks(name, check_value) VALUES ($1, $2) ON CONFLICT(name) DO NOTHING");
        insert->bind_text(1, "master");
        insert->bind_blob(2, master);
        insert->run();
        insert->reset();
        insert->bind_text(1, "pseudonym");
        insert->bind_blob(2, pseudonym);
        insert->run();
        insert->reset();
        transaction.commit();
    }

    std::optional<VaultPersonRow> person(const std::string& pseudonym) override {
        const auto statement = db_.prepare(std::string(person_columns) + "WHERE pseudonym = $1");
        statement->bind_text(1, pseudonym);
        if (!statement->step()) {
            return std::nullopt;
        }
        VaultPersonRow out = row(*statement);
        statement->reset();
        return out;
    }

    std::vector<VaultPersonRow> people() override {
        const auto statement = db_.prepare(std::string(person_columns) + "ORDER BY pseudonym");
        std::vector<VaultPersonRow> out;
        while (statement->step()) {
            out.push_back(row(*statement));
        }
        return out;
    }

    std::vector<VaultValueRow> values(const std::string& pseudonym) override {
        const auto statement =
            db_.prepare("SELECT field, seq, sealed FROM vault_values WHERE pseudonym = $1 ORDER BY field, seq");
        statement->bind_text(1, pseudonym);
        std::vector<VaultValueRow> out;
        while (statement->step()) {
            out.push_back({statement->column_text(0), statement->column_int(1), statement->column_blob(2)});
        }
        return out;
    }

    bool add_person(const VaultPersonRow& person, const std::vector<VaultValueRow>& values) override {
        Database::Transaction transaction(db_);
        {
            // Inside the transaction: a person registered meanwhile by another connection is seen here.
            const auto exists = db_.prepare("SELECT 1 FROM vault_people WHERE pseudonym = $1");
            exists->bind_text(1, person.pseudonym);
            if (exists->step()) {
                exists->reset();
                return false;  // the transaction rolls back
            }
        }
        const auto insert = db_.prepare(
            "INSERT INTO vault_people(pseudonym, cipher, wrapped_key, registered_at) VALUES ($1, $2, $3, $4)");
        insert->bind_text(1, person.pseudonym);
        insert->bind_text(2, person.cipher);
        insert->bind_blob(3, *person.wrapped_key);
        insert->bind(4, person.registered_at_us);
        insert->run();
        insert_values(person.pseudonym, values);
        transaction.commit();
        return true;
    }

    void add_values(const std::string& pseudonym, const std::vector<VaultValueRow>& values) override {
        Database::Transaction transaction(db_);
        insert_values(pseudonym, values);
        transaction.commit();
    }

    void forget(const std::string& pseudonym, std::int64_t at_us) override {
        {
            Database::Transaction transaction(db_);
            const auto update = db_.prepare(
                "UPDATE vault_people SET wrapped_key = NULL, forgotten_at = $1 "
                "WHERE pseudonym = $2 AND wrapped_key IS NOT NULL");
            update->bind(1, at_us);
            update->bind_text(2, pseudonym);
            update->run();
            transaction.commit();
        }
        scrub();
    }

    void rewrap(const std::function<Bytes(const std::string&, const Bytes&)>& rewrap,
                const Bytes& master_check) override {
        Database::Transaction transaction(db_);
        std::vector<std::pair<std::string, Bytes>> keys;
        {
            const auto select =
                db_.prepare("SELECT pseudonym, wrapped_key FROM vault_people WHERE wrapped_key IS NOT NULL");
            while (select->step()) {
                keys.emplace_back(select->column_text(0), select->column_blob(1));
            }
        }
        const auto update = db_.prepare("UPDATE vault_people SET wrapped_key = $1 WHERE pseudonym = $2");
        for (const auto& [pseudonym, wrapped] : keys) {
            const Bytes rewrapped = rewrap(pseudonym, wrapped);
            update->reset();
            update->bind_blob(1, rewrapped);
            update->bind_text(2, pseudonym);
            update->run();
        }
        const auto check = db_.prepare("UPDATE vault_key_checks SET check_value = $1 WHERE name = 'master'");
        check->bind_blob(1, master_check);
        check->run();
        transaction.commit();
        scrub();  // no copy wrapped under the old key stays behind
    }

private:
    // Best effort on SQLite: a reader holding an old snapshot keeps the checkpoint from finishing
    // (the next checkpoint then completes the scrub).
    void scrub() {
        if (db_.dialect().name == "sqlite") {
            db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    static VaultPersonRow row(const Statement& statement) {
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
        const auto insert =
            db_.prepare("INSERT INTO vault_values(pseudonym, field, seq, sealed) VALUES ($1, $2, $3, $4)");
        for (const VaultValueRow& value : values) {
            insert->reset();
            insert->bind_text(1, pseudonym);
            insert->bind_text(2, value.field);
            insert->bind(3, value.seq);
            insert->bind_blob(4, value.sealed);
            insert->run();
        }
    }

    Database& db_;
};

}  // namespace

std::unique_ptr<VaultTables> database_vault_tables(Database& database) {
    return std::make_unique<DatabaseVaultTables>(database);
}

}  // namespace grassroots::detail
