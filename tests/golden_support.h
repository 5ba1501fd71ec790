// The shipped sample corpus (examples/articles), analysed once per test
// process, with the hand-written expectations beside each article.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "veille/analysis.h"
#include "veille/analyzer.h"
#include "veille/article.h"

namespace veille::testing {

struct GoldenArticle {
  std::string name;  // file name, e.g. "fr_kadyrov_appel.txt"
  Article article;
  Analysis analysis;
  nlohmann::json expected;  // X.expected.json
  std::string_view Slice(Span s) const { return s.In(article.text); }
};

// The analyzer built from the repository's data directory (shared).
const Analyzer& SharedAnalyzer();

// Every examples/articles/*.txt that has an .expected.json, sorted by name.
const std::vector<GoldenArticle>& GoldenCorpus();

// Analyses `text` as a .txt article would be.
Analysis AnalyzeText(const std::string& text, Article* article_out = nullptr);

// Precision/recall bookkeeping printed by the quality-bar tests.
struct Score {
  int true_positives = 0;
  int predicted = 0;
  int expected = 0;
  double Precision() const { return predicted == 0 ? 1.0 : double(true_positives) / predicted; }
  double Recall() const { return expected == 0 ? 1.0 : double(true_positives) / expected; }
  std::string ToString(std::string_view what) const;
};

// Case- and accent-insensitive comparison key: lowercase, no diacritics,
// typographic apostrophes and spaces folded.
std::string FoldForCompare(std::string_view text);

}  // namespace veille::testing
