// Language identification of documents and sentences, and other-language
// spans, through the whole Analyzer (the real data directory).
#include <gtest/gtest.h>

#include "golden_support.h"

namespace veille::testing {
namespace {

struct LanguageCase {
  const char* name;
  const char* text;
  const char* language;
};

class DocumentLanguageTest : public ::testing::TestWithParam<LanguageCase> {};

TEST_P(DocumentLanguageTest, Detects) {
  const Analysis a = AnalyzeText(GetParam().text);
  EXPECT_EQ(a.language, GetParam().language);
}

INSTANTIATE_TEST_SUITE_P(
    SevenLanguages, DocumentLanguageTest,
    ::testing::Values(
        LanguageCase{"French", "Le gouvernement a annoncé mardi de nouvelles mesures pour les familles "
                               "des soldats mobilisés dans la région.", "fr"},
        LanguageCase{"English", "The government announced new measures on Tuesday for the families "
                                "of soldiers mobilised in the region.", "en"},
        LanguageCase{"German", "Die Regierung hat am Dienstag neue Maßnahmen für die Familien der "
                               "mobilisierten Soldaten in der Region angekündigt.", "de"},
        LanguageCase{"Spanish", "El gobierno anunció el martes nuevas medidas para las familias de "
                                "los soldados movilizados en la región.", "es"},
        LanguageCase{"Italian", "Il governo ha annunciato martedì nuove misure per le famiglie dei "
                                "soldati mobilitati nella regione.", "it"},
        LanguageCase{"Russian", "Правительство во вторник объявило о новых мерах для семей "
                                "мобилизованных солдат в регионе.", "ru"},
        LanguageCase{"Ukrainian", "Уряд у вівторок оголосив про нові заходи для сімей мобілізованих "
                                  "солдатів у регіоні.", "uk"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(SentenceLanguageTest, EnglishQuoteInFrenchArticleIsMarkedEnglish) {
  Article article;
  const Analysis a = AnalyzeText(
      "Le ministre a rencontré les représentants des familles lundi à Paris. Il a promis une "
      "réponse rapide aux demandes des associations. Then the spokesman said that the government "
      "would not change its position on the matter. La réunion a duré trois heures.",
      &article);
  ASSERT_EQ(a.sentences.size(), 4u);
  EXPECT_EQ(a.language, "fr");
  EXPECT_EQ(a.sentences[0].language, "fr");
  EXPECT_EQ(a.sentences[2].language, "en");
  EXPECT_EQ(a.sentences[3].language, "fr");
}

TEST(LanguageSpanTest, EnglishWordsLeftInFrenchSentence) {
  Article article;
  const Analysis a = AnalyzeText(
      "Les soldats sur les lignes de entrance ont demandé de l'aide, as well as des munitions "
      "supplémentaires pour tenir la position.",
      &article);
  std::vector<std::string> spans;
  for (const auto& s : a.language_spans) spans.emplace_back(s.span.In(article.text));
  EXPECT_EQ(spans, (std::vector<std::string>{"entrance", "as well as"}));
}

TEST(LanguageSpanTest, NamesLoanwordsAndAcronymsAreNotForeign) {
  Article article;
  const Analysis a = AnalyzeText(
      "Le leader du parti a passé le week-end à Londres avec John Smith, selon un e-mail publié "
      "sur Telegram et repris par la BBC.",
      &article);
  EXPECT_TRUE(a.language_spans.empty()) << a.language_spans.size();
}

TEST(LanguageSpanTest, CyrillicWordInsideFrenchSentence) {
  Article article;
  const Analysis a = AnalyzeText(
      "Le slogan officiel, победа, était affiché partout dans la ville occupée depuis des mois.",
      &article);
  ASSERT_EQ(a.language_spans.size(), 1u);
  EXPECT_EQ(a.language_spans[0].span.In(article.text), "победа");
  EXPECT_EQ(a.language_spans[0].language, "ru");
}

}  // namespace
}  // namespace veille::testing

namespace veille::testing {
namespace {

TEST(OffsetMappingTest, SpansOverDecomposedInputSliceTheOriginalBytes) {
  // Decomposed accents (NFD), as some scrapers produce.
  const std::string text =
      "Le pre\xCC\x81sident a parle\xCC\x81 lundi. Les de\xCC\x81pute\xCC\x81s ont vote\xCC\x81.";
  Article article;
  const Analysis a = AnalyzeText(text, &article);
  ASSERT_EQ(article.text, text);
  ASSERT_EQ(a.sentences.size(), 2u);
  EXPECT_EQ(a.sentences[0].span.In(article.text), "Le pre\xCC\x81sident a parle\xCC\x81 lundi.");
  EXPECT_EQ(a.sentences[1].span.In(article.text),
            "Les de\xCC\x81pute\xCC\x81s ont vote\xCC\x81.");
  EXPECT_EQ(a.sentences[1].span.end, text.size());
}

}  // namespace
}  // namespace veille::testing
