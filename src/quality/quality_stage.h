// The quality stage: provenance and quality signals of an article
// (machine-translation leftovers, mistranslated names, calques, generated
// author bios, page furniture, repeated paragraphs), each pointing at its
// evidence, and the score and verdict they add up to (docs/quality.md).
//
// Runs last: it reads the language spans of the foundation and the citations
// of the extraction stages. Built once from the data directory; immutable and
// thread-safe (Run keeps its scratch state per call and per thread).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "pipeline/stage.h"
#include "quality/boilerplate.h"
#include "quality/fake_bio.h"
#include "quality/foreign_insertion.h"
#include "quality/mangled_names.h"
#include "quality/scoring.h"
#include "quality/translationese.h"
#include "veille/status.h"

namespace veille {

class QualityStage : public Stage {
 public:
  // Loads data/quality/*.tsv and data/outlets/outlets.tsv under `data_dir`.
  static Result<std::unique_ptr<QualityStage>> Create(const std::string& data_dir);

  std::string_view name() const override { return "quality"; }

  // Fills out->quality (signals sorted by position, score, verdict) and
  // drops the language spans that are really mistranslated names.
  void Run(const Document& doc, Analysis* out) const override;

 private:
  explicit QualityStage(QualityScoring scoring) : scoring_(std::move(scoring)) {}

  QualityScoring scoring_;
  ForeignInsertionWeights foreign_weights_;
  std::unique_ptr<BoilerplateDetector> boilerplate_;
  std::unique_ptr<FakeBioDetector> fake_bio_;
  std::unique_ptr<MangledNameDetector> mangled_names_;
  std::unique_ptr<TranslationeseDetector> translationese_;
};

}  // namespace veille
