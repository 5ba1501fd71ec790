// Throughput cost of the quality stage: the foundation (normalization,
// tokens, sentences, languages, foreign spans, metadata) with and without
// QualityStage::Run, and the stage alone, on generated French and English
// articles (bench/corpus_generator.h, which plants furniture, bios, copies
// and translation leftovers). Compare the MB/s of the first two rows.
#include <benchmark/benchmark.h>

#include <memory>
#include <stdexcept>

#include "corpus_generator.h"
#include "ingest/reader.h"
#include "quality/quality_stage.h"
#include "text/document.h"
#include "text/language_id.h"
#include "text/metadata.h"
#include "text/normalizer.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"
#include "text/word_lexicon.h"
#include "veille/analyzer.h"

namespace veille {
namespace {

struct Fixture {
  std::unique_ptr<WordLexicon> lexicon;
  std::unique_ptr<LanguageIdentifier> language_id;
  std::unique_ptr<QualityStage> quality;
  std::vector<Article> articles;
  size_t bytes = 0;
};

void Prepare(const Fixture& f, const Article& article, Document* doc, Analysis* out);

const Fixture& Shared() {
  static const Fixture fixture = [] {
    Fixture f;
    const std::string data_dir = ResolveDataDir("");
    auto lexicon = WordLexicon::Load(data_dir);
    if (!lexicon.ok()) throw std::runtime_error(lexicon.status().ToString());
    f.lexicon = std::move(lexicon).value();
    f.language_id = std::make_unique<LanguageIdentifier>(f.lexicon.get());
    auto quality = QualityStage::Create(data_dir);
    if (!quality.ok()) throw std::runtime_error(quality.status().ToString());
    f.quality = std::move(quality).value();
    bench::CorpusGenerator generator({});
    while (f.bytes < (2u << 20)) {
      const bench::GeneratedArticle g = generator.Next();
      Article article;
      if (!MakeTextArticle(g.title + "\n\n" + g.text, "bench.txt", &article).ok()) continue;
      f.bytes += article.text.size();
      f.articles.push_back(std::move(article));
    }
    // Warm up: the dictionaries load on first use, outside the timings.
    Document doc;
    Analysis analysis;
    for (const Article& article : f.articles) Prepare(f, article, &doc, &analysis);
    return f;
  }();
  return fixture;
}

// What the Analyzer does before its stages run.
void Prepare(const Fixture& f, const Article& article, Document* doc, Analysis* out) {
  out->Clear();
  doc->Clear();
  doc->article = &article;
  doc->text = NormalizeNfc(article.text, &doc->normalized, &doc->to_original)
                  ? std::string_view(article.text)
                  : std::string_view(doc->normalized);
  Tokenize(doc);
  SplitParagraphs(doc);
  SplitSentences(doc);
  doc->language = f.language_id->DetectDocument(*doc, "").language;
  out->language = doc->language;
  for (const SentenceRange& s : doc->sentences) {
    const LanguageGuess guess = f.language_id->DetectSentence(*doc, s, doc->language);
    out->sentences.push_back({s.span, guess.language, static_cast<float>(guess.confidence)});
    f.language_id->FindForeignSpans(*doc, s, guess.language, &out->language_spans);
  }
  ExtractMetadata(*doc, out);
}

void Quality_Foundation(benchmark::State& state, bool with_quality) {
  const Fixture& f = Shared();
  Document doc;
  Analysis analysis;
  size_t signals = 0;
  for (auto _ : state) {
    signals = 0;
    for (const Article& article : f.articles) {
      Prepare(f, article, &doc, &analysis);
      if (with_quality) f.quality->Run(doc, &analysis);
      signals += analysis.quality.signals.size();
      benchmark::DoNotOptimize(analysis.sentences.data());
    }
  }
  if (with_quality && signals == 0) state.SkipWithError("the quality stage found nothing");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
  state.counters["articles"] = static_cast<double>(f.articles.size());
  state.counters["signals"] = static_cast<double>(signals);
}
BENCHMARK_CAPTURE(Quality_Foundation, WithoutQualityStage_2MB, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Quality_Foundation, WithQualityStage_2MB, true)->Unit(benchmark::kMillisecond);

// The stage alone, on documents prepared once.
void Quality_StageOnly_2MB(benchmark::State& state) {
  const Fixture& f = Shared();
  std::vector<std::unique_ptr<Document>> docs;
  std::vector<Analysis> prepared(f.articles.size());
  for (size_t i = 0; i < f.articles.size(); ++i) {
    docs.push_back(std::make_unique<Document>());
    Prepare(f, f.articles[i], docs.back().get(), &prepared[i]);
  }
  Analysis analysis;
  for (auto _ : state) {
    for (size_t i = 0; i < docs.size(); ++i) {
      analysis.language_spans = prepared[i].language_spans;
      analysis.title_span = prepared[i].title_span;
      analysis.byline_span = prepared[i].byline_span;
      f.quality->Run(*docs[i], &analysis);
      benchmark::DoNotOptimize(analysis.quality.signals.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(Quality_StageOnly_2MB)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace veille
