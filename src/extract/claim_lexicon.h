// The cue words of the claims and citations stage, loaded from
// data/claims/<lang>.tsv and data/claims/common.tsv (see data/claims/README.md
// and docs/claims.md): number words, qualifiers, months and other
// non-quantity cues, attribution verbs, events and citation relations.
//
// Every phrase goes into one PhraseTable; each entry carries its kind and
// arguments. Languages are bits of a mask: an entry of fr.tsv only matches in
// sentences whose language set includes fr. Immutable after Load; thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/phrase_table.h"
#include "veille/analysis.h"
#include "veille/status.h"

namespace veille {

enum class CueKind : uint8_t {
  kCardinal,         // deux = 2
  kScale,            // million = 1e6 (multiplies what precedes)
  kVague,            // des centaines = at least 200
  kFraction,         // un quart = 0.25
  kHalf,             // and a half = +0.5
  kQualifier,        // plus de -> more_than (right before the number)
  kQualifierVerb,    // dépassé -> more_than (a few words before)
  kQualifierAfter,   // or more -> at_least (after the number)
  kRangeStart,       // entre ... (first half of "entre|et")
  kRangeMid,         // ... et ... (second half)
  kPercent,          // %, pour cent
  kCurrencySymbol,   // $ -> dollars
  kMonth,            // a number next to it is a date
  kYearWord,         // года: the number before it is a year
  kTimePrep,         // à, at: with an hour word after the number, a clock time
  kHour,             // heures
  kTimeAfter,        // p.m., GMT, h: the number before it is a clock time
  kPage,             // p. 12
  kAgeBefore,        // aged 45
  kAgeAfter,         // 45-year-old
  kIdentifierBefore, // No. 5, article 5
  kCountNoun,        // "le nombre total de X": what follows is what is counted
  kOf,               // de, of: between a scale word and its noun
  kPrenominal,       // nouveaux: an adjective in front of the counted noun
  kStop,             // never part of what is counted
  kSource,           // selon, according to
  kSpeech,           // said, a déclaré
  kAux,              // a, has, also: between a subject and its verb
  kPronoun,          // il, he
  kHonorific,        // M., Mr
  kConnector,        // of, de: inside an institution's name
  kDeterminer,       // the, le
  kRelative,         // who, qui: starts a relative clause
  kAdverbial,        // lundi, on Thursday: skipped around an inverted subject
  kEvent,            // tués -> killed
  kCiteBefore,       // selon X, told X -> relation
  kCiteAfter,        // X reported -> relation
  kCiteGap,          // quotidien, agence: words between a cue and an outlet
  kPlatformPrep,     // sur, on: "sur Telegram" -> posted_on
  kShare,            // partager sur: boilerplate, not a citation
  kAliasLink,        // formerly, ex: "X, formerly Twitter"
  kPlacePrep,        // in, à: a capitalized word after it is rather a place than a person
  kSubordinator,     // wie, as, comme: "wie die Behörde mitteilte", the subject follows it
  kUnit,             // ans, heures, euros: a unit takes no noun complement ("15 ans de prison")
};

struct CueEntry {
  CueKind kind = CueKind::kStop;
  int language = -1;  // index in ClaimLexicon::languages(), -1 for common.tsv
  double value = 0;
  Qualifier qualifier = Qualifier::kExact;
  CitationRelation relation = CitationRelation::kReportedBy;
  std::string label;  // event label, currency name
  bool needs_currency = false;
};

// Per-language settings.
struct LanguageRules {
  std::string code;
  char decimal_mark = 0;   // ',' or '.', 0 when the file does not say
  bool head_last = false;  // the counted noun ends its phrase ("local residents")
  bool capitalized_nouns = false;  // German: nouns are capitalized
  std::vector<std::string> stop_suffixes;     // en "ed", "ing": end a noun phrase
  std::vector<std::string> plural_suffixes;   // en "s": a plural noun ends it ("hours overnight")
  std::vector<std::string> pronoun_suffixes;  // fr "-t-il"
};

class ClaimLexicon {
 public:
  // Reads data_dir/claims/*.tsv and data_dir/lexicon/function_words.tsv.
  static Result<std::unique_ptr<ClaimLexicon>> Load(const std::string& data_dir);

  const PhraseTable& phrases() const { return phrases_; }
  const CueEntry& entry(uint32_t id) const { return entries_[id]; }

  // Language index of an ISO code, or -1.
  int LanguageIndex(std::string_view code) const;
  uint32_t LanguageBit(std::string_view code) const;
  const LanguageRules* Rules(std::string_view code) const;

  // A word ending a number's noun phrase in `language_mask` (function words).
  bool IsFunctionWord(std::string_view lower, uint32_t language_mask) const;

  // Single-word cardinal or scale entries for `lower` in `language_mask`
  // (for the parts of "vingt-cinq", "twenty-five"). Null when none.
  const CueEntry* NumberWord(std::string_view lower, uint32_t language_mask) const;

  // Suffix scale words glued to digits: "2bn" -> 1e9. Null when unknown.
  const CueEntry* ScaleSuffix(std::string_view lower) const;

 private:
  Status LoadFile(const std::string& path, int language);
  Status LoadFunctionWords(const std::string& path);

  PhraseTable phrases_;
  std::vector<CueEntry> entries_;
  std::vector<LanguageRules> languages_;
  std::unordered_map<std::string, uint32_t, TransparentStringHash, std::equal_to<>>
      function_words_;  // word -> language mask
  std::unordered_map<std::string, CueEntry, TransparentStringHash, std::equal_to<>>
      scale_suffixes_;
  std::unordered_map<std::string, std::vector<uint32_t>, TransparentStringHash, std::equal_to<>>
      number_words_;  // single-word cardinal and scale entries
};

}  // namespace veille
