// Per-article view shared by the claim, attribution and citation finders:
// every cue phrase found in each sentence, the languages of each sentence,
// the outlet names and the regions between quotation marks.
//
// Built once per article by ClaimsStage::Run; lives on that call's stack.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/claim_lexicon.h"
#include "extract/outlet_catalog.h"
#include "text/document.h"
#include "veille/analysis.h"

namespace veille {

struct CueHit {
  uint32_t first = 0;
  uint32_t end = 0;  // one past the last token
  uint32_t id = 0;   // ClaimLexicon entry
};

// Text between quotation marks, found from the marks themselves (used when no
// quote stage has run, and to tell titles of works from counts).
struct QuoteRegion {
  uint32_t first = 0;  // first token inside the marks
  uint32_t end = 0;    // one past the last token inside
  uint32_t paragraph = 0;
  bool closed = false;
};

class CueIndex {
 public:
  CueIndex(const ClaimLexicon& lexicon, const OutletCatalog& catalog, const Document& doc,
           const Analysis& analysis);

  const ClaimLexicon& lexicon() const { return lexicon_; }
  const OutletCatalog& catalog() const { return catalog_; }
  const Document& doc() const { return doc_; }
  const Analysis& analysis() const { return analysis_; }

  // Longest hit of `kind` starting at token `i`, or nullptr.
  const CueHit* At(uint32_t i, CueKind kind) const;
  // Longest hit of `kind` ending just before token `end`, or nullptr.
  const CueHit* EndingAt(uint32_t end, CueKind kind) const;
  // True when any cue phrase starts at token `i`.
  bool AnyAt(uint32_t i) const { return offsets_[i] != offsets_[i + 1]; }
  const CueEntry& Entry(const CueHit& hit) const { return lexicon_.entry(hit.id); }

  uint32_t sentence_of(uint32_t token) const { return sentence_of_token_[token]; }
  uint32_t languages(uint32_t sentence) const { return sentence_languages_[sentence]; }
  // Rules of the sentence's language, else of the document's, else nullptr.
  const LanguageRules* rules(uint32_t sentence) const { return sentence_rules_[sentence]; }

  const std::vector<OutletMention>& outlets() const { return outlets_; }
  // Index in outlets() of the mention covering token `i`, or -1.
  int OutletAt(uint32_t i) const { return outlet_of_token_[i]; }

  const std::vector<QuoteRegion>& quotes() const { return quotes_; }
  // Index in quotes() of the region containing token `i`, or -1.
  int QuoteAt(uint32_t i) const { return quote_of_token_[i]; }

  // Tokens [a, b) whose word tokens are mostly capitalized: a headline in
  // title case, where capitals say nothing about names.
  bool IsTitleCase(uint32_t a, uint32_t b) const;

 private:
  void FindQuoteRegions();

  const ClaimLexicon& lexicon_;
  const OutletCatalog& catalog_;
  const Document& doc_;
  const Analysis& analysis_;
  std::vector<CueHit> hits_;       // by first token, longest first
  std::vector<uint32_t> offsets_;  // hits of token i: [offsets_[i], offsets_[i + 1])
  std::vector<uint32_t> sentence_of_token_;
  std::vector<uint32_t> sentence_languages_;
  std::vector<const LanguageRules*> sentence_rules_;
  std::vector<OutletMention> outlets_;
  std::vector<int> outlet_of_token_;
  std::vector<QuoteRegion> quotes_;
  std::vector<int> quote_of_token_;
};

// True when the token is one quotation mark (not ' or ’, mostly apostrophes).
bool IsQuoteToken(const Document& doc, const Token& token);
// True for punctuation that closes a clause: , ; : . ! ? ( ) and dashes.
bool IsClausePunct(const Document& doc, const Token& token);

}  // namespace veille
