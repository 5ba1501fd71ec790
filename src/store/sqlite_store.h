// The SQLite implementation of Store (schema in src/store/sqlite_schema.cc,
// design in docs/store.md).
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>

#include "store/index_terms.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace veille {

class SqliteStore : public Store {
 public:
  static Result<std::unique_ptr<SqliteStore>> Open(const StoreOptions& options);

  Status Put(std::span<const StoreItem> items, std::vector<PutResult>* results) override;
  Result<bool> Contains(std::string_view id, std::string_view sha256) override;
  Result<std::string> ResolveId(std::string_view id_or_prefix) override;
  Result<StoredArticle> Get(std::string_view id) override;
  Result<std::vector<SearchHit>> Search(const SearchQuery& query) override;
  Result<std::vector<StoredQuote>> Quotes(const QuoteFilter& filter) override;
  Result<std::vector<StoredClaim>> Claims(const ClaimFilter& filter) override;
  Result<StoreStats> Stats() override;
  Status Optimize() override;
  int schema_version() const override { return schema_version_; }

  // The connection, for tests and tools that check the database directly.
  sqlite::Database* database() { return db_.get(); }

 private:
  SqliteStore() = default;
  Status PutOne(const StoreItem& item, const std::string& now, PutResult* result);
  Status PutExtractions(int64_t article_rowid, const Article& article,
                        const Analysis& analysis);
  Status EnsureFtsTable(const std::string& fts_language);
  Status LoadFtsTables();
  const std::string& FtsLanguage(const std::string& language);
  Status FillHit(int64_t rowid, const std::string& fts_language, const std::string& match,
                 SearchHit* hit);

  std::unique_ptr<sqlite::Database> db_;
  std::unique_ptr<IndexTerms> terms_;
  int schema_version_ = 0;
  std::set<std::string> fts_tables_;                 // languages with a full-text table
  std::map<std::string, std::string> fts_language_;  // article language -> its table
};

}  // namespace veille
