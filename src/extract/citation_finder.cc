#include "extract/citation_finder.h"

#include <optional>

namespace veille {
namespace {

// Words allowed between a cue and the outlet ("rapporte le quotidien britannique The Telegraph").
constexpr int kMaxGapWords = 6;
// Longest comma insertion skipped after an outlet ("Meduza, citing sources in ..., reported").
constexpr uint32_t kMaxInsertion = 15;

class CitationFinder {
 public:
  explicit CitationFinder(const CueIndex& cues) : cues_(cues), doc_(cues.doc()) {}

  void Run(std::vector<Citation>* out) {
    const auto& mentions = cues_.outlets();
    std::vector<std::optional<CitationRelation>> relations(mentions.size());
    for (size_t k = 0; k < mentions.size(); ++k) {
      const OutletMention& m = mentions[k];
      if (Shared(m)) continue;
      const bool platform = cues_.catalog().outlets()[m.outlet].kind == "platform";
      std::optional<CitationRelation> relation = Before(m, platform);
      bool platform_context = relation && *relation == CitationRelation::kPostedOn;
      if (!relation) relation = After(m);
      if (k > 0 && IsAliasOf(mentions[k - 1], m)) {
        platform_context = true;
        if (!relation) relation = relations[k - 1];
      }
      if (k + 1 < mentions.size() && IsAliasOf(m, mentions[k + 1])) platform_context = true;
      if (m.needs_platform_context && !platform_context) continue;
      relations[k] = relation;
      if (!relation) continue;
      const Outlet& outlet = cues_.catalog().outlets()[m.outlet];
      Citation c;
      c.span = m.span;
      c.outlet = outlet.id;
      c.outlet_name = outlet.name;
      c.relation = *relation;
      c.mangled = m.mangled;
      out->push_back(std::move(c));
    }
  }

 private:
  const Token& tok(uint32_t i) const { return doc_.tokens[i]; }
  uint32_t SentenceStart(uint32_t i) const {
    return doc_.sentences.empty() ? 0 : doc_.sentences[cues_.sentence_of(i)].first_token;
  }
  uint32_t SentenceEnd(uint32_t i) const {
    if (doc_.sentences.empty()) return static_cast<uint32_t>(doc_.tokens.size());
    return std::min<uint32_t>(doc_.sentences[cues_.sentence_of(i)].end_token,
                              static_cast<uint32_t>(doc_.tokens.size()));
  }

  // "Partager sur Facebook", "Follow us on X".
  bool Shared(const OutletMention& m) const {
    return m.first_token > 0 && cues_.EndingAt(m.first_token, CueKind::kShare) != nullptr;
  }

  std::optional<CitationRelation> Before(const OutletMention& m, bool platform) const {
    const uint32_t start = SentenceStart(m.first_token);
    uint32_t j = m.first_token;
    for (int gap = 0; j > start && gap <= kMaxGapWords; ++gap) {
      if (const CueHit* cue = cues_.EndingAt(j, CueKind::kCiteBefore)) {
        return cues_.Entry(*cue).relation;
      }
      if (cues_.EndingAt(j, CueKind::kPlatformPrep)) {
        return platform ? CitationRelation::kPostedOn : CitationRelation::kTold;
      }
      if (const CueHit* g = cues_.EndingAt(j, CueKind::kCiteGap)) {
        j = g->first;
      } else if (IsQuoteToken(doc_, tok(j - 1))) {
        --j;
      } else {
        break;
      }
    }
    return std::nullopt;
  }

  std::optional<CitationRelation> After(const OutletMention& m) const {
    const uint32_t end = SentenceEnd(m.first_token);
    uint32_t j = m.end_token;
    // ", citing sources in the regional government," : an insertion.
    if (j < end && doc_.Text(tok(j)) == ",") {
      uint32_t k = j + 1;
      while (k < end && k - j <= kMaxInsertion && doc_.Text(tok(k)) != "," &&
             !IsClausePunct(doc_, tok(k))) {
        ++k;
      }
      if (k < end && doc_.Text(tok(k)) == "," && k > j + 1) j = k + 1;
    }
    for (int gap = 0; j < end && gap <= kMaxGapWords; ++gap) {
      if (const CueHit* cue = cues_.At(j, CueKind::kCiteAfter)) return cues_.Entry(*cue).relation;
      const CueHit* g = cues_.At(j, CueKind::kCiteGap);
      if (g == nullptr) g = cues_.At(j, CueKind::kAdverbial);
      if (g == nullptr) break;
      j = g->end;
    }
    return std::nullopt;
  }

  // "X, formerly Twitter", "X (ex-Twitter)": two names of one outlet side by side.
  bool IsAliasOf(const OutletMention& a, const OutletMention& b) const {
    if (a.outlet != b.outlet || b.first_token < a.end_token) return false;
    for (uint32_t i = a.end_token; i < b.first_token; ++i) {
      const Token& t = tok(i);
      const std::string_view text = doc_.Text(t);
      if (text == "(" || text == "," || text == "-" || cues_.At(i, CueKind::kAliasLink)) continue;
      if (cues_.EndingAt(i + 1, CueKind::kAliasLink)) continue;
      return false;
    }
    return true;
  }

  const CueIndex& cues_;
  const Document& doc_;
};

}  // namespace

void FindCitations(const CueIndex& cues, std::vector<Citation>* out) {
  CitationFinder(cues).Run(out);
}

}  // namespace veille
