// The "veille" FTS5 tokenizer: SQLite's unicode61 word splitting with case
// and accent folding (remove_diacritics 2), followed by a Snowball stemmer
// chosen by the tokenizer's argument, e.g. `tokenize = 'veille fr'`.
//
// Each article is indexed in the full-text table of its language, whose
// tokenizer stems for that language; see docs/store.md for why one table per
// language rather than one stemmed column. Token boundaries never depend on
// the language, only the terms do.
//
// The same tokenizer serves the store's own term tables (claim terms, speaker
// keys), so a word means the same thing to search and to the facets.
#pragma once

#include <sqlite3.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "veille/status.h"

namespace veille {

// Bumped whenever the terms produced for the same text change (folding,
// stemming rules); stored in the database, which must then be re-indexed.
inline constexpr int kTokenizerVersion = 1;

// Registers the "veille" tokenizer on `db`. Must be done on every connection
// before it touches a full-text table.
Status RegisterStemmingTokenizer(sqlite3* db);

// True when libstemmer has a stemmer for `language` (ISO 639-1 code).
bool HasStemmer(std::string_view language);

// Direct access to the tokenizer outside FTS5 queries, for one language ("" =
// fold only). Not thread-safe; one per connection and thread.
class TermAnalyzer {
 public:
  // `db` must have the tokenizer registered and outlive the analyzer.
  static Result<std::unique_ptr<TermAnalyzer>> Create(sqlite3* db,
                                                      std::string_view language);
  ~TermAnalyzer();
  TermAnalyzer(const TermAnalyzer&) = delete;
  TermAnalyzer& operator=(const TermAnalyzer&) = delete;

  // Appends the terms of `text` (folded and stemmed) to `terms`.
  void Terms(std::string_view text, std::vector<std::string>* terms);
  // The folded words of `text`, unstemmed, joined by single spaces.
  std::string FoldedPhrase(std::string_view text);

 private:
  TermAnalyzer() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace veille
