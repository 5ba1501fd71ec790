#include "extract/outlet_catalog.h"

#include <gtest/gtest.h>

#include "extract/test_document.h"
#include "test_support.h"

namespace veille {
namespace {

using Doc = testing::TestDocument;

std::unique_ptr<OutletCatalog> Catalog(const std::string& rows) {
  testing::TempDir dir;
  dir.Write("outlets/outlets.tsv", "# header\n" + rows);
  auto loaded = OutletCatalog::Load(dir.path());
  if (!loaded.ok()) throw std::runtime_error(loaded.status().ToString());
  return std::move(loaded).value();
}

TEST(OutletCatalogTest, ShippedCatalogLoads) {
  auto loaded = OutletCatalog::Load(testing::SourceDir() + "/data");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_GT((*loaded)->size(), 0u);
}

TEST(OutletCatalogTest, UppercaseFormsMatchOnlyTheirCase) {
  const auto catalog = Catalog(
      "outlet:x\tX\tplatform\t-\tX|Twitter\t-\n"
      "outlet:ap\tAP\tagency\tus\tAP\t-\n"
      "outlet:telegram\tTelegram\tplatform\t-\tTelegram|chaîne Telegram\t-\n");
  Doc d("sur X et x, AP et ap, sa chaîne Telegram, telegram, Telegram-канале");
  EXPECT_EQ(catalog->Find(d.doc, 1, 30).outlet->id, "outlet:x");
  EXPECT_FALSE(catalog->Find(d.doc, 3, 30));  // "x"
  EXPECT_EQ(catalog->Find(d.doc, 5, 30).outlet->id, "outlet:ap");
  EXPECT_FALSE(catalog->Find(d.doc, 7, 30));        // "ap"
  const auto chain = catalog->Find(d.doc, 10, 30);  // "chaîne Telegram"
  EXPECT_EQ(chain.length, 2u);
  EXPECT_TRUE(catalog->Find(d.doc, 13, 30));  // "telegram"
  EXPECT_TRUE(catalog->Find(d.doc, 15, 30));  // "Telegram-канале"
}

TEST(OutletCatalogTest, MangledFormsAreMarked) {
  const auto catalog = Catalog(
      "outlet:washington-post\tThe Washington Post\toutlet\tus\tWashington "
      "Post\tWashington Put "
      "up\n");
  Doc d("Le Washington Put up a rendu compte.");
  const auto m = catalog->Find(d.doc, 1, 10);
  ASSERT_TRUE(m);
  EXPECT_EQ(m.length, 3u);
  EXPECT_TRUE(m.mangled);
  EXPECT_EQ(m.outlet->name, "The Washington Post");
}

TEST(OutletCatalogTest, BadRowNamesTheLine) {
  testing::TempDir dir;
  dir.Write("outlets/outlets.tsv", "# header\noutlet:x\tX\n");
  auto loaded = OutletCatalog::Load(dir.path());
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("outlets.tsv:2:"), std::string::npos);
}

}  // namespace
}  // namespace veille
