#include "extract/claim_finder.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "extract/number_parser.h"

namespace veille {
namespace {

// How far (in tokens) an event word may be from its claim.
constexpr uint32_t kEventWindow = 10;
// How far before a number a verb qualifier may stand ("superato a febbraio i 7").
constexpr uint32_t kQualifierVerbWindow = 5;
// Most words of an English-style counted noun phrase ("young men").
constexpr int kMaxNounPhraseWords = 4;

// The number itself: digits or number words, with any scale word.
struct Core {
  uint32_t first = 0;
  uint32_t end = 0;
  double value = 0;
  double scale = 1;       // the scale word applied ("million")
  bool numeral = false;   // written in digits
  bool vague = false;     // "des centaines", "a dozen": qualifier comes with it
  bool expects_of = false;  // a scale or vague word: "millions de voix", "dozens of"
  Qualifier qualifier = Qualifier::kExact;
};

struct NounPhrase {
  uint32_t first = 0;
  uint32_t end = 0;  // 0 when none
};

bool IsPunct(const Document& doc, uint32_t i, std::string_view p) {
  const Token& t = doc.tokens[i];
  return t.kind == TokenKind::kPunct && doc.Text(t) == p;
}

bool IsDash(const Document& doc, uint32_t i) {
  return IsPunct(doc, i, "-") || IsPunct(doc, i, "\xE2\x80\x93");  // - –
}

bool IsCapitalizedWord(const Token& t) {
  return t.kind == TokenKind::kWord && (t.Has(kCapitalized) || t.Has(kAllCaps));
}

class SentenceClaims {
 public:
  SentenceClaims(const CueIndex& cues, uint32_t sentence, std::vector<ClaimDraft>* out)
      : cues_(cues),
        doc_(cues.doc()),
        lexicon_(cues.lexicon()),
        sentence_(sentence),
        a_(doc_.sentences[sentence].first_token),
        b_(std::min<uint32_t>(doc_.sentences[sentence].end_token,
                              static_cast<uint32_t>(doc_.tokens.size()))),
        mask_(cues.languages(sentence)),
        rules_(cues.rules(sentence)),
        out_(out),
        first_draft_(out->size()) {}

  void Run() {
    uint32_t i = a_;
    while (i < b_) {
      if (cues_.OutletAt(i) >= 0) {
        ++i;
        continue;
      }
      std::optional<Core> core = CoreAt(i);
      if (!core) {
        ++i;
        continue;
      }
      if (!IsQuantity(*core)) {
        i = core->end;
        continue;
      }
      i = Build(*core);
    }
    LinkOfNext();
  }

 private:
  // --- the number itself ---------------------------------------------------

  std::optional<Core> CoreAt(uint32_t i) const {
    const Token& t = doc_.tokens[i];
    if (t.kind == TokenKind::kNumber) return NumeralCore(i);
    if (t.kind == TokenKind::kWord && t.Has(kHasDigit)) return SuffixCore(i);
    if (t.kind == TokenKind::kWord) return WordCore(i);
    return std::nullopt;
  }

  char DecimalMark() const { return rules_ != nullptr ? rules_->decimal_mark : 0; }

  std::optional<Core> NumeralCore(uint32_t i) const {
    const std::optional<double> value = ParseNumeral(doc_.Text(doc_.tokens[i]), DecimalMark());
    if (!value) return std::nullopt;
    Core core;
    core.first = i;
    core.end = i + 1;
    core.value = *value;
    core.numeral = true;
    if (const CueHit* scale = cues_.At(core.end, CueKind::kScale)) {
      core.scale = cues_.Entry(*scale).value;
      core.value *= core.scale;
      core.end = scale->end;
      core.expects_of = true;
    }
    return core;
  }

  // "2bn", "1.5bn", "5m" after a currency symbol.
  std::optional<Core> SuffixCore(uint32_t i) const {
    const std::string_view text = doc_.Text(doc_.tokens[i]);
    size_t digits = 0;
    while (digits < text.size() &&
           ((text[digits] >= '0' && text[digits] <= '9') || text[digits] == '.' ||
            text[digits] == ',')) {
      ++digits;
    }
    if (digits == 0 || digits == text.size()) return std::nullopt;
    const std::string_view lower = doc_.Lower(doc_.tokens[i]);
    const CueEntry* scale = lexicon_.ScaleSuffix(lower.substr(digits));
    if (scale == nullptr) return std::nullopt;
    if (scale->needs_currency && cues_.EndingAt(i, CueKind::kCurrencySymbol) == nullptr) {
      return std::nullopt;
    }
    const std::optional<double> value = ParseNumeral(text.substr(0, digits), DecimalMark());
    if (!value) return std::nullopt;
    Core core;
    core.first = i;
    core.end = i + 1;
    core.scale = scale->value;
    core.value = *value * scale->value;
    core.numeral = true;
    return core;
  }

  // Value of one number word, including hyphenated compounds ("vingt-cinq").
  std::optional<double> WordValue(uint32_t i, bool* is_scale) const {
    const Token& t = doc_.tokens[i];
    if (t.kind != TokenKind::kWord) return std::nullopt;
    const std::string_view lower = doc_.Lower(t);
    if (const CueEntry* e = lexicon_.NumberWord(lower, mask_)) {
      *is_scale = e->kind == CueKind::kScale;
      return e->value;
    }
    if (lower.find('-') == std::string_view::npos) return std::nullopt;
    double total = 0;
    size_t start = 0;
    while (start <= lower.size()) {
      size_t dash = lower.find('-', start);
      if (dash == std::string_view::npos) dash = lower.size();
      const std::string_view part = lower.substr(start, dash - start);
      start = dash + 1;
      if (part == "et" || part == "and") continue;
      const CueEntry* e = lexicon_.NumberWord(part, mask_);
      if (e == nullptr) return std::nullopt;
      total = e->kind == CueKind::kScale ? std::max(total, 1.0) * e->value : total + e->value;
    }
    *is_scale = false;
    return total;
  }

  std::optional<Core> WordCore(uint32_t i) const {
    Core core;
    core.first = i;
    if (const CueHit* vague = cues_.At(i, CueKind::kVague)) {
      const CueEntry& e = cues_.Entry(*vague);
      core.end = vague->end;
      core.value = e.value;
      core.vague = true;
      core.expects_of = true;
      core.qualifier = e.qualifier;
      return core;
    }
    if (const CueHit* fraction = cues_.At(i, CueKind::kFraction)) {
      core.end = fraction->end;
      core.value = cues_.Entry(*fraction).value;
      core.expects_of = true;
      return core;
    }
    double total = 0, current = 0;
    uint32_t j = i;
    int words = 0;
    bool scaled = false;
    while (j < b_) {
      bool is_scale = false;
      std::optional<double> v = WordValue(j, &is_scale);
      if (!v && words > 0 && j + 1 < b_ && cues_.At(j, CueKind::kHalf) == nullptr) {
        // "vingt et un", "one hundred and fifty": a connector between number words.
        const std::string_view lower = doc_.Lower(doc_.tokens[j]);
        bool next_scale = false;
        if ((lower == "et" || lower == "and") && WordValue(j + 1, &next_scale)) {
          ++j;
          continue;
        }
      }
      if (!v) break;
      // "un an" is not 2: a unit only follows nothing, a round ten or a round hundred.
      if (!is_scale && current > 0 &&
          !((current >= 20 && std::fmod(current, 10) == 0 && *v < 10) ||
            (current >= 100 && std::fmod(current, 100) == 0 && *v < 100))) {
        break;
      }
      if (is_scale && *v >= 1000) {
        total += std::max(current, 1.0) * *v;
        current = 0;
        scaled = true;
      } else if (is_scale) {
        current = std::max(current, 1.0) * *v;
      } else {
        current += *v;
      }
      ++words;
      ++j;
    }
    if (words == 0) return std::nullopt;
    core.end = j;
    core.value = total + current;
    core.expects_of = scaled;
    // A bare "un", "one", "a" is an article, not a count.
    if (words == 1 && core.value == 1) return std::nullopt;
    if (const CueHit* half = cues_.At(core.end, CueKind::kHalf)) {
      core.value += cues_.Entry(*half).value;
      core.end = half->end;
    }
    return core;
  }

  // --- what is not a quantity --------------------------------------------

  bool InSpan(const Span& span, uint32_t i) const {
    const Token& t = doc_.tokens[i];
    return !span.empty() && span.start <= t.start && t.end <= span.end;
  }

  // A title of a work in quotation marks ("60 Minutes"): every word capitalized.
  bool InTitleOfWork(uint32_t i) const {
    const int q = cues_.QuoteAt(i);
    if (q < 0) return false;
    const QuoteRegion& region = cues_.quotes()[q];
    if (region.end - region.first > 8) return false;
    int words = 0;
    for (uint32_t k = region.first; k < region.end; ++k) {
      const Token& t = doc_.tokens[k];
      if (t.kind != TokenKind::kWord) continue;
      ++words;
      if (!IsCapitalizedWord(t)) return false;
    }
    return words > 0;
  }

  bool NextToMonth(const Core& core) const {
    // Before: "May 9", "le 3 septembre" is after. Skip "." and "de" between.
    uint32_t p = core.first;
    if (p > a_ && cues_.EndingAt(p, CueKind::kMonth)) return true;
    if (p > a_ + 1 && IsPunct(doc_, p - 1, ".") && cues_.EndingAt(p - 1, CueKind::kMonth)) {
      return true;
    }
    uint32_t q = core.end;
    if (q < b_ && IsPunct(doc_, q, ".")) ++q;  // "3. März"
    if (q < b_ && cues_.At(q, CueKind::kOf) && cues_.At(q, CueKind::kOf)->end == q + 1) {
      if (q + 1 < b_ && cues_.At(q + 1, CueKind::kMonth)) return true;  // "1 de febrero"
    }
    return q < b_ && cues_.At(q, CueKind::kMonth) != nullptr;
  }

  bool IsYear(const Core& core) const {
    const Token& t = doc_.tokens[core.first];
    if (core.end != core.first + 1 || !IsFourPlainDigits(doc_.Text(t))) return false;
    if (core.value < 1800 || core.value > 2100) return false;
    // "более 1500 жителей", "au moins 1000 soldats": a qualifier and a noun make it a count.
    const bool qualified = cues_.EndingAt(core.first, CueKind::kQualifier) != nullptr;
    const bool noun_after = core.end < b_ && doc_.tokens[core.end].kind == TokenKind::kWord &&
                            !IsCapitalizedWord(doc_.tokens[core.end]) &&
                            cues_.At(core.end, CueKind::kYearWord) == nullptr;
    return !(qualified && noun_after);
  }

  bool IsClockTime(const Core& core) const {
    if (cues_.At(core.end, CueKind::kTimeAfter)) return true;
    return cues_.EndingAt(core.first, CueKind::kTimePrep) && cues_.At(core.end, CueKind::kHour);
  }

  bool IsAge(const Core& core) const {
    if (cues_.EndingAt(core.first, CueKind::kAgeBefore) || cues_.At(core.end, CueKind::kAgeAfter)) {
      return true;
    }
    // "Olena Petrova, 45, ..." : a number alone between commas after a name.
    return core.first >= a_ + 2 && IsPunct(doc_, core.first - 1, ",") &&
           IsCapitalizedWord(doc_.tokens[core.first - 2]) && core.end < b_ &&
           IsPunct(doc_, core.end, ",") && core.end == core.first + 1;
  }

  // "Rossiya-1", "F-16", "Estlink 2", "Article 5": part of a name.
  bool IsPartOfName(const Core& core) const {
    if (core.first == a_) return false;
    const Token& t = doc_.tokens[core.first];
    const uint32_t prev = core.first - 1;
    const Token& p = doc_.tokens[prev];
    if (!t.Has(kSpaceBefore)) {
      if (p.kind == TokenKind::kWord) return true;
      if (IsDash(doc_, prev) && prev > a_ && !p.Has(kSpaceBefore) &&
          doc_.tokens[prev - 1].kind == TokenKind::kWord) {
        return true;
      }
    }
    if (IsCapitalizedWord(p) && prev > a_ && !cues_.AnyAt(prev) && cues_.OutletAt(prev) < 0 &&
        !cues_.IsTitleCase(a_, b_)) {
      return true;
    }
    return false;
  }

  // Digits next to other digits with nothing between: phone numbers, codes.
  bool IsDigitSequence(const Core& core) const {
    const Token& t = doc_.tokens[core.first];
    if (core.first > a_) {
      const Token& p = doc_.tokens[core.first - 1];
      if (p.kind == TokenKind::kNumber) return true;
      if (IsPunct(doc_, core.first - 1, "+") && !t.Has(kSpaceBefore)) return true;
    }
    return core.end < b_ && doc_.tokens[core.end].kind == TokenKind::kNumber;
  }

  bool IsQuantity(const Core& core) const {
    const Analysis& analysis = cues_.analysis();
    if (InSpan(analysis.byline_span, core.first) || InSpan(analysis.date_span, core.first)) {
      return false;
    }
    if (InTitleOfWork(core.first)) return false;
    if (!core.numeral) return true;
    if (IsDigitSequence(core) || IsPartOfName(core) || NextToMonth(core) || IsYear(core) ||
        IsClockTime(core) || IsAge(core)) {
      return false;
    }
    if (cues_.EndingAt(core.first, CueKind::kPage) ||
        cues_.EndingAt(core.first, CueKind::kIdentifierBefore)) {
      return false;
    }
    return true;
  }

  // --- building the claim -------------------------------------------------

  bool IsStop(uint32_t i) const {
    const Token& t = doc_.tokens[i];
    if (t.kind != TokenKind::kWord || t.Has(kHasDigit)) return true;
    if (cues_.At(i, CueKind::kStop) || cues_.At(i, CueKind::kDeterminer) ||
        cues_.At(i, CueKind::kMonth) || cues_.At(i, CueKind::kSpeech) ||
        cues_.At(i, CueKind::kQualifier) || cues_.At(i, CueKind::kRelative)) {
      return true;
    }
    if (cues_.OutletAt(i) >= 0) return true;
    if (cues_.At(i, CueKind::kPrenominal)) return false;  // "new volunteers"
    return lexicon_.IsFunctionWord(doc_.Lower(t), mask_);
  }

  bool EndsWithAny(uint32_t i, const std::vector<std::string>& suffixes) const {
    const std::string_view lower = doc_.Lower(doc_.tokens[i]);
    for (const std::string& suffix : suffixes) {
      if (lower.size() > suffix.size() + 2 &&
          lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return true;
      }
    }
    return false;
  }

  bool HasStopSuffix(uint32_t i) const {
    if (rules_ == nullptr) return false;
    const std::string_view lower = doc_.Lower(doc_.tokens[i]);
    for (const std::string& suffix : rules_->stop_suffixes) {
      if (lower.size() > suffix.size() + 2 &&
          lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return true;
      }
    }
    return false;
  }

  NounPhrase FindNounPhrase(uint32_t pos) const {
    NounPhrase np;
    if (pos >= b_) return np;
    if (rules_ != nullptr && rules_->head_last) {
      uint32_t j = pos;
      int words = 0;
      while (j < b_ && words < kMaxNounPhraseWords) {
        const Token& t = doc_.tokens[j];
        if (IsStop(j)) break;
        if (words > 0 && HasStopSuffix(j)) break;
        if (IsCapitalizedWord(t) && !rules_->capitalized_nouns) {
          // "Russian fighters": a capitalized adjective only before a noun.
          if (j + 1 >= b_ || IsStop(j + 1) || IsCapitalizedWord(doc_.tokens[j + 1])) break;
        }
        ++words;
        ++j;
        if (EndsWithAny(j - 1, rules_->plural_suffixes) && j < b_ &&
            !EndsWithAny(j, rules_->plural_suffixes)) {
          break;  // "hours overnight"; but "polling stations"
        }
      }
      if (words > 0) np = {pos, j};
      return np;
    }
    uint32_t j = pos;
    for (int k = 0; k < 2 && j < b_ && cues_.At(j, CueKind::kPrenominal); ++k) ++j;
    if (j >= b_ || IsStop(j)) return np;
    np = {j, j + 1};
    // "bureaux de vote", "immeubles d'habitation": a noun complement without article.
    const CueHit* of = cues_.At(j + 1, CueKind::kOf);
    if (of != nullptr && of->end == j + 2 && j + 2 < b_) {
      const std::string_view link = doc_.Lower(doc_.tokens[j + 1]);
      const Token& next = doc_.tokens[j + 2];
      if ((link == "de" || link == "d'" || link == "d\xE2\x80\x99") && !IsStop(j + 2) &&
          cues_.At(j, CueKind::kUnit) == nullptr &&
          !IsCapitalizedWord(next) && cues_.At(j + 2, CueKind::kPrenominal) == nullptr) {
        np.end = j + 3;
      }
    }
    return np;
  }

  std::string SpanText(uint32_t first, uint32_t end) const {
    const Span span{doc_.tokens[first].start, doc_.tokens[end - 1].end};
    return std::string(doc_.Text(span));
  }

  std::optional<std::string> EventNear(uint32_t first, uint32_t end) const {
    const uint32_t from = first > a_ + kEventWindow ? first - kEventWindow : a_;
    const uint32_t to = std::min(b_, end + kEventWindow);
    const CueHit* best = nullptr;
    uint32_t best_distance = ~0u;
    for (uint32_t i = from; i < to; ++i) {
      const CueHit* hit = cues_.At(i, CueKind::kEvent);
      if (hit == nullptr) continue;
      const uint32_t distance = i >= first ? (i < end ? 0 : i - end + 1) : first - i;
      if (distance < best_distance) {
        best = hit;
        best_distance = distance;
      }
    }
    if (best == nullptr) return std::nullopt;
    return cues_.Entry(*best).label;
  }

  // Returns the token after the claim.
  uint32_t Build(const Core& core) {
    ClaimDraft d;
    d.sentence = sentence_;
    d.core_first = core.first;
    d.core_end = core.end;
    d.first_token = core.first;
    Claim& c = d.claim;
    c.value = core.value;
    c.qualifier = core.qualifier;
    bool explicit_qualifier = false;
    uint32_t pos = core.end;
    bool expects_of = core.expects_of;

    // Ranges: "entre 200 et 300", "between 5,000 and 7,000", "5-7".
    std::optional<Core> high;
    const CueHit* start = cues_.EndingAt(core.first, CueKind::kRangeStart);
    const CueHit* mid = cues_.At(core.end, CueKind::kRangeMid);
    if (start != nullptr && mid != nullptr &&
        cues_.Entry(*start).label == cues_.Entry(*mid).label) {
      high = CoreAt(mid->end);
    } else if (core.numeral && core.end + 1 < b_ && IsDash(doc_, core.end) &&
               !doc_.tokens[core.end].Has(kSpaceBefore) &&
               !doc_.tokens[core.end + 1].Has(kSpaceBefore)) {
      high = CoreAt(core.end + 1);
      start = nullptr;
    }
    if (high && high->numeral == core.numeral && IsQuantity(*high)) {
      double low = core.value;
      if (core.scale == 1 && high->scale > 1) low *= high->scale;  // "1.5 to 2 million"
      if (high->value > low) {
        c.value = low;
        c.low = low;
        c.high = high->value;
        c.qualifier = Qualifier::kExact;
        if (start != nullptr) d.first_token = start->first;
        d.core_end = high->end;
        pos = high->end;
        expects_of = high->expects_of;
      }
    }

    // Money: "£94", "$2bn", "US$ 5".
    if (const CueHit* symbol = cues_.EndingAt(d.first_token, CueKind::kCurrencySymbol)) {
      c.counted = cues_.Entry(*symbol).label;
      d.first_token = symbol->first;
    }
    if (!c.low) {
      if (const CueHit* q = cues_.EndingAt(d.first_token, CueKind::kQualifier)) {
        c.qualifier = cues_.Entry(*q).qualifier;
        d.first_token = q->first;
        explicit_qualifier = true;
      } else {
        for (uint32_t k = 1; k <= kQualifierVerbWindow && d.first_token >= a_ + k; ++k) {
          const uint32_t j = d.first_token - k;
          if (IsClausePunct(doc_, doc_.tokens[j])) break;
          const CueHit* verb = cues_.At(j, CueKind::kQualifierVerb);
          if (verb != nullptr && verb->end <= d.first_token) {
            c.qualifier = cues_.Entry(*verb).qualifier;
            explicit_qualifier = true;
            break;
          }
        }
      }
    }

    uint32_t end = pos;
    if (const CueHit* percent = cues_.At(pos, CueKind::kPercent)) {
      c.counted.assign(1, '%');  // assign(): GCC 12 -Wrestrict false positive on = "%"
      end = pos = percent->end;
    } else if (const CueHit* symbol = cues_.At(pos, CueKind::kCurrencySymbol);
               symbol != nullptr && c.counted.empty()) {
      c.counted = cues_.Entry(*symbol).label;
      end = pos = symbol->end;
    }

    bool take_next_counted = false;
    if (c.counted.empty()) {
      uint32_t p = pos;
      if (expects_of) {
        if (const CueHit* of = cues_.At(p, CueKind::kOf)) p = of->end;
      }
      // "portant à 444 le nombre total de navires"
      uint32_t q = p;
      if (const CueHit* det = cues_.At(q, CueKind::kDeterminer)) q = det->end;
      if (const CueHit* count = cues_.At(q, CueKind::kCountNoun)) {
        if (const CueHit* of = cues_.At(count->end, CueKind::kOf)) p = of->end;
      }
      const NounPhrase np = FindNounPhrase(p);
      if (np.end > np.first) {
        c.counted = SpanText(np.first, np.end);
        end = np.end;
      } else if (const CueHit* of = cues_.At(pos, CueKind::kOf)) {
        // "more than 350 of the 450 members": counted like the next number.
        uint32_t r = of->end;
        if (const CueHit* det = cues_.At(r, CueKind::kDeterminer)) r = det->end;
        take_next_counted = r < b_ && CoreAt(r).has_value();
      }
    }
    if (const CueHit* half = cues_.At(end, CueKind::kHalf)) {  // "deux ans et demi"
      c.value += cues_.Entry(*half).value;
      end = half->end;
    }
    if (const CueHit* after = cues_.At(end, CueKind::kQualifierAfter)) {
      if (c.qualifier == Qualifier::kExact && !c.low) {
        c.qualifier = cues_.Entry(*after).qualifier;
        explicit_qualifier = true;
        end = after->end;
      }
    }
    if (c.counted.empty() && !take_next_counted) {
      // Ellipsis: "nearly 11,000 people; only about 1,200 remain".
      for (size_t k = out_->size(); k-- > first_draft_;) {
        const std::string& previous = (*out_)[k].claim.counted;
        if (!previous.empty() && previous != "%") {
          c.counted = previous;
          break;
        }
      }
    }
    if (c.counted.empty() && !take_next_counted && !explicit_qualifier && !core.vague) {
      return std::max(pos, core.end);
    }
    d.end_token = std::max(end, d.core_end);
    c.span = {doc_.tokens[d.first_token].start, doc_.tokens[d.end_token - 1].end};
    c.event = EventNear(d.first_token, d.end_token);
    if (take_next_counted) pending_of_next_.push_back(out_->size());
    const uint32_t next = d.core_end;
    out_->push_back(std::move(d));
    return next;
  }

  void LinkOfNext() {
    for (const size_t k : pending_of_next_) {
      if (k + 1 < out_->size() && (*out_)[k].claim.counted.empty()) {
        (*out_)[k].claim.counted = (*out_)[k + 1].claim.counted;
      }
    }
  }

  const CueIndex& cues_;
  const Document& doc_;
  const ClaimLexicon& lexicon_;
  const uint32_t sentence_;
  const uint32_t a_;
  const uint32_t b_;
  const uint32_t mask_;
  const LanguageRules* rules_;
  std::vector<ClaimDraft>* out_;
  const size_t first_draft_;
  std::vector<size_t> pending_of_next_;
};

}  // namespace

void FindClaims(const CueIndex& cues, std::vector<ClaimDraft>* out) {
  const Document& doc = cues.doc();
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    SentenceClaims(cues, s, out).Run();
  }
}

}  // namespace veille
