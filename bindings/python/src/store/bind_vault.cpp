// The vault: Vault (register, reveal, forget, rotate), Resident (masked unless asked) and
// VaultEntry. Residents and vaults cannot be pickled; nothing here shows a key or a clear value
// unless a clear_* method is called.
#include <pybind11/stl.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "grassroots/privacy/identity.hpp"
#include "grassroots/store/vault.hpp"
#include "store/store.hpp"
#include "store/support.hpp"

namespace grassroots::python {

namespace {

// Today in China Standard Time (UTC+8): the day a birth date may not be after.
Date china_today() {
    const auto now = std::chrono::system_clock::now() + std::chrono::hours{8};
    return Date{std::chrono::floor<std::chrono::days>(now)};
}

CitizenId citizen_id_from(const py::object& value) {
    if (py::isinstance<py::str>(value)) {
        return CitizenId::parse(value.cast<std::string>(), china_today());
    }
    if (py::isinstance<CitizenId>(value)) {
        return value.cast<CitizenId>();
    }
    throw InvalidInput("citizen_id must be a CitizenId or a str, not " +
                       std::string(py::str(py::type::handle_of(value).attr("__name__"))));
}

std::vector<PhoneNumber> phones_from(const py::object& values) {
    std::vector<PhoneNumber> out;
    if (values.is_none()) return out;
    if (py::isinstance<py::str>(values) || py::isinstance<PhoneNumber>(values)) {
        throw InvalidInput("phones must be a list of phone numbers, not a single one");
    }
    for (const py::handle item : values) {
        if (py::isinstance<py::str>(item)) {
            out.push_back(PhoneNumber::parse(item.cast<std::string>()));
        } else if (py::isinstance<PhoneNumber>(item)) {
            out.push_back(item.cast<PhoneNumber>());
        } else {
            throw InvalidInput("each phone must be a PhoneNumber or a str, not " +
                               std::string(py::str(py::type::handle_of(item).attr("__name__"))));
        }
    }
    return out;
}

template <class T>
void refuse_pickling(py::class_<T>& cls, const std::string& refusal) {
    cls.def("__reduce_ex__", [refusal](const T&, int) -> py::object { throw py::type_error(refusal); },
            py::arg("protocol"));
    cls.def("__reduce__", [refusal](const T&) -> py::object { throw py::type_error(refusal); });
}

}  // namespace

void bind_vault(py::module_& m) {
    py::class_<Resident> resident(
        m, "Resident",
        "A person's identifiers revealed from the vault. repr shows them masked (110105********002X, "
        "138****1234, 张*); the clear values come only through citizen_id.clear_text(), "
        "phones[i].clear_text() and clear_name(). Cannot be pickled.");
    resident.def_property_readonly("pseudonym", &Resident::pseudonym, "The keyed pseudonym events carry.")
        .def_property_readonly("citizen_id", &Resident::citizen_id, "The citizen ID number (a CitizenId, masked when shown).")
        .def_property_readonly("phones", &Resident::phones, "The phone numbers (PhoneNumber, masked when shown).")
        .def_property_readonly("masked_name", &Resident::masked_name, "The masked name ('' if none).")
        .def("clear_name", &Resident::clear_name, "The clear name ('' if none): call it only where it is needed.")
        .def("__repr__", [](const Resident& r) { return to_string(r); });
    refuse_pickling(resident, "a Resident cannot be pickled: a pickle would carry clear personal information");

    py::class_<VaultEntry>(m, "VaultEntry", "A person's vault record without its values.")
        .def_readonly("pseudonym", &VaultEntry::pseudonym, "The keyed pseudonym.")
        .def_readonly("cipher", &VaultEntry::cipher, "The cipher of the person's values.")
        .def_property_readonly("registered_at", [](const VaultEntry& e) { return us_to_datetime(e.registered_at_us); },
                               "When registered (UTC datetime).")
        .def_property_readonly(
            "forgotten_at",
            [](const VaultEntry& e) -> py::object {
                return e.forgotten() ? us_to_datetime(e.forgotten_at_us) : py::none();
            },
            "When forgotten (UTC datetime), None if not.")
        .def_property_readonly("forgotten", &VaultEntry::forgotten, "True once forgotten.")
        .def("__eq__", [](const VaultEntry& a, const VaultEntry& b) { return a == b; }, py::arg("other"))
        .def("__repr__", [](const VaultEntry& e) {
            return "VaultEntry('" + e.pseudonym.substr(0, 12) + "…'" + (e.forgotten() ? ", forgotten" : "") + ")";
        });

    py::class_<Vault> vault(
        m, "Vault",
        "The vault (个人信息保管库) of a Store: residents' personal information encrypted per person, reached "
        "from events through keyed pseudonyms only, erased by forget(). Open with Vault.open(store, master_key, "
        "pseudonym_key); both keys are SecretKeys kept outside the store. Cannot be pickled.");
    vault
        .def_static(
            "open",
            [](Store& store, const SecretKey& master_key, const SecretKey& pseudonym_key, Cipher cipher) {
                return Vault::open(store, master_key, pseudonym_key, cipher);
            },
            py::arg("store"), py::arg("master_key"), py::arg("pseudonym_key"), py::arg("cipher") = Cipher::aes_256_gcm,
            py::keep_alive<0, 1>(),
            "Opens store's vault. The master key must have 32 bytes; the first opening records both keys' check "
            "values and later ones must give the same keys (InvalidInputError naming the key by fingerprint). "
            "cipher encrypts new people's values (SM4_GCM: NotFoundError where OpenSSL lacks it).")
        .def(
            "register",
            [](Vault& self, const py::object& citizen_id, const py::object& phones, const std::string& name) {
                return self.register_person(citizen_id_from(citizen_id), phones_from(phones), name);
            },
            py::arg("citizen_id"), py::arg("phones") = py::none(), py::arg("name") = "",
            "Registers a person (CitizenId or str; phones: PhoneNumbers or str; name: '' for none) and returns "
            "their pseudonym. Registering again writes no second record: new phones are added, and the name if "
            "none was held. RuleViolationError 'vault.forgotten' for a forgotten person.")
        .def("pseudonym_of", [](const Vault& self, const py::object& id) { return self.pseudonym_of(citizen_id_from(id)); },
             py::arg("citizen_id"), "The pseudonym of a citizen ID number under this vault's key (nothing written).")
        .def("reveal", &Vault::reveal, py::arg("pseudonym"),
             "The person's Resident (clear values inside, masked when shown). NotFoundError if unknown, "
             "RuleViolationError 'vault.forgotten' once forgotten.")
        .def("forget", &Vault::forget, py::arg("pseudonym"),
             "Erases the person's data key (crypto-shredding): their values can never be decrypted again; events "
             "stay. True when forgotten now, False if already; NotFoundError if unknown.")
        .def("entry", &Vault::entry, py::arg("pseudonym"), "The person's VaultEntry, or None.")
        .def("entries", &Vault::entries, "Every VaultEntry, forgotten ones included, by pseudonym.")
        .def("residents", &Vault::residents, "Every person not forgotten, revealed (masked when shown).")
        .def("rotate_master_key", &Vault::rotate_master_key, py::arg("new_master_key"),
             "Re-wraps every person's data key under the new master key in one transaction.")
        .def_property_readonly("master_key_fingerprint", &Vault::master_key_fingerprint,
                               "The fingerprint of the master key in use.")
        .def_property_readonly("pseudonym_key_fingerprint", &Vault::pseudonym_key_fingerprint,
                               "The fingerprint of the pseudonym key in use.")
        .def("__contains__", [](const Vault& self, const std::string& p) { return self.entry(p).has_value(); },
             py::arg("pseudonym"))
        .def("__len__", [](const Vault& self) { return self.entries().size(); })
        .def("__repr__", [](const Vault& self) {
            const auto entries = self.entries();
            std::size_t forgotten = 0;
            for (const auto& e : entries) forgotten += e.forgotten() ? 1 : 0;
            return "Vault(" + std::to_string(entries.size()) + " people, " + std::to_string(forgotten) +
                   " forgotten, master key " + self.master_key_fingerprint() + ")";
        });
    refuse_pickling(vault, "a Vault cannot be pickled: it holds keys");
}

}  // namespace grassroots::python
