// corpus_gen --mb N [--seed S] [--articles N] > corpus.jsonl
// Writes synthetic French and English articles as JSON Lines for benchmarks.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "corpus_generator.h"

int main(int argc, char** argv) {
  double megabytes = 100;
  uint64_t articles = 0;
  veille::bench::CorpusGenerator::Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--mb")) megabytes = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--articles")) articles = std::strtoull(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--seed")) options.seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--duplicates")) options.near_duplicate_rate = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--translations")) options.translation_rate = std::atof(argv[i + 1]);
    else {
      std::fprintf(stderr, "usage: corpus_gen [--mb N | --articles N] [--seed S] [--duplicates R] [--translations R]\n");
      return 2;
    }
  }
  veille::bench::CorpusGenerator generator(options);
  const uint64_t byte_budget = static_cast<uint64_t>(megabytes * 1024 * 1024);
  uint64_t bytes = 0, count = 0;
  while (articles ? count < articles : bytes < byte_budget) {
    const std::string line = veille::bench::CorpusGenerator::ToJsonLine(generator.Next());
    std::fwrite(line.data(), 1, line.size(), stdout);
    bytes += line.size();
    ++count;
  }
  std::fprintf(stderr, "corpus_gen: %llu articles, %.1f MB\n", static_cast<unsigned long long>(count),
               bytes / 1048576.0);
  return 0;
}
