#include "quality/mangled_names.h"

#include <gtest/gtest.h>

#include "quality/quality_test_util.h"

namespace veille {
namespace {

using testing::QualityDataDir;
using testing::TestDocument;
using Texts = std::vector<std::string>;

const MangledNameDetector& Detector() {
  static const auto detector = MangledNameDetector::Load(QualityDataDir());
  EXPECT_TRUE(detector.ok()) << detector.status().ToString();
  return *detector.value();
}

TEST(MangledNameTest, CatalogFormsAreFound) {
  TestDocument t("Le Washington Put up a rendu compte dimanche, selon le Submit.", "fr");
  std::vector<QualitySignal> signals;
  Detector().Find(t.doc(), {}, 0.3, &signals);
  EXPECT_EQ(t.Texts(signals), (Texts{"Washington Put up", "le Submit"}));
  for (const auto& s : signals) {
    EXPECT_EQ(s.kind, "mangled_name");
    EXPECT_DOUBLE_EQ(s.weight, 0.3);
    EXPECT_NE(s.why.find("The Washington Post"), std::string::npos) << s.why;
  }
}

TEST(MangledNameTest, CorrectNamesAndOrdinaryWordsAreNot) {
  TestDocument t("Le Washington Post a rendu compte. Please submit the form. We put up a tent.", "fr");
  std::vector<QualitySignal> signals;
  Detector().Find(t.doc(), {}, 0.3, &signals);
  EXPECT_TRUE(signals.empty());
}

TEST(MangledNameTest, OneSignalPerDistinctForm) {
  TestDocument t("Le portail RIA Novelty transporte. Il a dit à RIA Novelty que oui.", "fr");
  std::vector<QualitySignal> signals;
  Detector().Find(t.doc(), {}, 0.3, &signals);
  ASSERT_EQ(t.Texts(signals), (Texts{"RIA Novelty"}));
  EXPECT_NE(signals[0].why.find("2 times"), std::string::npos) << signals[0].why;
}

TEST(MangledNameTest, MangledCitationsComeFirstAndAreNotDoubled) {
  TestDocument t("Selon le Daily Postal, et le Washington Put up.", "fr");
  Citation daily;
  daily.span = t.Find("Daily Postal");
  daily.outlet_name = "Daily Post";
  daily.mangled = true;
  Citation washington;
  washington.span = t.Find("Washington Put up");
  washington.outlet_name = "The Washington Post";
  washington.mangled = true;
  Citation plain;
  plain.span = t.Find("Selon");
  std::vector<QualitySignal> signals;
  Detector().Find(t.doc(), {daily, washington, plain}, 0.3, &signals);
  EXPECT_EQ(t.Texts(signals), (Texts{"Daily Postal", "Washington Put up"}));
}

}  // namespace
}  // namespace veille
