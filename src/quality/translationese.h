// Literal-translation patterns ("a-t-il déclaré. a déclaré", "Le portail X
// transporte l'histoire", "Le Kremlin porte-parole Dmitry Peskov"), read from
// data/quality/translationese.tsv for the document's language.
// Immutable after Load; Find is const and thread-safe.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "quality/token_pattern.h"
#include "text/document.h"
#include "veille/analysis.h"

namespace veille {

class TranslationeseDetector {
 public:
  static Result<std::unique_ptr<TranslationeseDetector>> Load(const std::string& data_dir);

  // Appends one `translationese` signal per sentence holding matches (a
  // match that runs into the next sentence counts for the first); its span
  // runs from the first match to the last, its weight is the sum of theirs
  // (at most kMaxSentenceWeight). `keys` are the document's ComputeTokenKeys.
  void Find(const Document& doc, const std::vector<uint64_t>& keys,
            std::vector<QualitySignal>* out) const;

  static constexpr double kMaxSentenceWeight = 0.3;

 private:
  struct Rule {
    double weight = 0;
    std::string why;
  };
  struct Language {
    std::vector<Rule> rules;
    TokenPatternSet patterns;
  };
  std::unordered_map<std::string, Language> languages_;
};

}  // namespace veille
