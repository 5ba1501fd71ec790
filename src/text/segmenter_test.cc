#include "text/segmenter.h"

#include <gtest/gtest.h>

#include "text/tokenizer.h"

namespace veille {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  Article article;
  article.text = text;
  Document doc;
  doc.article = &article;
  doc.text = article.text;
  Tokenize(&doc);
  SplitParagraphs(&doc);
  SplitSentences(&doc);
  std::vector<std::string> out;
  for (const auto& s : doc.sentences) out.emplace_back(doc.Text(s.span));
  return out;
}

std::vector<std::string> Paragraphs(const std::string& text) {
  Article article;
  article.text = text;
  Document doc;
  doc.text = article.text;
  SplitParagraphs(&doc);
  std::vector<std::string> out;
  for (const auto& p : doc.paragraphs) out.emplace_back(doc.Text(p));
  return out;
}

using V = std::vector<std::string>;

TEST(SegmenterTest, FrenchHonorificsDoNotEndSentences) {
  EXPECT_EQ(Sentences("M. Aksyonov a parlé. Mme Lagarde a répondu."),
            (V{"M. Aksyonov a parlé.", "Mme Lagarde a répondu."}));
}

TEST(SegmenterTest, EnglishAbbreviationsAndAcronyms) {
  EXPECT_EQ(Sentences("Dr. Ellis met U.S. officials on St. Patrick's day. They left."),
            (V{"Dr. Ellis met U.S. officials on St. Patrick's day.", "They left."}));
  EXPECT_EQ(Sentences("He flew to the U.S. The talks failed."),
            (V{"He flew to the U.S.", "The talks failed."}));
}

TEST(SegmenterTest, NumbersWithSeparatorsStayWhole) {
  EXPECT_EQ(Sentences("Il y a 1,5 million de réfugiés et 12.000 soldats. Ensuite rien."),
            (V{"Il y a 1,5 million de réfugiés et 12.000 soldats.", "Ensuite rien."}));
}

TEST(SegmenterTest, LowercaseAfterPeriodStartsSloppySentence) {
  EXPECT_EQ(Sentences("« Non », a-t-il déclaré. a déclaré le ministre."),
            (V{"« Non », a-t-il déclaré.", "a déclaré le ministre."}));
  EXPECT_EQ(Sentences("Des chars, des obus, etc. sont arrivés."),
            (V{"Des chars, des obus, etc. sont arrivés."}));
}

TEST(SegmenterTest, StraightQuoteAfterPeriodOpensNextSentence) {
  EXPECT_EQ(Sentences("He left. \"We stay,\" she said. \"Really.\""),
            (V{"He left.", "\"We stay,\" she said.", "\"Really.\""}));
}

TEST(SegmenterTest, UnclosedQuoteDoesNotGlueTheParagraph) {
  EXPECT_EQ(Sentences("Il a dit : « Nous partons. Ensuite rien. Fin."),
            (V{"Il a dit : « Nous partons.", "Ensuite rien.", "Fin."}));
}

TEST(SegmenterTest, ClosingQuoteFollowedByAttributionContinues) {
  EXPECT_EQ(Sentences("« Nous avançons. Ils reculent », a déclaré le général. Puis il est parti."),
            (V{"« Nous avançons. Ils reculent », a déclaré le général.", "Puis il est parti."}));
  EXPECT_EQ(Sentences("“Where are they?” she asked. Nobody knew."),
            (V{"“Where are they?” she asked.", "Nobody knew."}));
}

TEST(SegmenterTest, EllipsisInsideSentenceBeforeLowercase) {
  EXPECT_EQ(Sentences("Il doit prouver… que l'Etat tient. La suite viendra."),
            (V{"Il doit prouver… que l'Etat tient.", "La suite viendra."}));
}

TEST(SegmenterTest, LinesWithoutPunctuationStandAlone) {
  EXPECT_EQ(Sentences("Le titre sans point\nPar Claire Martin\n\nLe texte commence ici."),
            (V{"Le titre sans point", "Par Claire Martin", "Le texte commence ici."}));
}

TEST(SegmenterTest, ParagraphsSplitOnBlankAndSingleLines) {
  EXPECT_EQ(Paragraphs("Titre\n\nUn.\nDeux.\n\n\nTrois"), (V{"Titre", "Un.", "Deux.", "Trois"}));
}

TEST(SegmenterTest, HardWrappedLinesAreJoined) {
  EXPECT_EQ(Paragraphs("Le ministre a annoncé que les troupes\nresteraient sur place."),
            (V{"Le ministre a annoncé que les troupes\nresteraient sur place."}));
}

TEST(TokenizerTest, ElisionsPossessivesAndNumbers) {
  Article article;
  article.text = "l'armée de Kadyrov's men: 1 200 soldats, 30\u202F000 morts et 580e division";
  Document doc;
  doc.text = article.text;
  Tokenize(&doc);
  std::vector<std::string> words;
  for (const Token& t : doc.tokens) words.emplace_back(doc.Text(t));
  EXPECT_EQ(words, (V{"l'", "armée", "de", "Kadyrov", "'s", "men", ":", "1 200", "soldats", ",",
                      "30\u202F000", "morts", "et", "580e", "division"}));
  EXPECT_EQ(doc.tokens[7].kind, TokenKind::kNumber);
  EXPECT_EQ(doc.tokens[13].kind, TokenKind::kWord);
  EXPECT_TRUE(doc.tokens[13].Has(kHasDigit));
}

TEST(TokenizerTest, YearIsNotJoinedToFollowingNumber) {
  Article article;
  article.text = "en 2022 300 soldats";
  Document doc;
  doc.text = article.text;
  Tokenize(&doc);
  ASSERT_EQ(doc.tokens.size(), 4u);
  EXPECT_EQ(doc.Text(doc.tokens[1]), "2022");
}

}  // namespace
}  // namespace veille
