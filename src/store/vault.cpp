// The vault: per-person data keys wrapped under the master key, values sealed under the data key
// with associated data naming person and field, keyed pseudonyms, forgetting and key rotation.
#include "grassroots/store/vault.hpp"

#include <openssl/crypto.h>

#include <algorithm>
#include <chrono>

#include "grassroots/error.hpp"
#include "grassroots/privacy/screening.hpp"
#include "store/backend.hpp"

namespace grassroots {

namespace {

constexpr std::string_view ad_prefix = "grassroots.vault.v1|";
constexpr std::string_view master_check_label = "grassroots.vault.master-key-check";
constexpr std::string_view pseudonym_check_label = "grassroots.vault.pseudonym-key-check";
// Far enough ahead that a stored ID number always parses again, whatever today is.
const Date any_day{std::chrono::year{2099}, std::chrono::month{12}, std::chrono::day{31}};

std::int64_t now_us() {
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

Bytes key_ad(const std::string& pseudonym) { return to_bytes(std::string(ad_prefix) + pseudonym + "|data_key"); }

Bytes value_ad(const std::string& pseudonym, const std::string& field, std::int64_t seq) {
    return to_bytes(std::string(ad_prefix) + pseudonym + "|" + field + "|" + std::to_string(seq));
}

Bytes check_value(const SecretKey& key, std::string_view label) { return hmac(key.clear_bytes(), to_bytes(label)); }

Cipher cipher_named(const std::string& name, const std::string& pseudonym) {
    for (const auto& entry : enum_names(Cipher{})) {
        if (entry.name == name) return entry.value;
    }
    throw Error("vault record " + pseudonym.substr(0, 12) + "…: unknown cipher '" + name + "'");
}

std::string short_name(const std::string& pseudonym) {
    return pseudonym.size() > 12 ? pseudonym.substr(0, 12) + "…" : pseudonym;
}

// A secure wipe of a byte buffer leaving scope.
struct Wiped {
    Bytes bytes;
    ~Wiped() {
        if (!bytes.empty()) OPENSSL_cleanse(bytes.data(), bytes.size());
    }
};

// The clear values of @p pseudonym (the caller holds the store's mutex).
Resident reveal_from(detail::VaultTables& tables, const SecretKey& master_key, const std::string& pseudonym) {
    const auto person = tables.person(pseudonym);
    if (!person) {
        throw NotFound("reveal: no person with pseudonym '" + short_name(pseudonym) + "' in the vault");
    }
    if (!person->wrapped_key) {
        throw RuleViolation("vault.forgotten", "reveal: the person " + short_name(pseudonym) +
                                                   " was forgotten (their key erased): their values cannot be "
                                                   "decrypted by anyone any more");
    }
    const Cipher cipher = cipher_named(person->cipher, pseudonym);
    const Wiped data_key{decrypt(*person->wrapped_key, master_key.clear_bytes(), key_ad(pseudonym))};
    std::optional<CitizenId> id;
    std::vector<PhoneNumber> phones;
    std::string name;
    for (const detail::VaultValueRow& value : tables.values(pseudonym)) {
        Wiped clear{decrypt(value.sealed, data_key.bytes, value_ad(pseudonym, value.field, value.seq), cipher)};
        const std::string text(clear.bytes.begin(), clear.bytes.end());
        if (value.field == "citizen_id") {
            id = CitizenId::parse(text, any_day);
        } else if (value.field == "phone") {
            phones.push_back(PhoneNumber::parse(text));
        } else if (value.field == "name") {
            name = text;
        }
    }
    if (!id) {
        throw Error("reveal: the vault record of " + short_name(pseudonym) + " has no citizen ID number");
    }
    return Resident(pseudonym, *id, std::move(phones), std::move(name));
}

}  // namespace

std::string Resident::masked_name() const { return mask_name(name_); }

std::string to_string(const Resident& resident) {
    std::string out = "Resident(" + short_name(resident.pseudonym()) + ", " + resident.citizen_id().masked();
    for (const PhoneNumber& phone : resident.phones()) {
        out += ", " + phone.masked();
    }
    if (!resident.clear_name().empty()) {
        out += ", " + resident.masked_name();
    }
    return out + ")";
}

Vault Vault::open(Store& store, SecretKey master_key, SecretKey pseudonym_key, Cipher cipher) {
    if (master_key.size() != key_size(Cipher::aes_256_gcm)) {
        throw InvalidInput("Vault::open: the master key must have 32 bytes (an AES-256 key), not " +
                           std::to_string(master_key.size()));
    }
    if (pseudonym_key.size() < min_pseudonym_key_size) {
        throw InvalidInput("Vault::open: the pseudonym key must have at least " +
                           std::to_string(min_pseudonym_key_size) + " bytes");
    }
    if (!cipher_available(cipher)) {
        throw NotFound("Vault::open: the cipher " + std::string(to_string(cipher)) +
                       " is not offered by the OpenSSL in use");
    }
    const std::lock_guard lock(*store.mutex_);
    detail::VaultTables& tables = store.backend_->vault_tables();
    const Bytes master_check = check_value(master_key, master_check_label);
    const Bytes pseudonym_check = check_value(pseudonym_key, pseudonym_check_label);
    const auto stored_master = tables.key_check("master");
    const auto stored_pseudonym = tables.key_check("pseudonym");
    if (stored_master && *stored_master != master_check) {
        throw InvalidInput("Vault::open: the master key (fingerprint " + master_key.fingerprint() +
                           ") is not the one this store's vault uses: nothing can be decrypted with it");
    }
    if (stored_pseudonym && *stored_pseudonym != pseudonym_check) {
        throw InvalidInput("Vault::open: the pseudonym key (fingerprint " + pseudonym_key.fingerprint() +
                           ") is not the one this store's vault uses: its pseudonyms would not match the events");
    }
    if (!stored_master || !stored_pseudonym) {
        tables.init_key_checks(master_check, pseudonym_check);
    }
    return Vault(store, std::move(master_key), std::move(pseudonym_key), cipher);
}

std::string Vault::pseudonym_of(const CitizenId& id) const { return pseudonym(id, pseudonym_key_.clear_bytes()); }

std::string Vault::register_person(const CitizenId& id, const std::vector<PhoneNumber>& phones, const std::string& name) {
    const std::lock_guard lock(*store_->mutex_);
    if (!name.empty() && find_identifier(name)) {
        throw InvalidInput("Vault::register_person: the name holds a citizen ID or phone number");
    }
    const std::string alias = pseudonym_of(id);
    detail::VaultTables& tables = store_->backend_->vault_tables();
    // Phones given twice count once.
    std::vector<PhoneNumber> unique_phones;
    for (const PhoneNumber& phone : phones) {
        if (std::find(unique_phones.begin(), unique_phones.end(), phone) == unique_phones.end()) {
            unique_phones.push_back(phone);
        }
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (const auto existing = tables.person(alias)) {
            if (!existing->wrapped_key) {
                throw RuleViolation("vault.forgotten", "register_person: this person (" + short_name(alias) +
                                                           ") was forgotten; their pseudonym is not reused");
            }
            const Resident held = reveal_from(tables, master_key_, alias);
            const Wiped data_key{decrypt(*existing->wrapped_key, master_key_.clear_bytes(), key_ad(alias))};
            const Cipher cipher = cipher_named(existing->cipher, alias);
            std::vector<detail::VaultValueRow> added;
            std::int64_t seq = static_cast<std::int64_t>(held.phones().size());
            for (const PhoneNumber& phone : unique_phones) {
                if (std::find(held.phones().begin(), held.phones().end(), phone) != held.phones().end()) continue;
                added.push_back({"phone", seq, encrypt(to_bytes(phone.clear_text()), data_key.bytes,
                                                       value_ad(alias, "phone", seq), cipher)});
                ++seq;
            }
            if (!name.empty() && held.clear_name().empty()) {
                added.push_back({"name", 0, encrypt(to_bytes(name), data_key.bytes, value_ad(alias, "name", 0), cipher)});
            }
            if (!added.empty()) {
                tables.add_values(alias, added);
            }
            return alias;
        }
        const Wiped data_key{generate_key(cipher_)};
        std::vector<detail::VaultValueRow> values;
        values.push_back({"citizen_id", 0, encrypt(to_bytes(id.clear_text()), data_key.bytes,
                                                   value_ad(alias, "citizen_id", 0), cipher_)});
        for (std::size_t i = 0; i < unique_phones.size(); ++i) {
            const auto seq = static_cast<std::int64_t>(i);
            values.push_back({"phone", seq, encrypt(to_bytes(unique_phones[i].clear_text()), data_key.bytes,
                                                    value_ad(alias, "phone", seq), cipher_)});
        }
        if (!name.empty()) {
            values.push_back({"name", 0, encrypt(to_bytes(name), data_key.bytes, value_ad(alias, "name", 0), cipher_)});
        }
        const detail::VaultPersonRow row{.pseudonym = alias,
                                         .cipher = std::string(to_string(cipher_)),
                                         .wrapped_key = encrypt(data_key.bytes, master_key_.clear_bytes(), key_ad(alias)),
                                         .registered_at_us = now_us(),
                                         .forgotten_at_us = 0};
        if (tables.add_person(row, values)) {
            return alias;
        }
        // Registered by another connection meanwhile: go round once more and extend that record.
    }
    throw Error("register_person: the record of " + short_name(alias) + " changed twice while registering");
}

Resident Vault::reveal(const std::string& pseudonym) const {
    const std::lock_guard lock(*store_->mutex_);
    return reveal_from(store_->backend_->vault_tables(), master_key_, pseudonym);
}

bool Vault::forget(const std::string& pseudonym) {
    const std::lock_guard lock(*store_->mutex_);
    detail::VaultTables& tables = store_->backend_->vault_tables();
    const auto person = tables.person(pseudonym);
    if (!person) {
        throw NotFound("forget: no person with pseudonym '" + short_name(pseudonym) + "' in the vault");
    }
    if (!person->wrapped_key) {
        return false;
    }
    tables.forget(pseudonym, now_us());
    return true;
}

std::optional<VaultEntry> Vault::entry(const std::string& pseudonym) const {
    const std::lock_guard lock(*store_->mutex_);
    const auto person = store_->backend_->vault_tables().person(pseudonym);
    if (!person) {
        return std::nullopt;
    }
    return VaultEntry{person->pseudonym, cipher_named(person->cipher, person->pseudonym), person->registered_at_us,
                      person->forgotten_at_us};
}

std::vector<VaultEntry> Vault::entries() const {
    const std::lock_guard lock(*store_->mutex_);
    std::vector<VaultEntry> out;
    for (const auto& person : store_->backend_->vault_tables().people()) {
        out.push_back({person.pseudonym, cipher_named(person.cipher, person.pseudonym), person.registered_at_us,
                       person.forgotten_at_us});
    }
    return out;
}

std::vector<Resident> Vault::residents() const {
    const std::lock_guard lock(*store_->mutex_);
    detail::VaultTables& tables = store_->backend_->vault_tables();
    std::vector<Resident> out;
    for (const auto& person : tables.people()) {
        if (person.wrapped_key) {
            out.push_back(reveal_from(tables, master_key_, person.pseudonym));
        }
    }
    return out;
}

void Vault::rotate_master_key(const SecretKey& new_master_key) {
    if (new_master_key.size() != key_size(Cipher::aes_256_gcm)) {
        throw InvalidInput("rotate_master_key: the new master key must have 32 bytes, not " +
                           std::to_string(new_master_key.size()));
    }
    const std::lock_guard lock(*store_->mutex_);
    store_->backend_->vault_tables().rewrap(
        [&](const std::string& pseudonym, const Bytes& wrapped) {
            const Wiped data_key{decrypt(wrapped, master_key_.clear_bytes(), key_ad(pseudonym))};
            return encrypt(data_key.bytes, new_master_key.clear_bytes(), key_ad(pseudonym));
        },
        check_value(new_master_key, master_check_label));
    master_key_ = new_master_key;
}

}  // namespace grassroots
