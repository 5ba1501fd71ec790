#include "quality/scoring.h"

#include <gtest/gtest.h>

#include "quality/quality_test_util.h"
#include "test_support.h"

namespace veille {
namespace {

const QualityScoring& Scoring() {
  static const auto scoring = QualityScoring::Load(testing::QualityDataDir());
  EXPECT_TRUE(scoring.ok()) << scoring.status().ToString();
  return scoring.value();
}

Quality Judge(const std::vector<std::pair<const char*, double>>& signals) {
  Quality q;
  uint32_t pos = 0;
  for (const auto& [kind, weight] : signals) {
    q.signals.push_back({kind, {pos, pos + 1}, weight, "w"});
    ++pos;
  }
  Scoring().Score(&q);
  return q;
}

struct VerdictCase {
  const char* name;
  std::vector<std::pair<const char*, double>> signals;
  const char* verdict;
};

class VerdictTest : public ::testing::TestWithParam<VerdictCase> {};

TEST_P(VerdictTest, FollowsTheRules) {
  EXPECT_EQ(Judge(GetParam().signals).verdict, GetParam().verdict);
}

INSTANTIATE_TEST_SUITE_P(
    Table, VerdictTest,
    ::testing::Values(
        VerdictCase{"NoSignals", {}, "clean"},
        VerdictCase{"OneStrayEntity", {{"boilerplate", 0.04}}, "clean"},
        VerdictCase{"Furniture", {{"boilerplate", 0.08}, {"boilerplate", 0.08}}, "suspect"},
        VerdictCase{"RepeatedTitle", {{"repeated_text", 0.12}}, "suspect"},
        VerdictCase{"OneForeignWord", {{"foreign_insertion", 0.1}}, "suspect"},
        VerdictCase{"MachineTranslation",
                    {{"foreign_insertion", 0.1}, {"mangled_name", 0.3}},
                    "auto_translated"},
        VerdictCase{"MachineTranslationWithLightFurniture",
                    {{"translationese", 0.2}, {"foreign_insertion", 0.1}, {"boilerplate", 0.1}},
                    "auto_translated"},
        VerdictCase{"MachineTranslationWithHeavyFurniture",
                    {{"translationese", 0.3}, {"boilerplate", 0.1}, {"boilerplate", 0.1}},
                    "content_farm"},
        VerdictCase{"BioWithFurniture", {{"fake_bio", 0.4}, {"boilerplate", 0.06}}, "content_farm"},
        VerdictCase{"BioWithTranslation", {{"fake_bio", 0.4}, {"translationese", 0.2}}, "content_farm"},
        VerdictCase{"BioAlone", {{"fake_bio", 0.4}}, "suspect"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(QualityScoreTest, ScoreIsOneMinusCappedSums) {
  EXPECT_DOUBLE_EQ(Judge({}).score, 1.0);
  EXPECT_NEAR(Judge({{"boilerplate", 0.08}, {"repeated_text", 0.12}}).score, 0.8, 1e-9);
  // boilerplate is capped at 0.3 whatever the number of lines.
  std::vector<std::pair<const char*, double>> many(20, {"boilerplate", 0.08});
  EXPECT_NEAR(Judge(many).score, 0.7, 1e-9);
  // Never below zero.
  EXPECT_GE(Judge({{"foreign_insertion", 1}, {"translationese", 1}, {"fake_bio", 1}, {"mangled_name", 1},
                   {"boilerplate", 1}, {"repeated_text", 1}})
                .score,
            0.0);
}

TEST(QualityScoreTest, BadTablesSayWhereAndWhat) {
  struct Case {
    const char* content;
    const char* message;
  };
  for (const Case& c : {Case{"cap\tboilerplate\t2\n", "scoring.tsv:1: '2' is not a number"},
                        Case{"cap\tboilerplate\n", "scoring.tsv:1: expected"},
                        Case{"# ok\nlimit\tx\t0.1\n", "scoring.tsv:2: unknown row type 'limit'"},
                        Case{"cap\tboilerplate\t0.3\n", "missing threshold 'auto_translated'"}}) {
    testing::TempDir dir;
    dir.Write("quality/scoring.tsv", c.content);
    const auto scoring = QualityScoring::Load(dir.path());
    ASSERT_FALSE(scoring.ok()) << c.content;
    EXPECT_NE(scoring.status().message().find(c.message), std::string::npos)
        << scoring.status().message();
  }
  EXPECT_FALSE(QualityScoring::Load("/nonexistent").ok());
}

}  // namespace
}  // namespace veille
