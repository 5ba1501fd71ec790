#include "extract/quote_finder.h"

#include <algorithm>

#include "extract/noun_phrase.h"
#include "extract/quote_context.h"
#include "extract/speaker_resolver.h"

namespace veille {
namespace {

// Bounds that keep every search local, so the finder stays linear on
// hostile input (one 5 MB paragraph, thousands of marks).
constexpr uint32_t kMaxAttributionTokens = 40;  // after a closing mark
constexpr uint32_t kMaxIntroTokens = 60;        // before "X a déclaré :"
constexpr uint32_t kMaxThatGap = 8;      // "a affirmé sur sa chaîne Telegram que"
constexpr uint32_t kMaxTailTokens = 16;  // ", the Kyiv Independent reported on Monday"
constexpr uint32_t kMinSentenceLikeWords =
    4;  // an unattributed quote this long is speech

// One quote, or one sentence that only names a channel ("Il l'a annoncé dans
// un entretien à TASS"), waiting for its speaker to be resolved.
struct Job {
  QuoteKind kind = QuoteKind::kDirect;
  Span span;
  int32_t mark = -1;  // the marked quote, for quotes in marks
  Np speaker;         // as found where the quote is attributed
  bool attributed = false;
  Cue cue;                        // the verb
  uint32_t cue_begin = kNoToken;  // the cue's tokens (verb or "selon")
  uint32_t cue_end = 0;
  int32_t inherit = -1;  // the job whose speaker, cue and via this one shares
  int32_t via = -1;      // outlet referent
  bool interview = false;
  bool emit = true;  // false for channel statements
  uint32_t paragraph = 0;
  int32_t referent = -1;  // resolved speaker
  int32_t exclude = -1;   // the job of the outer quote, whose speaker a pronoun is not
};

// The subject pronoun that an inverted cue carries: "a-t-il déclaré".
Np InvertedSubject(const Cue& cue) {
  Np np;
  np.kind = NpKind::kPronoun;
  np.begin = cue.begin;
  np.end = cue.end;
  np.gn = cue.pronoun;
  return np;
}

class Pass {
 public:
  Pass(const Document& doc, const QuoteLexicon& lex, const OutletCatalog& outlets,
       Analysis* analysis)
      : c_(doc, lex, outlets), np_(c_), analysis_(analysis), resolver_(np_, *analysis) {}

  void Run() {
    FindMarkedQuotes(c_.doc, &c_.marks);
    c_.Index();
    resolver_.Build();
    job_of_mark_.assign(c_.marks.size(), -1);
    for (int32_t q = 0; q < static_cast<int32_t>(c_.marks.size()); ++q) AttributeMark(q);
    for (uint32_t s = 0; s < c_.doc.sentences.size(); ++s) FindReported(s);
    ResolveSpeakers();
    PropagateVia();
    Emit();
  }

 private:
  bool InTitleOrByline(uint32_t token) const {
    const Token& t = c_.tok(token);
    for (const Span& s : {analysis_->title_span, analysis_->byline_span}) {
      if (!s.empty() && t.start >= s.start && t.end <= s.end) return true;
    }
    return false;
  }

  uint32_t ParagraphBegin(uint32_t p) const { return c_.paragraph_begin[p]; }
  uint32_t ParagraphEnd(uint32_t p) const { return c_.paragraph_end[p]; }

  int32_t AddJob(Job job) {
    jobs_.push_back(job);
    return static_cast<int32_t>(jobs_.size() - 1);
  }

  void Consume(uint32_t begin, uint32_t end) {
    for (uint32_t i = begin; i < end && i < c_.size(); ++i) c_.consumed[i] = 1;
  }

  // An outlet named after a channel marker ("à TASS", "sur sa chaîne
  // Telegram", "auprès de Meduza") or right after a verb that takes an
  // addressee ("told the BBC"), in [begin, end), outside `speaker`.
  int32_t ViaIn(uint32_t begin, uint32_t end, const Np& speaker, const Cue& cue,
                bool* interview) const {
    for (uint32_t k = begin; k < end; ++k) {
      if (interview != nullptr && c_.Is(k, LexKind::kInterview)) *interview = true;
    }
    for (uint32_t k = begin; k < end; ++k) {
      if (speaker.ok() && k >= speaker.begin && k < speaker.end) continue;
      uint32_t at = kNoToken;
      if (cue.ok() && k == cue.end && (cue.verb->verb_flags & kVerbAddressee)) at = k;
      if (c_.Is(k, LexKind::kViaMarker)) {
        // "auprès de Meduza", "sur sa chaîne Telegram", "в интервью РИА
        // Новости": a preposition, determiners and "interview" may come between.
        at = k + 1;
        if (at < end && c_.Is(at, LexKind::kNpPrep)) ++at;
        for (int skip = 0; skip < 2 && at < end && c_.Is(at, LexKind::kDet); ++skip) ++at;
        if (at < end && c_.Is(at, LexKind::kInterview)) ++at;
      }
      if (at == kNoToken || at >= end) continue;
      uint32_t length = 0;
      const int32_t outlet = resolver_.OutletAt(at, end, &length);
      if (outlet >= 0) return outlet;
    }
    return -1;
  }

  // Records who spoke, with which verb, and the channel named in [via_begin, via_end).
  void Attribute(Job* job, const Np& speaker, const Cue& cue, uint32_t via_begin,
                 uint32_t via_end) const {
    job->speaker = speaker;
    job->cue = cue;
    job->cue_begin = cue.begin;
    job->cue_end = cue.end;
    job->attributed = true;
    job->via = ViaIn(via_begin, via_end, speaker, cue, &job->interview);
  }

  // ", a déclaré X", ", X a dit", "— заявил Хинштейн": the attribution
  // after a closing mark.
  bool AttributeAfter(int32_t q, uint32_t bound_end, Job* job) {
    const MarkedQuote& m = c_.marks[q];
    if (!m.closed) return false;
    const uint32_t start = m.close_token + 1;
    uint32_t window_end = start;
    while (window_end < bound_end && window_end - start < kMaxAttributionTokens) {
      if (c_.open_mark[window_end] >= 0) break;
      if (c_.sentence_final[window_end++]) break;
    }
    uint32_t j = start;
    while (j < window_end && j < start + 2 && (c_.IsComma(j) || c_.IsDash(j))) ++j;
    if (j >= window_end) return false;
    // « … pourra voter. » Et il a ajouté …: after a full stop inside the
    // marks, a capitalized word starts the next sentence, not an attribution.
    if (j == start && m.end_token > m.first_token && c_.IsPunct(m.end_token - 1, ".") &&
        c_.IsCapitalized(j)) {
      return false;
    }
    Np speaker;
    Cue cue = np_.CueAt(j, window_end);
    if (cue.ok() && !(cue.verb->verb_flags & kVerbDirect) &&
        !(cue.verb->verb_flags & kVerbReported)) {
      cue = {};
    }
    if (cue.ok()) {
      if (cue.inverted) {
        speaker = InvertedSubject(cue);
      } else {
        uint32_t k = np_.SkipAdverbs(cue.end, window_end);
        // "a déclaré à TASS le responsable": skip the channel first.
        if (c_.Is(k, LexKind::kViaMarker)) {
          uint32_t length = 0;
          if (resolver_.OutletAt(k + 1, window_end, &length) >= 0) k = k + 1 + length;
        }
        k = np_.SkipAdverbs(k, window_end);
        speaker = np_.Right(k, window_end);
        if (speaker.ok() && speaker.kind != NpKind::kName &&
            speaker.end + 1 < window_end && c_.IsComma(speaker.end) &&
            c_.IsCapitalized(speaker.end + 1)) {
          // "declaró el presidente del Gobierno, Pedro Sánchez, ..."
          const Np name = np_.Right(speaker.end + 1, window_end);
          if (name.kind == NpKind::kName) speaker = name;
        }
        if (!speaker.ok()) return false;
      }
    } else {
      speaker = np_.Right(j, window_end);
      if (!speaker.ok()) return false;
      uint32_t k = speaker.end;
      // "“…,” Khinshtein, the governor, told ..."
      if (k < window_end && c_.IsComma(k)) {
        uint32_t e = k + 1;
        while (e < window_end && e < k + 10 && !c_.IsComma(e)) ++e;
        if (e < window_end && c_.IsComma(e)) k = e + 1;
      }
      k = np_.SkipAdverbs(k, window_end);
      cue = np_.CueAt(k, window_end);
      if (!cue.ok() || cue.inverted) return false;
    }
    Attribute(job, speaker, cue, j, window_end);
    Consume(start, window_end);
    return true;
  }

  // "X a déclaré : « … »", "She said: “…”", and a quote that opens a
  // paragraph after one that ends with a colon.
  bool AttributeBefore(int32_t q, uint32_t bound_begin, Job* job) {
    const MarkedQuote& m = c_.marks[q];
    uint32_t colon = kNoToken;
    if (m.open_token > bound_begin && c_.IsPunct(m.open_token - 1, ":")) {
      colon = m.open_token - 1;
    } else if (m.parent < 0 && m.open_token == ParagraphBegin(m.paragraph) &&
               m.paragraph > 0) {
      const uint32_t prev_end = ParagraphEnd(m.paragraph - 1);
      if (prev_end > 0 && c_.IsPunct(prev_end - 1, ":")) colon = prev_end - 1;
    }
    if (colon == kNoToken) return false;
    uint32_t begin = std::max(c_.SentenceBegin(colon),
                              colon > kMaxIntroTokens ? colon - kMaxIntroTokens : 0);
    if (m.parent >= 0) begin = std::max(begin, c_.marks[m.parent].first_token);
    for (uint32_t k = colon; k > begin; --k) {
      if (c_.open_mark[k - 1] >= 0 || (m.parent < 0 && c_.InQuote(k - 1))) {
        begin = k;
        break;
      }
    }
    Cue cue;
    for (uint32_t k = colon; k > begin && !cue.ok(); --k)
      cue = np_.CueAt(k - 1, colon, true);
    if (!cue.ok()) return false;
    // "m'a dit": the compound form that ends where the simple one does.
    for (uint32_t back = 1; back <= 2 && cue.begin >= begin + back; ++back) {
      const Cue longer = np_.CueAt(cue.begin - back, colon, true);
      if (longer.ok() && longer.end == cue.end) cue = longer;
    }
    Np speaker;
    if (cue.inverted) {
      speaker = InvertedSubject(cue);
    } else {
      speaker = np_.Subject(cue.begin, begin, cue.infinitive);
    }
    if (!speaker.ok()) return false;
    Attribute(job, speaker, cue, begin, colon);
    Consume(begin, colon + 1);
    return true;
  }

  // A quote with no attribution of its own shares the speaker of the quote
  // just before it when only that quote's attribution stands between them:
  // « A », Rogov a poursuivi, « B » and “A,” she said. “B”
  int32_t SplitSource(int32_t q) const {
    const MarkedQuote& m = c_.marks[q];
    for (int32_t p = q - 1; p >= 0; --p) {
      const MarkedQuote& prev = c_.marks[p];
      if (prev.parent != m.parent || prev.paragraph != m.paragraph) {
        if (prev.paragraph != m.paragraph) return -1;
        continue;
      }
      const int32_t job = job_of_mark_[p];
      if (job < 0 || (!jobs_[job].attributed && jobs_[job].inherit < 0)) return -1;
      if (!prev.closed) return -1;
      for (uint32_t t = prev.close_token + 1; t < m.open_token; ++t) {
        if (!c_.consumed[t] && c_.tok(t).kind != TokenKind::kPunct) return -1;
      }
      return job;
    }
    return -1;
  }

  void AttributeMark(int32_t q) {
    const MarkedQuote& m = c_.marks[q];
    Job job;
    job.mark = q;
    job.span = m.span;
    job.paragraph = m.paragraph;
    uint32_t bound_begin = ParagraphBegin(m.paragraph);
    uint32_t bound_end = ParagraphEnd(m.paragraph);
    if (m.parent >= 0) {
      bound_begin = c_.marks[m.parent].first_token;
      bound_end = c_.marks[m.parent].end_token;
      job.exclude = job_of_mark_[m.parent];
    }
    const bool partial_marker =
        m.open_token > 0 && c_.Is(m.open_token - 1, LexKind::kPartialMarker);
    if (!partial_marker &&
        (AttributeAfter(q, bound_end, &job) || AttributeBefore(q, bound_begin, &job))) {
      job_of_mark_[q] = AddJob(job);
      return;
    }
    if (!partial_marker) {
      if (m.continues >= 0 && job_of_mark_[m.continues] >= 0) {
        job.inherit = job_of_mark_[m.continues];
      } else {
        job.inherit = SplitSource(q);
      }
    }
    if (job.inherit < 0) {
      job.kind =
          SentenceLike(m) && !partial_marker ? QuoteKind::kDirect : QuoteKind::kPartial;
    }
    job_of_mark_[q] = AddJob(job);
  }

  // Speech rather than a title or a scare quote: several words standing as
  // a sentence of their own (at a sentence or paragraph start, or after a colon).
  bool SentenceLike(const MarkedQuote& m) const {
    if (m.parent >= 0) return false;
    uint32_t words = 0;
    for (uint32_t t = m.first_token; t < m.end_token && words < kMinSentenceLikeWords;
         ++t) {
      words += c_.IsWord(t);
    }
    if (words < kMinSentenceLikeWords) return false;
    const uint32_t o = m.open_token;
    return o == ParagraphBegin(m.paragraph) || c_.sentence_final[o - 1] ||
           c_.IsPunct(o - 1, ":");
  }

  // Where a reported clause starting at `begin` ends: the sentence's end,
  // unless the writer takes over (", alors que ...", ", as ...") or an
  // attribution follows (", Interfax reported").
  uint32_t ClauseEnd(uint32_t begin, uint32_t sentence_end, Job* tail_job) const {
    uint32_t end = sentence_end;
    while (end > begin && c_.tok(end - 1).kind == TokenKind::kPunct &&
           !c_.InQuote(end - 1) && c_.open_mark[end - 1] < 0 && c_.Text(end - 1) != ")" &&
           c_.Text(end - 1) != "%") {
      --end;
    }
    for (uint32_t k = begin; k < end; ++k) {
      if (c_.InQuote(k) || !c_.IsComma(k)) continue;
      if (c_.Find(k + 1, end, LexKind::kClauseStop)) return k;
      // "..., handing over its role to the Africa Corps, a force placed under
      // ...": the writer's gloss on a name is not part of what was said.
      if (k > begin && c_.IsCapitalized(k - 1) && k + 1 < end) {
        const auto det = c_.Find(k + 1, end, LexKind::kDet);
        if (det && det.entry->det == DetKind::kIndefinite) return k;
      }
      Job tail;
      if (Tail(k, end, &tail)) {
        if (tail_job != nullptr) *tail_job = tail;
        return k;
      }
    }
    return end;
  }

  // A postposed attribution after the comma at `comma`: ", a annoncé
  // l'AIEA", ", the Kyiv Independent reported", ", wie die Behörde mitteilte".
  bool Tail(uint32_t comma, uint32_t sentence_end, Job* job) const {
    uint32_t k = comma + 1;
    if (k < sentence_end && c_.Is(k, LexKind::kTailIntro)) ++k;
    uint32_t end = k;
    while (end < sentence_end && end - k < kMaxTailTokens && !c_.IsComma(end)) {
      if (c_.InQuote(end)) return false;
      ++end;
    }
    while (end > k && c_.tok(end - 1).kind == TokenKind::kPunct &&
           c_.Text(end - 1) != ")")
      --end;
    if (k >= end) return false;
    for (uint32_t t = k; t < end; ++t) {
      if (c_.Is(t, LexKind::kThat)) return false;  // ", X a dit que": not a tail
    }
    if (c_.Is(k, LexKind::kBoundary) || c_.Is(k, LexKind::kCoordination)) return false;
    Np speaker;
    Cue cue = np_.CueAt(k, end);
    if (cue.ok() && !cue.infinitive) {
      if (cue.inverted) {
        speaker = InvertedSubject(cue);
      } else {
        // ", told the Telegraph ...": what follows "told" is its addressee.
        if (cue.verb->verb_flags & kVerbAddressee) return false;
        uint32_t s = np_.SkipAdverbs(cue.end, end);
        if (c_.Is(s, LexKind::kViaMarker)) {
          uint32_t length = 0;
          if (resolver_.OutletAt(s + 1, end, &length) >= 0) s = s + 1 + length;
        }
        speaker = np_.Right(np_.SkipAdverbs(s, end), end);
        // The inverted subject closes the attribution: ", a annoncé l'AIEA."
        const uint32_t after = np_.SkipAdverbs(speaker.end, end);
        if (speaker.ok() && after < end && !c_.Is(after, LexKind::kPrep)) return false;
      }
    } else {
      speaker = np_.Right(k, end);
      if (!speaker.ok()) return false;
      const uint32_t s = np_.SkipAdverbs(speaker.end, end);
      cue = np_.CueAt(s, end);
      if (cue.ok()) {
        // The verb has no object here, only circumstances or an addressee:
        // ", Zelenskyy told journalists in Kyiv", not ", Macron a annoncé la
        // dissolution".
        const uint32_t after = np_.SkipAdverbs(cue.end, end);
        if (after < end && !c_.Is(after, LexKind::kPrep) &&
            !c_.Is(after, LexKind::kViaMarker) &&
            !(cue.verb->verb_flags & kVerbAddressee)) {
          return false;
        }
      } else {
        // Verb-final: ", wie die Bundesnetzagentur am Montag mitteilte".
        for (uint32_t t = speaker.end; t < end && !cue.ok(); ++t) {
          const Cue last = np_.CueAt(t, end);
          if (last.ok() && last.end == end) cue = last;
        }
      }
      if (!cue.ok() || cue.inverted) return false;
    }
    if (!(cue.verb->verb_flags & kVerbReported)) return false;
    if (!speaker.ok() || !cue.ok()) return false;
    Attribute(job, speaker, cue, comma + 1, end);
    return true;
  }

  // "X said that ..., Interfax reported": when the clause has its own
  // speaker, the outlet of a trailing attribution relays it.
  int32_t RelayOf(const Job& tail) const {
    if (tail.via >= 0) return tail.via;
    if (tail.speaker.kind != NpKind::kName) return -1;
    uint32_t length = 0;
    return resolver_.OutletAt(tail.speaker.name_begin, tail.speaker.name_end, &length);
  }

  void AddReported(uint32_t begin, uint32_t end, const Np& speaker, const Cue& cue,
                   uint32_t cue_begin, uint32_t cue_end, int32_t via, bool interview) {
    if (end <= begin || end - begin < 2) return;
    Job job;
    job.kind = QuoteKind::kReported;
    job.span = {c_.tok(begin).start, c_.tok(end - 1).end};
    job.speaker = speaker;
    job.cue = cue;
    job.cue_begin = cue_begin;
    job.cue_end = cue_end;
    job.attributed = true;
    job.via = via;
    job.interview = interview;
    job.paragraph = c_.paragraph_of[begin];
    AddJob(job);
    Consume(std::min(begin, cue_begin), std::max(end, cue_end));
  }

  // "selon X, …", "…, according to X", "по его словам, …".
  bool According(uint32_t t, const QuoteLexicon::Match& phrase, uint32_t sbegin,
                 uint32_t send) {
    // "Cependant, selon Rogov, ...": after a short adverbial, still preposed.
    const bool short_lead = t > sbegin && c_.IsComma(t - 1) && t - 1 - sbegin < 4;
    const bool preposed = t == sbegin || c_.IsPunct(t - 1, ":") || short_lead;
    const bool postposed = !preposed && t > sbegin && c_.IsComma(t - 1);
    if (!preposed && !postposed) return false;
    const uint32_t after = t + phrase.length;
    Np speaker;
    uint32_t np_end = after;
    if (phrase.entry != nullptr && phrase.pronoun_token != 0 &&
        c_.Is(phrase.pronoun_token, LexKind::kPronoun)) {
      speaker.kind = NpKind::kPronoun;
      speaker.begin = phrase.pronoun_token;
      speaker.end = phrase.pronoun_token + 1;
      speaker.gn =
          c_.Find(phrase.pronoun_token, speaker.end, LexKind::kPronoun).entry->gn;
    } else if (after < send && c_.open_mark[after] >= 0) {
      const MarkedQuote& q = c_.marks[c_.open_mark[after]];
      speaker.kind = NpKind::kQuoted;
      speaker.quote = c_.open_mark[after];
      speaker.begin = after;
      speaker.end = q.closed ? q.close_token + 1 : q.close_token;
      np_end = speaker.end;
    } else {
      uint32_t limit = after;
      while (limit < send && !c_.IsComma(limit) && limit - after < kMaxAttributionTokens)
        ++limit;
      speaker = np_.Right(after, limit);
      speaker = ThroughDocument(speaker);
      np_end = speaker.end;
    }
    if (!speaker.ok()) return false;
    if (speaker.kind == NpKind::kPronoun) np_end = std::max(np_end, speaker.end);
    uint32_t clause_begin;
    uint32_t clause_end;
    Job tail;
    if (preposed) {
      uint32_t k = np_end;
      while (k < send && c_.tok(k).kind == TokenKind::kWord && k < np_end + 4)
        ++k;  // "По его словам"
      if (k >= send || !c_.IsComma(k)) return false;
      ++k;
      // Skip an apposition or a relative clause: "Selon le maire, Ihor
      // Terekhov, ...", "Selon Newsweek, qui cite des sources, ...".
      for (int hops = 0; hops < 2 && k < send; ++hops) {
        uint32_t e = k;
        while (e < send && e - k < 12 && !c_.IsComma(e)) ++e;
        if (e >= send || !c_.IsComma(e)) break;
        if (c_.IsCapitalized(k) && !c_.IsFunctionWord(k)) {
          const Np name = np_.Right(k, e);
          if (name.kind != NpKind::kName || name.end != e) break;
          if (speaker.kind != NpKind::kName) speaker = name;
        } else if (!c_.Is(k, LexKind::kBoundary) && !np_.StartsAdverbial(k)) {
          break;
        }
        k = e + 1;
      }
      clause_begin = k;
      clause_end = ClauseEnd(clause_begin, send, &tail);
    } else {
      clause_begin = sbegin;
      clause_end = t - 1;
      for (uint32_t k = clause_begin; k < clause_end; ++k) {
        if (c_.consumed[k]) return false;
      }
    }
    if (clause_end <= clause_begin || c_.InQuote(clause_begin)) return false;
    bool interview = false;
    int32_t via = ViaIn(np_end, std::min(send, np_end + 6), speaker, {}, &interview);
    if (via < 0 && tail.attributed) via = RelayOf(tail);
    AddReported(clause_begin, clause_end, speaker, {}, t, t + phrase.length, via,
                interview);
    Consume(t, np_end);
    return true;
  }

  // "les résultats du ministère", "data from Gas Infrastructure Europe",
  // "the agency's estimates": the source of a document is the speaker; a
  // document with no source ("a video of the meeting") names nobody.
  Np ThroughDocument(const Np& np) const {
    if (np.end <= np.begin) return np;
    uint32_t doc_noun = kNoToken;
    for (uint32_t t = np.begin; t < np.end; ++t) {
      if (c_.Is(t, LexKind::kNpPrep)) break;
      if (c_.Is(t, LexKind::kDocNoun)) {
        doc_noun = t;
        break;
      }
    }
    if (doc_noun == kNoToken) return np;
    for (uint32_t t = doc_noun + 1; t < np.end; ++t) {
      if (c_.Is(t, LexKind::kNpPrep)) {
        const Np source = np_.Right(t + 1, np.end);
        if (source.kind == NpKind::kName || source.kind == NpKind::kRole) return source;
        return {};
      }
    }
    for (uint32_t t = np.begin; t < doc_noun; ++t) {
      const std::string_view lower = c_.Lower(t);
      if (lower == "'s" || lower == "\xE2\x80\x99s") {
        const Np source = np_.Right(np.begin, t);
        if (source.kind == NpKind::kName || source.kind == NpKind::kRole) return source;
      }
    }
    return {};
  }

  // "X affirme que …", "X said (that) …", "…, a annoncé l'AIEA".
  void FindReported(uint32_t s) {
    const SentenceRange& range = c_.doc.sentences[s];
    const uint32_t sbegin = range.first_token;
    const uint32_t send = range.end_token;
    if (sbegin >= send || InTitleOrByline(sbegin)) return;
    const size_t jobs_before = jobs_.size();
    for (uint32_t t = sbegin; t < send; ++t) {
      if (c_.InQuote(t) || c_.consumed[t]) continue;
      if (const auto phrase = c_.Find(t, send, LexKind::kAccording)) {
        if (According(t, phrase, sbegin, send)) continue;
      }
      const Cue cue = np_.CueAt(t, send);
      if (!cue.ok() || !(cue.verb->verb_flags & kVerbReported)) continue;
      // "que" / "that" within a few words: "a affirmé sur sa chaîne Telegram que".
      uint32_t that = kNoToken;
      for (uint32_t k = cue.end; k < send && k < cue.end + kMaxThatGap; ++k) {
        if (c_.InQuote(k) || c_.consumed[k] || c_.sentence_final[k] || c_.IsPunct(k, ":"))
          break;
        if (c_.Is(k, LexKind::kThat)) {
          that = k;
          break;
        }
        if (c_.Is(k, LexKind::kBoundary) || np_.CueAt(k, send).ok()) break;
      }
      Np speaker;
      if (cue.inverted) {
        speaker = InvertedSubject(cue);
      } else {
        speaker = np_.Subject(cue.begin, sbegin, false);
      }
      if (!speaker.ok()) continue;
      uint32_t clause_begin = kNoToken;
      if (that != kNoToken) {
        clause_begin = that + 1;
      } else if (cue.verb->verb_flags & kVerbZeroThat) {
        uint32_t k = np_.SkipAdverbs(cue.end, send);
        if (cue.verb->verb_flags & kVerbAddressee) {
          // "told the Telegraph | an increasing number of people are ..."
          const Np addressee = np_.Right(k, send);
          k = addressee.ok() ? np_.SkipAdverbs(addressee.end, send) : send;
        }
        if (k < send && !c_.InQuote(k) && StartsClause(k)) clause_begin = k;
      }
      if (clause_begin == kNoToken || clause_begin >= send) continue;
      Job tail;
      const uint32_t clause_end = ClauseEnd(clause_begin, send, &tail);
      if (clause_end < clause_begin + (that != kNoToken ? 2 : 3)) continue;
      bool interview = false;
      const uint32_t via_end = that != kNoToken ? that : cue.end;
      int32_t via = ViaIn(cue.end, via_end, speaker, cue, &interview);
      if (via < 0) via = ViaIn(sbegin, speaker.begin, speaker, {}, &interview);
      if (via < 0 && tail.attributed) via = RelayOf(tail);
      AddReported(clause_begin, clause_end, speaker, cue, cue.begin, cue.end, via,
                  interview);
      t = clause_end;
    }
    if (jobs_.size() == jobs_before && !c_.InQuote(sbegin)) {
      // "Household bills will rise by 5%, the regulator Ofgem announced."
      for (uint32_t k = sbegin + 3; k < send; ++k) {
        if (c_.InQuote(k) || c_.consumed[k]) break;
        if (!c_.IsComma(k)) continue;
        Job tail;
        if (!Tail(k, send, &tail)) continue;
        AddReported(sbegin, k, tail.speaker, tail.cue, tail.cue_begin, tail.cue_end,
                    tail.via, tail.interview);
        Consume(k, send);
        break;
      }
    }
    if (jobs_.size() == jobs_before) ChannelStatement(sbegin, send);
  }

  // A clause can start here without "that": "said the recruits would".
  bool StartsClause(uint32_t k) const {
    if (c_.tok(k).kind == TokenKind::kNumber) return true;
    if (!c_.IsWord(k) || c_.Is(k, LexKind::kPrep) || c_.Is(k, LexKind::kThat) ||
        c_.Is(k, LexKind::kBoundary)) {
      return false;
    }
    if (c_.Is(k, LexKind::kDet) || c_.Is(k, LexKind::kPronoun) || c_.IsCapitalized(k))
      return true;
    // "said prices had climbed": a bare noun, then an auxiliary or a copula.
    for (uint32_t t = k + 1; t < k + 3 && t < c_.size(); ++t) {
      if (c_.Is(t, LexKind::kAux) || c_.Is(t, LexKind::kCopula)) return true;
      if (!c_.IsWord(t) || c_.IsFunctionWord(t)) break;
    }
    return false;
  }

  // "Il l'a annoncé lundi dans un entretien accordé à l'agence TASS": no
  // quote, but the channel of the subject's words in this paragraph.
  void ChannelStatement(uint32_t sbegin, uint32_t send) {
    bool interview = false;
    const int32_t via = ViaIn(sbegin, send, {}, {}, &interview);
    if (via < 0) return;
    const Np subject = np_.ClauseFirst(sbegin, send);
    if (!subject.ok()) return;
    Job job;
    job.emit = false;
    job.speaker = subject;
    job.attributed = true;
    job.via = via;
    job.interview = interview;
    job.paragraph = c_.paragraph_of[sbegin];
    job.span = {c_.tok(sbegin).start, c_.tok(sbegin).start};
    AddJob(job);
  }

  void ResolveSpeakers() {
    order_.resize(jobs_.size());
    for (size_t i = 0; i < jobs_.size(); ++i) order_[i] = static_cast<int32_t>(i);
    std::stable_sort(order_.begin(), order_.end(), [&](int32_t a, int32_t b) {
      return jobs_[a].span.start < jobs_[b].span.start;
    });
    for (int32_t i : order_) {
      Job& job = jobs_[i];
      if (job.inherit >= 0) {
        const Job& from = jobs_[job.inherit];
        job.referent = from.referent;
        job.cue = from.cue;
        job.cue_begin = from.cue_begin;
        job.cue_end = from.cue_end;
        if (job.via < 0) job.via = from.via;
        job.attributed = from.attributed;
        continue;
      }
      if (!job.attributed) continue;
      const int32_t exclude = job.exclude >= 0 ? jobs_[job.exclude].referent : -1;
      job.referent = resolver_.Resolve(job.speaker, exclude);
      resolver_.NoteSpeaker(job.referent, job.speaker.begin);
    }
  }

  // The channel of a speaker's words carries over to the speaker's other
  // quotes in the paragraph (also backwards, from a sentence that only names
  // the channel), and an interview to the rest of the article.
  void PropagateVia() {
    std::vector<std::pair<int32_t, int32_t>> by_referent;  // (referent, rank in order_)
    for (int32_t rank = 0; rank < static_cast<int32_t>(order_.size()); ++rank) {
      const Job& job = jobs_[order_[rank]];
      if (job.referent >= 0 && job.kind != QuoteKind::kPartial)
        by_referent.emplace_back(job.referent, rank);
    }
    std::sort(by_referent.begin(), by_referent.end());
    auto fillable = [&](const Job& job) { return job.emit && job.via < 0; };
    for (size_t begin = 0; begin < by_referent.size();) {
      size_t end = begin;
      while (end < by_referent.size() &&
             by_referent[end].first == by_referent[begin].first)
        ++end;
      // Forward: earlier quotes of the paragraph, earlier interviews.
      int32_t paragraph_via = -1, interview_via = -1;
      uint32_t paragraph = UINT32_MAX;
      for (size_t k = begin; k < end; ++k) {
        Job& job = jobs_[order_[by_referent[k].second]];
        if (job.paragraph != paragraph) {
          paragraph = job.paragraph;
          paragraph_via = -1;
        }
        if (fillable(job)) job.via = paragraph_via >= 0 ? paragraph_via : interview_via;
        if (job.via >= 0) paragraph_via = job.via;
        if (job.interview && job.via >= 0) interview_via = job.via;
      }
      // Backward: a later sentence of the paragraph that names the channel.
      int32_t channel_via = -1;
      paragraph = UINT32_MAX;
      for (size_t k = end; k-- > begin;) {
        Job& job = jobs_[order_[by_referent[k].second]];
        if (job.paragraph != paragraph) {
          paragraph = job.paragraph;
          channel_via = -1;
        }
        if (!job.emit && job.via >= 0) channel_via = job.via;
        if (fillable(job)) job.via = channel_via;
      }
      begin = end;
    }
  }

  void Emit() {
    for (int32_t i : order_) {
      const Job& job = jobs_[i];
      if (!job.emit || job.span.empty()) continue;
      Quote quote;
      quote.span = job.span;
      quote.kind = job.kind;
      if (job.kind != QuoteKind::kPartial) {
        if (job.referent >= 0) {
          quote.speaker = resolver_.Display(job.referent);
          quote.speaker_span = resolver_.DisplaySpan(job.referent);
          const Referent& ref = resolver_.referent(job.referent);
          quote.speaker_id = std::string(ref.entity_id);
          // The attribution names the speaker itself: point there.
          if (job.speaker.kind == NpKind::kName) {
            quote.speaker_span = {c_.tok(job.speaker.name_begin).start,
                                  c_.tok(job.speaker.name_end - 1).end};
          }
        }
        if (job.cue_begin != kNoToken && job.cue_end > job.cue_begin) {
          quote.cue = std::string(c_.doc.Text(
              Span{c_.tok(job.cue_begin).start, c_.tok(job.cue_end - 1).end}));
        }
        if (job.via >= 0) quote.via = resolver_.Display(job.via);
      }
      analysis_->quotes.push_back(std::move(quote));
    }
  }

  QuoteContext c_;
  NpReader np_;
  Analysis* analysis_;
  SpeakerResolver resolver_;
  std::vector<Job> jobs_;
  std::vector<int32_t> job_of_mark_;
  std::vector<int32_t> order_;
};

// Without a lexicon for the language, only the marks are read: sentence-like
// quotes are direct with an unknown speaker, the rest partial.
void MarksOnly(const Document& doc, Analysis* analysis) {
  std::vector<MarkedQuote> marks;
  FindMarkedQuotes(doc, &marks);
  for (const MarkedQuote& m : marks) {
    Quote quote;
    quote.span = m.span;
    uint32_t words = 0;
    for (uint32_t t = m.first_token; t < m.end_token; ++t) {
      words += doc.tokens[t].kind == TokenKind::kWord;
    }
    quote.kind = m.parent < 0 && words >= kMinSentenceLikeWords ? QuoteKind::kDirect
                                                                : QuoteKind::kPartial;
    analysis->quotes.push_back(std::move(quote));
  }
}

}  // namespace

Result<std::unique_ptr<QuoteFinder>> QuoteFinder::Create(const std::string& data_dir) {
  auto lexicons = QuoteLexicons::Load(data_dir);
  if (!lexicons.ok()) return lexicons.status();
  auto outlets = OutletCatalog::Load(data_dir);
  if (!outlets.ok()) return outlets.status();
  std::unique_ptr<QuoteFinder> finder(new QuoteFinder());
  finder->lexicons_ = std::move(lexicons).value();
  finder->outlets_ = std::move(outlets).value();
  return finder;
}

void QuoteFinder::Find(const Document& doc, Analysis* analysis) const {
  const QuoteLexicon* lex = lexicons_->ForLanguage(doc.language);
  if (lex == nullptr) {
    MarksOnly(doc, analysis);
    return;
  }
  Pass pass(doc, *lex, *outlets_, analysis);
  pass.Run();
}

}  // namespace veille
