// The working view of one article that every analysis stage reads.
//
// Built once per article by the Analyzer (normalize, tokenize, segment, detect
// languages) and then only read by the extraction and quality stages. All
// offsets in a Document are into `text`, the NFC-normalized analysis text; the
// Analyzer maps them back to the original bytes once every stage has run.
// A Document is reused across articles by one worker thread: Clear() keeps
// the capacity of its vectors so the hot path allocates little.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "veille/article.h"
#include "veille/span.h"

namespace veille {

enum class TokenKind : uint8_t {
  kWord,    // letters, possibly with digits, internal hyphens or apostrophes
  kNumber,  // digits with thousands separators or a decimal mark: 1 200, 12,000, 1.5
  kPunct,   // one punctuation mark, or an ellipsis "..."
  kSymbol,  // currency, math and other symbols
};

enum TokenFlag : uint16_t {
  kCapitalized = 1 << 0,    // first letter is upper or title case
  kAllCaps = 1 << 1,        // two or more letters, all upper case
  kHasDigit = 1 << 2,       // a word containing digits: 580e, 18h05, G7
  kSpaceBefore = 1 << 3,    // white space separates it from the previous token
  kNewlineBefore = 1 << 4,  // a line break separates it from the previous token
  kDottedAcronym = 1 << 5,  // U.S., U.K., e.g. (the final period belongs to it)
  kElided = 1 << 6,         // ends with an elision apostrophe: l', d', qu'
};

struct Token {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t lower_start = 0;  // the lowercase form, in Document::lower
  uint32_t lower_size = 0;
  TokenKind kind = TokenKind::kPunct;
  uint16_t flags = 0;

  bool Has(TokenFlag flag) const { return (flags & flag) != 0; }
  Span span() const { return {start, end}; }
};

struct SentenceRange {
  Span span;
  uint32_t first_token = 0;  // [first_token, end_token)
  uint32_t end_token = 0;
  uint32_t paragraph = 0;
};

struct Document {
  const Article* article = nullptr;
  std::string_view text;    // NFC analysis text (points into article->text or normalized)
  std::string normalized;   // storage when NFC differs from the original
  // to_original[i] is the original offset of analysis offset i (size text+1);
  // empty when the analysis text is the original text.
  std::vector<uint32_t> to_original;

  std::vector<Token> tokens;
  std::string lower;  // every token's lowercase form, concatenated
  std::vector<Span> paragraphs;
  std::vector<SentenceRange> sentences;
  std::string language;  // document language, ISO 639-1 or "und"

  std::string_view Text(const Token& t) const { return text.substr(t.start, t.end - t.start); }
  std::string_view Lower(const Token& t) const {
    return std::string_view(lower).substr(t.lower_start, t.lower_size);
  }
  std::string_view Text(Span s) const { return text.substr(s.start, s.end - s.start); }
  uint32_t ToOriginal(uint32_t offset) const {
    return to_original.empty() ? offset : to_original[offset];
  }
  // Index of the first token starting at or after `offset`.
  uint32_t TokenAt(uint32_t offset) const;

  void Clear();
};

}  // namespace veille
