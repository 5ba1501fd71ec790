#include "quality/translationese.h"

#include <gtest/gtest.h>

#include "quality/quality_test_util.h"

namespace veille {
namespace {

using testing::QualityDataDir;
using testing::TestDocument;
using Texts = std::vector<std::string>;

const TranslationeseDetector& Detector() {
  static const auto detector = TranslationeseDetector::Load(QualityDataDir());
  EXPECT_TRUE(detector.ok()) << detector.status().ToString();
  return *detector.value();
}

Texts Calques(const std::string& text, const std::string& language = "fr") {
  TestDocument t(text, language);
  std::vector<QualitySignal> signals;
  Detector().Find(t.doc(), t.keys(), &signals);
  for (const auto& s : signals) {
    EXPECT_EQ(s.kind, "translationese");
    EXPECT_GT(s.weight, 0);
    EXPECT_LE(s.weight, TranslationeseDetector::kMaxSentenceWeight);
    EXPECT_FALSE(s.why.empty());
  }
  return t.Texts(signals);
}

TEST(TranslationeseTest, DoubledAttribution) {
  EXPECT_EQ(Calques("« Nous tiendrons », a-t-elle ajouté. a dit la ministre."),
            (Texts{"a-t-elle ajouté. a dit"}));
}

TEST(TranslationeseTest, StoryCalques) {
  EXPECT_EQ(Calques("Le quotidien Le Soir a cassé l'histoire lundi.\n\nLe portail X transporte l’histoire."),
            (Texts{"cassé l'histoire", "transporte l’histoire"}));
}

TEST(TranslationeseTest, EnglishWordOrderForRoles) {
  EXPECT_EQ(Calques("Le Pentagone porte-parole John Kirby a refusé."),
            (Texts{"Le Pentagone porte-parole John Kirby"}));
  // French order, and "Premier ministre", are fine.
  EXPECT_TRUE(Calques("Le porte-parole du Kremlin Dmitri Peskov a refusé. Le Premier ministre "
                      "Keir Starmer a répondu.")
                  .empty());
}

TEST(TranslationeseTest, SeveralCalquesInOneSentenceMakeOneSignal) {
  const Texts found = Calques("Le Kremlin porte-parole Dmitry Peskov a décliné de commenter sur le sujet.");
  EXPECT_EQ(found, (Texts{"Le Kremlin porte-parole Dmitry Peskov a décliné de commenter sur"}));
}

TEST(TranslationeseTest, IdiomaticFrenchIsClean) {
  EXPECT_TRUE(Calques("Il a déclaré que la situation était grave. Puis il est parti. Selon l'AFP, "
                      "les habitants sont restés dehors toute la nuit. Elle tient à sa maison. "
                      "L'histoire de la ville est longue. Les nouvelles sont mauvaises. "
                      "Dans le but de rassurer, il a refusé de commenter.")
                  .empty());
}

TEST(TranslationeseTest, RowsApplyToTheirLanguageOnly) {
  EXPECT_TRUE(Calques("a-t-il déclaré. a déclaré le gouverneur.", "en").empty());
  EXPECT_EQ(Calques("\"We will stay,\" he said. said the governor.", "en"), (Texts{"he said. said"}));
  EXPECT_TRUE(Calques("a-t-il déclaré. a déclaré le gouverneur.", "de").empty());
}

TEST(TranslationeseTest, EmptyText) { EXPECT_TRUE(Calques("").empty()); }

}  // namespace
}  // namespace veille
