// The SQLite store's schema and its migrations (documented in docs/store.md).
//
// The schema version lives in the one-row table schema_version. Migration
// N -> N+1 is SQL plus, when derived data must be computed, a C++ step; each
// runs in the same transaction as its version bump, so a crash mid-upgrade
// leaves the database at version N. To change the schema: append a migration,
// bump kStoreSchemaVersion, and add a test that opens a database left at the
// previous version (see sqlite_store_test.cc).
#pragma once

#include <string>
#include <string_view>

#include "store/index_terms.h"
#include "store/sqlite_db.h"

namespace veille {

inline constexpr int kStoreSchemaVersion = 2;

// The version of the database `db`, 0 when it holds no veille schema yet.
Result<int> ReadSchemaVersion(sqlite::Database* db);

// Brings `db` from its current version up to `target` (<= kStoreSchemaVersion)
// in one IMMEDIATE transaction. `terms` computes derived keys. Fails with
// InvalidArgument when the database is newer than this code.
Status UpgradeSchema(sqlite::Database* db, int target, IndexTerms* terms);

// The full-text table indexing articles of `language`: its own table when
// libstemmer has a stemmer for it, else the shared table "other".
std::string FtsLanguageFor(std::string_view language);

// Creates the full-text table (and the view it reads its content from) for
// `fts_language`, a value returned by FtsLanguageFor. Call inside a transaction.
Status CreateFtsTable(sqlite::Database* db, const std::string& fts_language);

}  // namespace veille
