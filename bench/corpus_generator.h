// Deterministic generator of synthetic news articles in French and English,
// with planted near-duplicates and translations, for benchmarks.
//
// Articles are built from parallel French/English sentence templates filled
// with people, places, outlets and numbers, so a French article and its
// "translation" share entities and figures the way real coverage does.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace veille::bench {

struct GeneratedArticle {
  std::string id;
  std::string language;  // fr | en
  std::string date;      // ISO date
  std::string outlet;
  std::string title;
  std::string text;
  uint64_t story = 0;         // ground truth: articles of one story share it
  std::string planted;        // "", "near_duplicate" or "translation"
  std::string planted_from;   // id of the article it was derived from
};

// About `bytes` of generated news text in one language ("fr" or "en"): the
// texts of successive articles, each followed by `separator`.
std::string GenerateNewsText(const char* language, size_t bytes, const char* separator = "\n");

class CorpusGenerator {
 public:
  struct Options {
    uint64_t seed = 42;
    double near_duplicate_rate = 0.1;  // share of articles that copy an earlier one
    double translation_rate = 0.1;     // share that translate an earlier one
    int min_paragraphs = 3;
    int max_paragraphs = 8;
  };
  explicit CorpusGenerator(Options options);

  // The next article; deterministic for a given seed.
  GeneratedArticle Next();

  // Serializes one article as a JSON line (with "story" and "planted" keys).
  static std::string ToJsonLine(const GeneratedArticle& article);

 private:
  GeneratedArticle Fresh();
  GeneratedArticle NearDuplicate(const GeneratedArticle& source);
  GeneratedArticle Translate(const GeneratedArticle& source);
  uint64_t Random();
  size_t Pick(size_t n) { return static_cast<size_t>(Random() % n); }

  Options options_;
  uint64_t state_;
  uint64_t counter_ = 0;
  uint64_t next_story_ = 1;
  // A window of recent originals that copies are drawn from.
  std::vector<GeneratedArticle> recent_;
  std::vector<std::vector<int>> recent_slots_;  // template choices of each recent article
};

// About `bytes` of generated news text in `language` ("fr" or "en"): the
// texts of consecutive articles, one per line. Deterministic.
std::string NewsText(const char* language, size_t bytes);

}  // namespace veille::bench
