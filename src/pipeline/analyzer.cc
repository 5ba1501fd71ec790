#include "veille/analyzer.h"

#include <cstdlib>

#include "pipeline/stage.h"
#include "pipeline/stage_registry.h"
#include "text/document.h"
#include "text/language_id.h"
#include "text/metadata.h"
#include "text/normalizer.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"
#include "text/word_lexicon.h"

namespace veille {
namespace {

// Applies `fn` to every span of `out`, so one place knows them all.
template <typename Fn>
void ForEachSpan(Analysis* out, Fn fn) {
  fn(out->title_span);
  fn(out->byline_span);
  fn(out->date_span);
  for (auto& p : out->paragraphs) fn(p.span);
  for (auto& s : out->sentences) fn(s.span);
  for (auto& s : out->language_spans) fn(s.span);
  for (auto& e : out->entities) fn(e.span);
  for (auto& q : out->quotes) {
    fn(q.span);
    fn(q.speaker_span);
  }
  for (auto& c : out->claims) fn(c.span);
  for (auto& c : out->citations) fn(c.span);
  for (auto& s : out->quality.signals) fn(s.span);
}

}  // namespace

std::string ResolveDataDir(const std::string& requested) {
  if (!requested.empty()) return requested;
  if (const char* env = std::getenv("VEILLE_DATA_DIR"); env != nullptr && *env != '\0') return env;
  return VEILLE_DEFAULT_DATA_DIR;
}

Workspace::Workspace() : document_(std::make_unique<Document>()) {}
Workspace::~Workspace() = default;

Analyzer::Analyzer() = default;
Analyzer::~Analyzer() = default;

Result<std::unique_ptr<Analyzer>> Analyzer::Create(const AnalyzerOptions& options) {
  std::unique_ptr<Analyzer> analyzer(new Analyzer());
  analyzer->data_dir_ = ResolveDataDir(options.data_dir);
  auto lexicon = WordLexicon::Load(analyzer->data_dir_);
  if (!lexicon.ok()) return lexicon.status();
  analyzer->lexicon_ = std::move(lexicon).value();
  analyzer->language_id_ = std::make_unique<LanguageIdentifier>(analyzer->lexicon_.get());
  Status status = CreateStages(analyzer->data_dir_, analyzer->lexicon_, &analyzer->stages_);
  if (!status.ok()) return status;
  return analyzer;
}

void Analyzer::Analyze(const Article& article, Workspace* workspace, Analysis* out) const {
  out->Clear();
  Document& doc = workspace->document();
  doc.Clear();
  doc.article = &article;
  if (NormalizeNfc(article.text, &doc.normalized, &doc.to_original)) {
    doc.text = article.text;
  } else {
    doc.text = doc.normalized;
  }
  Tokenize(&doc);
  SplitParagraphs(&doc);
  SplitSentences(&doc);

  const LanguageGuess guess = language_id_->DetectDocument(doc, article.language);
  doc.language = guess.language;
  if (doc.language == "und" && !article.language.empty()) doc.language = article.language;
  out->language = doc.language;
  out->language_confidence = guess.confidence;

  out->paragraphs.reserve(doc.paragraphs.size());
  for (const Span& p : doc.paragraphs) out->paragraphs.push_back({p});
  out->sentences.reserve(doc.sentences.size());
  for (const SentenceRange& s : doc.sentences) {
    const LanguageGuess sentence = language_id_->DetectSentence(doc, s, doc.language);
    out->sentences.push_back({s.span, sentence.language, static_cast<float>(sentence.confidence)});
    language_id_->FindForeignSpans(doc, s, sentence.language, &out->language_spans);
  }
  ExtractMetadata(doc, out);

  for (const auto& stage : stages_) stage->Run(doc, out);

  if (!doc.to_original.empty()) {
    ForEachSpan(out, [&](Span& s) {
      if (s.empty() && s.start == 0) return;
      s.start = doc.ToOriginal(s.start);
      s.end = doc.ToOriginal(s.end);
    });
  }
}

}  // namespace veille
