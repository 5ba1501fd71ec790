// Language of a document, of each sentence, and of foreign stretches inside a
// sentence ("as well as" left in a French sentence).
//
// Documents and long sentences go to CLD2; short sentences, where CLD2 is
// unreliable, are decided by weighted function words and spelling
// dictionaries (WordLexicon). Immutable; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "text/document.h"
#include "text/word_lexicon.h"
#include "veille/analysis.h"

namespace veille {

struct LanguageGuess {
  std::string language = "und";  // ISO 639-1, or "und"
  double confidence = 0;         // 0..1
  bool reliable = false;
};

class LanguageIdentifier {
 public:
  // `lexicon` must outlive the identifier.
  explicit LanguageIdentifier(const WordLexicon* lexicon) : lexicon_(lexicon) {}

  // Whole-document language; `hint` (ISO 639-1 or empty) nudges CLD2.
  LanguageGuess DetectDocument(const Document& doc, std::string_view hint) const;

  // Language of one sentence, defaulting to the document language when the
  // evidence is too thin to overrule it.
  LanguageGuess DetectSentence(const Document& doc, const SentenceRange& sentence,
                               std::string_view document_language) const;

  // Appends the maximal runs of words in another language inside `sentence`
  // whose own language is `sentence_language`. Proper nouns (capitalized
  // inside the sentence), acronyms, numbers and the language's accepted
  // loanwords never count as foreign.
  void FindForeignSpans(const Document& doc, const SentenceRange& sentence,
                        std::string_view sentence_language,
                        std::vector<LanguageSpan>* out) const;

 private:
  // Function-word vote over tokens [first, end): returns the best language
  // index and fills the top two scores.
  int VoteWords(const Document& doc, uint32_t first, uint32_t end, double* best,
                double* second) const;
  // What the lexicons say about one lowercase word inside a sentence of
  // language `home`.
  struct WordEvidence {
    int strong_lang = WordLexicon::kNone;  // unknown at home, known in this language
    bool at_home = false;
    int home_weight = 0;                    // function-word weight at home
    uint8_t known_mask = 0;                 // languages whose lexicons know the word
    uint8_t weights[WordLexicon::kLanguages.size()] = {};  // function-word weights abroad
  };
  // `rare_at_home`: a homograph of home outside its home use (see
  // IsUnlicensedHomograph), judged as if home did not know it.
  WordEvidence Judge(std::string_view lower, int home, bool capitalized, bool rare_at_home) const;
  // True when token `token` of `sentence` is a homograph of `home`
  // (WordLexicon::HomographUse) without a word before it that gives it its
  // home use: English "home" in "viennent home vivants", not French "but" in
  // "dans le but de".
  // True when token `token` is a lowercase name particle between capitalized
  // words of `sentence` ("von der" in "Ursula von der Leyen").
  bool IsInsideName(const Document& doc, const SentenceRange& sentence, uint32_t token) const;
  // True when `run` lies between a pair of quotation marks of `sentence`
  // whose every lowercase word is inside one of found[first_found...].
  static bool IsQuotedForeignText(const Document& doc, const SentenceRange& sentence, Span run,
                                  const std::vector<LanguageSpan>& found, size_t first_found);
  bool IsUnlicensedHomograph(const Document& doc, const SentenceRange& sentence, uint32_t token,
                             int home, std::string_view lower) const;

  const WordLexicon* lexicon_;
};

}  // namespace veille
