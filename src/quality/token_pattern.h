// Token patterns: the small language the quality tables (boilerplate,
// translationese) are written in, matched against a Document's tokens.
//
// A pattern is a space-separated list of items:
//   word        a token whose lowercase form is `word` (' and ’ are the same);
//               an item the tokenizer splits ("l'histoire", "read more:")
//               stands for its tokens in sequence
//   a|b|c       any one of the alternatives (each a single token)
//   pref*       a token whose lowercase form starts with `pref` (also as an
//               alternative: "tien*|tenir")
//   {Name}      one to four capitalized or all-caps words: a proper name
//   {Num}       a number
//   ...         zero to six tokens, never across . ! ? or a paragraph end
// Matching is case-insensitive for words. Compiled patterns are immutable and
// thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/document.h"
#include "veille/status.h"

namespace veille {

// The lookup key of a lowercase token form: a 64-bit hash with the
// typographic apostrophe folded to '. Does not allocate.
uint64_t TokenKey(std::string_view lower);

// Fills `keys` with TokenKey(doc.Lower(t)) for every token of `doc`.
void ComputeTokenKeys(const Document& doc, std::vector<uint64_t>* keys);

class TokenPattern {
 public:
  // Compiles `pattern`; an empty pattern, an unknown {Slot} or an
  // alternative that is not one token is an InvalidArgument error.
  static Result<TokenPattern> Compile(std::string_view pattern);

  // The end token (exclusive) of a match that starts at token `first` and
  // stays before token `limit`, or 0 when the pattern does not match there.
  // `keys` are the document's ComputeTokenKeys.
  uint32_t MatchAt(const Document& doc, const std::vector<uint64_t>& keys, uint32_t first,
                   uint32_t limit) const;

  // Keys one of which the first token of every match has; empty when the
  // first item is not a plain word (a name, a number, a prefix).
  const std::vector<uint64_t>& FirstKeys() const;

  const std::string& source() const { return source_; }

 private:
  struct Item {
    enum Kind : uint8_t { kWord, kName, kNumber, kGap } kind = kWord;
    std::vector<uint64_t> keys;         // kWord: accepted keys
    std::vector<std::string> prefixes;  // kWord: accepted prefixes of the lowercase form
  };
  uint32_t Match(const Document& doc, const std::vector<uint64_t>& keys, size_t item,
                 uint32_t token, uint32_t limit) const;

  std::string source_;
  std::vector<Item> items_;
};

// A set of patterns indexed by their first word, so scanning a text costs
// about one hash lookup per token whatever the number of patterns.
class TokenPatternSet {
 public:
  // Adds `pattern` under `id` (the caller's index into its own table).
  void Add(TokenPattern pattern, int id);

  // Calls fn(id, first, end) for every pattern matching at token `first`
  // (a match ends at or before `limit`).
  template <typename Fn>
  void MatchAt(const Document& doc, const std::vector<uint64_t>& keys, uint32_t first,
               uint32_t limit, Fn&& fn) const {
    if (first >= limit) return;
    auto try_one = [&](int index) {
      const uint32_t end = patterns_[index].first.MatchAt(doc, keys, first, limit);
      if (end != 0) fn(patterns_[index].second, first, end);
    };
    if (auto it = by_first_key_.find(keys[first]); it != by_first_key_.end()) {
      for (int index : it->second) try_one(index);
    }
    for (int index : unanchored_) try_one(index);
  }

  // Calls fn(id, first, end) for every match starting in [begin, limit).
  template <typename Fn>
  void FindAll(const Document& doc, const std::vector<uint64_t>& keys, uint32_t begin,
               uint32_t limit, Fn&& fn) const {
    for (uint32_t i = begin; i < limit; ++i) MatchAt(doc, keys, i, limit, fn);
  }

  bool empty() const { return patterns_.empty(); }

 private:
  std::vector<std::pair<TokenPattern, int>> patterns_;
  std::unordered_map<uint64_t, std::vector<int>> by_first_key_;
  std::vector<int> unanchored_;
};

}  // namespace veille
