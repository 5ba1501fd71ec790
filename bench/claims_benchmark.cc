// Micro-benchmarks of the claims stage (numbers, attribution, citations) on
// generated French and English news, and on hostile number-heavy text.
#include <benchmark/benchmark.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "corpus_generator.h"
#include "prepared_document.h"
#include "extract/claims_stage.h"
#include "text/document.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"
#include "veille/analyzer.h"

namespace veille {
namespace {

std::string NewsText(const char* language, size_t bytes) {
  return bench::GenerateNewsText(language, bytes, "\n\n");
}

const Stage& ClaimsStage() {
  static const std::unique_ptr<Stage> stage = [] {
    auto created = CreateClaimsStage(ResolveDataDir(""));
    if (!created.ok()) throw std::runtime_error(created.status().ToString());
    return std::move(created).value();
  }();
  return *stage;
}

// Tokenized, segmented document with every sentence in `language`.
using Prepared = bench::PreparedDocument;
constexpr auto Prepare = bench::PrepareDocument;

void RunStage(benchmark::State& state, const Prepared& p, size_t min_claims) {
  Analysis analysis;
  size_t claims = 0, citations = 0;
  for (auto _ : state) {
    analysis = p.base;
    ClaimsStage().Run(p.doc, &analysis);
    claims = analysis.claims.size();
    citations = analysis.citations.size();
    benchmark::DoNotOptimize(analysis.claims.data());
  }
  if (claims < min_claims) state.SkipWithError("too few claims found");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * p.article.text.size()));
  state.counters["claims"] = static_cast<double>(claims);
  state.counters["citations"] = static_cast<double>(citations);
}

void Claims_FrenchNews_1MB(benchmark::State& state) {
  static const auto p = Prepare(NewsText("fr", 1 << 20), "fr");
  RunStage(state, *p, 100);
}
BENCHMARK(Claims_FrenchNews_1MB)->Unit(benchmark::kMillisecond);

void Claims_EnglishNews_1MB(benchmark::State& state) {
  static const auto p = Prepare(NewsText("en", 1 << 20), "en");
  RunStage(state, *p, 100);
}
BENCHMARK(Claims_EnglishNews_1MB)->Unit(benchmark::kMillisecond);

void Claims_EnglishArticle_Threads(benchmark::State& state) {
  static const auto p = Prepare(NewsText("en", 4000), "en");
  RunStage(state, *p, 1);
}
BENCHMARK(Claims_EnglishArticle_Threads)->Unit(benchmark::kMicrosecond)->ThreadRange(1, 2);

void Claims_Hostile_SingleDigits_1MB(benchmark::State& state) {
  std::string text;
  while (text.size() < (1 << 20)) text += "1 ";
  static const auto p = Prepare(std::move(text), "fr");
  RunStage(state, *p, 0);
}
BENCHMARK(Claims_Hostile_SingleDigits_1MB)->Unit(benchmark::kMillisecond);

void Claims_Hostile_CueStorm_1MB(benchmark::State& state) {
  std::string text;
  while (text.size() < (1 << 20)) text += "selon Reuters, il a dit que plus de 300 soldats « ont dit » ";
  static const auto p = Prepare(std::move(text), "fr");
  RunStage(state, *p, 1000);
}
BENCHMARK(Claims_Hostile_CueStorm_1MB)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace veille
