// Checks on the real articles in ../shared/seeds/ (not shipped with veille);
// every case skips itself when the directory is absent.
#include <gtest/gtest.h>

#include <filesystem>

#include "golden_support.h"
#include "test_support.h"

namespace veille::testing {
namespace {

struct SeedAnalysis {
  Article article;
  Analysis analysis;
};

SeedAnalysis AnalyzeSeed(const std::string& prefix) {
  SeedAnalysis out;
  for (const auto& entry : std::filesystem::directory_iterator(SeedsDir())) {
    if (entry.path().filename().string().starts_with(prefix)) {
      out.analysis = AnalyzeText(ReadFileOrDie(entry.path().string()), &out.article);
    }
  }
  return out;
}

std::vector<std::string> SpanTexts(const SeedAnalysis& s) {
  std::vector<std::string> texts;
  for (const auto& span : s.analysis.language_spans) texts.emplace_back(span.span.In(s.article.text));
  return texts;
}

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (SeedsDir().empty()) GTEST_SKIP() << "../shared/seeds not present";
  }
};

TEST_F(SeedsTest, DocumentLanguages) {
  EXPECT_EQ(AnalyzeSeed("000_").analysis.language, "fr");
  EXPECT_EQ(AnalyzeSeed("001_").analysis.language, "fr");
  EXPECT_EQ(AnalyzeSeed("002_").analysis.language, "fr");
  EXPECT_EQ(AnalyzeSeed("003_").analysis.language, "en");
  EXPECT_EQ(AnalyzeSeed("004_").analysis.language, "fr");
}

TEST_F(SeedsTest, EnglishLeftInMachineTranslatedFrench) {
  const SeedAnalysis s = AnalyzeSeed("002_");
  const auto texts = SpanTexts(s);
  for (const char* want : {"entrance", "cost", "jail", "as well as", "events", "probability"}) {
    EXPECT_NE(std::find(texts.begin(), texts.end(), want), texts.end()) << want;
  }
  for (const auto& span : s.analysis.language_spans) EXPECT_EQ(span.language, "en");
}

TEST_F(SeedsTest, CleanFrenchHasNoEnglishSpans) {
  EXPECT_TRUE(SpanTexts(AnalyzeSeed("000_")).empty());
}

TEST_F(SeedsTest, TitlesOfSeeds) {
  EXPECT_FALSE(AnalyzeSeed("000_").analysis.title.has_value());
  EXPECT_EQ(AnalyzeSeed("003_").analysis.title.value_or(""),
            "Brutal blow for Putin as Chechens ‘fleeing country’ to avoid war call-up");
}

}  // namespace
}  // namespace veille::testing
