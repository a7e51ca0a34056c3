// The vault: registering (idempotent), revealing, forgetting (crypto-shredding, scrubbed from the
// files), wrong keys, key rotation, masking; and appends refusing raw identifiers in payloads.
#include "grassroots/store/vault.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "engines.hpp"
#include "grassroots/error.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::error_message;

NewEvent event(std::string id, std::string payload) {
    NewEvent out;
    out.event_id = std::move(id);
    out.type = "case_opened";
    out.payload = std::move(payload);
    return out;
}

const Date today{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{7}};

class VaultTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("grassroots_vault_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        file_ = dir_ / "test.db";
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    // Every byte of the store's files (main file and WAL).
    std::string file_bytes() const {
        std::string all;
        for (const char* suffix : {"", "-wal"}) {
            std::ifstream in(file_.string() + suffix, std::ios::binary);
            all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        return all;
    }

    std::filesystem::path dir_, file_;
    SecretKey master_ = SecretKey::generate(32);
    SecretKey alias_key_ = SecretKey::generate(32);
    CitizenId id_ = CitizenId::parse("11010519491231002X", today);
    PhoneNumber phone_ = PhoneNumber::parse("138 1234 5678");
};

TEST_F(VaultTest, RegistersOncePerPersonAndRevealsWithTheKey) {
    Store store = Store::open(file_);
    Vault vault = Vault::open(store, master_, alias_key_);
    const std::string alias = vault.register_person(id_, {phone_}, "张三");
    EXPECT_EQ(alias.size(), 64U);
    EXPECT_EQ(alias, vault.pseudonym_of(id_));
    EXPECT_EQ(vault.register_person(id_, {phone_}), alias);
    EXPECT_EQ(vault.entries().size(), 1U);

    const Resident resident = vault.reveal(alias);
    EXPECT_EQ(resident.citizen_id().clear_text(), "11010519491231002X");
    ASSERT_EQ(resident.phones().size(), 1U);
    EXPECT_EQ(resident.phones()[0].clear_text(), "13812345678");
    EXPECT_EQ(resident.clear_name(), "张三");
    EXPECT_EQ(resident.masked_name(), "张*");
    const std::string shown = to_string(resident);
    EXPECT_THAT(shown, HasSubstr("110105********002X"));
    EXPECT_THAT(shown, HasSubstr("138****5678"));
    EXPECT_THAT(shown, Not(HasSubstr("19491231")));
    EXPECT_THAT(shown, Not(HasSubstr("张三")));

    // Registering again adds a new phone (and nothing else).
    EXPECT_EQ(vault.register_person(id_, {phone_, PhoneNumber::parse("13900001111")}, "李四"), alias);
    const Resident again = vault.reveal(alias);
    EXPECT_EQ(again.phones().size(), 2U);
    EXPECT_EQ(again.clear_name(), "张三");

    // Reopened with the same keys, everything is still there.
    Store reopened = Store::open(file_);
    Vault vault2 = Vault::open(reopened, master_, alias_key_);
    EXPECT_EQ(vault2.reveal(alias).phones().size(), 2U);
    EXPECT_EQ(vault2.residents().size(), 1U);
}

TEST_F(VaultTest, ClearValuesNeverReachTheFile) {
    {
        Store store = Store::open(file_);
        Vault vault = Vault::open(store, master_, alias_key_);
        (void)vault.register_person(id_, {phone_}, "Zhang San");
    }
    const std::string bytes = file_bytes();
    EXPECT_EQ(bytes.find("11010519491231002X"), std::string::npos);
    EXPECT_EQ(bytes.find("13812345678"), std::string::npos);
    EXPECT_EQ(bytes.find("Zhang San"), std::string::npos);
}

TEST_F(VaultTest, ForgettingErasesTheKeyAndKeepsTheEvents) {
    Store store = Store::open(file_);
    Vault vault = Vault::open(store, master_, alias_key_);
    const std::string alias = vault.register_person(id_, {phone_});
    (void)store.append("case-1", "case", 0,
                       {event("e1", R"({"resident":")" + alias + "\"}")});
    const auto before = store.read_all();

    EXPECT_TRUE(vault.forget(alias));
    EXPECT_FALSE(vault.forget(alias));
    EXPECT_TRUE(vault.entry(alias)->forgotten());
    const std::string message = error_message<RuleViolation>([&] { (void)vault.reveal(alias); });
    EXPECT_THAT(message, HasSubstr("forgotten"));
    EXPECT_THROW((void)vault.register_person(id_), RuleViolation);
    EXPECT_TRUE(vault.residents().empty());
    EXPECT_EQ(store.read_all(), before);

    const std::string bytes = file_bytes();
    EXPECT_EQ(bytes.find("11010519491231002X"), std::string::npos);
    EXPECT_NE(bytes.find(alias), std::string::npos);  // the pseudonym stays in the events
}

TEST_F(VaultTest, RefusesWrongKeysClearly) {
    Store store = Store::open(file_);
    (void)Vault::open(store, master_, alias_key_).register_person(id_);
    const std::string wrong_master =
        error_message<InvalidInput>([&] { (void)Vault::open(store, SecretKey::generate(32), alias_key_); });
    EXPECT_THAT(wrong_master, HasSubstr("master key"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)Vault::open(store, master_, SecretKey::generate(32)); }),
                HasSubstr("pseudonym key"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)Vault::open(store, SecretKey::generate(16), alias_key_); }),
                HasSubstr("32 bytes"));
    Vault vault = Vault::open(store, master_, alias_key_);
    EXPECT_THROW((void)vault.reveal("no-such-person"), NotFound);
    EXPECT_THROW((void)vault.forget("no-such-person"), NotFound);
    EXPECT_FALSE(vault.entry("no-such-person"));
}

TEST_F(VaultTest, RotatesTheMasterKey) {
    Store store = Store::open(file_);
    Vault vault = Vault::open(store, master_, alias_key_);
    const std::string alias = vault.register_person(id_, {phone_});
    const std::string other = vault.register_person(CitizenId::parse("370502199001011233", today));
    (void)vault.forget(other);
    const SecretKey next = SecretKey::generate(32);
    vault.rotate_master_key(next);
    EXPECT_EQ(vault.master_key_fingerprint(), next.fingerprint());
    EXPECT_EQ(vault.reveal(alias).citizen_id(), id_);
    EXPECT_THROW((void)Vault::open(store, master_, alias_key_), InvalidInput);
    EXPECT_EQ(Vault::open(store, next, alias_key_).reveal(alias).citizen_id(), id_);
}

TEST_F(VaultTest, Sm4IsUsedWhereOpenSslHasIt) {
    Store store = Store::open(file_);
    if (!cipher_available(Cipher::sm4_gcm)) {
        EXPECT_THROW((void)Vault::open(store, master_, alias_key_, Cipher::sm4_gcm), NotFound);
        return;
    }
    Vault vault = Vault::open(store, master_, alias_key_, Cipher::sm4_gcm);
    const std::string alias = vault.register_person(id_, {phone_});
    EXPECT_EQ(vault.entry(alias)->cipher, Cipher::sm4_gcm);
    EXPECT_EQ(vault.reveal(alias).citizen_id(), id_);
}

TEST_F(VaultTest, AppendsRefuseRawIdentifiers) {
    Store store = Store::open(file_);
    auto append = [&](const std::string& payload) {
        return store.append("case-1", "case", any_version,
                            {event("e-" + std::to_string(store.last_position() + 1) + payload.substr(0, 3), payload)});
    };
    const std::string id_message = error_message<InvalidInput>([&] {
        (void)append(R"({"applicant":{"note":"身份证 11010519491231002X"}})");
    });
    EXPECT_THAT(id_message, HasSubstr("stream 'case-1'"));
    EXPECT_THAT(id_message, HasSubstr("event 1"));
    EXPECT_THAT(id_message, HasSubstr("'applicant.note'"));
    EXPECT_THAT(id_message, HasSubstr("citizen ID"));
    EXPECT_THAT(id_message, Not(HasSubstr("19491231")));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)append(R"({"phones":["x","13812345678"]})"); }),
                HasSubstr("'phones[1]'"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)append(R"({"tel":13812345678})"); }), HasSubstr("'tel'"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)append(R"({"13812345678":1})"); }), HasSubstr("mobile"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)append(R"({"a":{"b":[{"tel":"+86 138-1234-5678"}]}})"); }),
                HasSubstr("payload key 'a.b[0].tel' holds a mobile phone number"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)append(R"({"old":"110105491231002"})"); }),
                HasSubstr("payload key 'old' holds a citizen ID number"));
    EXPECT_EQ(store.last_position(), 0);

    // Near-misses pass.
    EXPECT_NO_THROW((void)append(R"({"id":"370502199001011234"})"));
    EXPECT_NO_THROW((void)append(R"({"n":"1381234567890"})"));
    EXPECT_NO_THROW((void)append(R"({"order":"SO13812345678","no":20261207000012345678})"));
    EXPECT_NO_THROW((void)append(R"({"at":"2026-12-07 09:30","amount":1381234567.5,"unit":370502005066,"grid":"110105001001001"})"));
    EXPECT_EQ(store.last_position(), 4);
}

// The vault's SQL is written once over the database interface: the same calls on both engines.
class VaultEngineTest : public testing::EngineTest {};
GRASSROOTS_ON_BOTH_ENGINES(VaultEngineTest);

TEST_P(VaultEngineTest, RegistersRevealsRotatesAndForgets) {
    Store store = open();
    const SecretKey master = SecretKey::generate(32);
    const SecretKey alias_key = SecretKey::generate(32);
    Vault vault = Vault::open(store, master, alias_key);
    const CitizenId id = CitizenId::parse("11010519491231002X", today);
    const std::string alias = vault.register_person(id, {PhoneNumber::parse("13812345678")}, "张三");
    EXPECT_EQ(vault.register_person(id, {PhoneNumber::parse("13900001111")}), alias);
    EXPECT_EQ(vault.entries().size(), 1U);
    EXPECT_EQ(vault.reveal(alias).phones().size(), 2U);
    EXPECT_EQ(vault.reveal(alias).clear_name(), "张三");
    EXPECT_THROW((void)Vault::open(store, SecretKey::generate(32), alias_key), InvalidInput);

    const SecretKey next = SecretKey::generate(32);
    vault.rotate_master_key(next);
    EXPECT_EQ(Vault::open(store, next, alias_key).reveal(alias).citizen_id(), id);
    EXPECT_THROW((void)Vault::open(store, master, alias_key), InvalidInput);

    EXPECT_TRUE(vault.forget(alias));
    EXPECT_FALSE(vault.forget(alias));
    EXPECT_THROW((void)vault.reveal(alias), RuleViolation);
    EXPECT_TRUE(vault.entry(alias)->forgotten());
    EXPECT_THAT(store.applied_schema_versions(), ::testing::ElementsAre(1, 2));
}

}  // namespace
}  // namespace grassroots
