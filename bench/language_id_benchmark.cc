// Language identification of whole documents and of single sentences.
#include <benchmark/benchmark.h>

#include <stdexcept>

#include "corpus_generator.h"
#include "text/language_id.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"
#include "veille/analyzer.h"

namespace veille {
namespace {

const WordLexicon& Lexicon() {
  static auto lexicon = [] {
    auto loaded = WordLexicon::Load(ResolveDataDir(""));
    if (!loaded.ok()) throw std::runtime_error(loaded.status().ToString());
    return std::move(loaded).value();
  }();
  return *lexicon;
}

void LanguageId_Document(benchmark::State& state) {
  bench::CorpusGenerator generator({});
  Article article;
  article.text = generator.Next().text;
  Document doc;
  doc.text = article.text;
  Tokenize(&doc);
  LanguageIdentifier id(&Lexicon());
  for (auto _ : state) benchmark::DoNotOptimize(id.DetectDocument(doc, ""));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * article.text.size()));
}
BENCHMARK(LanguageId_Document)->Unit(benchmark::kMicrosecond);

void LanguageId_SentencesAndSpans(benchmark::State& state) {
  bench::CorpusGenerator generator({});
  Article article;
  article.text = generator.Next().text;
  Document doc;
  doc.text = article.text;
  Tokenize(&doc);
  SplitParagraphs(&doc);
  SplitSentences(&doc);
  LanguageIdentifier id(&Lexicon());
  std::vector<LanguageSpan> spans;
  for (auto _ : state) {
    spans.clear();
    for (const auto& s : doc.sentences) {
      const LanguageGuess g = id.DetectSentence(doc, s, "fr");
      id.FindForeignSpans(doc, s, g.language, &spans);
    }
    benchmark::DoNotOptimize(spans.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * article.text.size()));
}
BENCHMARK(LanguageId_SentencesAndSpans)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace veille
