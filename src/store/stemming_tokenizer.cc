#include "store/stemming_tokenizer.h"

#include <libstemmer.h>

#include <string>

namespace veille {
namespace {

// Words longer than this are indexed as folded, not stemmed: they are URLs,
// hashes or run-together garbage, and Snowball gains nothing on them.
constexpr int kMaxStemmedBytes = 64;

fts5_api* GetFts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK)
    return nullptr;
  sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

// One tokenizer instance: unicode61 does the splitting and folding, we stem.
struct StemmingTokenizer {
  fts5_tokenizer base{};
  Fts5Tokenizer* base_instance = nullptr;
  sb_stemmer* stemmer = nullptr;  // null: fold only
};

struct TokenContext {
  void* context;
  int (*emit)(void*, int, const char*, int, int, int);
  sb_stemmer* stemmer;
};

int OnBaseToken(void* ctx, int flags, const char* token, int size, int start, int end) {
  auto* c = static_cast<TokenContext*>(ctx);
  if (c->stemmer == nullptr || size > kMaxStemmedBytes) {
    return c->emit(c->context, flags, token, size, start, end);
  }
  const sb_symbol* stem =
      sb_stemmer_stem(c->stemmer, reinterpret_cast<const sb_symbol*>(token), size);
  if (stem == nullptr) return SQLITE_NOMEM;
  return c->emit(c->context, flags, reinterpret_cast<const char*>(stem),
                 sb_stemmer_length(c->stemmer), start, end);
}

void DeleteTokenizer(Fts5Tokenizer* tokenizer) {
  auto* t = reinterpret_cast<StemmingTokenizer*>(tokenizer);
  if (t->base_instance != nullptr) t->base.xDelete(t->base_instance);
  sb_stemmer_delete(t->stemmer);
  delete t;
}

int CreateTokenizer(void* user_data, const char** args, int arg_count,
                    Fts5Tokenizer** out) {
  auto* api = static_cast<fts5_api*>(user_data);
  if (arg_count > 1) return SQLITE_ERROR;
  auto* t = new StemmingTokenizer;
  if (arg_count == 1 && std::string_view(args[0]) != "none") {
    t->stemmer = sb_stemmer_new(args[0], "UTF_8");
    if (t->stemmer == nullptr) {
      delete t;
      return SQLITE_ERROR;
    }
  }
  void* base_data = nullptr;
  int rc = api->xFindTokenizer(api, "unicode61", &base_data, &t->base);
  const char* base_args[] = {"remove_diacritics", "2"};
  if (rc == SQLITE_OK) rc = t->base.xCreate(base_data, base_args, 2, &t->base_instance);
  if (rc != SQLITE_OK) {
    DeleteTokenizer(reinterpret_cast<Fts5Tokenizer*>(t));
    return rc;
  }
  *out = reinterpret_cast<Fts5Tokenizer*>(t);
  return SQLITE_OK;
}

int Tokenize(Fts5Tokenizer* tokenizer, void* context, int flags, const char* text,
             int size, int (*emit)(void*, int, const char*, int, int, int)) {
  auto* t = reinterpret_cast<StemmingTokenizer*>(tokenizer);
  // A prefix query ("soldat*") is matched against folded terms unstemmed:
  // stemming a word's beginning would cut it at an arbitrary place. Auxiliary
  // functions (snippet, highlight) only use token positions and offsets, which
  // stemming does not change: they skip it, a third of a search's time.
  const bool stem = !(flags & (FTS5_TOKENIZE_PREFIX | FTS5_TOKENIZE_AUX));
  TokenContext ctx{context, emit, stem ? t->stemmer : nullptr};
  return t->base.xTokenize(t->base_instance, &ctx, flags, text, size, OnBaseToken);
}

}  // namespace

Status RegisterStemmingTokenizer(sqlite3* db) {
  fts5_api* api = GetFts5Api(db);
  if (api == nullptr) return Status::Internal("this SQLite has no FTS5");
  fts5_tokenizer methods{CreateTokenizer, DeleteTokenizer, Tokenize};
  if (api->xCreateTokenizer(api, "veille", api, &methods, nullptr) != SQLITE_OK) {
    return Status::Internal("cannot register the FTS5 tokenizer");
  }
  return Status::Ok();
}

bool HasStemmer(std::string_view language) {
  if (language.empty() || language.size() > 3) return false;
  sb_stemmer* stemmer = sb_stemmer_new(std::string(language).c_str(), "UTF_8");
  sb_stemmer_delete(stemmer);
  return stemmer != nullptr;
}

struct TermAnalyzer::Impl {
  fts5_tokenizer methods{};
  Fts5Tokenizer* instance = nullptr;
};

Result<std::unique_ptr<TermAnalyzer>> TermAnalyzer::Create(sqlite3* db,
                                                           std::string_view language) {
  fts5_api* api = GetFts5Api(db);
  if (api == nullptr) return Status::Internal("this SQLite has no FTS5");
  std::unique_ptr<TermAnalyzer> analyzer(new TermAnalyzer);
  analyzer->impl_ = std::make_unique<Impl>();
  void* user_data = nullptr;
  if (api->xFindTokenizer(api, "veille", &user_data, &analyzer->impl_->methods) !=
      SQLITE_OK) {
    return Status::Internal("the veille tokenizer is not registered on this connection");
  }
  const std::string arg = language.empty() ? "none" : std::string(language);
  const char* args[] = {arg.c_str()};
  if (analyzer->impl_->methods.xCreate(user_data, args, 1, &analyzer->impl_->instance) !=
      SQLITE_OK) {
    return Status::InvalidArgument("no stemmer for language \"" + arg + "\"");
  }
  return analyzer;
}

TermAnalyzer::~TermAnalyzer() {
  if (impl_ && impl_->instance != nullptr) impl_->methods.xDelete(impl_->instance);
}

namespace {

struct Collector {
  std::vector<std::string>* terms;
};

int CollectTerm(void* ctx, int, const char* token, int size, int, int) {
  static_cast<Collector*>(ctx)->terms->emplace_back(token, static_cast<size_t>(size));
  return SQLITE_OK;
}

}  // namespace

void TermAnalyzer::Terms(std::string_view text, std::vector<std::string>* terms) {
  Collector collector{terms};
  impl_->methods.xTokenize(impl_->instance, &collector, FTS5_TOKENIZE_DOCUMENT,
                           text.data(), static_cast<int>(text.size()), CollectTerm);
}

std::string TermAnalyzer::FoldedPhrase(std::string_view text) {
  std::vector<std::string> words;
  Collector collector{&words};
  impl_->methods.xTokenize(impl_->instance, &collector,
                           FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, text.data(),
                           static_cast<int>(text.size()), CollectTerm);
  std::string phrase;
  for (const std::string& word : words) {
    if (!phrase.empty()) phrase.push_back(' ');
    phrase += word;
  }
  return phrase;
}

}  // namespace veille
