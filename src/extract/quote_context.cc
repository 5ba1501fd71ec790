#include "extract/quote_context.h"

#include "util/utf8.h"

namespace veille {

void QuoteContext::Index() {
  const uint32_t n = size();
  outer_quote.assign(n, -1);
  open_mark.assign(n, -1);
  consumed.assign(n, 0);
  sentence_of.assign(n, 0);
  sentence_final.assign(n, 0);
  paragraph_of.assign(n, 0);
  kinds.resize(n);
  starts.resize(n);
  for (uint32_t i = 0; i < n; ++i) kinds[i] = lex.TokenKinds(doc, i, &starts[i]);
  paragraph_begin.resize(doc.paragraphs.size());
  paragraph_end.resize(doc.paragraphs.size());
  for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
    paragraph_begin[p] = doc.TokenAt(doc.paragraphs[p].start);
    paragraph_end[p] = doc.TokenAt(doc.paragraphs[p].end);
  }
  for (int32_t q = 0; q < static_cast<int32_t>(marks.size()); ++q) {
    const MarkedQuote& m = marks[q];
    open_mark[m.open_token] = q;
    if (m.parent >= 0) continue;
    const uint32_t end = m.closed ? m.close_token + 1 : m.close_token;
    for (uint32_t i = m.open_token; i < end && i < n; ++i) outer_quote[i] = q;
  }
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const SentenceRange& range = doc.sentences[s];
    for (uint32_t i = range.first_token; i < range.end_token && i < n; ++i) {
      sentence_of[i] = s;
      paragraph_of[i] = range.paragraph;
    }
    if (range.end_token > range.first_token && range.end_token <= n) {
      sentence_final[range.end_token - 1] = 1;
    }
  }
}

bool QuoteContext::IsDash(uint32_t i) const {
  if (tok(i).kind != TokenKind::kPunct) return false;
  const std::string_view t = Text(i);
  return t == "-" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93";
}

bool QuoteContext::IsFunctionWord(uint32_t i) const {
  static constexpr uint64_t kFunction = [] {
    uint64_t mask = 0;
    for (LexKind kind :
         {LexKind::kDet, LexKind::kPrep, LexKind::kNpPrep, LexKind::kBoundary,
          LexKind::kCoordination, LexKind::kAdverb, LexKind::kPronoun, LexKind::kThat,
          LexKind::kClitic, LexKind::kAux, LexKind::kAccording, LexKind::kTailIntro,
          LexKind::kInvertedAux}) {
      mask |= uint64_t{1} << static_cast<int>(kind);
    }
    return mask;
  }();
  return i < size() && (starts[i] & kFunction) != 0;
}

}  // namespace veille
