// analyze_corpus FILE... [--threads N] [--data-dir D]
// Corpus-level benchmark of `veille analyze`: runs the whole pipeline
// (reading, analysis, JSON rendering) and prints articles/s, MB/s and peak RSS.
#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <thread>
#include <cstring>
#include <string>
#include <vector>

#include "output/json_output.h"
#include "pipeline/batch_runner.h"

namespace {

class CountingSink : public veille::ResultSink {
 public:
  void Render(const veille::Article& article, const veille::Analysis& analysis,
              std::string* rendered) override {
    veille::AppendArticleJson(article, analysis, rendered);
  }
  void Deliver(const veille::Article&, const veille::Analysis& analysis,
               const std::string& rendered) override {
    output_bytes += rendered.size();
    sentences += analysis.sentences.size();
  }
  void OnError(const veille::ReadError& error) override {
    fmt::print(stderr, "analyze_corpus: {}\n", error.ToString());
  }
  uint64_t output_bytes = 0;
  uint64_t sentences = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> inputs;
  veille::BatchOptions options;
  veille::AnalyzerOptions analyzer_options;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) {
      options.threads = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--data-dir") && i + 1 < argc) {
      analyzer_options.data_dir = argv[++i];
    } else {
      inputs.emplace_back(argv[i]);
    }
  }
  if (inputs.empty()) {
    fmt::print(stderr, "usage: analyze_corpus FILE... [--threads N] [--data-dir D]\n");
    return 2;
  }
  const auto load_start = std::chrono::steady_clock::now();
  auto analyzer = veille::Analyzer::Create(analyzer_options);
  if (!analyzer.ok()) {
    fmt::print(stderr, "analyze_corpus: {}\n", analyzer.status().ToString());
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  CountingSink sink;
  const veille::BatchStats stats = veille::RunAnalysis(inputs, **analyzer, options, &sink);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double load = std::chrono::duration<double>(start - load_start).count();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double mb = stats.bytes / 1048576.0;
  fmt::print("analyze_corpus: threads={} articles={} input={:.1f} MB sentences={} errors={}\n",
             options.threads == 0 ? std::thread::hardware_concurrency() : options.threads,
             stats.articles, mb, sink.sentences, stats.errors);
  // CPU time next to wall time: on a shared machine the wall figures inflate
  // while the CPU figures do not.
  const double cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
                     usage.ru_stime.tv_usec / 1e6;
  fmt::print("analyze_corpus: load {:.2f} s, analysis {:.2f} s: {:.0f} articles/s, {:.2f} MB/s, "
             "peak RSS {:.0f} MB; CPU {:.1f} s ({:.2f} MB/s per core)\n",
             load, seconds, stats.articles / seconds, mb / seconds, usage.ru_maxrss / 1024.0, cpu,
             mb / cpu);
  return stats.errors == 0 ? 0 : 1;
}
