// Words of another language left inside sentences of the document's
// language ("lignes de entrance", "as well as précieux"): the language
// spans found by LanguageIdentifier::FindForeignSpans, turned into signals.
#pragma once

#include <vector>

#include "text/document.h"
#include "veille/analysis.h"

namespace veille {

struct ForeignInsertionWeights {
  double per_span = 0.1;   // one foreign stretch
  double per_word = 0.03;  // each word after its first
  double max_span = 0.2;   // the most one stretch weighs
};

// Removes from `spans` those overlapping a mangled_name signal of `signals`
// (a mistranslated outlet name is not a language span, see docs/schema.md),
// then appends a `foreign_insertion` signal for each remaining span in
// another language than the document's that no boilerplate signal covers
// (furniture in English under a French article is not a translation
// leftover). Thread-safe.
void FindForeignInsertions(const Document& doc, const ForeignInsertionWeights& weights,
                           std::vector<LanguageSpan>* spans, std::vector<QualitySignal>* signals);

}  // namespace veille
