#include "extract/quote_marks.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/test_document.h"

namespace veille {
namespace {

struct Found {
  std::string text;
  int parent;
  int continues;
  bool closed;
  bool operator==(const Found&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Found& f) {
  return os << "{\"" << f.text << "\", parent " << f.parent << ", continues "
            << f.continues << (f.closed ? ", closed}" : ", open}");
}

std::vector<Found> Marks(const std::string& text) {
  const testing::TokenizedText test(text);
  const Document& doc = test.doc;
  std::vector<MarkedQuote> quotes;
  FindMarkedQuotes(doc, &quotes);
  std::vector<Found> out;
  for (const MarkedQuote& q : quotes) {
    out.push_back({std::string(doc.Text(q.span)), q.parent, q.continues, q.closed});
  }
  return out;
}

using V = std::vector<Found>;

struct Case {
  const char* name;
  std::string text;
  V want;
};

TEST(QuoteMarksTest, PairsEveryStyleOfMark) {
  const std::vector<Case> cases = {
      {"guillemets with spaces",
       "« Les gens veulent voter », a-t-il dit.",
       {{"Les gens veulent voter", -1, -1, true}}},
      {"guillemets with no-break spaces",
       "«\xC2\xA0La situation reste fragile\xC2\xA0», a-t-il dit.",
       {{"La situation reste fragile", -1, -1, true}}},
      {"guillemets with narrow no-break spaces",
       "«\xE2\x80\xAF"
       "Chaque école compte\xE2\x80\xAF»",
       {{"Chaque école compte", -1, -1, true}}},
      {"guillemets without spaces",
       "«Es un mensaje claro», declaró.",
       {{"Es un mensaje claro", -1, -1, true}}},
      {"curly double quotes and a trailing comma",
       "“We cannot protect every street,” he said.",
       {{"We cannot protect every street", -1, -1, true}}},
      {"german low-high quotes",
       "„Die Versorgung ist sicher“, sagte er.",
       {{"Die Versorgung ist sicher", -1, -1, true}}},
      {"straight double quotes",
       "\"Every family understands,\" Khinshtein said.",
       {{"Every family understands", -1, -1, true}}},
      {"single quotes around apostrophes",
       "‘Kadyrov’s men don’t leave,’ said a resident of l’oblast.",
       {{"Kadyrov’s men don’t leave", -1, -1, true}}},
      {"final period stays inside",
       "She said: “Every vote matters.”",
       {{"Every vote matters.", -1, -1, true}}},
  };
  for (const Case& c : cases) EXPECT_EQ(Marks(c.text), c.want) << c.name;
}

TEST(QuoteMarksTest, ApostrophesAreNotMarks) {
  EXPECT_EQ(Marks("L’armée et l'État ; Kadyrov’s fighters and the soldiers’ families."),
            V{});
  EXPECT_EQ(Marks("Funerals fuel ‘quiet anger’ as the soldiers’ families mourn."),
            (V{{"quiet anger", -1, -1, true}}));
}

TEST(QuoteMarksTest, QuoteInsideAQuoteComesRightAfterIt) {
  EXPECT_EQ(
      Marks("« Il m'a dit : “Maman, je reviendrai.” Je n'ai rien pu faire. »"),
      (V{{"Il m'a dit : “Maman, je reviendrai.” Je n'ai rien pu faire.", -1, -1, true},
         {"Maman, je reviendrai.", 0, -1, true}}));
  EXPECT_EQ(Marks("‘My son told me: “Take your documents.” So I left,’ she said."),
            (V{{"My son told me: “Take your documents.” So I left", -1, -1, true},
               {"Take your documents.", 0, -1, true}}));
  EXPECT_EQ(Marks("He said \"go now\" and left \"quickly\"."),
            (V{{"go now", -1, -1, true}, {"quickly", -1, -1, true}}));
}

TEST(QuoteMarksTest, QuoteReopenedAtEachParagraphContinues) {
  EXPECT_EQ(
      Marks(
          "Elle a raconté :\n\n« Il venait de finir ses études.\n\n« Puis plus rien.\n\n"
          "« Je ne suis pas la seule. »\n\nLe reste de l'article."),
      (V{{"Il venait de finir ses études.", -1, -1, false},
         {"Puis plus rien.", -1, 0, false},
         {"Je ne suis pas la seule.", -1, 1, true}}));
  EXPECT_EQ(
      Marks("He told the Guardian: “His power rests on fear.\n\n“If losses rise, he "
            "must choose.”"),
      (V{{"His power rests on fear.", -1, -1, false},
         {"If losses rise, he must choose.", -1, 0, true}}));
}

TEST(QuoteMarksTest, UnclosedMarkStopsAtItsParagraph) {
  EXPECT_EQ(
      Marks("Un soldat a témoigné : « On envoie encore des gamins.\n\nLe Kremlin n'a pas "
            "commenté « ces appels » hier."),
      (V{{"On envoie encore des gamins.", -1, -1, false}, {"ces appels", -1, -1, true}}));
  // A later paragraph that does not open with a mark does not continue it.
  const V second = Marks("« Début sans fin.\n\nTexte. « Autre » fin.");
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(second[1].continues, -1);
}

TEST(QuoteMarksTest, StrayClosingMarksAreIgnored) {
  EXPECT_EQ(Marks("Texte » sans ouverture ” ni ’ rien."), V{});
  EXPECT_EQ(Marks("» « fin »"), (V{{"fin", -1, -1, true}}));
}

TEST(QuoteMarksTest, EmptyAndMarkOnlyInputs) {
  EXPECT_EQ(Marks(""), V{});
  EXPECT_EQ(Marks("« »"), V{});
  EXPECT_EQ(Marks("“,”"), V{});
}

}  // namespace
}  // namespace veille
