#include "quality/repeated_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "util/hash.h"

namespace veille {
namespace {

constexpr int kMinWords = 6;
constexpr int kMinWordsForNearCopy = 10;
// Near copies: word trigrams overlap at least this much (a cheap filter),
// then at most this share of words differ (edit distance on words).
constexpr double kMinTrigramJaccard = 0.5;
constexpr double kMaxEditShare = 0.1;
constexpr int kMaxWordsForEditDistance = 400;
// Near-copy comparison is quadratic in paragraphs; beyond this many
// candidate pairs only exact copies are looked for.
constexpr size_t kMaxPairs = 200000;

struct Para {
  Span span;
  uint64_t hash = 0;                // of its word keys
  int word_count = 0;
  std::vector<uint64_t> word_keys;  // in order, for near copies only
  std::vector<uint64_t> trigrams;   // sorted, unique
};

// Levenshtein distance between two word sequences, giving up (returning
// `bound` + 1) once it must exceed `bound`.
int WordEditDistance(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b, int bound) {
  std::vector<int> previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    int row_min = current[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > bound) return bound + 1;
    std::swap(previous, current);
  }
  return previous[b.size()];
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t common = 0, i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  const size_t all = a.size() + b.size() - common;
  return all == 0 ? 0 : static_cast<double>(common) / static_cast<double>(all);
}

}  // namespace

void FindRepeatedText(const Document& doc, const std::vector<uint64_t>& keys, Span title,
                      const std::vector<QualitySignal>& skip, double weight,
                      std::vector<QualitySignal>* out) {
  std::vector<Para> paras;
  std::vector<uint64_t> words;
  for (const Span& span : doc.paragraphs) {
    if (std::any_of(skip.begin(), skip.end(), [&](const QualitySignal& s) { return s.span.Overlaps(span); })) {
      continue;
    }
    words.clear();
    for (uint32_t i = doc.TokenAt(span.start); i < doc.tokens.size() && doc.tokens[i].start < span.end; ++i) {
      const TokenKind kind = doc.tokens[i].kind;
      if (kind == TokenKind::kWord || kind == TokenKind::kNumber) words.push_back(keys[i]);
    }
    if (static_cast<int>(words.size()) < kMinWords) continue;
    Para p;
    p.span = span;
    p.word_count = static_cast<int>(words.size());
    p.hash = Hash64(std::string_view(reinterpret_cast<const char*>(words.data()),
                                     words.size() * sizeof(uint64_t)));
    if (p.word_count >= kMinWordsForNearCopy && p.word_count <= kMaxWordsForEditDistance) {
      p.word_keys = words;
      for (size_t i = 0; i + 2 < words.size(); ++i) {
        p.trigrams.push_back(words[i] * 0x9E3779B97F4A7C15ull ^ (words[i + 1] * 31 + words[i + 2]));
      }
      std::sort(p.trigrams.begin(), p.trigrams.end());
      p.trigrams.erase(std::unique(p.trigrams.begin(), p.trigrams.end()), p.trigrams.end());
    }
    paras.push_back(std::move(p));
  }

  auto report = [&](const Para& copy, const Para& original, bool exact) {
    const bool is_title = !title.empty() && original.span.Overlaps(title);
    out->push_back({"repeated_text", copy.span, weight,
                    fmt::format("{} the {} at bytes {}-{}", exact ? "repeats" : "nearly repeats",
                                is_title ? "title" : "paragraph", original.span.start,
                                original.span.end)});
  };
  std::unordered_map<uint64_t, size_t> first_seen;
  std::vector<bool> reported(paras.size(), false);
  for (size_t i = 0; i < paras.size(); ++i) {
    auto [it, inserted] = first_seen.emplace(paras[i].hash, i);
    if (!inserted) {
      report(paras[i], paras[it->second], true);
      reported[i] = true;
    }
  }
  if (paras.size() * paras.size() / 2 > kMaxPairs) return;
  for (size_t i = 0; i < paras.size(); ++i) {
    if (reported[i] || paras[i].trigrams.empty()) continue;
    for (size_t j = 0; j < i; ++j) {
      const Para& a = paras[j];
      const Para& b = paras[i];
      if (a.trigrams.empty() || a.hash == b.hash) continue;
      const int longest = std::max(a.word_count, b.word_count);
      const int bound = std::max(1, static_cast<int>(kMaxEditShare * longest));
      if (std::abs(a.word_count - b.word_count) > bound) continue;
      if (Jaccard(a.trigrams, b.trigrams) >= kMinTrigramJaccard &&
          WordEditDistance(a.word_keys, b.word_keys, bound) <= bound) {
        report(b, a, false);
        break;
      }
    }
  }
}

}  // namespace veille
