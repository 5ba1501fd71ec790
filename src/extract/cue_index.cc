#include "extract/cue_index.h"

#include <algorithm>

#include "text/tokenizer.h"
#include "util/utf8.h"

namespace veille {
namespace {

char32_t SingleCodePoint(std::string_view text) {
  size_t len = 0;
  const char32_t c = utf8::Decode(text, 0, &len);
  return len == text.size() ? c : 0;
}

// The closing mark for an opening mark, 0 when `c` does not open a quote.
// Single quotes are left out: ’ is also the apostrophe.
char32_t CloserOf(char32_t c) {
  switch (c) {
    case 0xAB: return 0xBB;      // « »
    case 0x201C: return 0x201D;  // “ ”
    case 0x201E: return 0x201C;  // „ “
    case '"': return '"';
    default: return 0;
  }
}

}  // namespace

bool IsQuoteToken(const Document& doc, const Token& token) {
  if (token.kind != TokenKind::kPunct) return false;
  const char32_t c = SingleCodePoint(doc.Text(token));
  // ' and ’ are apostrophes far more often than quotation marks ("prisoners' rights").
  return c != '\'' && c != 0x2019 && IsQuoteMark(c);
}

bool IsClausePunct(const Document& doc, const Token& token) {
  if (token.kind != TokenKind::kPunct) return false;
  const std::string_view t = doc.Text(token);
  if (t.size() == 1) return std::string_view(",;:.!?()[]").find(t[0]) != std::string_view::npos;
  return t == "\xE2\x80\x94" || t == "\xE2\x80\x93" || t == "...";  // — – ...
}

CueIndex::CueIndex(const ClaimLexicon& lexicon, const OutletCatalog& catalog, const Document& doc,
                   const Analysis& analysis)
    : lexicon_(lexicon), catalog_(catalog), doc_(doc), analysis_(analysis) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  sentence_of_token_.assign(n, 0);
  const uint32_t doc_bit = lexicon.LanguageBit(doc.language);
  const uint32_t english = lexicon.LanguageBit("en");
  const LanguageRules* doc_rules = lexicon.Rules(doc.language);
  std::vector<PhraseHit> found;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const SentenceRange& range = doc.sentences[s];
    const std::string& language =
        s < analysis.sentences.size() ? analysis.sentences[s].language : doc.language;
    // English cues stay on everywhere: machine-translated copies keep English
    // words ("around 600 personnes").
    const uint32_t mask = lexicon.LanguageBit(language) | doc_bit | english;
    sentence_languages_.push_back(mask);
    const LanguageRules* rules = lexicon.Rules(language);
    sentence_rules_.push_back(rules != nullptr ? rules : doc_rules);
    for (uint32_t i = range.first_token; i < range.end_token && i < n; ++i) {
      sentence_of_token_[i] = s;
      found.clear();
      lexicon.phrases().MatchAt(doc, i, std::min(range.end_token, n), mask, &found);
      for (const PhraseHit& h : found) hits_.push_back({i, h.end_token, h.id});
    }
  }
  // Hits were appended in token order: offsets_[i] counts the hits before token i.
  offsets_.assign(n + 1, 0);
  for (const CueHit& h : hits_) ++offsets_[h.first + 1];
  for (uint32_t i = 0; i < n; ++i) offsets_[i + 1] += offsets_[i];

  catalog.FindMentions(doc, &outlets_);
  outlet_of_token_.assign(n, -1);
  for (size_t m = 0; m < outlets_.size(); ++m) {
    for (uint32_t i = outlets_[m].first_token; i < outlets_[m].end_token; ++i) {
      outlet_of_token_[i] = static_cast<int>(m);
    }
  }
  FindQuoteRegions();
}

const CueHit* CueIndex::At(uint32_t i, CueKind kind) const {
  if (i >= doc_.tokens.size()) return nullptr;
  for (uint32_t h = offsets_[i]; h < offsets_[i + 1]; ++h) {
    if (lexicon_.entry(hits_[h].id).kind == kind) return &hits_[h];
  }
  return nullptr;
}

const CueHit* CueIndex::EndingAt(uint32_t end, CueKind kind) const {
  const uint32_t max = lexicon_.phrases().max_tokens();
  for (uint32_t len = max; len >= 1; --len) {
    if (len > end) continue;
    const uint32_t i = end - len;
    for (uint32_t h = offsets_[i]; h < offsets_[i + 1]; ++h) {
      if (hits_[h].end == end && lexicon_.entry(hits_[h].id).kind == kind) return &hits_[h];
    }
  }
  return nullptr;
}

bool CueIndex::IsTitleCase(uint32_t a, uint32_t b) const {
  int words = 0, capitalized = 0;
  for (uint32_t i = a; i < b; ++i) {
    const Token& t = doc_.tokens[i];
    if (t.kind != TokenKind::kWord) continue;
    ++words;
    capitalized += t.Has(kCapitalized) || t.Has(kAllCaps);
  }
  return words >= 3 && capitalized * 10 >= words * 7;
}

void CueIndex::FindQuoteRegions() {
  const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
  quote_of_token_.assign(n, -1);
  uint32_t paragraph = 0;
  uint32_t i = 0;
  while (i < n) {
    const Token& t = doc_.tokens[i];
    while (paragraph + 1 < doc_.paragraphs.size() && t.start >= doc_.paragraphs[paragraph].end) {
      ++paragraph;
    }
    const char32_t closer =
        t.kind == TokenKind::kPunct ? CloserOf(SingleCodePoint(doc_.Text(t))) : 0;
    if (closer == 0) {
      ++i;
      continue;
    }
    const uint32_t paragraph_end =
        paragraph < doc_.paragraphs.size() ? doc_.paragraphs[paragraph].end : doc_.text.size();
    QuoteRegion region;
    region.first = i + 1;
    region.paragraph = paragraph;
    uint32_t j = i + 1;
    for (; j < n && doc_.tokens[j].start < paragraph_end; ++j) {
      const Token& u = doc_.tokens[j];
      if (u.kind == TokenKind::kPunct && SingleCodePoint(doc_.Text(u)) == closer) {
        region.closed = true;
        break;
      }
    }
    region.end = j;
    if (region.end > region.first) {
      const int index = static_cast<int>(quotes_.size());
      for (uint32_t k = region.first; k < region.end; ++k) quote_of_token_[k] = index;
      quotes_.push_back(region);
    }
    i = region.closed ? j + 1 : j;
  }
}

}  // namespace veille
