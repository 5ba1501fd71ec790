// The keys under which the store files names and counted things, so that the
// --speaker, --by and --counted filters are index lookups rather than scans.
//
// Names are folded (case and accents) but never stemmed: "Poutine", "poutine"
// and "POUTINE" are one key; a person is found by full name, last name or
// entity id. Counted things are stemmed in the article's language, so
// "volontaire" finds "volontaires". The folding and stemming are those of the
// full-text index (src/store/stemming_tokenizer.h).
#pragma once

#include <sqlite3.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/stemming_tokenizer.h"

namespace veille {

// Not thread-safe: one per connection.
class IndexTerms {
 public:
  // `db` must have the "veille" tokenizer registered and outlive this object.
  explicit IndexTerms(sqlite3* db) : db_(db) {}

  // Adds the keys of a person or organization named `name` to `keys`: the
  // folded full name and, for several words, the folded last word. No-op for
  // an empty name.
  Status AddNameKeys(std::string_view name, std::vector<std::string>* keys);

  // The keys of a speaker or claim source: `written` as in the article, its
  // entity `id` (may be empty) and the canonical names of that entity.
  Status AddPersonKeys(std::string_view written, std::string_view id,
                       const std::vector<std::string>& canonical_names,
                       std::vector<std::string>* keys);

  // The key a user's --speaker/--by value is looked up under: an entity id
  // ("person:vladimir-putin") as is, anything else folded.
  Result<std::string> NameQueryKey(std::string_view value);

  // Adds the terms of `counted` ("soldats ukrainiens") stemmed for `language`.
  Status AddCountedTerms(std::string_view counted, std::string_view language,
                         std::vector<std::string>* terms);

  // For each word of a user's --counted value, the terms it may be stored
  // under: folded, and stemmed for each of `languages`.
  Result<std::vector<std::vector<std::string>>> CountedQueryTerms(
      std::string_view value, const std::vector<std::string>& languages);

  // Sorts and removes duplicates.
  static void Dedupe(std::vector<std::string>* values);

 private:
  // The analyzer for `language` ("" or a language without stemmer: fold only).
  Result<TermAnalyzer*> For(std::string_view language);

  sqlite3* db_;
  std::map<std::string, std::unique_ptr<TermAnalyzer>, std::less<>> analyzers_;
  // Every language asked for, mapped to its analyzer ("uk" to the folding one).
  std::map<std::string, TermAnalyzer*, std::less<>> by_language_;
};

}  // namespace veille
