#include "quality/clean_text.h"

#include <gtest/gtest.h>

namespace veille {
namespace {

Span Find(const std::string& text, const std::string& needle) {
  const size_t pos = text.find(needle);
  EXPECT_NE(pos, std::string::npos) << needle;
  return {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + needle.size())};
}

Analysis With(const std::string& text,
              const std::vector<std::pair<const char*, std::string>>& signals) {
  Analysis a;
  for (const auto& [kind, what] : signals) a.quality.signals.push_back({kind, Find(text, what), 0.1, ""});
  return a;
}

TEST(CleanTextTest, FurnitureLinesAndBiosGoWithTheirLines) {
  const std::string text =
      "Title\n\nFirst paragraph.\n\nREAD MORE: Elsewhere\n\nSecond paragraph.\n\nAuthor: Jane\n"
      "« Beer buff. Web guru. Zombie maven. »\n\nMore Stories\n";
  const Analysis a = With(text, {{"boilerplate", "READ MORE: Elsewhere"},
                                 {"fake_bio", "Beer buff. Web guru. Zombie maven."},
                                 {"boilerplate", "More Stories"}});
  EXPECT_EQ(CleanArticleText(text, a), "Title\n\nFirst paragraph.\n\nSecond paragraph.\n\nAuthor: Jane\n");
}

TEST(CleanTextTest, InlineMarkupBecomesASpace) {
  const std::string text = "He said&nbsp;yes.\nShe said <b>no</b> twice.\n";
  const Analysis a = With(text, {{"boilerplate", "&nbsp;"}, {"boilerplate", "<b>"}, {"boilerplate", "</b>"}});
  EXPECT_EQ(CleanArticleText(text, a), "He said yes.\nShe said no twice.\n");
}

TEST(CleanTextTest, OtherSignalsStay) {
  const std::string text = "Il viennent home vivants.\n\nIl viennent home vivants.\n";
  Analysis a = With(text, {{"foreign_insertion", "home"}});
  a.quality.signals.push_back({"repeated_text", {27, 52}, 0.1, ""});
  EXPECT_EQ(CleanArticleText(text, a), text);
}

TEST(CleanTextTest, EmptyAndAllFurniture) {
  EXPECT_EQ(CleanArticleText("", Analysis()), "");
  const std::string text = "Leave a Reply\n";
  EXPECT_EQ(CleanArticleText(text, With(text, {{"boilerplate", "Leave a Reply"}})), "");
}

TEST(CleanTextTest, SpansOutsideTheTextAreIgnored) {
  Analysis a;
  a.quality.signals.push_back({"boilerplate", {5, 500}, 0.1, ""});
  EXPECT_EQ(CleanArticleText("short text", a), "short text\n");
}

}  // namespace
}  // namespace veille
