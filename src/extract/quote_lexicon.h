// Per-language word lists for quote attribution: speech verbs and their
// forms, attribution phrases ("selon", "according to"), pronouns, roles,
// determiners and the small function words that delimit noun phrases.
//
// Loaded from data/quotes/<lang>.tsv (format in docs/quotes.md); adding a
// language is adding a file. Phrases are matched on Document tokens by their
// lowercase form, with typographic apostrophes folded to "'". Immutable after
// Load; thread-safe for reads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/document.h"
#include "veille/status.h"

namespace veille {

// Hash and equality of a token's lowercase form against a folded word, with
// U+2019 and U+02BC read as "'". Neither allocates.
uint64_t FoldedHash(std::string_view lower);
bool FoldedEquals(std::string_view lower, std::string_view folded);

struct GenderNumber {
  char gender = 'x';  // m, f, or x when unknown or either
  char number = 's';  // s or p
  // Unknown gender agrees with anything; number must agree.
  bool Agrees(GenderNumber other) const {
    return (gender == 'x' || other.gender == 'x' || gender == other.gender) &&
           number == other.number;
  }
};

// What a lexicon entry is. The data file kind names are in kLexKindNames.
enum class LexKind : uint8_t {
  kVerbSimple,     // "déclare", "said": a finite form
  kParticiple,     // "déclaré", "said": used after an auxiliary
  kInfinitive,     // "raconter": only introduces a quote after a colon
  kAux,            // "a", "has"
  kInvertedAux,    // "a-t-il": auxiliary with its subject pronoun
  kAccording,      // "selon", "according to"
  kThat,           // "que", "that"
  kPronoun,        // "il", "she"
  kRole,           // "président", "officials", "agency"
  kDet,            // "le", "a", "his"
  kHonorific,      // "M.", "Mr", "Dr."
  kNpPrep,         // "de", "of": stays inside a noun phrase
  kPlacePrep,      // "in" of "a woman in Grozny"
  kPrep,           // other prepositions: end a noun phrase
  kBoundary,       // conjunctions, relative pronouns, negation
  kCoordination,   // "et", "and"
  kAdverb,         // skippable: "également", "on Friday"'s "friday"
  kClitic,         // "l'", "m'": object pronouns before a French verb
  kAgentPrep,      // "par", "by": keeps a participle in a noun phrase
  kClauseStop,     // ", alors que", ", as": the reported clause ends
  kDocNoun,        // "données", "report": a document, not a speaker
  kViaMarker,      // "à", "on": an outlet after it is a channel
  kInterview,      // "entretien", "interview"
  kTailIntro,      // "comme", "as", "wie" opening a postposed attribution
  kPartialMarker,  // "so-called", "dite": scare quote follows
  kRelative,       // "qui", "who": its verb's subject is the phrase before
  kCopula,         // "est", "was": a passive ("It is reported that") names nobody
  kNameLink,       // "de", "of" inside a name: "Banque d'Espagne"
  kCount,
};
static_assert(static_cast<int>(LexKind::kCount) <= 64, "kinds are bits of a uint64_t");

enum VerbFlag : uint8_t {
  kVerbDirect = 1,     // attributes a quote in marks
  kVerbReported = 2,   // takes a "que"/"that" clause
  kVerbZeroThat = 4,   // takes a clause without "that"
  kVerbAddressee = 8,  // takes a bare addressee: "told the Telegraph"
};

enum class RoleType : uint8_t { kPerson, kOrg, kOutlet };
enum class DetKind : uint8_t {
  kDefinite,
  kIndefinite,
  kPossessive,
  kDemonstrative,
  kQuantifier
};

struct LexEntry {
  LexKind kind = LexKind::kCount;
  uint8_t verb_flags = 0;
  uint16_t group = 0;  // verb index for verb forms, role index for roles
  GenderNumber gn;     // pronouns, inverted auxiliaries, roles, honorifics
  RoleType role_type = RoleType::kPerson;
  DetKind det = DetKind::kDefinite;
};

class QuoteLexicon {
 public:
  // Reads one language file. Errors name the file and line.
  static Result<std::unique_ptr<QuoteLexicon>> Load(const std::string& path,
                                                    std::string language);

  struct Match {
    uint32_t length = 0;  // tokens matched; 0 when nothing matched
    const LexEntry* entry = nullptr;
    uint32_t pronoun_token = 0;  // the token in a {P} slot, when the phrase has one
    explicit operator bool() const { return length != 0; }
  };
  // The longest phrase of `kind` starting at token `i` and ending at or
  // before token `end`.
  Match Find(const Document& doc, uint32_t i, uint32_t end, LexKind kind) const;
  bool Is(const Document& doc, uint32_t i, LexKind kind) const {
    return static_cast<bool>(Find(doc, i, i + 1, kind));
  }
  // True when token `i` is the first word of some phrase of `kind` ("according").
  bool StartsPhrase(const Document& doc, uint32_t i, LexKind kind) const;
  // Every kind token `i` is a one-word entry of (bit k for LexKind k), and in
  // `*starts` every kind it starts an entry of: one look-up answers all the
  // questions a finder asks about a token.
  uint64_t TokenKinds(const Document& doc, uint32_t i, uint64_t* starts) const;

  // A simple verb form with an inversion suffix ("déclare-t-il", "dit-elle"):
  // the verb entry and the suffix's pronoun, or nullptr.
  const LexEntry* InvertedSimpleForm(std::string_view lower, GenderNumber* pronoun) const;
  // True when `lower` ends like a past participle ("déployé", "installed").
  bool LooksLikeParticiple(std::string_view lower) const;
  // True when `lower` ends like a present participle or gerund ("citant", "writing").
  bool LooksLikeGerund(std::string_view lower) const;

  std::string_view language() const { return language_; }
  // Adjectives come before the noun (English): after a role noun, only its
  // prepositional complement continues the phrase ("a woman in Grozny").
  bool head_final() const { return head_final_; }
  std::string_view VerbLemma(uint16_t verb) const { return verbs_[verb]; }
  // The singular form that names a role, for comparing "responsables" with "responsable".
  std::string_view RoleHead(uint16_t role) const { return roles_[role]; }

 private:
  struct Phrase {
    std::vector<std::string> words;  // folded lowercase; "{P}" is a pronoun slot
    uint32_t entry = 0;
  };
  Status AddPhrase(std::string_view text, const LexEntry& entry);

  std::string language_;
  bool head_final_ = false;
  std::vector<LexEntry> entries_;
  std::vector<Phrase> phrases_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_first_word_;  // -> phrases_
  std::vector<std::string> verbs_;
  std::vector<std::string> roles_;
  std::vector<std::pair<std::string, GenderNumber>> inversion_suffixes_;
  std::vector<std::string> participle_suffixes_;
  std::vector<std::string> gerund_suffixes_;
};

// Every language file under data/quotes/, by ISO 639-1 code.
class QuoteLexicons {
 public:
  static Result<std::unique_ptr<QuoteLexicons>> Load(const std::string& data_dir);
  // The lexicon of `language`, or nullptr when there is none.
  const QuoteLexicon* ForLanguage(std::string_view language) const;

 private:
  std::map<std::string, std::unique_ptr<QuoteLexicon>, std::less<>> by_language_;
};

}  // namespace veille
