// Generated author bios: a run of short, verbless praise fragments ("Beer
// buff. Evil web scholar. Zombie maven.", "Lecteur compulsif. Gourou des
// réseaux sociaux sans complexe.") placed after the author line or at the end
// of the article, a hallmark of content farms.
//
// The vocabulary (persona nouns, hobby topics, praise words, and words that
// reveal a real clause) is in data/quality/bio_lexicon.tsv. Immutable after
// Load; Find is const and thread-safe.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/document.h"
#include "veille/analysis.h"
#include "veille/status.h"

namespace veille {

class FakeBioDetector {
 public:
  static Result<std::unique_ptr<FakeBioDetector>> Load(const std::string& data_dir);

  // Appends a `fake_bio` signal for each bio line. `byline` is where the
  // author's name was found (empty when none); `keys` are the document's
  // ComputeTokenKeys.
  void Find(const Document& doc, const std::vector<uint64_t>& keys, Span byline,
            std::vector<QualitySignal>* out) const;

  // Word classes of the lexicon.
  enum WordClass : uint8_t {
    kNone = 0,
    kPersona = 1,  // fan, guru, maven, explorateur, lecteur
    kTopic = 2,    // beer, web, zombie, bière, musique
    kPraise = 4,   // lifelong, evil, incurable, fier, autoproclamé
    kClause = 8,   // is, was, he, est, il: a real sentence, not a bio fragment
    kAuthor = 16,  // author, auteur: labels of an author line
  };

 private:
  // Classes of a lowercase word, also trying it without a plural or
  // feminine ending (-s, -x, -e, -es).
  uint8_t Classify(std::string_view lower, uint64_t key) const;

  std::unordered_map<uint64_t, uint8_t> classes_;
};

}  // namespace veille
