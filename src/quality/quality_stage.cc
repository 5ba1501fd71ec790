#include "quality/quality_stage.h"

#include <algorithm>
#include <iterator>

#include "quality/repeated_text.h"
#include "quality/token_pattern.h"

namespace veille {

Result<std::unique_ptr<QualityStage>> QualityStage::Create(const std::string& data_dir) {
  auto scoring = QualityScoring::Load(data_dir);
  if (!scoring.ok()) return scoring.status();
  std::unique_ptr<QualityStage> stage(new QualityStage(std::move(scoring).value()));
  stage->foreign_weights_.per_span = stage->scoring_.Weight("foreign_insertion");
  stage->foreign_weights_.per_word = stage->scoring_.Weight("foreign_insertion_word");
  stage->foreign_weights_.max_span = stage->scoring_.Weight("foreign_insertion_max");

  auto boilerplate = BoilerplateDetector::Load(data_dir);
  if (!boilerplate.ok()) return boilerplate.status();
  stage->boilerplate_ = std::move(boilerplate).value();
  auto fake_bio = FakeBioDetector::Load(data_dir);
  if (!fake_bio.ok()) return fake_bio.status();
  stage->fake_bio_ = std::move(fake_bio).value();
  auto mangled = MangledNameDetector::Load(data_dir);
  if (!mangled.ok()) return mangled.status();
  stage->mangled_names_ = std::move(mangled).value();
  auto translationese = TranslationeseDetector::Load(data_dir);
  if (!translationese.ok()) return translationese.status();
  stage->translationese_ = std::move(translationese).value();
  return stage;
}

void QualityStage::Run(const Document& doc, Analysis* out) const {
  // Per-thread scratch: the token keys of the current document.
  thread_local std::vector<uint64_t> keys;
  ComputeTokenKeys(doc, &keys);

  std::vector<QualitySignal>& signals = out->quality.signals;
  signals.clear();
  boilerplate_->Find(doc, keys, &signals);
  fake_bio_->Find(doc, keys, out->byline_span, &signals);
  mangled_names_->Find(doc, out->citations, scoring_.Weight("mangled_name"), &signals);
  FindForeignInsertions(doc, foreign_weights_, &out->language_spans, &signals);
  translationese_->Find(doc, keys, &signals);
  // Furniture and bios repeat across pages by nature; only the article's own
  // paragraphs are searched for repeats.
  std::vector<QualitySignal> furniture;
  std::copy_if(signals.begin(), signals.end(), std::back_inserter(furniture),
               [](const QualitySignal& s) { return s.kind == "boilerplate" || s.kind == "fake_bio"; });
  FindRepeatedText(doc, keys, out->title_span, furniture, scoring_.Weight("repeated_text"),
                   &signals);

  std::stable_sort(signals.begin(), signals.end(), [](const QualitySignal& a, const QualitySignal& b) {
    return a.span.start < b.span.start;
  });
  scoring_.Score(&out->quality);
}

}  // namespace veille
