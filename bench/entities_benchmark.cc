// Micro-benchmarks of the entities stage alone (tokenization and
// segmentation done once outside the timed loop), on generated French and
// English news, in MB/s of article text.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "corpus_generator.h"
#include "extract/entity_recognizer.h"
#include "text/document.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"
#include "veille/analyzer.h"

namespace veille {
namespace {

const EntityRecognizer& Recognizer() {
  static const std::unique_ptr<EntityRecognizer> r = [] {
    auto created = EntityRecognizer::Create(ResolveDataDir(""));
    if (!created.ok()) throw std::runtime_error(created.status().ToString());
    return std::move(created).value();
  }();
  return *r;
}

// Generated articles of one language, one Document per article, about
// `bytes` in total.
struct Corpus {
  std::vector<std::string> texts;
  std::vector<Document> docs;
  size_t bytes = 0;
};

Corpus MakeCorpus(const char* language, size_t bytes) {
  Corpus c;
  bench::CorpusGenerator generator({});
  while (c.bytes < bytes) {
    bench::GeneratedArticle a = generator.Next();
    if (a.language != language) continue;
    c.bytes += a.title.size() + 2 + a.text.size();
    c.texts.push_back(a.title + "\n\n" + a.text);
  }
  c.docs.resize(c.texts.size());
  for (size_t i = 0; i < c.texts.size(); ++i) {
    Document& doc = c.docs[i];
    doc.text = c.texts[i];
    doc.language = language;
    Tokenize(&doc);
    SplitParagraphs(&doc);
    SplitSentences(&doc);
  }
  return c;
}

void RunEntities(benchmark::State& state, const char* language) {
  static std::map<std::string, Corpus>* corpora = new std::map<std::string, Corpus>();
  if (!corpora->count(language)) (*corpora)[language] = MakeCorpus(language, 1 << 20);
  const Corpus& corpus = corpora->at(language);
  Analysis out;
  size_t entities = 0;
  // Check the output before timing it: generated articles name people and places.
  for (const Document& doc : corpus.docs) {
    out.Clear();
    Recognizer().Run(doc, &out);
    entities += out.entities.size();
  }
  if (entities < corpus.docs.size()) state.SkipWithError("too few entities found");
  for (auto _ : state) {
    for (const Document& doc : corpus.docs) {
      out.Clear();
      Recognizer().Run(doc, &out);
      benchmark::DoNotOptimize(out.entities.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["entities_per_article"] =
      static_cast<double>(entities) / static_cast<double>(corpus.docs.size());
}

void Entities_FrenchNews_1MB(benchmark::State& state) { RunEntities(state, "fr"); }
BENCHMARK(Entities_FrenchNews_1MB)->Unit(benchmark::kMillisecond);

void Entities_EnglishNews_1MB(benchmark::State& state) { RunEntities(state, "en"); }
BENCHMARK(Entities_EnglishNews_1MB)->Unit(benchmark::kMillisecond);

void Entities_LoadTables(benchmark::State& state) {
  for (auto _ : state) {
    auto created = EntityRecognizer::Create(ResolveDataDir(""));
    if (!created.ok()) state.SkipWithError("cannot load tables");
    benchmark::DoNotOptimize(created.value().get());
  }
}
BENCHMARK(Entities_LoadTables)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace veille
