// Quality-bar tests of the quality stage on the shipped sample articles
// (signals and verdicts against the hand-written X.expected.json files) and
// on the real articles of ../shared/seeds when present.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "golden_support.h"
#include "test_support.h"

namespace veille::testing {
namespace {

constexpr const char* kKinds[] = {"foreign_insertion", "mangled_name",  "fake_bio",
                                  "boilerplate",       "repeated_text", "translationese"};

// Every byte range where `needle` occurs in `text`.
std::vector<Span> Occurrences(std::string_view text, std::string_view needle) {
  std::vector<Span> spans;
  for (size_t pos = text.find(needle); pos != std::string_view::npos && !needle.empty();
       pos = text.find(needle, pos + 1)) {
    spans.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + needle.size())});
  }
  return spans;
}

// Scores per kind: a predicted signal matches an unused expected signal of
// the same kind when its span overlaps an occurrence of the expected text.
std::map<std::string, Score> ScoreSignals(bool print_misses) {
  std::map<std::string, Score> scores;
  for (const auto& g : GoldenCorpus()) {
    const auto& predicted = g.analysis.quality.signals;
    std::vector<bool> used(predicted.size(), false);
    for (const auto& want : g.expected["quality"]["signals"]) {
      const std::string kind = want["kind"].get<std::string>();
      const std::string text = want["text"].get<std::string>();
      const std::vector<Span> where = Occurrences(g.article.text, text);
      EXPECT_FALSE(where.empty()) << g.name << ": expected text not in article: " << text;
      ++scores[kind].expected;
      bool found = false;
      for (size_t i = 0; i < predicted.size() && !found; ++i) {
        if (used[i] || predicted[i].kind != kind) continue;
        for (const Span& s : where) found |= s.Overlaps(predicted[i].span);
        if (found) used[i] = true;
      }
      scores[kind].true_positives += found;
      if (!found && print_misses) std::printf("  missed %s in %s: \"%s\"\n", kind.c_str(), g.name.c_str(), text.c_str());
    }
    for (size_t i = 0; i < predicted.size(); ++i) {
      ++scores[predicted[i].kind].predicted;
      if (!used[i] && print_misses) {
        std::printf("  extra %s in %s: \"%s\"\n", predicted[i].kind.c_str(), g.name.c_str(),
                    std::string(g.Slice(predicted[i].span)).c_str());
      }
    }
  }
  return scores;
}

TEST(GoldenQualityTest, SignalsMatchPerKind) {
  const auto scores = ScoreSignals(true);
  for (const char* kind : kKinds) {
    ASSERT_TRUE(scores.contains(kind)) << kind << " is neither expected nor predicted";
    const Score& s = scores.at(kind);
    std::printf("%s\n", s.ToString(kind).c_str());
    EXPECT_GT(s.expected, 0) << kind;
    EXPECT_GE(s.Precision(), 0.9) << kind;
    EXPECT_GE(s.Recall(), 0.9) << kind;
  }
}

TEST(GoldenQualityTest, VerdictsMatch) {
  int right = 0, total = 0;
  std::map<std::string, int> expected_counts;
  for (const auto& g : GoldenCorpus()) {
    const std::string want = g.expected["quality"]["verdict"].get<std::string>();
    ++total;
    ++expected_counts[want];
    if (g.analysis.quality.verdict == want) {
      ++right;
    } else {
      std::printf("  verdict of %s: %s, expected %s (score %.3f)\n", g.name.c_str(),
                  g.analysis.quality.verdict.c_str(), want.c_str(), g.analysis.quality.score);
    }
  }
  const double accuracy = static_cast<double>(right) / total;
  std::printf("verdict accuracy %.3f (%d/%d)\n", accuracy, right, total);
  EXPECT_GE(accuracy, 0.9);
  // The corpus exercises every verdict.
  for (const char* verdict : {"clean", "suspect", "auto_translated", "content_farm"}) {
    EXPECT_GT(expected_counts[verdict], 0) << verdict;
  }
}

TEST(GoldenQualityTest, CleanReportingHasNoForeignInsertion) {
  int checked = 0;
  for (const auto& g : GoldenCorpus()) {
    if (g.expected["quality"]["verdict"] != "clean") continue;
    if (g.expected["language"] != "fr" && g.expected["language"] != "en") continue;
    ++checked;
    for (const auto& s : g.analysis.quality.signals) {
      EXPECT_NE(s.kind, "foreign_insertion") << g.name << ": " << g.Slice(s.span);
    }
  }
  EXPECT_GE(checked, 15);
}

TEST(GoldenQualityTest, SignalsPointAtTheirEvidenceAndExplainTheScore) {
  for (const auto& g : GoldenCorpus()) {
    const Quality& q = g.analysis.quality;
    double penalty = 0;
    for (const auto& s : q.signals) {
      EXPECT_LT(s.span.start, s.span.end) << g.name << " " << s.kind;
      EXPECT_LE(s.span.end, g.article.text.size()) << g.name << " " << s.kind;
      EXPECT_GT(s.weight, 0) << g.name << " " << s.kind;
      EXPECT_LE(s.weight, 1) << g.name << " " << s.kind;
      EXPECT_FALSE(s.why.empty()) << g.name << " " << s.kind;
      penalty += s.weight;
    }
    EXPECT_GE(q.score, 0) << g.name;
    EXPECT_LE(q.score, 1) << g.name;
    // Caps can only make the score higher than 1 - sum of weights.
    EXPECT_GE(q.score + 1e-9, std::max(0.0, 1 - penalty)) << g.name;
    if (q.signals.empty()) {
      EXPECT_EQ(q.score, 1) << g.name;
    }
    if (q.verdict == "clean") {
      EXPECT_GT(q.score, 0.9) << g.name;
    }
  }
}

class SeedsQualityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (SeedsDir().empty()) GTEST_SKIP() << "shared/seeds not present";
  }
  static Quality Seed(const std::string& prefix) {
    for (const auto& entry : std::filesystem::directory_iterator(SeedsDir())) {
      if (entry.path().filename().string().starts_with(prefix)) {
        return AnalyzeText(ReadFileOrDie(entry.path().string())).quality;
      }
    }
    ADD_FAILURE() << "no seed " << prefix;
    return {};
  }
};

TEST_F(SeedsQualityTest, MachineTranslatedCopiesAreFlagged) {
  for (const char* prefix : {"001_", "002_"}) {
    const Quality q = Seed(prefix);
    EXPECT_TRUE(q.verdict == "auto_translated" || q.verdict == "content_farm")
        << prefix << " " << q.verdict;
  }
}

TEST_F(SeedsQualityTest, OriginalReportingIsNotAContentFarm) {
  for (const char* prefix : {"000_", "003_"}) {
    const Quality q = Seed(prefix);
    EXPECT_NE(q.verdict, "content_farm") << prefix;
    for (const auto& s : q.signals) EXPECT_NE(s.kind, "foreign_insertion") << prefix;
  }
}

TEST_F(SeedsQualityTest, GeneratedBiosAreFound) {
  for (const char* prefix : {"001_", "004_"}) {
    const Quality q = Seed(prefix);
    int bios = 0;
    for (const auto& s : q.signals) bios += s.kind == "fake_bio";
    EXPECT_EQ(bios, 1) << prefix;
  }
}

}  // namespace
}  // namespace veille::testing
