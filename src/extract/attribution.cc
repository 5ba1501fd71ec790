#include "extract/attribution.h"

#include <algorithm>
#include <span>
#include <unordered_set>

namespace veille {
namespace {

// Limits that keep every search local (and linear on hostile input).
constexpr uint32_t kMaxSubjectTokens = 30;
constexpr uint32_t kMaxSourceTokens = 12;
constexpr uint32_t kMaxInvertedTokens = 10;
constexpr uint32_t kMaxAntecedentTokens = 600;
constexpr uint32_t kQuoteAttributionDistance = 6;
constexpr int kMaxQuoteChain = 5;
constexpr int kNearby = 8;
constexpr int kMaxAntecedentEntities = 200;

struct Source {
  std::optional<std::string> by;
  std::string by_id;
};

struct Range {
  uint32_t first = 0;
  uint32_t end = 0;
  bool empty() const { return end <= first; }
  bool contains(uint32_t i) const { return first <= i && i < end; }
};

struct Attribution {
  uint32_t sentence = 0;
  Range cue;
  Range np;       // where the source is named, empty for "a-t-il", "по его словам"
  Range scope;    // claims here are asserted by the source
  Range scope2;   // the rest of a sentence after a postposed attribution
  bool speech = false;
  Source source;
};

int TypeRank(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return 0;
    case EntityType::kOrganization: return 1;
    case EntityType::kGroup: return 2;
    case EntityType::kOutlet: return 3;
    case EntityType::kPlace: return 9;
  }
  return 9;
}

class Attributor {
 public:
  explicit Attributor(const CueIndex& cues)
      : cues_(cues), doc_(cues.doc()), analysis_(cues.analysis()) {
    for (const Entity& e : analysis_.entities) {
      if (!e.demonym && e.type != EntityType::kPlace) entities_.push_back(&e);
    }
    std::sort(entities_.begin(), entities_.end(),
              [](const Entity* x, const Entity* y) { return x->span.start < y->span.start; });
    // Capitalized words seen inside sentences: a capitalized first word of a
    // sentence is a name only when it also appears capitalized elsewhere.
    for (const SentenceRange& s : doc_.sentences) {
      for (uint32_t i = s.first_token + 1; i < s.end_token && i < doc_.tokens.size(); ++i) {
        const Token& t = doc_.tokens[i];
        if (t.kind == TokenKind::kWord && t.Has(kCapitalized)) inner_capitals_.insert(doc_.Lower(t));
      }
    }
    for (const Quote& q : analysis_.quotes) {
      if (q.kind != QuoteKind::kPartial && q.speaker) quotes_.push_back(&q);
    }
    std::sort(quotes_.begin(), quotes_.end(),
              [](const Quote* x, const Quote* y) { return x->span.start < y->span.start; });
    speakers_.resize(cues.quotes().size());
    speaker_done_.assign(cues.quotes().size(), false);
    FindAttributions();
  }

  void Run(std::vector<ClaimDraft>* drafts) {
    for (ClaimDraft& d : *drafts) {
      Source source = Attribute(d);
      d.claim.by = std::move(source.by);
      d.claim.by_id = std::move(source.by_id);
    }
  }

 private:
  const Token& tok(uint32_t i) const { return doc_.tokens[i]; }
  bool IsComma(uint32_t i) const {
    return tok(i).kind == TokenKind::kPunct && doc_.Text(tok(i)) == ",";
  }
  bool IsCapitalizedWord(uint32_t i) const {
    const Token& t = tok(i);
    return t.kind == TokenKind::kWord && (t.Has(kCapitalized) || t.Has(kAllCaps));
  }
  bool Is(uint32_t i, CueKind kind) const { return cues_.At(i, kind) != nullptr; }
  Range SentenceTokens(uint32_t s) const {
    const auto& r = doc_.sentences[s];
    return {r.first_token,
            std::min<uint32_t>(r.end_token, static_cast<uint32_t>(doc_.tokens.size()))};
  }
  std::string Text(Range r) const {
    return std::string(doc_.Text(Span{tok(r.first).start, tok(r.end - 1).end}));
  }
  Span SpanOf(Range r) const { return {tok(r.first).start, tok(r.end - 1).end}; }

  bool HasPronounSuffix(uint32_t i, uint32_t sentence) const {
    const LanguageRules* rules = cues_.rules(sentence);
    if (rules == nullptr) return false;
    const std::string_view lower = doc_.Lower(tok(i));
    for (const std::string& suffix : rules->pronoun_suffixes) {
      if (lower.size() > suffix.size() &&
          lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return true;
      }
    }
    return false;
  }

  bool IsNumberStart(uint32_t i) const {
    return tok(i).kind == TokenKind::kNumber || Is(i, CueKind::kCardinal) ||
           Is(i, CueKind::kVague) || Is(i, CueKind::kQualifier);
  }

  // --- finding attributions ------------------------------------------------

  void FindAttributions() {
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
      const Range sentence = SentenceTokens(s);
      for (uint32_t i = sentence.first; i < sentence.end; ++i) {
        if (cues_.QuoteAt(i) >= 0 || IsQuoteMark(i)) continue;
        if (const CueHit* hit = cues_.At(i, CueKind::kSource)) {
          AddSourceCue(s, sentence, *hit);
          i = hit->end - 1;
        } else if (const CueHit* verb = cues_.At(i, CueKind::kSpeech)) {
          AddSpeech(s, sentence, *verb);
          i = verb->end - 1;
        }
      }
    }
  }

  bool IsQuoteMark(uint32_t i) const { return IsQuoteToken(doc_, tok(i)); }

  // "selon X", "according to X", "по данным «X»".
  void AddSourceCue(uint32_t s, Range sentence, const CueHit& hit) {
    Attribution a;
    a.sentence = s;
    a.cue = {hit.first, hit.end};
    uint32_t j = hit.end;
    while (j < sentence.end && IsQuoteMark(j)) ++j;
    const uint32_t np_first = j;
    while (j < sentence.end && j - np_first < kMaxSourceTokens && !IsQuoteMark(j) &&
           !IsNumberStart(j) && !Is(j, CueKind::kRelative)) {
      if (const CueHit* honorific = cues_.At(j, CueKind::kHonorific)) {
        j = honorific->end;
        continue;
      }
      if (IsClausePunct(doc_, tok(j))) break;
      ++j;
    }
    a.np = {np_first, j};
    Range name = NameIn(a.np);
    // "Selon le maire, Ihor Terekhov, plus de ...": a name in apposition.
    if (j < sentence.end && IsComma(j)) {
      uint32_t k = j + 1;
      while (k < sentence.end && k - j <= 5 && !IsClausePunct(doc_, tok(k))) ++k;
      const Range apposition{j + 1, k};
      if (k < sentence.end && IsComma(k) && IsProperSegment(apposition)) {
        name = apposition;
        a.np.end = k;
      }
    }
    a.source = a.np.empty() ? Antecedent(hit.first) : Resolve(a.np, name);
    a.scope = sentence;
    if (a.source.by) attributions_.push_back(std::move(a));
  }

  // Skips adverbials ("on Friday", "dimanche") and a PP naming an outlet
  // ("à TASS", "to Reuters") after a verb; returns the next token.
  uint32_t SkipAfterVerb(uint32_t j, uint32_t end) const {
    while (j < end) {
      if (const CueHit* adv = cues_.At(j, CueKind::kAdverbial)) {
        j = adv->end;
        continue;
      }
      // A preposition, then an outlet: "à l'agence TASS", "to Reuters".
      const Token& first = tok(j);
      const bool preposition =
          first.kind == TokenKind::kWord && !Is(j, CueKind::kDeterminer) &&
          (Is(j, CueKind::kPlacePrep) || Is(j, CueKind::kTimePrep) ||
           Is(j, CueKind::kPlatformPrep) ||
           cues_.lexicon().IsFunctionWord(doc_.Lower(first), cues_.languages(cues_.sentence_of(j))));
      if (!preposition) break;
      uint32_t k = j;
      for (int n = 0; n < 4 && k < end && cues_.OutletAt(k) < 0; ++n) {
        if (tok(k).kind != TokenKind::kWord || IsCapitalizedWord(k)) break;
        ++k;
      }
      if (k < end && cues_.OutletAt(k) >= 0 && k > j) {
        j = cues_.outlets()[cues_.OutletAt(k)].end_token;
        continue;
      }
      break;
    }
    return j;
  }

  void AddSpeech(uint32_t s, Range sentence, const CueHit& hit) {
    Attribution a;
    a.sentence = s;
    a.cue = {hit.first, hit.end};
    a.speech = true;
    uint32_t k = hit.first;
    while (k > sentence.first) {
      const CueHit* aux = cues_.EndingAt(k, CueKind::kAux);
      if (aux == nullptr) break;
      k = aux->first;
    }
    bool pronoun = false;
    for (uint32_t i = k; i < hit.end; ++i) pronoun = pronoun || HasPronounSuffix(i, s);
    const bool inverted = k == sentence.first || IsClausePunct(doc_, tok(k - 1)) ||
                          IsQuoteMark(k - 1);
    if (pronoun) {
      a.source = Antecedent(hit.first);
      if (inverted) {
        a.scope = {sentence.first, k};
      } else {
        a.scope = {hit.end, sentence.end};
      }
    } else if (inverted && InvertedSubject(hit.end, sentence.end, &a.np)) {
      a.source = Resolve(a.np, NameIn(a.np));
      a.scope = {sentence.first, k};
      a.scope2 = {a.np.end, sentence.end};
    } else {
      Range name;
      bool subordinate = false;
      const Range subject = SubjectBefore(sentence.first, k, &name, &subordinate);
      if (subject.empty()) return;
      a.np = subject;
      a.source = Resolve(subject, name);
      const uint32_t after = SkipAfterVerb(hit.end, sentence.end);
      const bool ends_clause = after >= sentence.end || IsClausePunct(doc_, tok(after)) ||
                               IsQuoteMark(after);
      const bool postposed =
          ends_clause && doc_.Text(tok(std::min(after, sentence.end - 1))) != ":" &&
          subject.first > sentence.first &&
          (subordinate || IsComma(subject.first - 1) || IsQuoteMark(subject.first - 1));
      if (postposed) {
        a.scope = {sentence.first, subject.first};
        a.scope2 = {after, sentence.end};
      } else {
        a.scope = {hit.end, sentence.end};
      }
    }
    if (a.source.by) attributions_.push_back(std::move(a));
  }

  // ", a assuré Sergueï Aksyonov, le chef de la péninsule": the subject after the verb.
  bool InvertedSubject(uint32_t j, uint32_t end, Range* np) const {
    j = SkipAfterVerb(j, end);
    const uint32_t first = j;
    const uint32_t mask = cues_.languages(cues_.sentence_of(std::min(j, end - 1)));
    while (j < end && j - first < kMaxInvertedTokens && !IsQuoteMark(j) &&
           !Is(j, CueKind::kRelative)) {
      if (const CueHit* honorific = cues_.At(j, CueKind::kHonorific)) {
        j = honorific->end;  // "M. Aksyonov": the period is not the end
        continue;
      }
      if (IsClausePunct(doc_, tok(j))) break;
      if (IsNumberStart(j)) return false;  // "raconte ces trois années": an object
      const Token& t = tok(j);
      if (t.kind == TokenKind::kWord && j > first && !IsCapitalizedWord(j) &&
          !Is(j, CueKind::kConnector) && !Is(j, CueKind::kDeterminer) &&
          cues_.lexicon().IsFunctionWord(doc_.Lower(t), mask)) {
        break;  // "lors d'une conférence", "at a press conference"
      }
      ++j;
    }
    *np = {first, j};
    return j > first && tok(first).kind == TokenKind::kWord && !Trim(*np).empty() &&
           !(Trim(*np).end - Trim(*np).first == 1 && Is(Trim(*np).first, CueKind::kDeterminer));
  }

  // Splits [first, end) at commas.
  std::vector<Range> Segments(Range r) const {
    std::vector<Range> out;
    uint32_t start = r.first;
    for (uint32_t i = r.first; i < r.end; ++i) {
      if (IsComma(i)) {
        if (i > start) out.push_back({start, i});
        start = i + 1;
      }
    }
    if (r.end > start) out.push_back({start, r.end});
    return out;
  }

  // Every word capitalized (or a connector between capitalized words): "Ihor Terekhov".
  bool IsProperSegment(Range r) const {
    if (r.empty() || r.end - r.first > 6) return false;
    int capitalized = 0;
    for (uint32_t i = r.first; i < r.end; ++i) {
      const Token& t = tok(i);
      if (t.kind == TokenKind::kPunct && doc_.Text(t) == ".") continue;  // "Dr."
      if (t.kind != TokenKind::kWord) return false;
      if (IsCapitalizedWord(i)) {
        ++capitalized;
      } else if (!Is(i, CueKind::kConnector) || i == r.first) {
        return false;
      }
    }
    return capitalized > 0;
  }

  // A segment that cannot be a subject: a relative clause ("who heads..."),
  // a participle ("citing sources...") or an adverbial ("In a video...").
  bool IsSubordinate(Range r, bool adjacent_to_verb) const {
    const uint32_t first = r.first;
    if (Is(first, CueKind::kRelative) || Is(first, CueKind::kCiteBefore)) return true;
    const uint32_t s = cues_.sentence_of(first);
    const LanguageRules* rules = cues_.rules(s);
    const std::string_view lower = doc_.Lower(tok(first));
    if (rules != nullptr) {
      for (const std::string& suffix : rules->stop_suffixes) {
        if (suffix == "ing" && lower.size() > 5 &&
            lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0) {
          return true;
        }
      }
    }
    if (adjacent_to_verb) return false;
    return !Is(first, CueKind::kDeterminer) && !Is(first, CueKind::kPronoun) &&
           cues_.lexicon().IsFunctionWord(lower, cues_.languages(s));
  }

  // Whether `previous` belongs to the subject that `next` continues: an
  // apposition ("Oleksandr Prokudin, head of ...", "The governor of the
  // region, Alexander Khinshtein"), not a clause of its own.
  bool JoinsSubject(Range previous, Range next) const {
    if (IsSubordinate(previous, false)) return false;
    if (IsProperSegment(previous) || IsProperSegment(next)) return true;
    if (previous.end - previous.first > 10) return false;
    for (uint32_t i = previous.first; i < previous.end; ++i) {
      if (IsNumberStart(i) || Is(i, CueKind::kSpeech) || Is(i, CueKind::kSource)) return false;
    }
    return true;
  }

  // The subject in front of a verb starting at `end`; *name is the part
  // naming it best (the proper-name apposition when there is one).
  Range SubjectBefore(uint32_t limit, uint32_t end, Range* name, bool* subordinate) const {
    uint32_t j = end;
    while (j > limit && end - j < kMaxSubjectTokens) {
      const uint32_t t = j - 1;
      const std::string_view text = doc_.Text(tok(t));
      if (cues_.QuoteAt(t) >= 0 || IsQuoteMark(t) || text == ";" || text == ":") break;
      --j;
    }
    std::vector<Range> segments = Segments({j, end});
    if (segments.empty()) return {};
    // "wie die Bundesnetzagentur mitteilte", "as the ministry said".
    if (const CueHit* sub = cues_.At(segments.back().first, CueKind::kSubordinator);
        sub != nullptr && sub->end < segments.back().end) {
      *subordinate = true;
      *name = {sub->end, segments.back().end};
      return *name;
    }
    // Walk back from the verb: skip subordinate segments next to it, then
    // gather the segments of the subject until an adverbial.
    int last = static_cast<int>(segments.size()) - 1;
    while (last > 0 && IsSubordinate(segments[last], true)) --last;
    int first = last;
    while (first > 0 && JoinsSubject(segments[first - 1], segments[first])) --first;
    *name = segments[last];
    for (int k = first; k <= last; ++k) {
      if (IsProperSegment(segments[k])) {
        *name = segments[k];
        break;
      }
    }
    if (!IsProperSegment(*name)) {
      // No proper name: the last descriptive segment ("a retired teacher").
      for (int k = last; k >= first; --k) {
        if (!IsSubordinate(segments[k], true)) {
          *name = segments[k];
          break;
        }
      }
    }
    return {segments[first].first, segments[last].end};
  }

  // Trims determiners, honorifics, prepositions, possessives and brackets.
  Range Trim(Range r) const {
    const uint32_t mask = r.empty() ? 0 : cues_.languages(cues_.sentence_of(r.first));
    for (uint32_t i = r.first; i < r.end; ++i) {
      if (doc_.Text(tok(i)) == "(") r.end = i;
    }
    while (!r.empty()) {
      if (const CueHit* h = cues_.At(r.first, CueKind::kDeterminer);
          h && h->end < r.end && !Is(h->end, CueKind::kDeterminer) &&
          !Is(h->end + 1, CueKind::kConnector)) {
        r.first = h->end;  // but "L'une d'elles" stays whole
      } else if (const CueHit* hon = cues_.At(r.first, CueKind::kHonorific); hon && hon->end < r.end) {
        r.first = hon->end;
      } else if (!IsCapitalizedWord(r.first) && r.end - r.first > 1 &&
                 tok(r.first).kind == TokenKind::kWord && !Is(r.first, CueKind::kPronoun) &&
                 cues_.lexicon().IsFunctionWord(doc_.Lower(tok(r.first)), mask) &&
                 !Is(r.first + 1, CueKind::kConnector)) {
        r.first += 1;  // "with Prime Minister Pedro Sánchez"
      } else {
        break;
      }
    }
    while (!r.empty()) {
      const Token& t = tok(r.end - 1);
      const std::string_view lower = doc_.Lower(t);
      if (t.kind == TokenKind::kPunct || lower == "'s" || lower == "\xE2\x80\x99s") {
        --r.end;
      } else {
        break;
      }
    }
    return r;
  }

  // The best name inside a source phrase: a trailing proper name after a
  // common noun ("the regulator Ofgem" -> Ofgem), else the whole phrase.
  Range NameIn(Range r) const {
    r = Trim(r);
    if (r.empty()) return r;
    Range run;
    for (uint32_t i = r.first; i < r.end; ++i) {
      if (!IsCapitalizedWord(i)) continue;
      uint32_t j = i + 1;
      while (j < r.end) {
        if (IsCapitalizedWord(j)) {
          ++j;
        } else if (Is(j, CueKind::kConnector) && j + 1 < r.end && IsCapitalizedWord(j + 1) &&
                   doc_.Lower(tok(j)) != "and" && doc_.Lower(tok(j)) != "et") {
          j += 2;
        } else {
          break;
        }
      }
      run = {i, j};
      i = j;
    }
    if (run.empty()) return r;
    if (run.first == r.first) {
      if (run.end == r.end) return run;
      const uint32_t after = run.end;
      const std::string_view lower = doc_.Lower(tok(after));
      if (lower == "and" || lower == "et" || Is(after, CueKind::kRelative)) return run;
      return r;
    }
    if (Is(run.first - 1, CueKind::kConnector)) return r;
    // "Emil Aslan from the Institute ... in Prague": after a preposition, the
    // name that opens the phrase is the source, not the place at its end.
    const uint32_t mask = cues_.languages(cues_.sentence_of(run.first));
    if (IsCapitalizedWord(r.first) && !Is(r.first, CueKind::kDeterminer) &&
        cues_.lexicon().IsFunctionWord(doc_.Lower(tok(run.first - 1)), mask)) {
      uint32_t j = r.first;
      while (j < r.end && IsCapitalizedWord(j)) ++j;
      return {r.first, j};
    }
    return run;
  }

  // --- resolving a source --------------------------------------------------

  const Entity* EntityIn(Span span) const {
    auto it = std::lower_bound(entities_.begin(), entities_.end(), span.start,
                               [](const Entity* e, uint32_t start) { return e->span.start < start; });
    const Entity* best = nullptr;
    for (; it != entities_.end() && (*it)->span.start < span.end; ++it) {
      if (!span.Contains((*it)->span)) continue;
      if (best == nullptr || TypeRank((*it)->type) < TypeRank(best->type)) best = *it;
    }
    return best;
  }

  Source Resolve(Range np, Range name) const {
    if (np.empty()) return {};
    const Range trimmed = Trim(np);
    if (trimmed.end - trimmed.first == 1 && Is(trimmed.first, CueKind::kPronoun)) {
      return Antecedent(trimmed.first);
    }
    name = NameIn(name.empty() ? np : name);
    if (!name.empty()) {
      if (const Entity* e = EntityIn(SpanOf(name))) return {e->name, e->id};
      if (std::optional<Source> outlet = OutletIn(name)) return *outlet;
    }
    if (const Entity* e = EntityIn(SpanOf(np))) return {e->name, e->id};
    if (name.empty()) {
      if (std::optional<Source> outlet = OutletIn(np)) return *outlet;
      return {};
    }
    return {Text(name), ""};
  }

  std::optional<Source> OutletIn(Range r) const {
    for (uint32_t i = r.first; i < r.end; ++i) {
      const int m = cues_.OutletAt(i);
      if (m >= 0) {
        const Outlet& outlet = cues_.catalog().outlets()[cues_.outlets()[m].outlet];
        return Source{outlet.name, outlet.id};
      }
    }
    return std::nullopt;
  }

  // The person a pronoun at token `at` refers to: the last person entity
  // before it, else the last capitalized name that looks like a person's.
  Source Antecedent(uint32_t at) const {
    const uint32_t offset = tok(at).start;
    auto it = std::lower_bound(entities_.begin(), entities_.end(), offset,
                               [](const Entity* e, uint32_t start) { return e->span.start < start; });
    for (int n = 0; it != entities_.begin() && n < kMaxAntecedentEntities; ++n) {
      --it;
      if ((*it)->type == EntityType::kPerson && (*it)->span.end <= offset) {
        return {(*it)->name, (*it)->id};
      }
    }
    const uint32_t stop = at > kMaxAntecedentTokens ? at - kMaxAntecedentTokens : 0;
    for (uint32_t k = at; k-- > stop;) {
      if (!IsCapitalizedWord(k) || (k + 1 < at && IsCapitalizedWord(k + 1))) continue;
      uint32_t r = k;
      while (r > stop && IsCapitalizedWord(r - 1)) --r;
      if (LooksLikePerson({r, k + 1})) return {Text({r, k + 1}), ""};
      k = r;
    }
    return {};
  }

  bool LooksLikePerson(Range run) const {
    if (run.end - run.first > 4) return false;
    for (uint32_t i = run.first; i < run.end; ++i) {
      if (cues_.AnyAt(i) || cues_.OutletAt(i) >= 0 || cues_.QuoteAt(i) >= 0) return false;
      if (tok(i).Has(kAllCaps)) return false;
    }
    if (cues_.EndingAt(run.first, CueKind::kPlacePrep)) return false;
    const uint32_t s = cues_.sentence_of(run.first);
    if (run.first == doc_.sentences[s].first_token && run.end - run.first == 1) {
      const std::string_view lower = doc_.Lower(tok(run.first));
      return inner_capitals_.count(lower) > 0 ||
             !cues_.lexicon().IsFunctionWord(lower, cues_.languages(s));
    }
    return true;
  }

  // --- quotes ----------------------------------------------------------------

  // The speaker of a quote region, from the attribution next to it, or for a
  // paragraph that opens with a quote, from the paragraph before (":" or a
  // quote paragraph of the same speaker).
  std::optional<Source> QuoteSpeaker(int region, int depth) {
    if (speaker_done_[region]) return speakers_[region];
    speaker_done_[region] = true;
    const QuoteRegion& q = cues_.quotes()[region];
    const Span paragraph = doc_.paragraphs.empty() ? Span{0, static_cast<uint32_t>(doc_.text.size())}
                                                   : doc_.paragraphs[q.paragraph];
    const Attribution* best = nullptr;
    uint32_t best_distance = kQuoteAttributionDistance + 1;
    for (const Attribution& a : Nearby(q.end)) {
      if (!a.speech) continue;
      if (tok(a.cue.first).start < paragraph.start || tok(a.cue.first).start >= paragraph.end) {
        continue;
      }
      uint32_t distance = kQuoteAttributionDistance + 1;
      if (a.cue.first >= q.end) {
        const uint32_t from = std::min(a.cue.first, a.np.empty() ? a.cue.first : a.np.first);
        distance = from >= q.end ? from - q.end : 0;
      } else {
        const uint32_t last = std::max(a.cue.end, a.np.end);
        if (last <= q.first) {
          // Between the attribution and the quote: only a told-PP and ":".
          distance = q.first - last;
          for (uint32_t i = last; i < q.first; ++i) {
            if (cues_.OutletAt(i) >= 0) --distance;
          }
        }
      }
      if (distance < best_distance) {
        best = &a;
        best_distance = distance;
      }
    }
    if (best != nullptr) {
      speakers_[region] = best->source;
      return speakers_[region];
    }
    // A paragraph that opens with the quote.
    if (q.first == 0 || q.paragraph == 0 || q.first - 1 >= doc_.tokens.size()) return std::nullopt;
    if (tok(q.first - 1).start != paragraph.start || depth >= kMaxQuoteChain) return std::nullopt;
    const Span previous = doc_.paragraphs[q.paragraph - 1];
    const uint32_t first = doc_.TokenAt(previous.start);
    uint32_t last = first;
    while (last < doc_.tokens.size() && tok(last).end <= previous.end) ++last;
    if (last <= first) return std::nullopt;
    if (first + 1 < last && cues_.QuoteAt(first + 1) >= 0 && IsQuoteMark(first)) {
      speakers_[region] = QuoteSpeaker(cues_.QuoteAt(first + 1), depth + 1);
    } else if (doc_.Text(tok(last - 1)) == ":") {
      const uint32_t s = cues_.sentence_of(last - 1);
      const Range sentence = SentenceTokens(s);
      uint32_t j = sentence.first;
      while (j < last && !IsClausePunct(doc_, tok(j)) &&
             !(j > sentence.first && (Is(j, CueKind::kAux) || Is(j, CueKind::kSpeech)))) {
        ++j;
      }
      const Range subject{sentence.first, j};
      if (!subject.empty()) speakers_[region] = Resolve(subject, NameIn(subject));
    }
    return speakers_[region];
  }

  // --- claims ----------------------------------------------------------------

  // The attributions whose cue is among the kNearby closest to token `i` on
  // each side: enough for one sentence, bounded on hostile input.
  std::span<const Attribution> Nearby(uint32_t i) const {
    const auto it = std::lower_bound(
        attributions_.begin(), attributions_.end(), i,
        [](const Attribution& a, uint32_t token) { return a.cue.first < token; });
    const size_t at = static_cast<size_t>(it - attributions_.begin());
    const size_t from = at > static_cast<size_t>(kNearby) ? at - kNearby : 0;
    const size_t to = std::min(attributions_.size(), at + kNearby);
    return std::span<const Attribution>(attributions_.data() + from, to - from);
  }

  Source Attribute(const ClaimDraft& d) {
    const Span span = d.claim.span;
    auto quote = std::upper_bound(quotes_.begin(), quotes_.end(), span.start,
                                  [](uint32_t start, const Quote* q) { return start < q->span.start; });
    for (int n = 0; quote != quotes_.begin() && n < kNearby; ++n) {
      --quote;
      if ((*quote)->span.Contains(span)) return {(*quote)->speaker, (*quote)->speaker_id};
    }
    const int region = cues_.QuoteAt(d.core_first);
    if (region >= 0) {
      std::optional<Source> speaker = QuoteSpeaker(region, 0);
      if (speaker && speaker->by) return *speaker;
    }
    const Attribution* best = nullptr;
    uint32_t best_distance = ~0u;
    for (const Attribution& a : Nearby(d.core_first)) {
      if (a.sentence != d.sentence) continue;
      if (!a.scope.contains(d.core_first) && !a.scope2.contains(d.core_first)) continue;
      if (a.np.contains(d.core_first)) continue;
      const uint32_t distance =
          a.cue.first > d.core_first ? a.cue.first - d.core_first : d.core_first - a.cue.first;
      if (distance < best_distance) {
        best = &a;
        best_distance = distance;
      }
    }
    if (best != nullptr) return best->source;
    return {};
  }

  const CueIndex& cues_;
  const Document& doc_;
  const Analysis& analysis_;
  std::vector<const Entity*> entities_;  // by start, without places and demonyms
  std::vector<const Quote*> quotes_;     // by start, with a speaker
  std::unordered_set<std::string_view> inner_capitals_;
  std::vector<Attribution> attributions_;  // in text order
  std::vector<std::optional<Source>> speakers_;
  std::vector<bool> speaker_done_;
};

}  // namespace

void AttributeClaims(const CueIndex& cues, std::vector<ClaimDraft>* drafts) {
  if (drafts->empty()) return;
  Attributor(cues).Run(drafts);
}

}  // namespace veille
