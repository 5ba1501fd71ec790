// End-to-end checks of the quality stage through the Analyzer: hostile input
// and concurrent use.
#include "quality/quality_stage.h"

#include <gtest/gtest.h>

#include <thread>

#include "golden_support.h"
#include "ingest/reader.h"
#include "quality/quality_test_util.h"

namespace veille {
namespace {

using testing::AnalyzeText;

void ExpectWellFormed(const std::string& text, const Analysis& a) {
  const Quality& q = a.quality;
  EXPECT_GE(q.score, 0);
  EXPECT_LE(q.score, 1);
  for (const auto& s : q.signals) {
    EXPECT_LT(s.span.start, s.span.end) << s.kind;
    EXPECT_LE(s.span.end, text.size()) << s.kind;
    EXPECT_FALSE(s.why.empty()) << s.kind;
  }
  for (size_t i = 1; i < q.signals.size(); ++i) {
    EXPECT_LE(q.signals[i - 1].span.start, q.signals[i].span.start);
  }
}

TEST(QualityStageTest, CreateFailsWithTheFileOnAMissingTable) {
  const auto stage = QualityStage::Create("/nonexistent-data");
  ASSERT_FALSE(stage.ok());
  EXPECT_NE(stage.status().message().find("/nonexistent-data/quality/"), std::string::npos)
      << stage.status().message();
}

TEST(QualityStageTest, HostileInputs) {
  const std::vector<std::string> inputs = {
      "",
      " ",
      "\n\n\n",
      "«««««« »»» “ ” \" \" ‘",
      "/blockquote>",
      "&nbsp;&amp;&#160;&#x;&;&",
      "<<<<>>>></></>",
      "Leave a Reply\nLeave a Reply\nLeave a Reply",
      "\xEF\xBB\xBF" "Titre\u200B\u00A0\u202F\n\nZ\u0301ero\u0300 width\u200D joiners. Ａｂｃ fullwidth.",
      "a-t-il déclaré. a déclaré. a déclaré. a-t-il déclaré.",
      std::string(5000, '.'),
      std::string(3000, '\n') + "x",
  };
  Workspace workspace;
  for (const std::string& text : inputs) {
    SCOPED_TRACE(text.substr(0, 40));
    Article article;
    // Inputs the reader rejects (empty, blank) never reach the stages.
    if (!MakeTextArticle(text, "hostile.txt", &article).ok()) continue;
    Analysis a;
    testing::SharedAnalyzer().Analyze(article, &workspace, &a);
    ExpectWellFormed(article.text, a);
  }
}

TEST(QualityStageTest, HugeArticle) {
  std::string text = "Titre\n\n";
  const std::string para =
      "Les forces russes ont avancé près de Koursk, a déclaré le gouverneur. Lire aussi\n\n"
      "Le Washington Put up a rendu compte dimanche as well as lundi.\n\n";
  while (text.size() < (4u << 20)) text += para;
  Article article;
  const Analysis a = AnalyzeText(text, &article);
  ExpectWellFormed(article.text, a);
  EXPECT_NE(a.quality.verdict, "clean");
}

TEST(QualityStageTest, ConcurrentRunsAgree) {
  const std::string text =
      "Titre\n\nLes recrues sur les lignes de entrance as well as précieux, selon le Washington Put up."
      "\n\n/blockquote>\n\nAuteur : Jean Dupont\nFan de bière. Gourou du web. Explorateur maladroit.\n";
  const Analysis reference = AnalyzeText(text);
  ASSERT_FALSE(reference.quality.signals.empty());
  std::vector<std::thread> threads;
  std::vector<Analysis> results(4);
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < 20; ++k) results[i] = AnalyzeText(text);
    });
  }
  for (auto& t : threads) t.join();
  for (const Analysis& a : results) {
    ASSERT_EQ(a.quality.signals.size(), reference.quality.signals.size());
    for (size_t k = 0; k < a.quality.signals.size(); ++k) {
      EXPECT_EQ(a.quality.signals[k].span, reference.quality.signals[k].span);
      EXPECT_EQ(a.quality.signals[k].kind, reference.quality.signals[k].kind);
    }
    EXPECT_EQ(a.quality.verdict, reference.quality.verdict);
  }
}

TEST(QualityStageTest, MangledNamesAreNotLanguageSpans) {
  Article article;
  const Analysis a = AnalyzeText("Titre\n\nLe Washington Put up a rendu compte de la tendance dimanche.\n",
                                 &article);
  for (const auto& s : a.language_spans) {
    EXPECT_NE(s.span.In(article.text), "up");
  }
  ASSERT_FALSE(a.quality.signals.empty());
  EXPECT_EQ(a.quality.signals[0].kind, "mangled_name");
}

TEST(QualityStageTest, NonNfcTextKeepsSignalOffsetsOnTheOriginal) {
  // "é" written as e + combining acute: the analysis text is NFC.
  const std::string text = "Titre\n\nLe pre\u0301sident a parle\u0301.\n\n/blockquote>\n";
  Article article;
  const Analysis a = AnalyzeText(text, &article);
  bool found = false;
  for (const auto& s : a.quality.signals) {
    found |= s.span.In(article.text) == "/blockquote>";
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace veille
