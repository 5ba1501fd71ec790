// For the stage micro-benchmarks: a document cut the way the Analyzer cuts
// it (tokens, paragraphs, sentences), every sentence in one language.
#pragma once

#include <memory>
#include <string>

#include "text/document.h"
#include "veille/analysis.h"

namespace veille::bench {

struct PreparedDocument {
  Article article;
  Document doc;   // points into `article`
  Analysis base;  // the sentences, as the Analyzer fills them before the stages
};

std::unique_ptr<PreparedDocument> PrepareDocument(std::string text, const char* language);

}  // namespace veille::bench
