// Store tests on both engines: a value-parameterised fixture whose instances run on SQLite (a file
// in a fresh temporary folder) and on PostgreSQL (a fresh schema in the database named by
// GRASSROOTS_TEST_POSTGRES, which scripts/with-postgres sets). Without that variable the PostgreSQL
// instances are skipped, unless GRASSROOTS_REQUIRE_POSTGRES=1 (scripts/test sets it): then they fail.
//
//   class MyTest : public grassroots::testing::EngineTest {};
//   TEST_P(MyTest, Does) { Store store = open(); … raw_sql("…"); }
//   GRASSROOTS_ON_BOTH_ENGINES(MyTest);
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "grassroots/store/store.hpp"

namespace grassroots::testing {

/// The engine a parameterised store test runs on.
enum class Engine { sqlite, postgres };

/// "sqlite" or "postgres": the suffix of the test's name.
inline std::string engine_name(const ::testing::TestParamInfo<Engine>& info) {
    return info.param == Engine::sqlite ? "sqlite" : "postgres";
}

/// The test server's URL (GRASSROOTS_TEST_POSTGRES), or "" when none is given.
inline std::string test_postgres_url() {
    const char* url = std::getenv("GRASSROOTS_TEST_POSTGRES");
    return url != nullptr ? url : "";
}

/// Runs @p sql on @p url (outside the store); "" when it succeeded, else the server's message.
inline std::string postgres_exec(const std::string& url, const std::string& sql) {
    PGconn* connection = PQconnectdb(url.c_str());
    std::string message;
    if (PQstatus(connection) != CONNECTION_OK) {
        message = PQerrorMessage(connection);
    } else {
        PQsetNoticeProcessor(connection, [](void*, const char*) {}, nullptr);  // no NOTICEs on stderr
        PGresult* result = PQexec(connection, sql.c_str());
        const ExecStatusType status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            message = PQresultErrorMessage(result);
        }
        PQclear(result);
    }
    PQfinish(connection);
    return message;
}

/// A store test that runs on each engine (see the file comment).
class EngineTest : public ::testing::TestWithParam<Engine> {
protected:
    void SetUp() override {
        const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
        std::string tag = std::to_string(::getpid()) + "_" + std::to_string(++counter());
        dir_ = std::filesystem::temp_directory_path() / ("grassroots_store_" + tag);
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        file_ = dir_ / "test.db";
        if (GetParam() == Engine::sqlite) {
            location_ = file_.string();
            return;
        }
        server_ = test_postgres_url();
        if (server_.empty()) {
            const char* required = std::getenv("GRASSROOTS_REQUIRE_POSTGRES");
            if (required != nullptr && std::string(required) == "1") {
                FAIL() << "GRASSROOTS_REQUIRE_POSTGRES=1 but GRASSROOTS_TEST_POSTGRES is not set "
                          "(run the tests under scripts/with-postgres)";
            }
            GTEST_SKIP() << "no PostgreSQL: set GRASSROOTS_TEST_POSTGRES (scripts/with-postgres does)";
        }
        schema_ = "test_" + tag;
        const std::string error =
            postgres_exec(server_, "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
        ASSERT_EQ(error, "") << "cannot create the test schema on " << server_;
        location_ = server_ + (server_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
    }

    void TearDown() override {
        if (!schema_.empty()) {
            (void)postgres_exec(server_, "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
        }
        std::filesystem::remove_all(dir_);
    }

    /// True on the PostgreSQL instance.
    [[nodiscard]] bool postgres() const { return GetParam() == Engine::postgres; }

    /// Opens the test's store.
    [[nodiscard]] Store open(StoreOptions options = {}) const { return Store::open(location_, options); }

    /// Runs @p sql on the test's database directly (outside the store).
    void raw_sql(const std::string& sql) const {
        if (postgres()) {
            ASSERT_EQ(postgres_exec(location_, sql), "") << sql;
            return;
        }
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(file_.c_str(), &db), SQLITE_OK);
        char* error = nullptr;
        const int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
        const std::string message = error != nullptr ? error : "";
        sqlite3_free(error);
        sqlite3_close(db);
        ASSERT_EQ(code, SQLITE_OK) << message;
    }

    std::filesystem::path dir_, file_;  ///< a fresh folder for the test, and the SQLite file in it
    std::string location_;              ///< what open() opens: the file, or the URL of the test's schema
    std::string server_, schema_;       ///< PostgreSQL: the server's URL and the test's schema

private:
    static int& counter() {
        static int n = 0;
        return n;
    }
};

}  // namespace grassroots::testing

/// Instantiates the EngineTest-derived @p Suite on SQLite and PostgreSQL.
#define GRASSROOTS_ON_BOTH_ENGINES(Suite)                                                                        \
    INSTANTIATE_TEST_SUITE_P(Engines, Suite,                                                                     \
                             ::testing::Values(::grassroots::testing::Engine::sqlite,                            \
                                               ::grassroots::testing::Engine::postgres),                         \
                             ::grassroots::testing::engine_name)
