#include "quality/token_pattern.h"

#include <gtest/gtest.h>

#include "quality/quality_test_util.h"

namespace veille {
namespace {

using testing::TestDocument;

// The text of the first match of `pattern` in `text`, or "" when none.
std::string FirstMatch(const std::string& pattern, const std::string& text) {
  auto compiled = TokenPattern::Compile(pattern);
  EXPECT_TRUE(compiled.ok()) << compiled.status().ToString();
  if (!compiled.ok()) return "";
  TestDocument t(text, "fr");
  const auto& tokens = t.doc().tokens;
  for (uint32_t i = 0; i < tokens.size(); ++i) {
    const uint32_t end = compiled->MatchAt(t.doc(), t.keys(), i, static_cast<uint32_t>(tokens.size()));
    if (end != 0) return t.Slice({tokens[i].start, tokens[end - 1].end});
  }
  return "";
}

struct MatchCase {
  const char* name;
  const char* pattern;
  const char* text;
  const char* match;  // "" = no match
};

class TokenPatternTest : public ::testing::TestWithParam<MatchCase> {};

TEST_P(TokenPatternTest, Matches) {
  const MatchCase& c = GetParam();
  EXPECT_EQ(FirstMatch(c.pattern, c.text), c.match) << c.pattern << " in " << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, TokenPatternTest,
    ::testing::Values(
        MatchCase{"WordsIgnoreCase", "read more :", "READ MORE: Moscow fares rise", "READ MORE:"},
        MatchCase{"TypographicApostropheIsStraight", "cass* l'histoire",
                  "Le site a cassé l’histoire dimanche.", "cassé l’histoire"},
        MatchCase{"ElidedAlternative", "le|l' {Name} porte-parole", "Selon l'Elysée porte-parole X",
                  "l'Elysée porte-parole"},
        MatchCase{"PrefixAlternative", "tien*|tenir en haut", "Elles tiennent en haut des photos",
                  "tiennent en haut"},
        MatchCase{"NameTakesSeveralCapitalizedWords", "la {Name} a",
                  "Puis la Maison Blanche a répondu.", "la Maison Blanche a"},
        MatchCase{"NameNeedsACapital", "le {Name} porte-parole", "le kremlin porte-parole", ""},
        MatchCase{"NumberSlot", "un autre {Num}", "un autre 400 dossiers", "un autre 400"},
        MatchCase{"GapSkipsWords", "site web {Name} ... les nouvelles",
                  "Le site Web Newsweek diffuse les nouvelles.", "site Web Newsweek diffuse les nouvelles"},
        MatchCase{"GapStopsAtSentenceEnd", "site ... nouvelles",
                  "Le site ferme. Les nouvelles arrivent.", ""},
        MatchCase{"PunctuationIsAToken", "a-t-il déclaré . a déclaré",
                  "a-t-il déclaré. a déclaré le gouverneur.", "a-t-il déclaré. a déclaré"},
        MatchCase{"NoPartialWord", "dehors dans le froid", "dehors dans le froideur", ""}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(TokenPatternCompileTest, BadPatternsAreErrors) {
  for (const char* bad : {"", "   ", "{Foo} bar", "... bar", "bar ...", "a|l'histoire"}) {
    EXPECT_FALSE(TokenPattern::Compile(bad).ok()) << "'" << bad << "'";
  }
}

TEST(TokenPatternSetTest, FindsEveryPatternAtEveryPlace) {
  TokenPatternSet set;
  set.Add(TokenPattern::Compile("lire aussi").value(), 7);
  set.Add(TokenPattern::Compile("{Name} rapporte").value(), 9);
  TestDocument t("Lire aussi ceci. Le Monde rapporte que lire aussi est utile.", "fr");
  std::vector<std::pair<int, std::string>> found;
  set.FindAll(t.doc(), t.keys(), 0, static_cast<uint32_t>(t.doc().tokens.size()),
              [&](int id, uint32_t first, uint32_t end) {
                found.emplace_back(id, t.Slice({t.doc().tokens[first].start, t.doc().tokens[end - 1].end}));
              });
  const std::vector<std::pair<int, std::string>> want = {
      {7, "Lire aussi"}, {9, "Le Monde rapporte"}, {9, "Monde rapporte"}, {7, "lire aussi"}};
  EXPECT_EQ(found, want);
}

TEST(TokenKeyTest, FoldsTypographicApostrophe) {
  EXPECT_EQ(TokenKey("l’"), TokenKey("l'"));
  EXPECT_EQ(TokenKey("aujourd’hui"), TokenKey("aujourd'hui"));
  EXPECT_NE(TokenKey("le"), TokenKey("la"));
  // Longer than the folding buffer: still a key, no crash.
  const std::string long_word(1000, 'a');
  EXPECT_EQ(TokenKey(long_word + "’"), TokenKey(long_word + "’"));
}

}  // namespace
}  // namespace veille
