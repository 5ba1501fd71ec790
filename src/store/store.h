// The persistent store: analysed articles, kept byte-exact with their
// analysis, searchable by full text and by facets (language, entity, outlet,
// speaker, verdict, date), with the quotes and claims queryable on their own.
//
// Store is an abstract interface; OpenStore() returns the SQLite
// implementation (src/store/sqlite_store.h), the only one today. A Store
// object is one connection: it is not thread-safe, but any number of Store
// objects, in any number of threads or processes, may use the same database
// at once (one writer at a time; readers never wait for it).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "veille/analysis.h"
#include "veille/article.h"
#include "veille/status.h"

namespace veille {

// Where the CLI keeps its database when --db is not given: $VEILLE_DB when
// set and not empty, else "veille.db" in the working directory.
std::string DefaultStorePath();

struct StoreOptions {
  std::string path;
  // When false, opening a path where no database exists fails with NotFound
  // (the read commands must not leave an empty database behind).
  bool create_if_missing = true;
  // Upgrade the schema only up to this version (0: the latest). For tests and
  // tools that need a database as an older veille left it.
  int max_schema_version = 0;
};

// One analysed article to store. `analysis_json` is its AppendArticleJson()
// rendering, stored verbatim so `veille show` prints what `analyze` printed.
struct StoreItem {
  const Article* article = nullptr;
  const Analysis* analysis = nullptr;
  std::string_view analysis_json;
};

enum class PutOutcome {
  kAdded,      // new id: stored
  kUnchanged,  // the id is stored with the same bytes (sha256): nothing to do
  kConflict,   // the id is stored with different bytes: left as it was
};

struct PutResult {
  PutOutcome outcome = PutOutcome::kAdded;
  // For kConflict: where the stored bytes came from, and their sha256.
  std::string stored_path;
  std::string stored_sha256;
};

// An article's stored record.
struct StoredArticle {
  std::string id;
  SourceInfo source;
  std::optional<std::string> title;
  std::optional<std::string> date;
  std::optional<std::string> url;
  std::optional<std::string> outlet;
  std::string language;
  std::string verdict;
  double score = 0;         // quality score
  std::string ingested_at;  // UTC, ISO 8601
  std::string text;
  std::string raw;  // the exact input bytes
  std::string analysis_json;
};

struct SearchQuery {
  // Full-text query: words (stemmed per language, case and accents folded),
  // "phrases", prefix*, AND/OR/NOT, NEAR(a b, 5), title:word. Words holding
  // punctuation ("covid-19", "l'armée") are searched as phrases. Empty: no
  // full-text condition, the facets alone select (newest first).
  std::string text;
  std::string language;  // ISO 639-1 code of the article
  std::string entity;    // canonical entity id, e.g. "person:vladimir-putin"
  std::string outlet;    // the article's outlet, case-insensitive
  std::string speaker;   // a quoted speaker: entity id, full name or last name
  std::string verdict;   // clean | suspect | auto_translated | content_farm
  std::string since;     // ISO date (YYYY, YYYY-MM or YYYY-MM-DD): date >= since
  int limit = 20;
};

struct SearchHit {
  std::string id;
  std::optional<std::string> title;
  std::string language;
  std::string path;
  uint64_t line = 0;
  std::optional<std::string> date;
  std::optional<std::string> outlet;
  std::string verdict;
  double quality_score = 0;
  // BM25 relevance (SQLite's bm25() negated: higher is better); 0 without a
  // full-text query.
  double score = 0;
  // A short excerpt around the best match, plain text, and the byte ranges of
  // the matched terms in it.
  std::string snippet;
  std::vector<Span> highlights;
};

struct QuoteFilter {
  std::string speaker;  // entity id, full name or last name; empty: every quote
  int limit = 0;        // 0: no limit
};

struct StoredQuote {
  std::string article_id;
  std::optional<std::string> article_title;
  std::string text;  // the quoted words
  Quote quote;
};

struct ClaimFilter {
  std::string counted;  // a word of what is counted ("soldats", "volunteer"), stemmed
  std::string by;       // who asserts it: entity id, full name or last name
  int limit = 0;
};

struct StoredClaim {
  std::string article_id;
  std::optional<std::string> article_title;
  std::string text;
  Claim claim;
};

struct StoreStats {
  std::string path;
  int schema_version = 0;
  uint64_t articles = 0;
  uint64_t raw_bytes = 0;
  uint64_t database_bytes = 0;
  uint64_t entities = 0;  // distinct entity ids
  uint64_t entity_mentions = 0;
  uint64_t quotes = 0;
  uint64_t claims = 0;
  uint64_t citations = 0;
  uint64_t quality_signals = 0;
  std::optional<std::string> first_date;
  std::optional<std::string> last_date;
  // (value, count), most frequent first.
  std::vector<std::pair<std::string, uint64_t>> languages;
  std::vector<std::pair<std::string, uint64_t>> verdicts;
  std::vector<std::pair<std::string, uint64_t>> outlets;       // top 10
  std::vector<std::pair<std::string, uint64_t>> top_entities;  // top 10 by articles
};

class Store {
 public:
  virtual ~Store() = default;

  // Stores `items` in one transaction: after a crash either all of them are
  // there, with every extraction, or none. `results` gets one entry per item.
  // Items already stored (same id and bytes) are skipped; an id stored with
  // other bytes is a conflict and left untouched. On error nothing is written.
  virtual Status Put(std::span<const StoreItem> items,
                     std::vector<PutResult>* results) = 0;

  // True when `id` is stored with bytes of this sha256 (ingest skips
  // analysing it again).
  virtual Result<bool> Contains(std::string_view id, std::string_view sha256) = 0;

  // The full id of the article whose id is `id_or_prefix`, or the only one
  // starting with it. NotFound or InvalidArgument (ambiguous) otherwise.
  virtual Result<std::string> ResolveId(std::string_view id_or_prefix) = 0;
  virtual Result<StoredArticle> Get(std::string_view id) = 0;

  // Ranked by BM25 (title words weigh double). InvalidArgument with a plain
  // explanation for a malformed query.
  virtual Result<std::vector<SearchHit>> Search(const SearchQuery& query) = 0;
  // In article order (ingest order), then position in the article.
  virtual Result<std::vector<StoredQuote>> Quotes(const QuoteFilter& filter) = 0;
  virtual Result<std::vector<StoredClaim>> Claims(const ClaimFilter& filter) = 0;
  virtual Result<StoreStats> Stats() = 0;

  // Refreshes what the query planner knows of the data; call after a bulk
  // load (ingest does). Takes a fraction of a second.
  virtual Status Optimize() = 0;

  // The schema version of the open database.
  virtual int schema_version() const = 0;
};

// Opens (creating and upgrading as needed) the database at options.path.
Result<std::unique_ptr<Store>> OpenStore(const StoreOptions& options);

}  // namespace veille
