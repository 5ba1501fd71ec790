// Reading the few syntactic pieces quote attribution needs, from tokens and
// the quote lexicon, without a parser: speech-verb cues ("a déclaré",
// "a-t-il déclaré", "has said"), the noun phrase that names a speaker
// ("le président russe", "Kremlin spokesman Dmitry Peskov", "a woman in
// Grozny"), and the subject of a verb, skipping appositions and relative
// clauses ("Olga Romanova, who heads ..., estimated").
#pragma once

#include <cstdint>

#include "extract/quote_context.h"

namespace veille {

enum class NpKind : uint8_t {
  kNone,
  kName,     // a proper name: a person, an organisation, an outlet
  kRole,     // a role noun phrase: "le président russe", "Regional officials"
  kPronoun,  // "il", "she", "lui"
  kOther,    // another noun phrase with a determiner: "L'une d'elles"
  kQuoted,   // a name in quotation marks: «Медузы»
};

struct Np {
  uint32_t begin = 0;  // tokens [begin, end), as written
  uint32_t end = 0;
  NpKind kind = NpKind::kNone;
  uint32_t name_begin = 0;  // kName: the name without titles or honorifics
  uint32_t name_end = 0;
  bool org_name = false;  // kName of an organisation ("ministère de l'Intérieur")
  uint32_t role_token = kNoToken;  // head role noun, when there is one
  const LexEntry* role = nullptr;
  const LexEntry* pronoun = nullptr;
  bool has_det = false;
  DetKind det = DetKind::kDefinite;
  bool honorific = false;
  GenderNumber gn;
  int32_t quote = -1;  // kQuoted: the marked quote

  bool ok() const { return kind != NpKind::kNone; }
  // A phrase that can name who speaks.
  bool CanSpeak() const { return kind != NpKind::kNone; }
};

// A run of capitalized words ("Ramzan Kadyrov", "Banque d'Espagne",
// "Estonian Prime Minister Kristen Michal") and the name it holds once titles
// are stripped.
struct NameRun {
  uint32_t begin = 0;  // the whole run [begin, end)
  uint32_t end = 0;
  uint32_t name_begin = 0;  // the name: [name_begin, end)
  bool org = false;         // an organisation word is part of it ("Ministry", "Group")
  char gender = 'x';        // from a title ("Présidente")
};

struct Cue {
  uint32_t begin = kNoToken;  // tokens [begin, end)
  uint32_t end = 0;
  const LexEntry* verb = nullptr;
  bool inverted = false;    // the subject pronoun is part of the cue: "a-t-il déclaré"
  GenderNumber pronoun;     // its gender and number when inverted
  bool infinitive = false;  // "raconter", only after "a accepté de"
  bool ok() const { return verb != nullptr; }
};

class NpReader {
 public:
  explicit NpReader(const QuoteContext& ctx) : c_(ctx) {}

  // A speech-verb form starting at token `i`.
  Cue CueAt(uint32_t i, uint32_t end, bool allow_infinitive = false) const;
  // The noun phrase starting at token `i`, ending at or before `end`.
  Np Right(uint32_t i, uint32_t end) const;
  // The noun phrase ending at token `last` (inclusive), starting at or after `limit`.
  Np Left(uint32_t last, uint32_t limit) const;
  // The subject of the clause [begin, end): after preposed adverbials
  // ("Dans un message publié sur Telegram, le chef a ...").
  Np ClauseFirst(uint32_t begin, uint32_t end) const;
  // The subject of the verb starting at `cue_begin`, looking no further left
  // than `limit`. `infinitive`: the cue is governed by another verb
  // ("a accepté de raconter").
  Np Subject(uint32_t cue_begin, uint32_t limit, bool infinitive) const;

  uint32_t SkipAdverbs(uint32_t i, uint32_t end) const;
  // The run of capitalized words starting at `i` (which must start one),
  // ending at or before `end`. `after_complement`: the run follows "de",
  // "of" ("le président de la Tchétchénie Ramzan Kadyrov"), so a long run
  // ends with the person's two names.
  NameRun ReadNameRun(uint32_t i, uint32_t end, bool after_complement) const;
  // True when the capitalized token `i` can start a name.
  bool StartsName(uint32_t i) const;
  // True when `i` follows a person's title and "de"/"of", possibly with an
  // article: "le président de la | Tchétchénie Ramzan Kadyrov".
  bool FollowsTitleComplement(uint32_t i, uint32_t limit) const;
  // The previous comma before `j`, at or after `limit`, outside quotes, or kNoToken.
  uint32_t PreviousComma(uint32_t j, uint32_t limit) const;
  // What token `i` starts when it is not a subject: a preposition, an
  // adverb, a participle or gerund (a preposed adverbial phrase).
  bool StartsAdverbial(uint32_t i) const;

  const QuoteContext& context() const { return c_; }

 private:
  Np Analyze(uint32_t begin, uint32_t end) const;
  Np Apposition(uint32_t comma, uint32_t limit, int hops) const;
  bool IsRoleWord(uint32_t i) const { return c_.Is(i, LexKind::kRole); }
  bool EndsPhrase(uint32_t i, uint32_t phrase_begin) const;

  const QuoteContext& c_;
};

}  // namespace veille
