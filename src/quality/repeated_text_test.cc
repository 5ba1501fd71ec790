#include "quality/repeated_text.h"

#include <gtest/gtest.h>

#include "quality/quality_test_util.h"

namespace veille {
namespace {

using testing::TestDocument;
using Texts = std::vector<std::string>;

Texts Repeats(const std::string& text, const std::vector<std::string>& skip = {}) {
  TestDocument t(text, "en");
  std::vector<QualitySignal> furniture, signals;
  for (const std::string& s : skip) furniture.push_back({"boilerplate", t.Find(s), 0.1, ""});
  FindRepeatedText(t.doc(), t.keys(), t.doc().paragraphs.empty() ? Span{} : t.doc().paragraphs[0],
                   furniture, 0.12, &signals);
  for (const auto& s : signals) {
    EXPECT_EQ(s.kind, "repeated_text");
    EXPECT_DOUBLE_EQ(s.weight, 0.12);
  }
  return t.Texts(signals);
}

const std::string kTitle = "Deputies urge the Kremlin to withdraw its troops";
const std::string kPara =
    "The appeal was read out on Thursday during a session of the regional assembly by a "
    "Communist deputy, according to a video shared on Telegram.";

TEST(RepeatedTextTest, RepeatedTitleIsReportedOnItsCopy) {
  TestDocument t(kTitle + "\n\n" + kPara + "\n\n" + kTitle + "\n", "en");
  std::vector<QualitySignal> signals;
  FindRepeatedText(t.doc(), t.keys(), t.doc().paragraphs[0], {}, 0.12, &signals);
  ASSERT_EQ(signals.size(), 1u);
  EXPECT_EQ(signals[0].span.start, kTitle.size() + 2 + kPara.size() + 2);
  EXPECT_NE(signals[0].why.find("title"), std::string::npos) << signals[0].why;
}

TEST(RepeatedTextTest, CaseAndPunctuationDoNotHideACopy) {
  EXPECT_EQ(Repeats(kTitle + "\n\n" + kPara + "\n\nDEPUTIES URGE THE KREMLIN, TO WITHDRAW ITS TROOPS!\n"),
            (Texts{"DEPUTIES URGE THE KREMLIN, TO WITHDRAW ITS TROOPS!"}));
}

TEST(RepeatedTextTest, NearCopyOfALongParagraph) {
  std::string near = kPara;
  near.replace(near.find("Thursday"), 8, "Friday");
  EXPECT_EQ(Repeats(kPara + " It was the first such appeal in years, deputies said later that evening.\n\n" +
                    kTitle + "\n\n" + near +
                    " It was the first such appeal in years, deputies said later that evening.\n")
                .size(),
            1u);
}

TEST(RepeatedTextTest, DifferentParagraphsAndShortLinesAreNotRepeats) {
  EXPECT_TRUE(Repeats(kTitle + "\n\n" + kPara + "\n\nShare this\n\nShare this\n\nOther words entirely "
                      "here about something else today.\n")
                  .empty());
}

TEST(RepeatedTextTest, FurnitureIsSkipped) {
  EXPECT_TRUE(Repeats(kTitle + "\n\n" + kTitle + "\n", {kTitle}).empty());
}

TEST(RepeatedTextTest, ManyParagraphsStayFast) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += kPara + " Number " + std::to_string(i) + " of many.\n\n";
  EXPECT_TRUE(Repeats(text).empty());
}

}  // namespace
}  // namespace veille
