// Pairs quotation marks into quoted stretches, paragraph by paragraph.
//
// Handles « » (with or without no-break or thin spaces, which are not
// tokens), “ ” , „ “ , ‘ ’ , ‹ › , » « , 「 」 and straight "…" and '…'; a
// quote inside a quote; apostrophes are never marks (the tokenizer keeps
// "l’armée" and "Kadyrov’s" inside word tokens; a lone ’ only closes an open
// ‘). An opening mark never closed runs to the end of its paragraph and no
// further. A paragraph that opens with a mark after a paragraph whose quote
// was left open continues that quote (the typographic convention for quotes
// over several paragraphs). Linear in the number of tokens; nesting deeper
// than kMaxDepth is ignored.
#pragma once

#include <cstdint>
#include <vector>

#include "text/document.h"

namespace veille {

struct MarkedQuote {
  uint32_t open_token = 0;   // the opening mark
  uint32_t close_token = 0;  // the closing mark; the paragraph's end token when unclosed
  uint32_t first_token = 0;  // content tokens [first_token, end_token): marks and a
  uint32_t end_token = 0;    // trailing comma (",” he said") excluded
  Span span;                 // the content's bytes
  int32_t parent = -1;       // index of the enclosing quote, -1 at top level
  int32_t continues = -1;    // index of the quote of the previous paragraph it continues
  uint32_t paragraph = 0;
  bool closed = true;
};

inline constexpr int kMaxQuoteDepth = 64;

// Appends the quotes of `doc` to `out` (cleared first), ordered by opening
// mark, so a nested quote comes right after its outer quote. Thread-safe.
void FindMarkedQuotes(const Document& doc, std::vector<MarkedQuote>* out);

}  // namespace veille
