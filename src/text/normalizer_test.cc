#include "text/normalizer.h"

#include <gtest/gtest.h>

namespace veille {
namespace {

TEST(NormalizerTest, PrecomposedTextIsLeftAlone) {
  std::string normalized;
  std::vector<uint32_t> map;
  EXPECT_TRUE(NormalizeNfc("Tchétchénie, Zaporijia — « déjà »", &normalized, &map));
  EXPECT_TRUE(normalized.empty());
  EXPECT_TRUE(map.empty());
}

TEST(NormalizerTest, DecomposedAccentsAreComposedAndMappedBack) {
  // "Tche\u0301tche\u0301nie": e + combining acute, twice.
  const std::string text = "La Tche\xCC\x81tche\xCC\x81nie est loin";
  std::string normalized;
  std::vector<uint32_t> map;
  ASSERT_FALSE(NormalizeNfc(text, &normalized, &map));
  EXPECT_EQ(normalized, "La Tchétchénie est loin");
  ASSERT_EQ(map.size(), normalized.size() + 1);
  // "Tchétchénie" in the normalized text maps to the original bytes.
  const size_t start = normalized.find("Tch");
  const size_t end = start + std::string("Tchétchénie").size();
  EXPECT_EQ(text.substr(map[start], map[end] - map[start]), "Tche\xCC\x81tche\xCC\x81nie");
  EXPECT_EQ(map[normalized.size()], text.size());
  // "est" after the name keeps its own offset.
  EXPECT_EQ(text.substr(map[normalized.find("est")], 3), "est");
}

TEST(NormalizerTest, CompatibilitySingletonsAreNormalized) {
  std::string normalized;
  std::vector<uint32_t> map;
  // U+212B ANGSTROM SIGN becomes U+00C5 under NFC.
  ASSERT_FALSE(NormalizeNfc("10 \xE2\x84\xAB", &normalized, &map));
  EXPECT_EQ(normalized, "10 \xC3\x85");
  EXPECT_EQ(map[3], 3u);
  EXPECT_EQ(map[5], 6u);
}

}  // namespace
}  // namespace veille
