// Foreign spans inside sentences: homographs, name particles and quoted
// titles (see data/lexicon/homographs_fr.tsv and name_particles.txt).
#include "text/language_id.h"

#include <gtest/gtest.h>

#include "golden_support.h"

namespace veille {
namespace {

// The texts of the language spans of a one-paragraph French article.
std::vector<std::string> Spans(const std::string& sentence) {
  Article article;
  const Analysis a = testing::AnalyzeText("Titre\n\n" + sentence + "\n", &article);
  std::vector<std::string> texts;
  for (const auto& s : a.language_spans) texts.emplace_back(s.span.In(article.text));
  return texts;
}

struct SpanCase {
  const char* name;
  const char* sentence;
  std::vector<std::string> spans;
};

class ForeignSpanTest : public ::testing::TestWithParam<SpanCase> {};

TEST_P(ForeignSpanTest, Finds) { EXPECT_EQ(Spans(GetParam().sentence), GetParam().spans); }

INSTANTIATE_TEST_SUITE_P(
    Table, ForeignSpanTest,
    ::testing::Values(
        SpanCase{"HomographWithoutItsFrenchUse",
                 "Nous voulons juste que nos maris reviennent home sains et saufs.",
                 {"home"}},
        SpanCase{"HomographInItsFrenchUse",
                 "Il a agi dans le but de rassurer les habitants, qui ont gagné le premier set.", {}},
        SpanCase{"EnglishButBetweenClauses", "Les troupes ont avancé, but les pertes sont lourdes.",
                 {"but"}},
        SpanCase{"FrenchVerbHomograph", "Les arbres vont border la route qui mène au village.", {}},
        SpanCase{"HomographJoinsAnEnglishRun", "Ils gardent les villages along the border avec la Russie.",
                 {"along the border"}},
        SpanCase{"NameParticles", "La présidente de la Commission, Ursula von der Leyen, a rencontré mardi le prince "
                 "Mohammed bin Salman dans la capitale saoudienne.", {}},
        SpanCase{"QuotedEnglishTitle", "La série « House of Cards » a été diffusée sur la chaîne.", {}},
        SpanCase{"QuotedEnglishWords", "Il a lu “The Catcher in the Rye” pendant les vacances.", {}},
        SpanCase{"QuoteMixingLanguagesKeepsTheLeftover",
                 "« Chaque famille comprend ce qui est at stake », a-t-il dit.", {"at stake"}},
        SpanCase{"Loanwords", "Le leader a passé le week-end en streaming sur Telegram.", {}}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace veille
