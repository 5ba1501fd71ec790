// `veille analyze --clean`: the article text without furniture and bios.
#include <gtest/gtest.h>

#include "test_support.h"

namespace veille::testing {
namespace {

TEST(CliCleanTest, PrintsEachArticleWithoutFurnitureThenAFormFeedLine) {
  TempDir dir;
  const std::string a = dir.Write("a.txt",
                                  "Title of the story\n\nOfficials met on Monday to discuss the plan.\n\n"
                                  "READ MORE: Something else entirely\n\nThe talks resumed later.\n\n"
                                  "Leave a Reply\n");
  const std::string b = dir.Write("b.txt", "Autre titre\n\nLes discussions ont repris lundi.\n");
  const CommandResult r = RunVeille({"analyze", "--clean", a, b});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "Title of the story\n\nOfficials met on Monday to discuss the plan.\n\n"
            "The talks resumed later.\n\f\n"
            "Autre titre\n\nLes discussions ont repris lundi.\n\f\n");
}

TEST(CliCleanTest, JsonKeepsOffsetsIntoTheOriginalText) {
  const std::string text = "Title\n\nBody text here.\n\nLeave a Reply\n";
  const CommandResult r = RunVeille({"analyze", "-"}, text);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string start = "\"start\":" + std::to_string(text.find("Leave"));
  EXPECT_NE(r.out.find(start), std::string::npos) << r.out;
}

}  // namespace
}  // namespace veille::testing
