// Micro-benchmarks of the text stages: tokenization + segmentation, language
// identification, and the whole pipeline on one article.
#include <benchmark/benchmark.h>

#include <memory>
#include <stdexcept>

#include "corpus_generator.h"
#include "ingest/reader.h"
#include "text/document.h"
#include "text/language_id.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"
#include "veille/analyzer.h"

namespace veille {
namespace {

std::string NewsText(const char* language, size_t bytes) {
  return bench::GenerateNewsText(language, bytes);
}

const Analyzer& SharedAnalyzer() {
  static auto analyzer = [] {
    auto created = Analyzer::Create({});
    if (!created.ok()) throw std::runtime_error(created.status().ToString());
    return std::move(created).value();
  }();
  return *analyzer;
}

void Segment_FrenchNews_1MB(benchmark::State& state) {
  const std::string text = NewsText("fr", 1 << 20);
  Article article;
  article.text = text;
  Document doc;
  size_t sentences = 0;
  for (auto _ : state) {
    doc.Clear();
    doc.text = article.text;
    Tokenize(&doc);
    SplitParagraphs(&doc);
    SplitSentences(&doc);
    sentences = doc.sentences.size();
    benchmark::DoNotOptimize(doc.sentences.data());
  }
  if (sentences < 1000) state.SkipWithError("segmentation found too few sentences");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["sentences"] = static_cast<double>(sentences);
}
BENCHMARK(Segment_FrenchNews_1MB)->Unit(benchmark::kMillisecond);

// The whole pipeline on one ~4 KB article; with two threads it shows how
// the shared, immutable Analyzer scales.
void Analyze_Article(benchmark::State& state, const char* language) {
  const std::string text = NewsText(language, 4000);
  Article article;
  if (!MakeTextArticle(text, "bench.txt", &article).ok()) state.SkipWithError("bad text");
  Workspace workspace;
  Analysis analysis;
  for (auto _ : state) {
    SharedAnalyzer().Analyze(article, &workspace, &analysis);
    benchmark::DoNotOptimize(analysis.sentences.data());
  }
  if (analysis.language != language) state.SkipWithError("wrong language");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK_CAPTURE(Analyze_Article, English, "en")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(Analyze_Article, French, "fr")
    ->ThreadRange(1, 2)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace veille
