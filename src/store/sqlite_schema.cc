#include "store/sqlite_schema.h"

#include <fmt/format.h>

#include <vector>

namespace veille {
namespace {

// Version 1: articles (byte-exact source, text, metadata, analysis JSON), one
// full-text table per stemming language, and the normalized extractions.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE articles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  source_path TEXT NOT NULL,
  source_line INTEGER,
  source_format TEXT NOT NULL,
  source_encoding TEXT NOT NULL,
  raw_bytes INTEGER NOT NULL,
  title TEXT,
  byline TEXT,
  date TEXT,
  url TEXT,
  outlet TEXT,
  language TEXT NOT NULL,
  language_confidence REAL NOT NULL,
  verdict TEXT NOT NULL,
  score REAL NOT NULL,
  fts_language TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);

-- The bulky part of each article, apart so that scans of the metadata above
-- (facets, stats) read a narrow table.
CREATE TABLE article_bodies (
  article_rowid INTEGER PRIMARY KEY REFERENCES articles (rowid) ON DELETE CASCADE,
  text TEXT NOT NULL,
  raw BLOB,
  analysis_json TEXT NOT NULL
);
CREATE INDEX articles_by_language ON articles (language);
CREATE INDEX articles_by_date ON articles (date);
CREATE INDEX articles_by_outlet ON articles (outlet COLLATE NOCASE);
CREATE INDEX articles_by_verdict ON articles (verdict);
CREATE INDEX articles_by_fts_language ON articles (fts_language);

CREATE TABLE fts_tables (
  language TEXT PRIMARY KEY,
  stemmer TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE article_entities (
  entity_id TEXT NOT NULL,
  article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  salience REAL NOT NULL,
  PRIMARY KEY (entity_id, article_rowid)
) WITHOUT ROWID;
CREATE INDEX article_entities_by_article ON article_entities (article_rowid);

CREATE TABLE quotes (
  rowid INTEGER PRIMARY KEY,
  article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  speaker TEXT,
  speaker_id TEXT,
  speaker_start INTEGER,
  speaker_end INTEGER,
  cue TEXT,
  via TEXT
);
CREATE INDEX quotes_by_article ON quotes (article_rowid, ordinal);
CREATE INDEX quotes_by_speaker_id ON quotes (speaker_id);

CREATE TABLE claims (
  rowid INTEGER PRIMARY KEY,
  article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  value REAL NOT NULL,
  low REAL,
  high REAL,
  qualifier TEXT NOT NULL,
  counted TEXT NOT NULL,
  event TEXT,
  asserted_by TEXT,
  asserted_by_id TEXT,
  claim_when TEXT
);
CREATE INDEX claims_by_article ON claims (article_rowid, ordinal);
CREATE INDEX claims_by_event ON claims (event);

CREATE TABLE citations (
  rowid INTEGER PRIMARY KEY,
  article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  surface TEXT NOT NULL,
  outlet_id TEXT NOT NULL,
  outlet_name TEXT NOT NULL,
  relation TEXT NOT NULL,
  mangled INTEGER NOT NULL
);
CREATE INDEX citations_by_article ON citations (article_rowid, ordinal);
CREATE INDEX citations_by_outlet ON citations (outlet_id);

CREATE TABLE quality_signals (
  rowid INTEGER PRIMARY KEY,
  article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  kind TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  weight REAL NOT NULL,
  why TEXT NOT NULL
);
CREATE INDEX quality_signals_by_article ON quality_signals (article_rowid, ordinal);
CREATE INDEX quality_signals_by_kind ON quality_signals (kind);
)sql";

// Version 2: lookup keys for speakers, claim sources and counted things, so
// that --speaker, --by and --counted are index lookups. Backfilled from the
// rows of version 1 by BackfillKeys.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE quote_speaker_keys (
  key TEXT NOT NULL,
  quote_rowid INTEGER NOT NULL,
  article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
  PRIMARY KEY (key, quote_rowid)
) WITHOUT ROWID;
CREATE INDEX quote_speaker_keys_by_article ON quote_speaker_keys (article_rowid);

CREATE TABLE claim_source_keys (
  key TEXT NOT NULL,
  claim_rowid INTEGER NOT NULL,
  article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
  PRIMARY KEY (key, claim_rowid)
) WITHOUT ROWID;
CREATE INDEX claim_source_keys_by_article ON claim_source_keys (article_rowid);

CREATE TABLE claim_terms (
  term TEXT NOT NULL,
  claim_rowid INTEGER NOT NULL,
  article_rowid INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
  PRIMARY KEY (term, claim_rowid)
) WITHOUT ROWID;
CREATE INDEX claim_terms_by_article ON claim_terms (article_rowid);
)sql";

Status BackfillKeys(sqlite::Database* db, IndexTerms* terms);

struct Migration {
  int to_version;
  const char* sql;
  Status (*code)(sqlite::Database*, IndexTerms*);
};

Status CreateOtherFtsTable(sqlite::Database* db, IndexTerms*) {
  return CreateFtsTable(db, "other");
}

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> migrations = {
      {1, kSchemaV1, CreateOtherFtsTable},
      {2, kSchemaV2, BackfillKeys},
  };
  return migrations;
}

bool IsLanguageCode(std::string_view language) {
  if (language.size() < 2 || language.size() > 3) return false;
  for (char c : language) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

Status SetVersion(sqlite::Database* db, int version) {
  auto update = db->Prepare("UPDATE schema_version SET version = ?1");
  if (!update.ok()) return update.status();
  return update->Bind(1, version).Run();
}

// Canonical names of the entities in one article, by id, for name keys.
Result<std::vector<std::string>> EntityNames(sqlite::Database* db, int64_t article_rowid,
                                             const std::string& entity_id) {
  std::vector<std::string> names;
  if (entity_id.empty()) return names;
  auto select = db->Prepare(
      "SELECT name FROM article_entities WHERE entity_id = ?1 AND article_rowid = ?2");
  if (!select.ok()) return select.status();
  select->Bind(1, entity_id).Bind(2, article_rowid);
  Status status = select->ForEachRow([&] { names.push_back(select->String(0)); });
  if (!status.ok()) return status;
  return names;
}

// Fills the version 2 key tables from the quotes and claims of version 1,
// with the same keys SqliteStore::Put computes for new articles.
Status BackfillKeys(sqlite::Database* db, IndexTerms* terms) {
  struct Row {
    int64_t rowid, article_rowid;
    std::string name, id, counted, language;
  };
  auto read_rows = [&](const char* sql, std::vector<Row>* rows) -> Status {
    auto select = db->Prepare(sql);
    if (!select.ok()) return select.status();
    return select->ForEachRow([&] {
      rows->push_back({select->Int64(0), select->Int64(1), select->String(2),
                       select->String(3), select->String(4), select->String(5)});
    });
  };
  std::vector<Row> quotes, claims;
  Status status = read_rows(
      "SELECT q.rowid, q.article_rowid, coalesce(q.speaker, ''), coalesce(q.speaker_id, "
      "''), '', "
      "'' FROM quotes q",
      &quotes);
  if (status.ok()) {
    status = read_rows(
        "SELECT c.rowid, c.article_rowid, coalesce(c.asserted_by, ''), "
        "coalesce(c.asserted_by_id, ''), c.counted, a.language FROM claims c "
        "JOIN articles a ON a.rowid = c.article_rowid",
        &claims);
  }
  if (!status.ok()) return status;

  auto insert_keys = [&](const char* sql, const Row& row,
                         std::vector<std::string>* keys) {
    IndexTerms::Dedupe(keys);
    for (const std::string& key : *keys) {
      auto insert = db->Prepare(sql);
      if (!insert.ok()) return insert.status();
      Status s = insert->Bind(1, key).Bind(2, row.rowid).Bind(3, row.article_rowid).Run();
      if (!s.ok()) return s;
    }
    return Status::Ok();
  };
  auto name_keys = [&](const Row& row, std::vector<std::string>* keys) -> Status {
    auto names = EntityNames(db, row.article_rowid, row.id);
    if (!names.ok()) return names.status();
    return terms->AddPersonKeys(row.name, row.id, *names, keys);
  };
  for (const Row& row : quotes) {
    std::vector<std::string> keys;
    status = name_keys(row, &keys);
    if (status.ok()) {
      status = insert_keys(
          "INSERT INTO quote_speaker_keys (key, quote_rowid, article_rowid) VALUES (?1, "
          "?2, ?3)",
          row, &keys);
    }
    if (!status.ok()) return status;
  }
  for (const Row& row : claims) {
    std::vector<std::string> keys;
    status = name_keys(row, &keys);
    if (status.ok()) {
      status = insert_keys(
          "INSERT INTO claim_source_keys (key, claim_rowid, article_rowid) VALUES (?1, "
          "?2, ?3)",
          row, &keys);
    }
    std::vector<std::string> counted;
    if (status.ok()) status = terms->AddCountedTerms(row.counted, row.language, &counted);
    if (status.ok()) {
      status = insert_keys(
          "INSERT INTO claim_terms (term, claim_rowid, article_rowid) VALUES (?1, ?2, "
          "?3)",
          row, &counted);
    }
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace

std::string FtsLanguageFor(std::string_view language) {
  if (IsLanguageCode(language) && language != "und" && HasStemmer(language)) {
    return std::string(language);
  }
  return "other";
}

Status CreateFtsTable(sqlite::Database* db, const std::string& fts_language) {
  if (fts_language != "other" && !IsLanguageCode(fts_language)) {
    return Status::Internal("not a language code: " + fts_language);
  }
  // External content: the text is stored once, in article_bodies; the index
  // reads it back through the view for snippets and integrity checks. The
  // view only shows this language's articles, so 'integrity-check' and
  // 'rebuild' work.
  const std::string stemmer = fts_language == "other" ? "none" : fts_language;
  const std::string sql = fmt::format(
      "CREATE VIEW fts_{0}_content AS SELECT a.rowid AS article_rowid, a.title, b.text "
      "FROM "
      "articles a JOIN article_bodies b ON b.article_rowid = a.rowid WHERE "
      "a.fts_language = "
      "'{0}';"
      "CREATE VIRTUAL TABLE fts_{0} USING fts5(title, text, content='fts_{0}_content', "
      "content_rowid='article_rowid', tokenize='veille {1}');",
      fts_language, stemmer);
  Status status = db->Exec(sql.c_str());
  if (!status.ok()) return status;
  auto insert = db->Prepare("INSERT INTO fts_tables (language, stemmer) VALUES (?1, ?2)");
  if (!insert.ok()) return insert.status();
  return insert->Bind(1, fts_language).Bind(2, stemmer).Run();
}

Result<int> ReadSchemaVersion(sqlite::Database* db) {
  auto exists = db->Prepare(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = "
      "'schema_version'");
  if (!exists.ok()) return exists.status();
  auto row = exists->Step();
  if (!row.ok()) return row.status();
  if (exists->Int64(0) == 0) return 0;
  auto select = db->Prepare("SELECT version FROM schema_version");
  if (!select.ok()) return select.status();
  row = select->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Corruption(db->path() + ": schema_version table is empty");
  return static_cast<int>(select->Int64(0));
}

Status UpgradeSchema(sqlite::Database* db, int target, IndexTerms* terms) {
  if (target <= 0 || target > kStoreSchemaVersion) target = kStoreSchemaVersion;
  sqlite::Transaction transaction(db);
  Status status = transaction.Begin();
  if (!status.ok()) return status;
  // Read again under the write lock: another process may have upgraded it.
  auto version = ReadSchemaVersion(db);
  if (!version.ok()) return version.status();
  if (*version > kStoreSchemaVersion) {
    return Status::InvalidArgument(
        fmt::format("{}: database schema version {} is newer than this veille "
                    "understands ({}); use a newer "
                    "veille",
                    db->path(), *version, kStoreSchemaVersion));
  }
  if (*version >= target) return Status::Ok();
  if (*version == 0) {
    status = db->Exec(
        "CREATE TABLE schema_version (version INTEGER NOT NULL);"
        "INSERT INTO schema_version (version) VALUES (0);");
    if (!status.ok()) return status;
  }
  for (const Migration& migration : Migrations()) {
    if (migration.to_version <= *version || migration.to_version > target) continue;
    status = db->Exec(migration.sql);
    if (status.ok() && migration.code != nullptr) status = migration.code(db, terms);
    if (status.ok()) status = SetVersion(db, migration.to_version);
    if (!status.ok()) return status;
  }
  auto meta = db->Prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
  if (!meta.ok()) return meta.status();
  status =
      meta->Bind(1, "tokenizer_version").Bind(2, std::to_string(kTokenizerVersion)).Run();
  if (!status.ok()) return status;
  return transaction.Commit();
}

}  // namespace veille
