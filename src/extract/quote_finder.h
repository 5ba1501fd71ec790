// Finds quotations and who said them: direct quotes in marks, partial
// quotes (scare quotes, titles), and reported speech without marks ("X
// affirme que ...", "according to X, ..."), each with its speaker, the verb
// or phrase of attribution and the outlet or channel it went through.
//
// Built once from the data directory (data/quotes/<lang>.tsv,
// data/outlets/outlets.tsv); Find is const and thread-safe. Speakers use the
// entity stage's mentions and ids when Analysis::entities holds them, and the
// finder's own reading of names otherwise. Linear in the article's length.
#pragma once

#include <memory>
#include <string>

#include "extract/outlet_catalog.h"
#include "extract/quote_lexicon.h"
#include "text/document.h"
#include "veille/analysis.h"
#include "veille/status.h"

namespace veille {

class QuoteFinder {
 public:
  static Result<std::unique_ptr<QuoteFinder>> Create(const std::string& data_dir);

  // Appends the quotes of `doc` to analysis->quotes in document order (a
  // nested quote right after its outer quote). Reads analysis->entities,
  // title_span and byline_span. Spans are in doc.text coordinates.
  void Find(const Document& doc, Analysis* analysis) const;

 private:
  QuoteFinder() = default;
  std::unique_ptr<QuoteLexicons> lexicons_;
  std::unique_ptr<OutletCatalog> outlets_;
};

}  // namespace veille
