// Micro-benchmarks of the quotes stage: generated French and English news
// (quotes in marks, reported speech, attributions to resolve), and hostile
// input that must stay linear (thousands of unbalanced marks, one opening
// mark in a 5 MB paragraph).
#include <benchmark/benchmark.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "corpus_generator.h"
#include "extract/quote_finder.h"
#include "prepared_document.h"
#include "veille/analyzer.h"

namespace veille {
namespace {

const QuoteFinder& Finder() {
  static const std::unique_ptr<QuoteFinder> finder = [] {
    auto created = QuoteFinder::Create(ResolveDataDir(""));
    if (!created.ok()) throw std::runtime_error(created.status().ToString());
    return std::move(created).value();
  }();
  return *finder;
}

using Prepared = bench::PreparedDocument;
constexpr auto Prepare = bench::PrepareDocument;

void RunFinder(benchmark::State& state, const Prepared& prepared) {
  Analysis analysis;
  for (auto _ : state) {
    analysis.quotes.clear();
    Finder().Find(prepared.doc, &analysis);
    benchmark::DoNotOptimize(analysis.quotes.data());
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * prepared.doc.text.size()));
  state.counters["quotes"] = benchmark::Counter(
      static_cast<double>(analysis.quotes.size()), benchmark::Counter::kAvgThreads);
}

// Before timing: the generated text attributes its quotes ("a affirmé X",
// "selon X", "X told Y that"), so most of them must come out with a speaker.
void CheckNews(benchmark::State& state, const Prepared& prepared) {
  Analysis analysis;
  Finder().Find(prepared.doc, &analysis);
  int direct = 0, reported = 0;
  for (const Quote& q : analysis.quotes) {
    if (!q.speaker) continue;
    direct += q.kind == QuoteKind::kDirect;
    reported += q.kind == QuoteKind::kReported;
  }
  if (direct < 100 || reported < 300) state.SkipWithError("too few attributed quotes");
}

void Quotes_FrenchNews_1MB(benchmark::State& state) {
  static const auto prepared = Prepare(bench::GenerateNewsText("fr", 1 << 20), "fr");
  if (state.thread_index() == 0) CheckNews(state, *prepared);
  RunFinder(state, *prepared);
}
BENCHMARK(Quotes_FrenchNews_1MB)
    ->ThreadRange(1, 2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void Quotes_EnglishNews_1MB(benchmark::State& state) {
  static const auto prepared = Prepare(bench::GenerateNewsText("en", 1 << 20), "en");
  CheckNews(state, *prepared);
  RunFinder(state, *prepared);
}
BENCHMARK(Quotes_EnglishNews_1MB)->Unit(benchmark::kMillisecond);

void Quotes_UnbalancedMarks_1MB(benchmark::State& state) {
  std::string text;
  for (int i = 0; text.size() < (1u << 20); ++i) {
    text += i % 7 == 0 ? "» mot " : i % 5 == 0 ? "\" dit-il " : "« mot ";
    if (i % 500 == 499) text += "\n\n";
  }
  static const auto prepared = Prepare(text, "fr");
  RunFinder(state, *prepared);
}
BENCHMARK(Quotes_UnbalancedMarks_1MB)->Unit(benchmark::kMillisecond);

void Quotes_OneOpeningMark_5MB(benchmark::State& state) {
  std::string text = "Il a déclaré : « ";
  while (text.size() < (5u << 20))
    text += "les mots continuent, a-t-il dit, selon lui, sans fin ";
  static const auto prepared = Prepare(text, "fr");
  RunFinder(state, *prepared);
  if (state.counters["quotes"] != 1) state.SkipWithError("expected one quote");
}
BENCHMARK(Quotes_OneOpeningMark_5MB)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace veille
