#include "store/sqlite_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <unordered_map>

#include "store/fts_query.h"
#include "store/sqlite_schema.h"
#include "util/utf8.h"

namespace veille {
namespace {

// Snippet highlight markers: private-use characters that never reach the
// user (ParseSnippet turns them into offsets).
constexpr char kMarkOpen[] = "\xEE\x80\x80";   // U+E000
constexpr char kMarkClose[] = "\xEE\x80\x81";  // U+E001
constexpr size_t kPlainSnippetBytes = 200;

std::string UtcNow() {
  const std::time_t now =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

// A span's bytes, or "" for a span that does not lie in the text (a stage's
// bug must not abort storing the article).
std::string_view Slice(std::string_view text, Span span) {
  if (span.start > span.end || span.end > text.size()) return {};
  return span.In(text);
}

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
}

// Turns snippet() output into plain text with runs of white space collapsed,
// and the byte ranges of the marked terms.
void ParseSnippet(std::string_view marked, std::string* text,
                  std::vector<Span>* highlights) {
  text->clear();
  highlights->clear();
  uint32_t open = 0;
  bool in_mark = false;
  for (size_t i = 0; i < marked.size();) {
    if (marked.compare(i, 3, kMarkOpen) == 0) {
      open = static_cast<uint32_t>(text->size());
      in_mark = true;
      i += 3;
    } else if (marked.compare(i, 3, kMarkClose) == 0) {
      if (in_mark && text->size() > open) {
        highlights->push_back({open, static_cast<uint32_t>(text->size())});
      }
      in_mark = false;
      i += 3;
    } else if (IsSpace(marked[i])) {
      if (!text->empty() && text->back() != ' ') text->push_back(' ');
      ++i;
    } else {
      text->push_back(marked[i]);
      ++i;
    }
  }
  while (!text->empty() && text->back() == ' ') text->pop_back();
}

// The beginning of `text`, white space collapsed, cut at a word boundary.
std::string PlainSnippet(std::string_view text) {
  std::string out;
  std::vector<Span> unused;
  ParseSnippet(text.substr(0, kPlainSnippetBytes * 2), &out, &unused);
  if (out.size() <= kPlainSnippetBytes) return out;
  size_t cut = out.rfind(' ', kPlainSnippetBytes);
  if (cut == std::string::npos || cut < kPlainSnippetBytes / 2) {
    cut = kPlainSnippetBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  }
  out.resize(cut);
  out += "…";
  return out;
}

std::optional<std::string> NonEmpty(const std::string& value) {
  if (value.empty()) return std::nullopt;
  return value;
}

// Parameters of a dynamically assembled query, numbered in order of use.
class Parameters {
 public:
  // Returns "?N" for a new parameter holding `value`.
  std::string Add(std::string value) {
    values_.push_back(std::move(value));
    return "?" + std::to_string(values_.size());
  }
  void BindAll(sqlite::Statement* statement) const {
    for (size_t i = 0; i < values_.size(); ++i)
      statement->Bind(static_cast<int>(i + 1), values_[i]);
  }
  size_t size() const { return values_.size(); }

 private:
  std::vector<std::string> values_;
};

// Accepts YYYY, YYYY-MM or YYYY-MM-DD; dates are stored as ISO strings, so
// `date >= since` compares them correctly.
bool IsIsoDatePrefix(std::string_view date) {
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  for (size_t i = 0; i < date.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? date[i] != '-' : (date[i] < '0' || date[i] > '9')) return false;
  }
  return true;
}

// The keys a --speaker value selects quotes by: its own key, and the entity
// ids of the speakers found under it, so that "Poutine" also finds the quotes
// of the same entity written "Putin".
std::string SpeakerKeySet(const std::string& param) {
  return "(SELECT " + param +
         " UNION SELECT q2.speaker_id FROM quote_speaker_keys k2 JOIN quotes q2 ON "
         "q2.rowid = "
         "k2.quote_rowid WHERE k2.key = " +
         param + " AND q2.speaker_id IS NOT NULL)";
}

// The same for claim sources (--by).
std::string SourceKeySet(const std::string& param) {
  return "(SELECT " + param +
         " UNION SELECT c2.asserted_by_id FROM claim_source_keys k2 JOIN claims c2 ON "
         "c2.rowid = "
         "k2.claim_rowid WHERE k2.key = " +
         param + " AND c2.asserted_by_id IS NOT NULL)";
}

}  // namespace

std::string DefaultStorePath() {
  const char* env = std::getenv("VEILLE_DB");
  if (env != nullptr && *env != '\0') return env;
  return "veille.db";
}

Result<std::unique_ptr<Store>> OpenStore(const StoreOptions& options) {
  auto store = SqliteStore::Open(options);
  if (!store.ok()) return store.status();
  return std::unique_ptr<Store>(std::move(store).value());
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const StoreOptions& options) {
  sqlite::Database::Options db_options;
  db_options.create_if_missing = options.create_if_missing;
  auto db = sqlite::Database::Open(options.path, db_options);
  if (!db.ok()) {
    if (db.status().code() == Status::Code::kNotFound) {
      return Status::NotFound(options.path +
                              ": no database here (run veille ingest first)");
    }
    return db.status();
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore);
  store->db_ = std::move(db).value();
  Status status = RegisterStemmingTokenizer(store->db_->handle());
  if (!status.ok()) return status;
  store->terms_ = std::make_unique<IndexTerms>(store->db_->handle());
  auto version = ReadSchemaVersion(store->db_.get());
  if (!version.ok()) return version.status();
  if (*version == 0 && !options.create_if_missing) {
    return Status::NotFound(options.path +
                            ": not a veille database (run veille ingest first)");
  }
  const int target =
      options.max_schema_version > 0 ? options.max_schema_version : kStoreSchemaVersion;
  if (*version != target) {
    status = UpgradeSchema(store->db_.get(), target, store->terms_.get());
    if (!status.ok()) return status;
    store->db_->ClearStatementCache();
    version = ReadSchemaVersion(store->db_.get());
    if (!version.ok()) return version.status();
  }
  store->schema_version_ = *version;
  status = store->LoadFtsTables();
  if (!status.ok()) return status;
  return store;
}

Status SqliteStore::LoadFtsTables() {
  fts_tables_.clear();
  auto select = db_->Prepare("SELECT language FROM fts_tables");
  if (!select.ok()) return select.status();
  return select->ForEachRow([&] { fts_tables_.insert(select->String(0)); });
}

const std::string& SqliteStore::FtsLanguage(const std::string& language) {
  auto it = fts_language_.find(language);
  if (it == fts_language_.end())
    it = fts_language_.emplace(language, FtsLanguageFor(language)).first;
  return it->second;
}

Status SqliteStore::EnsureFtsTable(const std::string& fts_language) {
  if (fts_tables_.count(fts_language)) return Status::Ok();
  Status status = CreateFtsTable(db_.get(), fts_language);
  if (status.ok()) fts_tables_.insert(fts_language);
  return status;
}

Result<bool> SqliteStore::Contains(std::string_view id, std::string_view sha256) {
  auto select = db_->Prepare("SELECT sha256 FROM articles WHERE id = ?1");
  if (!select.ok()) return select.status();
  select->Bind(1, id);
  auto row = select->Step();
  if (!row.ok()) return row.status();
  return *row && select->Text(0) == sha256;
}

Status SqliteStore::Put(std::span<const StoreItem> items,
                        std::vector<PutResult>* results) {
  results->assign(items.size(), PutResult{});
  if (items.empty()) return Status::Ok();
  Status status;
  {
    sqlite::Transaction transaction(db_.get());
    status = transaction.Begin();
    const std::string now = UtcNow();
    for (size_t i = 0; status.ok() && i < items.size(); ++i) {
      status = PutOne(items[i], now, &(*results)[i]);
    }
    if (status.ok()) status = transaction.Commit();
  }
  if (!status.ok()) {
    results->clear();
    // The rollback dropped any full-text table this batch created.
    Status reload = LoadFtsTables();
    if (!reload.ok()) return reload;
  }
  return status;
}

Status SqliteStore::PutOne(const StoreItem& item, const std::string& now,
                           PutResult* result) {
  const Article& article = *item.article;
  const Analysis& analysis = *item.analysis;
  {
    auto existing =
        db_->Prepare("SELECT sha256, source_path FROM articles WHERE id = ?1");
    if (!existing.ok()) return existing.status();
    existing->Bind(1, article.id);
    auto row = existing->Step();
    if (!row.ok()) return row.status();
    if (*row) {
      if (existing->Text(0) == article.source.sha256) {
        result->outcome = PutOutcome::kUnchanged;
      } else {
        result->outcome = PutOutcome::kConflict;
        result->stored_sha256 = existing->String(0);
        result->stored_path = existing->String(1);
      }
      return Status::Ok();
    }
  }
  result->outcome = PutOutcome::kAdded;
  const std::string& fts_language = FtsLanguage(analysis.language);
  Status status = EnsureFtsTable(fts_language);
  if (!status.ok()) return status;

  const std::optional<std::string> title =
      analysis.title ? analysis.title : NonEmpty(article.title);
  const std::optional<std::string> date =
      analysis.date ? analysis.date : NonEmpty(article.date);
  auto insert = db_->Prepare(
      "INSERT INTO articles (id, sha256, source_path, source_line, source_format, "
      "source_encoding, raw_bytes, title, byline, date, url, outlet, language, "
      "language_confidence, verdict, score, fts_language, ingested_at) VALUES (?1, ?2, "
      "?3, ?4, "
      "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, article.id).Bind(2, article.source.sha256).Bind(3, article.source.path);
  if (article.source.line > 0) {
    insert->Bind(4, article.source.line);
  } else {
    insert->BindNull(4);
  }
  insert->Bind(5, article.source.format).Bind(6, article.source.encoding);
  insert->Bind(7, article.RawBytes().size()).Bind(8, title).Bind(9, analysis.byline);
  insert->Bind(10, date).BindOrNull(11, article.url).BindOrNull(12, article.outlet);
  insert->Bind(13, analysis.language).Bind(14, analysis.language_confidence);
  insert->Bind(15, analysis.quality.verdict).Bind(16, analysis.quality.score);
  insert->Bind(17, fts_language).Bind(18, now);
  status = insert->Run();
  if (!status.ok()) return status;
  const int64_t rowid = db_->LastInsertRowid();

  auto body = db_->Prepare(
      "INSERT INTO article_bodies (article_rowid, text, raw, analysis_json) VALUES (?1, "
      "?2, ?3, "
      "?4)");
  if (!body.ok()) return body.status();
  body->Bind(1, rowid).Bind(2, article.text);
  // The raw bytes are stored only when they differ from the text (see
  // docs/store.md); Get() gives them back either way.
  if (article.raw.empty()) {
    body->BindNull(3);
  } else {
    body->BindBlob(3, article.raw);
  }
  status = body->Bind(4, item.analysis_json).Run();
  if (!status.ok()) return status;

  auto fts = db_->Prepare(fmt::format(
      "INSERT INTO fts_{} (rowid, title, text) VALUES (?1, ?2, ?3)", fts_language));
  if (!fts.ok()) return fts.status();
  status = fts->Bind(1, rowid).Bind(2, title).Bind(3, article.text).Run();
  if (!status.ok()) return status;
  return PutExtractions(rowid, article, analysis);
}

Status SqliteStore::PutExtractions(int64_t rowid, const Article& article,
                                   const Analysis& analysis) {
  const std::string_view text = article.text;
  Status status;

  // Distinct entities: the summary, completed from the mentions when a stage
  // left the summary short.
  struct EntityRow {
    std::string name;
    EntityType type;
    int mentions = 0;
    double salience = 0;
  };
  std::unordered_map<std::string, EntityRow> entities;
  for (const EntitySummaryItem& e : analysis.entity_summary) {
    if (!e.id.empty()) entities[e.id] = {e.name, e.type, e.mentions, e.salience};
  }
  std::unordered_map<std::string, int> counted_mentions;
  for (const Entity& e : analysis.entities) {
    if (e.id.empty()) continue;
    ++counted_mentions[e.id];
    if (!entities.count(e.id)) entities[e.id] = {e.name, e.type, 0, 0};
  }
  for (auto& [id, row] : entities) {
    if (row.mentions == 0) row.mentions = counted_mentions[id];
    auto insert = db_->Prepare(
        "INSERT INTO article_entities (entity_id, article_rowid, name, type, mentions, "
        "salience) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert.ok()) return insert.status();
    status = insert->Bind(1, id)
                 .Bind(2, rowid)
                 .Bind(3, row.name)
                 .Bind(4, EntityTypeName(row.type))
                 .Bind(5, row.mentions)
                 .Bind(6, row.salience)
                 .Run();
    if (!status.ok()) return status;
  }
  auto canonical_names = [&](const std::string& id) {
    std::vector<std::string> names;
    if (auto it = entities.find(id); it != entities.end() && !it->second.name.empty()) {
      names.push_back(it->second.name);
    }
    return names;
  };
  auto insert_keys = [&](const std::string& sql, int64_t owner,
                         const std::vector<std::string>& keys) -> Status {
    for (const std::string& key : keys) {
      auto insert = db_->Prepare(sql);
      if (!insert.ok()) return insert.status();
      Status s = insert->Bind(1, key).Bind(2, owner).Bind(3, rowid).Run();
      if (!s.ok()) return s;
    }
    return Status::Ok();
  };

  std::vector<std::string> keys;
  for (size_t i = 0; i < analysis.quotes.size(); ++i) {
    const Quote& q = analysis.quotes[i];
    auto insert = db_->Prepare(
        "INSERT INTO quotes (article_rowid, ordinal, start, \"end\", text, kind, "
        "speaker, "
        "speaker_id, speaker_start, speaker_end, cue, via) VALUES (?1, ?2, ?3, ?4, ?5, "
        "?6, ?7, ?8, "
        "?9, ?10, ?11, ?12)");
    if (!insert.ok()) return insert.status();
    insert->Bind(1, rowid).Bind(2, i).Bind(3, q.span.start).Bind(4, q.span.end);
    insert->Bind(5, Slice(text, q.span))
        .Bind(6, QuoteKindName(q.kind))
        .Bind(7, q.speaker);
    insert->BindOrNull(8, q.speaker_id);
    if (q.speaker_span.empty()) {
      insert->BindNull(9).BindNull(10);
    } else {
      insert->Bind(9, q.speaker_span.start).Bind(10, q.speaker_span.end);
    }
    insert->BindOrNull(11, q.cue).Bind(12, q.via);
    status = insert->Run();
    if (!status.ok()) return status;
    const int64_t quote_rowid = db_->LastInsertRowid();
    keys.clear();
    status = terms_->AddPersonKeys(q.speaker.value_or(""), q.speaker_id,
                                   canonical_names(q.speaker_id), &keys);
    if (status.ok()) {
      status = insert_keys(
          "INSERT INTO quote_speaker_keys (key, quote_rowid, article_rowid) VALUES (?1, "
          "?2, ?3)",
          quote_rowid, keys);
    }
    if (!status.ok()) return status;
  }

  for (size_t i = 0; i < analysis.claims.size(); ++i) {
    const Claim& c = analysis.claims[i];
    auto insert = db_->Prepare(
        "INSERT INTO claims (article_rowid, ordinal, start, \"end\", text, value, low, "
        "high, "
        "qualifier, counted, event, asserted_by, asserted_by_id, claim_when) VALUES (?1, "
        "?2, ?3, "
        "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    if (!insert.ok()) return insert.status();
    insert->Bind(1, rowid).Bind(2, i).Bind(3, c.span.start).Bind(4, c.span.end);
    insert->Bind(5, Slice(text, c.span)).Bind(6, c.value).Bind(7, c.low).Bind(8, c.high);
    insert->Bind(9, QualifierName(c.qualifier)).Bind(10, c.counted).Bind(11, c.event);
    insert->Bind(12, c.by).BindOrNull(13, c.by_id).Bind(14, c.when);
    status = insert->Run();
    if (!status.ok()) return status;
    const int64_t claim_rowid = db_->LastInsertRowid();
    keys.clear();
    status = terms_->AddPersonKeys(c.by.value_or(""), c.by_id, canonical_names(c.by_id),
                                   &keys);
    if (status.ok()) {
      status = insert_keys(
          "INSERT INTO claim_source_keys (key, claim_rowid, article_rowid) VALUES (?1, "
          "?2, ?3)",
          claim_rowid, keys);
    }
    if (!status.ok()) return status;
    keys.clear();
    status = terms_->AddCountedTerms(c.counted, analysis.language, &keys);
    IndexTerms::Dedupe(&keys);
    if (status.ok()) {
      status = insert_keys(
          "INSERT INTO claim_terms (term, claim_rowid, article_rowid) VALUES (?1, ?2, "
          "?3)",
          claim_rowid, keys);
    }
    if (!status.ok()) return status;
  }

  for (size_t i = 0; i < analysis.citations.size(); ++i) {
    const Citation& c = analysis.citations[i];
    auto insert = db_->Prepare(
        "INSERT INTO citations (article_rowid, ordinal, start, \"end\", surface, "
        "outlet_id, "
        "outlet_name, relation, mangled) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!insert.ok()) return insert.status();
    status = insert->Bind(1, rowid)
                 .Bind(2, i)
                 .Bind(3, c.span.start)
                 .Bind(4, c.span.end)
                 .Bind(5, Slice(text, c.span))
                 .Bind(6, c.outlet)
                 .Bind(7, c.outlet_name)
                 .Bind(8, CitationRelationName(c.relation))
                 .Bind(9, c.mangled)
                 .Run();
    if (!status.ok()) return status;
  }

  for (size_t i = 0; i < analysis.quality.signals.size(); ++i) {
    const QualitySignal& s = analysis.quality.signals[i];
    auto insert = db_->Prepare(
        "INSERT INTO quality_signals (article_rowid, ordinal, kind, start, \"end\", "
        "weight, why) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert.ok()) return insert.status();
    status = insert->Bind(1, rowid)
                 .Bind(2, i)
                 .Bind(3, s.kind)
                 .Bind(4, s.span.start)
                 .Bind(5, s.span.end)
                 .Bind(6, s.weight)
                 .Bind(7, s.why)
                 .Run();
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Result<std::string> SqliteStore::ResolveId(std::string_view id_or_prefix) {
  if (id_or_prefix.empty()) return Status::InvalidArgument("empty article id");
  {
    auto exact = db_->Prepare("SELECT id FROM articles WHERE id = ?1");
    if (!exact.ok()) return exact.status();
    exact->Bind(1, id_or_prefix);
    auto row = exact->Step();
    if (!row.ok()) return row.status();
    if (*row) return exact->String(0);
  }
  // Every id starting with the prefix sorts between it and prefix + 0xFF (a
  // byte UTF-8 never contains).
  auto prefix = db_->Prepare(
      "SELECT id FROM articles WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 6");
  if (!prefix.ok()) return prefix.status();
  prefix->Bind(1, id_or_prefix).Bind(2, std::string(id_or_prefix) + '\xFF');
  std::vector<std::string> ids;
  Status status = prefix->ForEachRow([&] { ids.push_back(prefix->String(0)); });
  if (!status.ok()) return status;
  if (ids.empty()) {
    return Status::NotFound(fmt::format("no article with id \"{}\"", id_or_prefix));
  }
  if (ids.size() > 1) {
    if (ids.size() > 5) ids.back() = "...";
    return Status::InvalidArgument(
        fmt::format("\"{}\" is the beginning of several ids: {}", id_or_prefix,
                    fmt::join(ids, ", ")));
  }
  return ids[0];
}

Result<StoredArticle> SqliteStore::Get(std::string_view id) {
  auto select = db_->Prepare(
      "SELECT a.id, a.sha256, a.source_path, a.source_line, a.source_format, "
      "a.source_encoding, "
      "b.raw, b.text, a.title, a.date, a.url, a.outlet, a.language, a.verdict, a.score, "
      "a.ingested_at, b.analysis_json FROM articles a JOIN article_bodies b ON "
      "b.article_rowid = "
      "a.rowid WHERE a.id = ?1");
  if (!select.ok()) return select.status();
  select->Bind(1, id);
  auto row = select->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound(fmt::format("no article with id \"{}\"", id));
  StoredArticle a;
  a.id = select->String(0);
  a.source.sha256 = select->String(1);
  a.source.path = select->String(2);
  a.source.line = select->IsNull(3) ? 0 : static_cast<uint64_t>(select->Int64(3));
  a.source.format = select->String(4);
  a.source.encoding = select->String(5);
  a.text = select->String(7);
  a.raw = select->IsNull(6) ? a.text : select->String(6);
  a.title = select->OptionalString(8);
  a.date = select->OptionalString(9);
  a.url = select->OptionalString(10);
  a.outlet = select->OptionalString(11);
  a.language = select->String(12);
  a.verdict = select->String(13);
  a.score = select->Double(14);
  a.ingested_at = select->String(15);
  a.analysis_json = select->String(16);
  return a;
}

Result<std::vector<SearchHit>> SqliteStore::Search(const SearchQuery& query) {
  if (!query.since.empty() && !IsIsoDatePrefix(query.since)) {
    return Status::InvalidArgument(fmt::format(
        "bad date \"{}\": --since takes YYYY-MM-DD, YYYY-MM or YYYY", query.since));
  }
  if (query.limit <= 0) return Status::InvalidArgument("--limit must be at least 1");
  std::string match;
  const bool full_text = query.text.find_first_not_of(" \t\r\n") != std::string::npos;
  if (full_text) {
    auto rewritten = RewriteSearchQuery(query.text);
    if (!rewritten.ok()) return rewritten.status();
    match = std::move(rewritten).value();
  }

  Parameters params;
  const std::string match_param = full_text ? params.Add(match) : "";
  std::string filters;
  auto add_filter = [&](const std::string& condition) { filters += " AND " + condition; };
  if (!query.language.empty()) add_filter("a.language = " + params.Add(query.language));
  if (!query.verdict.empty()) add_filter("a.verdict = " + params.Add(query.verdict));
  if (!query.outlet.empty()) {
    add_filter("a.outlet = " + params.Add(query.outlet) + " COLLATE NOCASE");
  }
  if (!query.since.empty()) add_filter("a.date >= " + params.Add(query.since));
  if (!query.entity.empty()) {
    add_filter("EXISTS (SELECT 1 FROM article_entities e WHERE e.entity_id = " +
               params.Add(query.entity) + " AND e.article_rowid = a.rowid)");
  }
  if (!query.speaker.empty()) {
    auto key = terms_->NameQueryKey(query.speaker);
    if (!key.ok()) return key.status();
    add_filter("EXISTS (SELECT 1 FROM quote_speaker_keys k WHERE k.key IN " +
               SpeakerKeySet(params.Add(*key)) + " AND k.article_rowid = a.rowid)");
  }
  const std::string limit = params.Add(std::to_string(query.limit));

  std::vector<std::string> tables;
  if (full_text) {
    // Another connection may have created tables for new languages since.
    Status status = LoadFtsTables();
    if (!status.ok()) return status;
    if (query.language.empty()) {
      tables.assign(fts_tables_.begin(), fts_tables_.end());
    } else {
      // Articles of one language all live in one table; the table "other" is
      // still searched when that language has none, so a bad query is reported.
      tables.push_back(fts_tables_.count(FtsLanguage(query.language))
                           ? FtsLanguage(query.language)
                           : "other");
    }
  }

  std::string sql;
  if (full_text) {
    // Each table ranks its own matches (BM25 statistics are per language);
    // the union is ordered by score. Title words weigh double.
    for (const std::string& table : tables) {
      if (!sql.empty()) sql += " UNION ALL ";
      // The articles table is joined only when a facet needs it.
      sql += fmt::format(
          "SELECT * FROM (SELECT fts_{0}.rowid AS r, '{0}' AS t, bm25(fts_{0}, 2.0, 1.0) "
          "AS s "
          "FROM fts_{0}{1} WHERE fts_{0} MATCH {2}{3} ORDER BY s LIMIT {4})",
          table,
          filters.empty()
              ? ""
              : fmt::format(" JOIN articles a ON a.rowid = fts_{}.rowid", table),
          match_param, filters, limit);
    }
    sql = "SELECT r, t, s FROM (" + sql + ") ORDER BY s, r LIMIT " + limit;
  } else {
    sql = "SELECT a.rowid, a.fts_language, 0.0 FROM articles a WHERE 1" + filters +
          " ORDER BY a.date DESC, a.rowid DESC LIMIT " + limit;
  }
  struct Ranked {
    int64_t rowid;
    std::string table;
    double score;
  };
  std::vector<Ranked> ranked;
  {
    auto select = db_->Prepare(sql);
    if (!select.ok()) {
      if (full_text) return ExplainQueryError(query.text, select.status().message());
      return select.status();
    }
    params.BindAll(&*select);
    while (true) {
      auto row = select->Step();
      if (!row.ok()) {
        if (full_text && row.status().code() == Status::Code::kInvalidArgument) {
          return ExplainQueryError(query.text, row.status().message());
        }
        return row.status();
      }
      if (!*row) break;
      ranked.push_back({select->Int64(0), select->String(1), -select->Double(2)});
    }
  }
  std::vector<SearchHit> hits(ranked.size());
  for (size_t i = 0; i < ranked.size(); ++i) {
    hits[i].score = full_text ? ranked[i].score : 0;
    Status status =
        FillHit(ranked[i].rowid, full_text ? ranked[i].table : "", match, &hits[i]);
    if (!status.ok()) return status;
  }
  return hits;
}

Status SqliteStore::FillHit(int64_t rowid, const std::string& fts_language,
                            const std::string& match, SearchHit* hit) {
  {
    auto select = db_->Prepare(
        "SELECT id, title, language, source_path, source_line, date, outlet, verdict, "
        "score, "
        "(SELECT substr(text, 1, 400) FROM article_bodies WHERE article_rowid = ?1) FROM "
        "articles WHERE rowid = ?1");
    if (!select.ok()) return select.status();
    select->Bind(1, rowid);
    auto row = select->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Internal("search hit vanished");
    hit->id = select->String(0);
    hit->title = select->OptionalString(1);
    hit->language = select->String(2);
    hit->path = select->String(3);
    hit->line = select->IsNull(4) ? 0 : static_cast<uint64_t>(select->Int64(4));
    hit->date = select->OptionalString(5);
    hit->outlet = select->OptionalString(6);
    hit->verdict = select->String(7);
    hit->quality_score = select->Double(8);
    if (fts_language.empty()) hit->snippet = PlainSnippet(select->Text(9));
  }
  if (fts_language.empty()) return Status::Ok();
  auto snippet =
      db_->Prepare(fmt::format("SELECT snippet(fts_{0}, 1, '{1}', '{2}', '…', 24) FROM "
                               "fts_{0} WHERE fts_{0} MATCH ?1 AND "
                               "rowid = ?2",
                               fts_language, kMarkOpen, kMarkClose));
  if (!snippet.ok()) return snippet.status();
  snippet->Bind(1, match).Bind(2, rowid);
  auto row = snippet->Step();
  if (!row.ok()) return row.status();
  if (*row) ParseSnippet(snippet->Text(0), &hit->snippet, &hit->highlights);
  return Status::Ok();
}

Result<std::vector<StoredQuote>> SqliteStore::Quotes(const QuoteFilter& filter) {
  Parameters params;
  std::string sql =
      "SELECT a.id, a.title, q.start, q.\"end\", q.text, q.kind, q.speaker, "
      "q.speaker_id, "
      "q.speaker_start, q.speaker_end, q.cue, q.via FROM quotes q JOIN articles a ON "
      "a.rowid = "
      "q.article_rowid";
  if (!filter.speaker.empty()) {
    auto key = terms_->NameQueryKey(filter.speaker);
    if (!key.ok()) return key.status();
    sql += " WHERE q.rowid IN (SELECT quote_rowid FROM quote_speaker_keys WHERE key IN " +
           SpeakerKeySet(params.Add(*key)) + ")";
  }
  sql += " ORDER BY q.article_rowid, q.ordinal";
  if (filter.limit > 0) sql += " LIMIT " + params.Add(std::to_string(filter.limit));
  auto select = db_->Prepare(sql);
  if (!select.ok()) return select.status();
  params.BindAll(&*select);
  std::vector<StoredQuote> quotes;
  Status status = select->ForEachRow([&] {
    StoredQuote q;
    q.article_id = select->String(0);
    q.article_title = select->OptionalString(1);
    q.quote.span = {static_cast<uint32_t>(select->Int64(2)),
                    static_cast<uint32_t>(select->Int64(3))};
    q.text = select->String(4);
    const std::string kind = select->String(5);
    for (QuoteKind k : {QuoteKind::kDirect, QuoteKind::kPartial, QuoteKind::kReported}) {
      if (kind == QuoteKindName(k)) q.quote.kind = k;
    }
    q.quote.speaker = select->OptionalString(6);
    q.quote.speaker_id = select->OptionalString(7).value_or("");
    if (!select->IsNull(8)) {
      q.quote.speaker_span = {static_cast<uint32_t>(select->Int64(8)),
                              static_cast<uint32_t>(select->Int64(9))};
    }
    q.quote.cue = select->OptionalString(10).value_or("");
    q.quote.via = select->OptionalString(11);
    quotes.push_back(std::move(q));
  });
  if (!status.ok()) return status;
  return quotes;
}

Result<std::vector<StoredClaim>> SqliteStore::Claims(const ClaimFilter& filter) {
  Parameters params;
  std::string sql =
      "SELECT a.id, a.title, c.start, c.\"end\", c.text, c.value, c.low, c.high, "
      "c.qualifier, "
      "c.counted, c.event, c.asserted_by, c.asserted_by_id, c.claim_when FROM claims c "
      "JOIN "
      "articles a ON a.rowid = c.article_rowid WHERE 1";
  if (!filter.counted.empty()) {
    // Terms were stemmed in their article's language: stem the query word
    // in every language the store holds.
    std::vector<std::string> languages;
    auto select = db_->Prepare("SELECT DISTINCT language FROM articles");
    if (!select.ok()) return select.status();
    Status status = select->ForEachRow([&] { languages.push_back(select->String(0)); });
    if (!status.ok()) return status;
    auto words = terms_->CountedQueryTerms(filter.counted, languages);
    if (!words.ok()) return words.status();
    if (words->empty()) return std::vector<StoredClaim>{};
    for (const std::vector<std::string>& variants : *words) {
      std::string list;
      for (const std::string& term : variants)
        list += (list.empty() ? "" : ", ") + params.Add(term);
      sql += " AND c.rowid IN (SELECT claim_rowid FROM claim_terms WHERE term IN (" +
             list + "))";
    }
  }
  if (!filter.by.empty()) {
    auto key = terms_->NameQueryKey(filter.by);
    if (!key.ok()) return key.status();
    sql += " AND c.rowid IN (SELECT claim_rowid FROM claim_source_keys WHERE key IN " +
           SourceKeySet(params.Add(*key)) + ")";
  }
  sql += " ORDER BY c.article_rowid, c.ordinal";
  if (filter.limit > 0) sql += " LIMIT " + params.Add(std::to_string(filter.limit));
  auto select = db_->Prepare(sql);
  if (!select.ok()) return select.status();
  params.BindAll(&*select);
  std::vector<StoredClaim> claims;
  Status status = select->ForEachRow([&] {
    StoredClaim c;
    c.article_id = select->String(0);
    c.article_title = select->OptionalString(1);
    c.claim.span = {static_cast<uint32_t>(select->Int64(2)),
                    static_cast<uint32_t>(select->Int64(3))};
    c.text = select->String(4);
    c.claim.value = select->Double(5);
    c.claim.low = select->OptionalDouble(6);
    c.claim.high = select->OptionalDouble(7);
    const std::string qualifier = select->String(8);
    for (Qualifier q : {Qualifier::kExact, Qualifier::kAtLeast, Qualifier::kMoreThan,
                        Qualifier::kUpTo, Qualifier::kAbout, Qualifier::kLessThan}) {
      if (qualifier == QualifierName(q)) c.claim.qualifier = q;
    }
    c.claim.counted = select->String(9);
    c.claim.event = select->OptionalString(10);
    c.claim.by = select->OptionalString(11);
    c.claim.by_id = select->OptionalString(12).value_or("");
    c.claim.when = select->OptionalString(13);
    claims.push_back(std::move(c));
  });
  if (!status.ok()) return status;
  return claims;
}

Status SqliteStore::Optimize() {
  // Without statistics the planner answers "--lang en, newest first" by
  // sorting every English article instead of walking the date index (30x
  // slower at 100,000 articles). A sampled ANALYZE is enough to tell them.
  return db_->Exec("PRAGMA analysis_limit=1000; ANALYZE;");
}

Result<StoreStats> SqliteStore::Stats() {
  StoreStats stats;
  stats.path = db_->path();
  stats.schema_version = schema_version_;
  auto scalar = [&](const char* sql, uint64_t* out) -> Status {
    auto select = db_->Prepare(sql);
    if (!select.ok()) return select.status();
    auto row = select->Step();
    if (!row.ok()) return row.status();
    *out = *row ? static_cast<uint64_t>(select->Int64(0)) : 0;
    return Status::Ok();
  };
  auto counts = [&](const char* sql,
                    std::vector<std::pair<std::string, uint64_t>>* out) -> Status {
    auto select = db_->Prepare(sql);
    if (!select.ok()) return select.status();
    return select->ForEachRow([&] {
      out->emplace_back(select->String(0), static_cast<uint64_t>(select->Int64(1)));
    });
  };
  uint64_t page_count = 0, page_size = 0;
  for (Status status : {
           scalar("SELECT count(*) FROM articles", &stats.articles),
           scalar("SELECT coalesce(sum(raw_bytes), 0) FROM articles", &stats.raw_bytes),
           scalar("SELECT count(DISTINCT entity_id) FROM article_entities",
                  &stats.entities),
           scalar("SELECT coalesce(sum(mentions), 0) FROM article_entities",
                  &stats.entity_mentions),
           scalar("SELECT count(*) FROM quotes", &stats.quotes),
           scalar("SELECT count(*) FROM claims", &stats.claims),
           scalar("SELECT count(*) FROM citations", &stats.citations),
           scalar("SELECT count(*) FROM quality_signals", &stats.quality_signals),
           scalar("PRAGMA page_count", &page_count),
           scalar("PRAGMA page_size", &page_size),
           counts("SELECT language, count(*) AS n FROM articles GROUP BY language "
                  "ORDER BY n DESC, language",
                  &stats.languages),
           counts("SELECT verdict, count(*) AS n FROM articles GROUP BY verdict "
                  "ORDER BY n DESC, verdict",
                  &stats.verdicts),
           counts("SELECT outlet, count(*) AS n FROM articles WHERE outlet IS NOT NULL "
                  "GROUP BY outlet COLLATE NOCASE ORDER BY n DESC, outlet LIMIT 10",
                  &stats.outlets),
           counts(
               "SELECT entity_id, count(*) AS n FROM article_entities GROUP BY entity_id "
               "ORDER BY n DESC, entity_id LIMIT 10",
               &stats.top_entities),
       }) {
    if (!status.ok()) return status;
  }
  std::error_code ec;
  const auto wal = std::filesystem::file_size(db_->path() + "-wal", ec);
  stats.database_bytes = page_count * page_size + (ec ? 0 : wal);
  auto dates = db_->Prepare("SELECT min(date), max(date) FROM articles");
  if (!dates.ok()) return dates.status();
  auto row = dates->Step();
  if (!row.ok()) return row.status();
  if (*row) {
    stats.first_date = dates->OptionalString(0);
    stats.last_date = dates->OptionalString(1);
  }
  return stats;
}

}  // namespace veille
