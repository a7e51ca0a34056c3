/// @file vault.hpp
/// @brief The vault (个人信息保管库): residents' personal information in the store, encrypted per
/// person, reachable from events only through a keyed pseudonym, and erasable by forgetting the
/// person's key (crypto-shredding) while the events stay intact.
///
/// Each registered person gets a random data key, stored wrapped (AES-256-GCM) under the vault's
/// master key; their clear values (citizen ID number, phone numbers, name) are stored encrypted
/// under the data key (AES-256-GCM, or SM4-GCM where OpenSSL offers it), each bound through its
/// associated data to the person and the field. Events carry only the pseudonym: the hex
/// HMAC-SHA256 of the normalised ID number under the pseudonym key. Both keys are kept outside the
/// store (SecretKey: bytes, a key file or an environment variable). See docs/store.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "grassroots/privacy/crypto.hpp"
#include "grassroots/privacy/identity.hpp"
#include "grassroots/privacy/secret_key.hpp"
#include "grassroots/store/store.hpp"

namespace grassroots {

/// @brief A person's identifiers as revealed from the vault: shown masked unless asked explicitly.
class Resident {
public:
    /// @brief A resident with @p pseudonym, @p citizen_id, @p phones and @p name ("" if none).
    Resident(std::string pseudonym, CitizenId citizen_id, std::vector<PhoneNumber> phones, std::string name)
        : pseudonym_(std::move(pseudonym)), citizen_id_(std::move(citizen_id)), phones_(std::move(phones)),
          name_(std::move(name)) {}

    /// @brief The keyed pseudonym that events carry.
    [[nodiscard]] const std::string& pseudonym() const noexcept { return pseudonym_; }
    /// @brief The citizen ID number (masked when printed; clear_text() for the number).
    [[nodiscard]] const CitizenId& citizen_id() const noexcept { return citizen_id_; }
    /// @brief The phone numbers, in the order registered (masked when printed).
    [[nodiscard]] const std::vector<PhoneNumber>& phones() const noexcept { return phones_; }
    /// @brief The clear name ("" if none was given): call it only where the clear name is needed.
    [[nodiscard]] const std::string& clear_name() const noexcept { return name_; }
    /// @brief The masked name ("张*"; "" if none).
    [[nodiscard]] std::string masked_name() const;

private:
    std::string pseudonym_;
    CitizenId citizen_id_;
    std::vector<PhoneNumber> phones_;
    std::string name_;
};

/// @brief "Resident(<pseudonym 12 chars>…, 110105********002X, 138****1234, 张*)": masked only.
[[nodiscard]] std::string to_string(const Resident& resident);

/// @brief A person's vault record without its values (readable without decrypting anything).
struct VaultEntry {
    std::string pseudonym;              ///< The keyed pseudonym.
    Cipher cipher = Cipher::aes_256_gcm;  ///< The cipher of the person's values.
    std::int64_t registered_at_us = 0;  ///< When registered, µs since 1970-01-01 UTC.
    std::int64_t forgotten_at_us = 0;   ///< When forgotten (their key erased), 0 if not.

    /// @brief True once the person was forgotten.
    [[nodiscard]] bool forgotten() const noexcept { return forgotten_at_us != 0; }
    /// @brief Field-by-field equality.
    friend bool operator==(const VaultEntry&, const VaultEntry&) = default;
};

/// @brief The vault of a Store, opened with its two keys (the Store must outlive it).
///
/// Errors: a key that does not match the one this store's vault was first opened with throws
/// InvalidInput naming which key (by fingerprint, never the key); an unknown pseudonym NotFound;
/// revealing a forgotten person RuleViolation "vault.forgotten"; registering a forgotten person again
/// RuleViolation "vault.forgotten"; a cipher OpenSSL lacks NotFound. A failed call writes nothing.
class Vault {
public:
    /// @brief Opens @p store's vault with @p master_key (exactly 32 bytes) and @p pseudonym_key; the
    /// first opening records both keys' check values, later ones must give the same keys. New
    /// people's values are encrypted with @p cipher.
    [[nodiscard]] static Vault open(Store& store, SecretKey master_key, SecretKey pseudonym_key,
                                    Cipher cipher = Cipher::aes_256_gcm);

    /// @brief The pseudonym of @p id under this vault's pseudonym key (nothing is written).
    [[nodiscard]] std::string pseudonym_of(const CitizenId& id) const;
    /// @brief Registers the person with @p id (with @p phones and @p name, "" for none) and returns
    /// their pseudonym. Registering a registered person again writes no second record: phones not
    /// yet held are added, and the name if none was held.
    std::string register_person(const CitizenId& id, const std::vector<PhoneNumber>& phones = {},
                                const std::string& name = "");
    /// @brief The clear values of the person with @p pseudonym (NotFound if unknown, RuleViolation
    /// "vault.forgotten" once forgotten).
    [[nodiscard]] Resident reveal(const std::string& pseudonym) const;
    /// @brief Forgets the person: erases their wrapped data key, so their values can never be
    /// decrypted again; the events and the encrypted values stay. True when forgotten now, false if
    /// they were already; NotFound if unknown.
    bool forget(const std::string& pseudonym);
    /// @brief The record of @p pseudonym, if any.
    [[nodiscard]] std::optional<VaultEntry> entry(const std::string& pseudonym) const;
    /// @brief Every record, forgotten ones included, by pseudonym.
    [[nodiscard]] std::vector<VaultEntry> entries() const;
    /// @brief Every person not forgotten, revealed, by pseudonym.
    [[nodiscard]] std::vector<Resident> residents() const;
    /// @brief Re-wraps every person's data key under @p new_master_key in one transaction; from then
    /// on the vault opens only with the new key.
    void rotate_master_key(const SecretKey& new_master_key);
    /// @brief The fingerprint of the master key in use.
    [[nodiscard]] std::string master_key_fingerprint() const { return master_key_.fingerprint(); }
    /// @brief The fingerprint of the pseudonym key in use.
    [[nodiscard]] std::string pseudonym_key_fingerprint() const { return pseudonym_key_.fingerprint(); }

private:
    Vault(Store& store, SecretKey master_key, SecretKey pseudonym_key, Cipher cipher)
        : store_(&store), master_key_(std::move(master_key)), pseudonym_key_(std::move(pseudonym_key)),
          cipher_(cipher) {}
    Store* store_;
    SecretKey master_key_;
    SecretKey pseudonym_key_;
    Cipher cipher_;
};

}  // namespace grassroots
