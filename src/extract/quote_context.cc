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
  // Outlet names; a form that is also a common word ("X") counts after a
  // channel marker ("sur X", "on his X account") or beside another name of
  // the same outlet ("X, formerly Twitter").
  outlets.FindMentions(doc, &outlet_mentions);
  outlet_at.assign(n, -1);
  for (size_t m = 0; m < outlet_mentions.size(); ++m) {
    const OutletMention& om = outlet_mentions[m];
    if (om.needs_platform_context) {
      uint32_t b = om.first_token;
      while (b > 0 && b + 3 > om.first_token && Is(b - 1, LexKind::kDet)) --b;
      bool context = b > 0 && Is(b - 1, LexKind::kViaMarker);
      for (size_t o = m > 0 ? m - 1 : 0; o < outlet_mentions.size() && o <= m + 1; ++o) {
        const OutletMention& other = outlet_mentions[o];
        context |= o != m && other.outlet == om.outlet && !other.needs_platform_context &&
                   other.first_token <= om.end_token + 3 &&
                   om.first_token <= other.end_token + 3;
      }
      if (!context) continue;
    }
    if (om.first_token < n) outlet_at[om.first_token] = static_cast<int32_t>(m);
  }
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

QuoteContext::OutletName QuoteContext::OutletFrom(uint32_t i, uint32_t end) const {
  if (i >= size() || outlet_at[i] < 0) return {};
  const OutletMention& m = outlet_mentions[outlet_at[i]];
  if (m.end_token > end) return {};
  return {m.end_token, &outlets.outlets()[m.outlet]};
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
