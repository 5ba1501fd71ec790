// Paragraphs repeated inside one article (a scraped page that shows the
// title twice, a paragraph pasted twice), exact or near-exact.
#pragma once

#include <cstdint>
#include <vector>

#include "text/document.h"
#include "veille/analysis.h"

namespace veille {

// Appends a `repeated_text` signal on every later copy of a paragraph of at
// least six words. Two paragraphs are copies when their words (case and
// punctuation ignored) are the same, or, for paragraphs of 10 to 400 words,
// when at most 10% of their words differ (word edit distance). Paragraphs
// overlapping `skip` (furniture already reported) are ignored. `title` is
// the title's span, for the explanation; each signal weighs `weight`.
// Thread-safe.
void FindRepeatedText(const Document& doc, const std::vector<uint64_t>& keys, Span title,
                      const std::vector<QualitySignal>& skip, double weight,
                      std::vector<QualitySignal>* out);

}  // namespace veille
