#include "quality/fake_bio.h"

#include <gtest/gtest.h>

#include "quality/quality_test_util.h"

namespace veille {
namespace {

using testing::QualityDataDir;
using testing::TestDocument;

const FakeBioDetector& Detector() {
  static const auto detector = FakeBioDetector::Load(QualityDataDir());
  EXPECT_TRUE(detector.ok()) << detector.status().ToString();
  return *detector.value();
}

std::vector<std::string> Bios(const std::string& text, const std::string& byline = "") {
  TestDocument t(text, "en");
  std::vector<QualitySignal> signals;
  Detector().Find(t.doc(), t.keys(), byline.empty() ? Span{} : t.Find(byline), &signals);
  for (const auto& s : signals) {
    EXPECT_EQ(s.kind, "fake_bio");
    EXPECT_GT(s.weight, 0);
  }
  return t.Texts(signals);
}

using Texts = std::vector<std::string>;
const std::string kArticle =
    "Officials said on Monday that the talks would resume. They declined to give details.\n\n"
    "The ministry did not answer questions about the convoy.\n\n";

TEST(FakeBioTest, EnglishBioAfterTheAuthorLine) {
  const std::string bio = "Coffee fanatic. Proud web scholar. Hardcore music lover. Zombie guru.";
  EXPECT_EQ(Bios(kArticle + "Author: Jane Roe\n" + bio + "\n", "Jane Roe"), (Texts{bio}));
}

TEST(FakeBioTest, FrenchBioInQuotesAtTheEnd) {
  EXPECT_EQ(Bios(kArticle + "« Amateur de bière invétéré. Gourou du web. Explorateur maladroit. Lecteur. »\n"),
            (Texts{"Amateur de bière invétéré. Gourou du web. Explorateur maladroit. Lecteur."}));
}

TEST(FakeBioTest, LabelledAuthorLineWithoutByline) {
  const std::string bio = "Twitter ninja. Beer evangelist. Friendly travel expert.";
  EXPECT_EQ(Bios("Author: John Doe\n" + bio + "\n\n" + kArticle + kArticle + kArticle + kArticle), (Texts{bio}));
}

TEST(FakeBioTest, ShortSentencesWithVerbsAreNotABio) {
  EXPECT_TRUE(Bios(kArticle + "He is a fan. She was an expert. They are explorers.\n").empty());
  EXPECT_TRUE(Bios(kArticle + "Il est fan. Elle est experte. Ils sont explorateurs.\n").empty());
}

TEST(FakeBioTest, ShortLinesWithoutPraiseWordsAreNotABio) {
  EXPECT_TRUE(Bios(kArticle + "Kyiv. Odesa. Kharkiv. Lviv.\n").empty());
  EXPECT_TRUE(Bios(kArticle + "Photo: AFP. Editing: Jane Roe. Graphics: John Doe.\n").empty());
}

TEST(FakeBioTest, TwoFragmentsAreTooFew) {
  EXPECT_TRUE(Bios(kArticle + "Beer buff. Web guru.\n").empty());
}

TEST(FakeBioTest, BioShapedLineInTheMiddleOfALongArticleNeedsAnAuthorLine) {
  std::string text = "Title\n\n" + std::string("Coffee fanatic. Proud web scholar. Zombie guru.\n\n");
  for (int i = 0; i < 10; ++i) text += kArticle;
  EXPECT_TRUE(Bios(text).empty());
}

TEST(FakeBioTest, EmptyText) { EXPECT_TRUE(Bios("").empty()); }

}  // namespace
}  // namespace veille
