// Page furniture left in an article's text by a scraper: comment and share
// prompts, cookie notices, "READ MORE:" links, related-headline lists, and
// broken markup ("/blockquote>", "&nbsp;").
//
// Patterns come from data/quality/boilerplate.tsv (see data/README.md).
// Immutable after Load; Find is const and thread-safe.
#pragma once

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "quality/token_pattern.h"
#include "text/document.h"
#include "veille/analysis.h"

namespace veille {

class BoilerplateDetector {
 public:
  static Result<std::unique_ptr<BoilerplateDetector>> Load(const std::string& data_dir);

  // Appends one `boilerplate` signal per furniture line, listed headline, or
  // piece of stray markup. `keys` are the document's ComputeTokenKeys.
  void Find(const Document& doc, const std::vector<uint64_t>& keys,
            std::vector<QualitySignal>* out) const;

 private:
  // Where a pattern must sit in its line.
  enum class Where { kLine, kStart, kInside, kList };
  struct Rule {
    Where where = Where::kLine;
    double weight = 0;
    std::string why;
  };
  // Appends signals for stray tags and character entities in `line`.
  void FindMarkup(const Document& doc, Span line, std::vector<QualitySignal>* out) const;

  std::vector<Rule> rules_;
  TokenPatternSet patterns_;
  std::unordered_set<std::string> tags_;      // lowercase HTML tag names
  std::unordered_set<std::string> entities_;  // HTML entity names without & and ;
  double tag_weight_ = 0.1;
  double entity_weight_ = 0.05;
};

}  // namespace veille
