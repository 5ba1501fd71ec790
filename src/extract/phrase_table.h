// Short phrases (token sequences) matched against a Document's tokens.
//
// Phrases come from data files and are tokenized with veille's own tokenizer,
// so "jusqu'à", "a-t-il" or "p.m." split exactly as they do in articles.
// Matching compares lowercase forms (with ’ folded to '), and honours the case
// a phrase is written in: a word written with a capital must be capitalized in
// the text ("May" the month, not "may"), a word in capitals or a single capital
// letter ("AP", "TASS", "X") must match byte for byte, a lowercase word matches
// any case. Immutable after construction; thread-safe for reads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/document.h"

namespace veille {

// Lets unordered containers keyed by std::string be searched with a string_view.
struct TransparentStringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

struct PhraseHit {
  uint32_t id = 0;         // the value Add returned
  uint32_t end_token = 0;  // one past the last matched token
};

class PhraseTable {
 public:
  // Adds `phrase` for the languages in `language_mask` (bit i = language i).
  // Returns its id, or -1 when the phrase has no token.
  int Add(std::string_view phrase, uint32_t language_mask);

  // Appends to `hits` every phrase starting at token `first`, lying inside
  // [first, limit) and whose language mask meets `languages`, longest first.
  void MatchAt(const Document& doc, uint32_t first, uint32_t limit, uint32_t languages,
               std::vector<PhraseHit>* hits) const;

  // Tokens of the longest phrase.
  uint32_t max_tokens() const { return max_tokens_; }
  size_t size() const { return entries_.size(); }

  // Lowercase form of `text` with typographic apostrophes folded to "'",
  // using `buffer` only when folding changes something.
  static std::string_view FoldApostrophes(std::string_view text, std::string* buffer);

 private:
  enum class CaseRule : uint8_t { kAny, kCapitalized, kExact };
  struct Word {
    std::string lower;    // folded lowercase form
    std::string surface;  // as written in the data file
    CaseRule rule = CaseRule::kAny;
  };
  struct Entry {
    std::vector<Word> words;
    uint32_t language_mask = 0;
  };
  static bool WordMatches(const Document& doc, const Token& token, const Word& word);

  std::vector<Entry> entries_;
  // Entry ids by the folded lowercase form of their first word, longest first.
  std::unordered_map<std::string, std::vector<uint32_t>, TransparentStringHash, std::equal_to<>>
      by_first_;
  uint32_t max_tokens_ = 0;
};

}  // namespace veille
