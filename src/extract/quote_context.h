// Per-article state shared by the quote finder's parts: the document, the
// lexicon of its language, the outlet catalog, where the marked quotes are,
// and cheap questions about tokens. Built once per call of
// QuoteFinder::Find; never shared between threads.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/outlet_catalog.h"
#include "extract/quote_lexicon.h"
#include "extract/quote_marks.h"
#include "text/document.h"

namespace veille {

inline constexpr uint32_t kNoToken = UINT32_MAX;

struct QuoteContext {
  QuoteContext(const Document& d, const QuoteLexicon& l, const OutletCatalog& o)
      : doc(d), lex(l), outlets(o) {}

  const Document& doc;
  const QuoteLexicon& lex;
  const OutletCatalog& outlets;
  std::vector<MarkedQuote> marks;
  std::vector<int32_t>
      outer_quote;                 // per token: top-level marked quote holding it, or -1
  std::vector<int32_t> open_mark;  // per token: the quote this token opens, or -1
  std::vector<uint32_t> sentence_of;    // per token: its sentence
  std::vector<uint8_t> sentence_final;  // per token: 1 when it ends its sentence
  std::vector<uint8_t> consumed;        // per token: 1 once an attribution used it
  std::vector<uint32_t> paragraph_of;   // per token: its paragraph
  std::vector<uint64_t>
      kinds;  // per token: its one-word lexicon kinds (QuoteLexicon::TokenKinds)
  std::vector<uint64_t> starts;  // per token: the kinds of the phrases it starts
  std::vector<OutletMention> outlet_mentions;  // catalogued outlet names, in text order
  std::vector<int32_t> outlet_at;  // per token: the outlet mention starting there, or -1
  std::vector<uint32_t> paragraph_begin;  // per paragraph: its first token
  std::vector<uint32_t> paragraph_end;    // per paragraph: one past its last token

  // Fills the per-token tables from `doc` and `marks`.
  void Index();

  uint32_t size() const { return static_cast<uint32_t>(doc.tokens.size()); }
  const Token& tok(uint32_t i) const { return doc.tokens[i]; }
  std::string_view Text(uint32_t i) const { return doc.Text(doc.tokens[i]); }
  std::string_view Lower(uint32_t i) const { return doc.Lower(doc.tokens[i]); }
  bool IsWord(uint32_t i) const { return tok(i).kind == TokenKind::kWord; }
  bool IsPunct(uint32_t i, std::string_view p) const {
    return tok(i).kind == TokenKind::kPunct && Text(i) == p;
  }
  bool IsComma(uint32_t i) const { return IsPunct(i, ","); }
  bool IsDash(uint32_t i) const;  // — – -
  // Capitalized word that is not all punctuation: "Rogov", "TASS", "U.S.".
  bool IsCapitalized(uint32_t i) const {
    return IsWord(i) && (tok(i).Has(kCapitalized) || tok(i).Has(kAllCaps));
  }
  bool InQuote(uint32_t i) const { return outer_quote[i] >= 0; }
  bool Is(uint32_t i, LexKind kind) const {
    return i < size() && (kinds[i] >> static_cast<int>(kind) & 1) != 0;
  }
  bool StartsPhrase(uint32_t i, LexKind kind) const {
    return i < size() && (starts[i] >> static_cast<int>(kind) & 1) != 0;
  }
  QuoteLexicon::Match Find(uint32_t i, uint32_t end, LexKind kind) const {
    if (!StartsPhrase(i, kind)) return {};
    return lex.Find(doc, i, end, kind);
  }
  // A word the lexicon knows as a function word: never part of a name.
  bool IsFunctionWord(uint32_t i) const;
  // The catalogued outlet named from token `i`, ending at or before `end`.
  struct OutletName {
    uint32_t end = 0;  // one past its last token; 0 when there is none
    const Outlet* outlet = nullptr;
    explicit operator bool() const { return outlet != nullptr; }
  };
  OutletName OutletFrom(uint32_t i, uint32_t end) const;
  uint32_t SentenceBegin(uint32_t i) const {
    return doc.sentences[sentence_of[i]].first_token;
  }
  uint32_t SentenceEnd(uint32_t i) const {
    return doc.sentences[sentence_of[i]].end_token;
  }
};

}  // namespace veille
