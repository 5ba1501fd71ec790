#include "store/sqlite_store.h"

#include <gtest/gtest.h>

#include <deque>
#include <filesystem>

#include "store/sqlite_schema.h"
#include "test_support.h"
#include "util/hash.h"

namespace veille {
namespace {

using testing::TempDir;

Span Find(const std::string& text, std::string_view needle) {
  const size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

// Articles and analyses built by hand, so the store is tested whatever the
// analysis stages find.
class Corpus {
 public:
  Article& Add(std::string id, std::string text, std::string language) {
    Article& article = articles_.emplace_back();
    article.id = std::move(id);
    article.text = std::move(text);
    article.source.path = "/in/" + article.id + ".txt";
    article.source.sha256 = Sha256Hex(article.text);
    Analysis& analysis = analyses_.emplace_back();
    analysis.language = std::move(language);
    analysis.language_confidence = 0.9;
    const size_t newline = article.text.find('\n');
    analysis.title = article.text.substr(0, newline);
    analysis.title_span = {0, static_cast<uint32_t>(analysis.title->size())};
    return article;
  }
  Analysis& analysis() { return analyses_.back(); }
  const std::string& text() { return articles_.back().text; }

  void AddEntity(std::string_view surface, const std::string& id, const std::string& name,
                 EntityType type = EntityType::kPerson) {
    analyses_.back().entities.push_back({Find(text(), surface), type, id, name});
  }
  void AddQuote(std::string_view words, std::optional<std::string> speaker,
                std::string speaker_id = "") {
    Quote q;
    q.span = Find(text(), words);
    q.speaker = std::move(speaker);
    q.speaker_id = std::move(speaker_id);
    q.cue = "said";
    analyses_.back().quotes.push_back(q);
  }
  void AddClaim(std::string_view words, double value, std::string counted,
                std::optional<std::string> by = std::nullopt, std::string by_id = "") {
    Claim c;
    c.span = Find(text(), words);
    c.value = value;
    c.counted = std::move(counted);
    c.by = std::move(by);
    c.by_id = std::move(by_id);
    analyses_.back().claims.push_back(c);
  }

  std::vector<StoreItem> Items() {
    std::vector<StoreItem> items;
    json_.resize(articles_.size());
    for (size_t i = 0; i < articles_.size(); ++i) {
      json_[i] = "{\"id\":\"" + articles_[i].id + "\"}";
      items.push_back({&articles_[i], &analyses_[i], json_[i]});
    }
    return items;
  }
  Article& article(size_t i) { return articles_[i]; }
  Analysis& analysis(size_t i) { return analyses_[i]; }

 private:
  // Deques: StoreItems point into them.
  std::deque<Article> articles_;
  std::deque<Analysis> analyses_;
  std::deque<std::string> json_;
};

std::unique_ptr<SqliteStore> OpenOrDie(const std::string& path, int max_version = 0) {
  StoreOptions options;
  options.path = path;
  options.max_schema_version = max_version;
  auto store = SqliteStore::Open(options);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

void PutOrDie(Store* store, Corpus* corpus, std::vector<PutResult>* results = nullptr) {
  std::vector<PutResult> local;
  auto items = corpus->Items();
  Status status = store->Put(items, results ? results : &local);
  ASSERT_TRUE(status.ok()) << status.ToString();
}

std::vector<std::string> Ids(const Result<std::vector<SearchHit>>& hits) {
  std::vector<std::string> ids;
  EXPECT_TRUE(hits.ok()) << hits.status().ToString();
  if (hits.ok()) {
    for (const SearchHit& hit : hits.value()) ids.push_back(hit.id);
  }
  return ids;
}

int64_t Count(SqliteStore* store, const std::string& sql) {
  auto select = store->database()->Prepare(sql);
  EXPECT_TRUE(select.ok()) << select.status().ToString();
  auto row = select->Step();
  EXPECT_TRUE(row.ok() && *row);
  return select->Int64(0);
}

// Three articles, two languages, with entities, quotes and claims.
void AddNewsCorpus(Corpus* corpus) {
  corpus->Add(
      "fr-1",
      "Les armées russes avancent\n\nVladimir Poutine a déclaré que « les armées "
      "avancent ». Plus de 800 volontaires sont partis de Koursk, selon le gouverneur.",
      "fr");
  corpus->AddEntity("Vladimir Poutine", "person:vladimir-putin", "Vladimir Putin");
  corpus->AddEntity("Koursk", "place:ru-kur", "Kursk", EntityType::kPlace);
  corpus->AddQuote("les armées avancent", "Vladimir Poutine", "person:vladimir-putin");
  corpus->AddClaim("Plus de 800 volontaires", 800, "volontaires", "le gouverneur");
  corpus->analysis().date = "2024-03-02";
  corpus->article(0).outlet = "Le Monde";

  corpus->Add("en-1",
              "Troops leave Kursk\n\nThe governor said that 300 soldiers had left Kursk. "
              "\"We will hold,\" said Alexander Khinshtein.",
              "en");
  corpus->AddEntity("Kursk", "place:ru-kur", "Kursk", EntityType::kPlace);
  corpus->AddEntity("Alexander Khinshtein", "person:alexander-khinshtein",
                    "Alexander Khinshtein");
  corpus->AddQuote("We will hold,", "Alexander Khinshtein",
                   "person:alexander-khinshtein");
  corpus->AddClaim("300 soldiers", 300, "soldiers", "The governor");
  corpus->analysis().date = "2024-05-10";
  corpus->analysis().quality.verdict = "suspect";
  corpus->analysis().quality.score = 0.4;
  corpus->analysis().quality.signals.push_back(
      {"fake_bio", Find(corpus->text(), "The governor"), 0.3, "why not"});
  corpus->article(1).outlet = "Reuters";

  corpus->Add(
      "en-2",
      "Gas prices\n\nGas prices rose again. Soldiers, soldiers everywhere: the soldier "
      "count doubled, Putin said.",
      "en");
  corpus->AddEntity("Putin", "person:vladimir-putin", "Vladimir Putin");
  corpus->AddQuote("the soldier count doubled", "Putin", "person:vladimir-putin");
  corpus->analysis().date = "2023-12-31";
  corpus->article(2).outlet = "reuters";
}

TEST(SqliteStoreTest, StoresArticlesWithEveryExtraction) {
  TempDir dir;
  auto store = OpenOrDie(dir.path() + "/v.db");
  Corpus corpus;
  AddNewsCorpus(&corpus);
  std::vector<PutResult> results;
  PutOrDie(store.get(), &corpus, &results);
  ASSERT_EQ(results.size(), 3u);
  for (const PutResult& r : results) EXPECT_EQ(r.outcome, PutOutcome::kAdded);
  EXPECT_EQ(Count(store.get(), "SELECT count(*) FROM articles"), 3);
  EXPECT_EQ(Count(store.get(), "SELECT count(*) FROM article_entities"), 5);
  EXPECT_EQ(Count(store.get(), "SELECT count(*) FROM quotes"), 3);
  EXPECT_EQ(Count(store.get(), "SELECT count(*) FROM claims"), 2);
  EXPECT_EQ(Count(store.get(), "SELECT count(*) FROM quality_signals"), 1);
  EXPECT_EQ(Count(store.get(), "SELECT count(*) FROM fts_tables"), 3);  // other, fr, en
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 3u);
  EXPECT_EQ(stats->quotes, 3u);
  EXPECT_EQ(stats->entities, 3u);
  EXPECT_EQ(stats->first_date, "2023-12-31");
  ASSERT_FALSE(stats->languages.empty());
  EXPECT_EQ(stats->languages[0], (std::pair<std::string, uint64_t>{"en", 2}));
  ASSERT_FALSE(stats->outlets.empty());
  EXPECT_EQ(stats->outlets[0].second, 2u) << "outlets group case-insensitively";
  ASSERT_TRUE(store->Optimize().ok());
  EXPECT_GT(Count(store.get(), "SELECT count(*) FROM sqlite_stat1"), 0);
}

TEST(SqliteStoreTest, SameBytesAreSkippedAndOtherBytesUnderTheSameIdAreAConflict) {
  TempDir dir;
  auto store = OpenOrDie(dir.path() + "/v.db");
  Corpus first;
  AddNewsCorpus(&first);
  PutOrDie(store.get(), &first);

  Corpus again;
  AddNewsCorpus(&again);
  again.article(1).text += " Updated.";
  again.article(1).source.sha256 = Sha256Hex(again.article(1).text);
  std::vector<PutResult> results;
  PutOrDie(store.get(), &again, &results);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0].outcome, PutOutcome::kUnchanged);
  EXPECT_EQ(results[1].outcome, PutOutcome::kConflict);
  EXPECT_EQ(results[1].stored_sha256, first.article(1).source.sha256);
  EXPECT_EQ(results[1].stored_path, "/in/en-1.txt");
  EXPECT_EQ(Count(store.get(), "SELECT count(*) FROM articles"), 3);
  EXPECT_EQ(Count(store.get(), "SELECT count(*) FROM quotes"), 3);
  auto stored = store->Get("en-1");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->text, first.article(1).text);

  auto contains = store->Contains("fr-1", first.article(0).source.sha256);
  ASSERT_TRUE(contains.ok());
  EXPECT_TRUE(*contains);
  EXPECT_FALSE(store->Contains("fr-1", "0000").value());
  EXPECT_FALSE(store->Contains("nope", first.article(0).source.sha256).value());
}

TEST(SqliteStoreTest, RawBytesComeBackExactlyWhetherOrNotTheyDifferFromTheText) {
  TempDir dir;
  auto store = OpenOrDie(dir.path() + "/v.db");
  Corpus corpus;
  corpus.Add("plain", "Plain UTF-8 text, stored once.\n", "en");
  Article& legacy = corpus.Add("legacy", "Le député a quitté la séance.\n", "fr");
  legacy.raw =
      "Le d\xE9put\xE9 a quitt\xE9 la s\xE9"
      "ance.\n";
  legacy.source.encoding = "windows-1252";
  legacy.source.sha256 = Sha256Hex(legacy.raw);
  Article& nul = corpus.Add("nul", std::string("text with \0 inside\n", 19), "en");
  nul.raw = std::string("\xFF\xFEt\0e\0x\0t\0\0\0", 12);
  PutOrDie(store.get(), &corpus);
  for (size_t i = 0; i < 3; ++i) {
    auto stored = store->Get(corpus.article(i).id);
    ASSERT_TRUE(stored.ok()) << stored.status().ToString();
    EXPECT_EQ(stored->raw, corpus.article(i).RawBytes()) << corpus.article(i).id;
    EXPECT_EQ(stored->text, corpus.article(i).text);
    EXPECT_EQ(stored->source.encoding, corpus.article(i).source.encoding);
  }
  EXPECT_EQ(Count(store.get(), "SELECT count(*) FROM article_bodies WHERE raw IS NULL"),
            1);
}

TEST(SqliteStoreTest, IdsResolveFromAUniquePrefix) {
  TempDir dir;
  auto store = OpenOrDie(dir.path() + "/v.db");
  Corpus corpus;
  AddNewsCorpus(&corpus);
  PutOrDie(store.get(), &corpus);
  EXPECT_EQ(store->ResolveId("fr").value(), "fr-1");
  EXPECT_EQ(store->ResolveId("en-2").value(), "en-2");
  auto ambiguous = store->ResolveId("en");
  ASSERT_FALSE(ambiguous.ok());
  EXPECT_NE(ambiguous.status().message().find("en-1, en-2"), std::string::npos);
  EXPECT_EQ(store->ResolveId("zz").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(store->Get("fr").status().code(), Status::Code::kNotFound);
}

TEST(SqliteStoreTest, SearchFoldsCaseAndAccentsAndStemsPerLanguage) {
  TempDir dir;
  auto store = OpenOrDie(dir.path() + "/v.db");
  Corpus corpus;
  AddNewsCorpus(&corpus);
  PutOrDie(store.get(), &corpus);
  for (const char* query : {"armées", "armee", "ARMÉES", "armée", "Armees"}) {
    SearchQuery q;
    q.text = query;
    EXPECT_EQ(Ids(store->Search(q)), std::vector<std::string>{"fr-1"}) << query;
  }
  SearchQuery soldier;
  soldier.text = "soldier";
  // en-2 says it three times, en-1 once: BM25 ranks en-2 first.
  EXPECT_EQ(Ids(store->Search(soldier)), (std::vector<std::string>{"en-2", "en-1"}));
  SearchQuery volunteer;
  volunteer.text = "volontaire";
  EXPECT_EQ(Ids(store->Search(volunteer)), std::vector<std::string>{"fr-1"});
  SearchQuery phrase;
  phrase.text = "\"prices rose\"";
  EXPECT_EQ(Ids(store->Search(phrase)), std::vector<std::string>{"en-2"});
  SearchQuery prefix;
  prefix.text = "avan*";
  EXPECT_EQ(Ids(store->Search(prefix)), std::vector<std::string>{"fr-1"});
  prefix.text = "ÉVERYWH*";  // folded, matched against stems ("everywher")
  EXPECT_EQ(Ids(store->Search(prefix)), std::vector<std::string>{"en-2"});
  SearchQuery title;
  title.text = "title:gas";
  EXPECT_EQ(Ids(store->Search(title)), std::vector<std::string>{"en-2"});
  SearchQuery boolean;
  boolean.text = "Kursk NOT governor";
  EXPECT_EQ(Ids(store->Search(boolean)), std::vector<std::string>{});
  boolean.text = "Kursk OR Koursk";
  EXPECT_EQ(Ids(store->Search(boolean)).size(), 2u);
}

TEST(SqliteStoreTest, SearchReturnsSnippetsWithHighlightOffsets) {
  TempDir dir;
  auto store = OpenOrDie(dir.path() + "/v.db");
  Corpus corpus;
  AddNewsCorpus(&corpus);
  PutOrDie(store.get(), &corpus);
  SearchQuery q;
  q.text = "volontaires Koursk";
  auto hits = store->Search(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  const SearchHit& hit = (*hits)[0];
  EXPECT_EQ(hit.title, "Les armées russes avancent");
  EXPECT_EQ(hit.language, "fr");
  EXPECT_EQ(hit.path, "/in/fr-1.txt");
  EXPECT_GT(hit.score, 0);
  EXPECT_EQ(hit.snippet.find('\n'), std::string::npos);
  std::vector<std::string> marked;
  for (Span s : hit.highlights) marked.emplace_back(s.In(hit.snippet));
  EXPECT_EQ(marked, (std::vector<std::string>{"volontaires", "Koursk"})) << hit.snippet;
}

TEST(SqliteStoreTest, FacetsFilterByLanguageEntityOutletSpeakerVerdictAndDate) {
  TempDir dir;
  auto store = OpenOrDie(dir.path() + "/v.db");
  Corpus corpus;
  AddNewsCorpus(&corpus);
  PutOrDie(store.get(), &corpus);
  struct Case {
    SearchQuery query;
    std::vector<std::string> ids;
  };
// Designated initializers leave the other facets at their defaults, which is
// the point here.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
  const Case cases[] = {
      {{.text = ""}, {"en-1", "fr-1", "en-2"}},  // newest first
      {{.text = "kursk OR koursk", .language = "en"}, {"en-1"}},
      {{.entity = "person:vladimir-putin"}, {"fr-1", "en-2"}},
      {{.text = "soldiers", .outlet = "REUTERS"}, {"en-2", "en-1"}},
      {{.speaker = "Putin"}, {"fr-1", "en-2"}},
      {{.speaker = "poutine"}, {"fr-1", "en-2"}},
      {{.speaker = "Vladimir Putin"}, {"fr-1", "en-2"}},
      {{.speaker = "person:vladimir-putin"}, {"fr-1", "en-2"}},
      {{.speaker = "Khinshtein"}, {"en-1"}},
      {{.verdict = "suspect"}, {"en-1"}},
      {{.since = "2024-03"}, {"en-1", "fr-1"}},
      {{.entity = "place:ru-kur", .since = "2024", .limit = 1}, {"en-1"}},
  };
#pragma GCC diagnostic pop
  for (const Case& c : cases) {
    EXPECT_EQ(Ids(store->Search(c.query)), c.ids)
        << "text=" << c.query.text << " lang=" << c.query.language
        << " entity=" << c.query.entity << " outlet=" << c.query.outlet
        << " speaker=" << c.query.speaker << " verdict=" << c.query.verdict
        << " since=" << c.query.since;
  }
  SearchQuery bad_date;
  bad_date.since = "yesterday";
  EXPECT_EQ(store->Search(bad_date).status().code(), Status::Code::kInvalidArgument);
}

TEST(SqliteStoreTest, MalformedQueriesGetAClearErrorNotACrash) {
  TempDir dir;
  auto store = OpenOrDie(dir.path() + "/v.db");
  Corpus corpus;
  AddNewsCorpus(&corpus);
  PutOrDie(store.get(), &corpus);
  struct Case {
    const char* query;
    const char* explanation;
  };
  const Case cases[] = {
      {"\"unbalanced", "not closed"},
      {"soldiers \"left", "not closed"},
      {"AND", "syntax error near \"AND\""},
      {"soldiers OR", "ends where a word"},
      {"NOT", "syntax error"},
      {"NEAR(", "ends where a word"},
      {"NEAR(soldiers", "ends where a word"},
      {"*", "cannot start with *"},
      {"**", "cannot start with *"},
      {"(soldiers", "ends where a word"},
      {"soldiers)", "syntax error near \")\""},
      {"nosuchfield:x", "\"nosuchfield:\" names no field"},
      {"^", "ends where a word"},
      {"+", "syntax error near \"+\""},
      {"{", "ends where a word"},
  };
  for (const Case& c : cases) {
    SearchQuery q;
    q.text = c.query;
    auto hits = store->Search(q);
    ASSERT_FALSE(hits.ok()) << c.query;
    EXPECT_EQ(hits.status().code(), Status::Code::kInvalidArgument) << c.query;
    EXPECT_NE(hits.status().message().find("bad query"), std::string::npos) << c.query;
    EXPECT_NE(hits.status().message().find(c.explanation), std::string::npos)
        << c.query << ": " << hits.status().message();
    q.language = "fr";  // one table only: still reported
    EXPECT_FALSE(store->Search(q).ok()) << c.query;
  }
  // Words with punctuation are searched as phrases instead of failing.
  for (const char* query :
       {"Koursk,", "l'armée", "d’armées", "covid-19", "U.S.", "-soldiers"}) {
    SearchQuery q;
    q.text = query;
    EXPECT_TRUE(store->Search(q).ok()) << query;
  }
}

TEST(SqliteStoreTest, QuotesAndClaimsFilterBySpeakerCountedAndSource) {
  TempDir dir;
  auto store = OpenOrDie(dir.path() + "/v.db");
  Corpus corpus;
  AddNewsCorpus(&corpus);
  PutOrDie(store.get(), &corpus);
  auto quotes = store->Quotes({});
  ASSERT_TRUE(quotes.ok());
  ASSERT_EQ(quotes->size(), 3u);
  EXPECT_EQ((*quotes)[0].text, "les armées avancent");
  EXPECT_EQ((*quotes)[0].article_id, "fr-1");
  auto putin = store->Quotes({"Poutine", 0});
  ASSERT_TRUE(putin.ok());
  ASSERT_EQ(putin->size(), 2u);
  EXPECT_EQ((*putin)[1].text, "the soldier count doubled");
  EXPECT_EQ((*putin)[1].quote.speaker, "Putin");
  EXPECT_EQ((*putin)[1].quote.speaker_id, "person:vladimir-putin");
  EXPECT_EQ(store->Quotes({"Putin", 1})->size(), 1u);
  EXPECT_TRUE(store->Quotes({"Nobody", 0})->empty());

  auto all = store->Claims({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].text, "Plus de 800 volontaires");
  EXPECT_EQ((*all)[0].claim.value, 800);
  for (const char* word : {"volontaire", "VOLONTAIRES", "volontaires"}) {
    auto claims = store->Claims({word, "", 0});
    ASSERT_TRUE(claims.ok());
    ASSERT_EQ(claims->size(), 1u) << word;
    EXPECT_EQ((*claims)[0].article_id, "fr-1");
  }
  EXPECT_EQ(store->Claims({"soldier", "", 0})->size(), 1u);
  EXPECT_EQ(store->Claims({"", "governor", 0})->size(), 1u);
  EXPECT_EQ(store->Claims({"", "The Governor", 0})->size(), 1u);
  EXPECT_EQ(store->Claims({"soldiers", "gouverneur", 0})->size(), 0u);
  EXPECT_EQ(store->Claims({"volontaires", "gouverneur", 0})->size(), 1u);
}

TEST(SqliteStoreTest, AFailingBatchLeavesNothingBehind) {
  TempDir dir;
  auto store = OpenOrDie(dir.path() + "/v.db");
  ASSERT_TRUE(store->database()
                  ->Exec("CREATE TRIGGER fail_on_boom BEFORE INSERT ON claims WHEN "
                         "NEW.counted = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END;")
                  .ok());
  Corpus corpus;
  AddNewsCorpus(&corpus);
  corpus.Add("de-1", "Neue Sprache\n\nDrei boom Fälle in einer neuen Sprache.", "de");
  corpus.AddClaim("Drei boom", 3, "boom");
  std::vector<PutResult> results;
  auto items = corpus.Items();
  EXPECT_FALSE(store->Put(items, &results).ok());
  for (const char* table :
       {"articles", "article_bodies", "quotes", "claims", "article_entities",
        "quality_signals", "quote_speaker_keys", "claim_terms"}) {
    EXPECT_EQ(Count(store.get(), std::string("SELECT count(*) FROM ") + table), 0)
        << table;
  }
  // The full-text table created for the new languages went with the rollback,
  // and the store knows it: the next batch creates them again.
  EXPECT_EQ(Count(store.get(), "SELECT count(*) FROM fts_tables"), 1);
  ASSERT_TRUE(store->database()->Exec("DROP TRIGGER fail_on_boom").ok());
  EXPECT_TRUE(store->Put(items, &results).ok());
  SearchQuery q;
  q.text = "Sprache";
  EXPECT_EQ(Ids(store->Search(q)), std::vector<std::string>{"de-1"});
}

TEST(SqliteStoreTest, ReadersSeeCommittedDataWhileAWriterHoldsItsTransaction) {
  TempDir dir;
  const std::string path = dir.path() + "/v.db";
  auto writer = OpenOrDie(path);
  Corpus corpus;
  AddNewsCorpus(&corpus);
  PutOrDie(writer.get(), &corpus);
  ASSERT_TRUE(writer->database()->Exec("BEGIN IMMEDIATE; DELETE FROM quotes;").ok());
  auto reader = OpenOrDie(path);
  SearchQuery q;
  q.text = "soldiers";
  EXPECT_EQ(Ids(reader->Search(q)).size(), 2u);
  EXPECT_EQ(reader->Quotes({})->size(), 3u);
  ASSERT_TRUE(writer->database()->Exec("ROLLBACK").ok());
}

TEST(SqliteStoreTest, ASearchSeesLanguagesAnotherConnectionAdded) {
  TempDir dir;
  const std::string path = dir.path() + "/v.db";
  auto reader = OpenOrDie(path);
  auto writer = OpenOrDie(path);
  Corpus corpus;
  AddNewsCorpus(&corpus);
  PutOrDie(writer.get(), &corpus);
  SearchQuery q;
  q.text = "soldiers";
  EXPECT_EQ(Ids(reader->Search(q)).size(), 2u);
}

TEST(SqliteStoreTest, IntegrityChecksPassAfterIngest) {
  TempDir dir;
  auto store = OpenOrDie(dir.path() + "/v.db");
  Corpus corpus;
  AddNewsCorpus(&corpus);
  PutOrDie(store.get(), &corpus);
  auto check = store->database()->Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(check->Step().ok());
  EXPECT_EQ(check->Text(0), "ok");
  for (const char* table : {"fts_fr", "fts_en", "fts_other"}) {
    EXPECT_TRUE(store->database()
                    ->Exec((std::string("INSERT INTO ") + table + "(" + table +
                            ") VALUES ('integrity-check')")
                               .c_str())
                    .ok())
        << table;
  }
}

TEST(SqliteStoreTest, ReadOnlyOpenOfAMissingDatabaseFailsAndCreatesNothing) {
  TempDir dir;
  StoreOptions options;
  options.path = dir.path() + "/missing.db";
  options.create_if_missing = false;
  auto store = OpenStore(options);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(options.path));
  testing::TempDir other;
  const std::string text_file =
      other.Write("notes.db", "this is not a database, just text\n");
  options.path = text_file;
  store = OpenStore(options);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not a database"), std::string::npos)
      << store.status().ToString();
}

// A database left at schema version 1 by an older veille: opening it runs
// migration 1 -> 2, which computes the lookup keys of the quotes and claims
// already stored.
TEST(SqliteStoreTest, OpeningAVersion1DatabaseMigratesItAndBackfillsKeys) {
  TempDir dir;
  const std::string path = dir.path() + "/old.db";
  {
    auto old = OpenOrDie(path, 1);
    ASSERT_EQ(old->schema_version(), 1);
    sqlite::Database* db = old->database();
    ASSERT_TRUE(
        db->Exec(
              "INSERT INTO articles (rowid, id, sha256, source_path, source_format, "
              "source_encoding, raw_bytes, title, language, language_confidence, "
              "verdict, "
              "score, fts_language, ingested_at) VALUES (1, 'a1', '00', 'old.txt', "
              "'text', "
              "'utf-8', 60, 'T', 'fr', 1, 'clean', 1, 'other', '2024-01-01');"
              "INSERT INTO article_bodies VALUES (1, 'Poutine a dit « non ». Plus de 800 "
              "volontaires.', NULL, '{}');"
              "INSERT INTO article_entities VALUES ('person:vladimir-putin', 1, "
              "'Vladimir Putin', 'person', 1, 1);"
              "INSERT INTO quotes (article_rowid, ordinal, start, \"end\", text, kind, "
              "speaker, speaker_id) VALUES (1, 0, 0, 5, 'non', 'direct', 'Poutine', "
              "'person:vladimir-putin');"
              "INSERT INTO claims (article_rowid, ordinal, start, \"end\", text, value, "
              "qualifier, counted, asserted_by) VALUES (1, 0, 0, 5, 'Plus de 800 "
              "volontaires', 800, 'more_than', 'volontaires', 'le gouverneur');")
            .ok());
    EXPECT_FALSE(db->Exec("SELECT * FROM quote_speaker_keys").ok()) << "not in version 1";
  }
  auto store = OpenOrDie(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schema_version(), kStoreSchemaVersion);
  EXPECT_EQ(Count(store.get(), "SELECT version FROM schema_version"), 2);
  ASSERT_EQ(store->Quotes({"Vladimir Putin", 0})->size(), 1u);
  EXPECT_EQ(store->Quotes({"poutine", 0})->size(), 1u);
  EXPECT_EQ(store->Claims({"volontaire", "gouverneur", 0})->size(), 1u);
  // And the migrated database takes new articles.
  Corpus corpus;
  AddNewsCorpus(&corpus);
  PutOrDie(store.get(), &corpus);
  EXPECT_EQ(store->Quotes({"Putin", 0})->size(), 3u);
}

TEST(SqliteStoreTest, ADatabaseFromANewerVeilleIsRefused) {
  TempDir dir;
  const std::string path = dir.path() + "/new.db";
  {
    auto store = OpenOrDie(path);
    ASSERT_TRUE(store->database()->Exec("UPDATE schema_version SET version = 99").ok());
  }
  StoreOptions options;
  options.path = path;
  auto store = OpenStore(options);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("schema version 99 is newer"),
            std::string::npos)
      << store.status().ToString();
}

}  // namespace
}  // namespace veille
