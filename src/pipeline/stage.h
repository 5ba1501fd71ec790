// One extraction or quality stage of the pipeline.
//
// A stage is immutable after construction and reads the shared Document
// (tokens, sentences, languages) plus what earlier stages wrote to the
// Analysis; it appends its own results to the Analysis. Spans it writes are
// in Document::text coordinates; the Analyzer maps them to the original text.
#pragma once

#include <string_view>

#include "text/document.h"
#include "veille/analysis.h"

namespace veille {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual void Run(const Document& doc, Analysis* out) const = 0;
};

}  // namespace veille
