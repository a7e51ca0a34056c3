// The vault's tables (internal): what Vault needs from the store, written once over database.hpp
// (database_vault.cpp). Everything reaching it is already encrypted: no clear value and no key
// passes through here.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "grassroots/privacy/crypto.hpp"

namespace grassroots::detail {

/// A row of vault_people.
struct VaultPersonRow {
    std::string pseudonym;
    std::string cipher;                  // "aes_256_gcm" or "sm4_gcm"
    std::optional<Bytes> wrapped_key;    // nullopt once forgotten
    std::int64_t registered_at_us = 0;
    std::int64_t forgotten_at_us = 0;    // 0: not forgotten
};

/// A row of vault_values: one encrypted value of a person.
struct VaultValueRow {
    std::string field;  // "citizen_id", "phone", "name"
    std::int64_t seq = 0;
    Bytes sealed;
};

class VaultTables {
public:
    virtual ~VaultTables() = default;
    /// The stored check value of key @p name ("master", "pseudonym"), if any.
    virtual std::optional<Bytes> key_check(const std::string& name) = 0;
    /// Records the check values of both keys if none are stored yet (one transaction).
    virtual void init_key_checks(const Bytes& master, const Bytes& pseudonym) = 0;
    virtual std::optional<VaultPersonRow> person(const std::string& pseudonym) = 0;
    virtual std::vector<VaultPersonRow> people() = 0;
    virtual std::vector<VaultValueRow> values(const std::string& pseudonym) = 0;
    /// Inserts @p person and @p values in one transaction; false (nothing written) if the pseudonym exists.
    virtual bool add_person(const VaultPersonRow& person, const std::vector<VaultValueRow>& values) = 0;
    /// Adds @p values to an existing person in one transaction.
    virtual void add_values(const std::string& pseudonym, const std::vector<VaultValueRow>& values) = 0;
    /// Erases the wrapped key and stamps @p at_us, then scrubs old copies from the files.
    virtual void forget(const std::string& pseudonym, std::int64_t at_us) = 0;
    /// In one transaction: replaces every wrapped key w of a person p by rewrap(p, w) and the master
    /// check value by @p master_check (an exception from rewrap rolls everything back).
    virtual void rewrap(const std::function<Bytes(const std::string&, const Bytes&)>& rewrap,
                        const Bytes& master_check) = 0;
};

class Database;
/// The vault's tables over an open, migrated database (database_vault.cpp), on either engine.
std::unique_ptr<VaultTables> database_vault_tables(Database& database);

}  // namespace grassroots::detail
