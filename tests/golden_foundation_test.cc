// Golden tests of the foundation on the shipped sample articles: language,
// title, byline, date, sentence boundaries and other-language spans, checked
// against the hand-written X.expected.json files.
#include <gtest/gtest.h>

#include <cstdio>

#include "golden_support.h"

namespace veille::testing {
namespace {

TEST(GoldenFoundationTest, CorpusIsLargeAndCoversBothLanguages) {
  const auto& corpus = GoldenCorpus();
  int fr = 0, en = 0;
  for (const auto& g : corpus) {
    fr += g.expected["language"] == "fr";
    en += g.expected["language"] == "en";
  }
  EXPECT_GE(corpus.size(), 30u);
  EXPECT_GE(fr, 10);
  EXPECT_GE(en, 10);
}

TEST(GoldenFoundationTest, DocumentLanguageMatches) {
  for (const auto& g : GoldenCorpus()) {
    EXPECT_EQ(g.analysis.language, g.expected["language"].get<std::string>()) << g.name;
    EXPECT_GT(g.analysis.language_confidence, 0.5) << g.name;
  }
}

TEST(GoldenFoundationTest, TitleBylineAndDateMatch) {
  int checked = 0;
  for (const auto& g : GoldenCorpus()) {
    const auto& e = g.expected;
    if (e["title"].is_null()) {
      EXPECT_FALSE(g.analysis.title.has_value()) << g.name << ": " << *g.analysis.title;
    } else {
      ASSERT_TRUE(g.analysis.title.has_value()) << g.name;
      EXPECT_EQ(*g.analysis.title, e["title"].get<std::string>()) << g.name;
      EXPECT_EQ(g.Slice(g.analysis.title_span), e["title"].get<std::string>()) << g.name;
    }
    if (e.contains("byline") && !e["byline"].is_null()) {
      ++checked;
      EXPECT_EQ(g.analysis.byline.value_or("(none)"), e["byline"].get<std::string>()) << g.name;
    }
    if (e.contains("date") && !e["date"].is_null()) {
      ++checked;
      EXPECT_EQ(g.analysis.date.value_or("(none)"), e["date"].get<std::string>()) << g.name;
    }
  }
  EXPECT_GT(checked, 5);
}

TEST(GoldenFoundationTest, TrickySentencesComeOutWhole) {
  int checked = 0, found = 0;
  for (const auto& g : GoldenCorpus()) {
    for (const auto& check : g.expected["sentence_checks"]) {
      const std::string want = check.get<std::string>();
      ++checked;
      bool ok = false;
      for (const auto& s : g.analysis.sentences) ok |= g.Slice(s.span) == want;
      found += ok;
      EXPECT_TRUE(ok) << g.name << ": not one sentence: " << want;
    }
  }
  std::printf("sentence checks: %d/%d\n", found, checked);
  EXPECT_GT(checked, 30);
}

TEST(GoldenFoundationTest, OtherLanguageSpansFound) {
  Score score;
  int clean_articles_with_spans = 0;
  for (const auto& g : GoldenCorpus()) {
    const auto& want = g.expected["language_spans"];
    score.expected += static_cast<int>(want.size());
    score.predicted += static_cast<int>(g.analysis.language_spans.size());
    std::vector<bool> used(g.analysis.language_spans.size(), false);
    for (const auto& w : want) {
      const std::string text = w["text"].get<std::string>();
      for (size_t i = 0; i < g.analysis.language_spans.size(); ++i) {
        const auto& got = g.analysis.language_spans[i];
        if (!used[i] && g.Slice(got.span) == text && got.language == w["language"]) {
          used[i] = true;
          ++score.true_positives;
          break;
        }
      }
    }
    for (size_t i = 0; i < used.size(); ++i) {
      if (!used[i]) {
        std::printf("  extra span in %s: \"%s\"\n", g.name.c_str(),
                    std::string(g.Slice(g.analysis.language_spans[i].span)).c_str());
      }
    }
    if (g.expected["quality"]["verdict"] == "clean" && !g.analysis.language_spans.empty()) {
      ++clean_articles_with_spans;
    }
  }
  std::printf("%s\n", score.ToString("language spans").c_str());
  EXPECT_GE(score.Recall(), 0.8);
  EXPECT_GE(score.Precision(), 0.8);
  EXPECT_EQ(clean_articles_with_spans, 0);
}

TEST(GoldenFoundationTest, EverySpanLiesInsideTheText) {
  for (const auto& g : GoldenCorpus()) {
    const size_t size = g.article.text.size();
    for (const auto& s : g.analysis.sentences) EXPECT_LE(s.span.end, size) << g.name;
    for (const auto& p : g.analysis.paragraphs) EXPECT_LE(p.span.end, size) << g.name;
    for (size_t i = 1; i < g.analysis.sentences.size(); ++i) {
      EXPECT_LE(g.analysis.sentences[i - 1].span.end, g.analysis.sentences[i].span.start) << g.name;
    }
  }
}

}  // namespace
}  // namespace veille::testing
