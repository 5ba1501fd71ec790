#include "quality/boilerplate.h"

#include <gtest/gtest.h>

#include "quality/quality_test_util.h"

namespace veille {
namespace {

using testing::QualityDataDir;
using testing::TestDocument;

const BoilerplateDetector& Detector() {
  static const auto detector = BoilerplateDetector::Load(QualityDataDir());
  EXPECT_TRUE(detector.ok()) << detector.status().ToString();
  return *detector.value();
}

std::vector<std::string> Furniture(const std::string& text) {
  TestDocument t(text, "en");
  std::vector<QualitySignal> signals;
  Detector().Find(t.doc(), t.keys(), &signals);
  for (const auto& s : signals) EXPECT_EQ(s.kind, "boilerplate");
  return t.Texts(signals);
}

using Texts = std::vector<std::string>;

TEST(BoilerplateTest, CommentFormLines) {
  EXPECT_EQ(Furniture("He left.\n\nLeave a Reply\n\nYour email address will not be published.\n"),
            (Texts{"Leave a Reply", "Your email address will not be published."}));
}

TEST(BoilerplateTest, ReadMoreLineIsWhole) {
  EXPECT_EQ(Furniture("Text.\n\nREAD MORE: Putin's plan falls apart\n\nMore text."),
            (Texts{"READ MORE: Putin's plan falls apart"}));
}

TEST(BoilerplateTest, FrenchLinksAndShareButtons) {
  EXPECT_EQ(Furniture("Texte.\n\nLire aussi : Les prix reculent\n\nPartager sur Facebook\n"),
            (Texts{"Lire aussi : Les prix reculent", "Partager sur Facebook"}));
}

TEST(BoilerplateTest, RelatedHeadlineListTakesTheHeadlinesThatFollow) {
  EXPECT_EQ(Furniture("Body.\n\nMore Stories\n\nA first headline here\n\nAnother one about cats\n"),
            (Texts{"More Stories", "A first headline here", "Another one about cats"}));
}

TEST(BoilerplateTest, HeadlineListStopsAtProse) {
  EXPECT_EQ(Furniture("More Stories\n\nA first headline here\n\nThis is a sentence. And a second one "
                      "follows it.\n\nShort line without period\n"),
            (Texts{"More Stories", "A first headline here"}));
}

TEST(BoilerplateTest, CookieNoticeInsideALongParagraphMarksItsSentence) {
  const std::string prose(420, 'x');
  const Texts found = Furniture("Officials met on Monday " + prose +
                                ". We use cookies to improve your experience. The talks went on.");
  EXPECT_EQ(found, (Texts{"We use cookies to improve your experience."}));
}

TEST(BoilerplateTest, BrokenAndStrayMarkup) {
  EXPECT_EQ(Furniture("Quote ends.\n\n/blockquote>\n\nHe said&nbsp;yes <p class=\"x\">again</p>.\n"),
            (Texts{"/blockquote>", "&nbsp;", "<p class=\"x\">", "</p>"}));
}

TEST(BoilerplateTest, OrdinaryProseIsNotFurniture) {
  EXPECT_TRUE(Furniture("Read more carefully, he said. The share price fell and/or rose at 90 km/h.\n\n"
                        "Share prices fell sharply on Monday after the announcement.\n\n"
                        "Les riverains partagent leur inquiétude & leur colère.\n")
                  .empty());
}

TEST(BoilerplateTest, LongLineStartingWithAFurniturePhraseIsProse) {
  const std::string line = "Lire aussi les rapports de l'ONU, qui " + std::string(400, 'y') + ".";
  EXPECT_TRUE(Furniture(line).empty());
}

TEST(BoilerplateTest, EmptyAndBlankText) {
  EXPECT_TRUE(Furniture("").empty());
  EXPECT_TRUE(Furniture("\n\n   \n\t\n").empty());
  EXPECT_TRUE(Furniture("<").empty());
  EXPECT_TRUE(Furniture("&").empty());
  EXPECT_TRUE(Furniture("/").empty());
}

}  // namespace
}  // namespace veille
