#include "extract/name_key.h"

#include <gtest/gtest.h>

#include <string>

namespace veille {
namespace {

std::string Match(std::string_view word) {
  std::string out;
  AppendMatchForm(word, &out);
  return out;
}

struct Pair {
  const char* a;
  const char* b;
};

// Spellings of one name in several languages and transliterations.
constexpr Pair kSameName[] = {
    {"Poutine", "Putin"},
    {"Zelenski", "Zelensky"},
    {"Zelensky", "Zelenskyy"},
    {"Zelenskiy", "Zelenskyy"},
    {"Aksyonov", "Aksionov"},
    {"Aksionov", "Axionov"},
    {"Louhansk", "Luhansk"},
    {"Lougansk", "Luhansk"},
    {"Koursk", "Kursk"},
    {"Zaporozhye", "Zaporizhzhia"},
    {"Zaporijia", "Zaporizhzhia"},
    {"Tchétchénie", "Chechnya"},
    {"Tschetschenien", "Tchétchénie"},
    {"Sergueï", "Sergei"},
    {"Sergey", "Sergei"},
    {"Alexeï", "Alexei"},
    {"Alexei", "Aleksei"},
    {"Dmitri", "Dmitry"},
    {"Prokoudine", "Prokudin"},
    {"Galouchtchenko", "Halushchenko"},
    {"Tbilissi", "Tbilisi"},
    {"Argoun", "Argun"},
    {"Novossibirsk", "Novosibirsk"},
    {"Mykolaïv", "Mykolaiv"},
    {"Kharkiv", "Kharkov"},
    {"Evgueni", "Yevgeny"},
    {"Хинштейн", "Khinshtein"},
    {"Песков", "Peskov"},
    {"Зеленський", "Zelensky"},
    {"Ramzan Kadyrov", "Ramzan Kadyrow"},
    {"Vladimir Poutine", "Vladimir Putin"},
};

// Different names that a too-coarse key would merge.
constexpr Pair kDifferentNames[] = {
    {"Putin", "Patten"},     {"Marin", "Martin"},     {"Kursk", "Minsk"},
    {"Ivan", "Evan"},        {"Lomov", "Romanov"},    {"Sandu", "Sanders"},
    {"Maia Sandu", "Maia"},  {"Kyiv", "Kirov"},       {"Moscow", "Moskvich"},
    {"Donetsk", "Dnipro"},   {"Rutte", "Ruth"},       {"Tusk", "Tsk"},
};

TEST(NameKeyTest, TransliterationVariantsMatch) {
  for (const Pair& p : kSameName) {
    const std::string a = NameKey(p.a), b = NameKey(p.b);
    EXPECT_TRUE(NameKeysMatch(a, b)) << p.a << " (" << a << ") vs " << p.b << " (" << b << ")";
  }
}

TEST(NameKeyTest, DifferentNamesDoNotMatch) {
  for (const Pair& p : kDifferentNames) {
    const std::string a = NameKey(p.a), b = NameKey(p.b);
    EXPECT_FALSE(NameKeysMatch(a, b)) << p.a << " (" << a << ") vs " << p.b << " (" << b << ")";
  }
}

TEST(NameKeyTest, KeysAreReadableNormalizations) {
  EXPECT_EQ(NameKey("Vladimir Poutine"), "vladimir-putin");
  EXPECT_EQ(NameKey("Zelenskyy"), "zelenski");
  EXPECT_EQ(NameKey("Zaporijia"), "zaporizhia");
  EXPECT_EQ(NameKey("Zaporizhzhia"), "zaporizhia");
  EXPECT_EQ(NameKey("Lougansk"), "luhansk");
  EXPECT_EQ(NameKey("Alexeï"), "aleksei");
  EXPECT_EQ(NameKey("Jean-Yves Le Drian"), "zhean-ives-le-drian");
  EXPECT_EQ(NameKey("O'Brien"), "obrien");
  EXPECT_EQ(SkeletonKey("chechnia"), "chchn");
}

TEST(NameKeyTest, EmptyAndSymbolOnlyInputGiveEmptyKey) {
  EXPECT_EQ(NameKey(""), "");
  EXPECT_EQ(NameKey(" - "), "");
  EXPECT_EQ(NameKey("123"), "");
  EXPECT_FALSE(NameKeysMatch("", ""));
}

TEST(NameKeyTest, MatchFormFoldsCaseAndAccents) {
  EXPECT_EQ(Match("Géorgie"), "georgie");
  EXPECT_EQ(Match("ÉNERGIE"), "energie");
  EXPECT_EQ(Match("Jørgensen"), "jorgensen");
  EXPECT_EQ(Match("Łódź"), "lodz");
  EXPECT_EQ(Match("Straße"), "strasse");
  EXPECT_EQ(Match("d’Uppsala"), "d'uppsala");
}

TEST(NameKeyTest, CyrillicMatchFormAbsorbsCaseEndings) {
  EXPECT_EQ(Match("Курской"), Match("Курская"));
  EXPECT_EQ(Match("области"), Match("область"));
  EXPECT_EQ(Match("Харкові"), Match("Харків"));
  EXPECT_EQ(Match("Україні"), Match("Україна"));
  EXPECT_EQ(Match("Медузы"), Match("Медуза"));
  EXPECT_EQ(Match("російського"), Match("російський"));
  EXPECT_EQ(Match("ТАСС"), "тасс");  // acronyms compare literally
  EXPECT_NE(Match("Москва"), Match("Минск"));
  EXPECT_NE(Match("Місто"), Match("Мост"));
  EXPECT_EQ(Match("Хинштейна"), Match("Хинштейн"));
}

TEST(NameKeyTest, DistanceStopsAtLimit) {
  EXPECT_EQ(NameDistance("putin", "putin", 2), 0);
  EXPECT_EQ(NameDistance("putin", "paten", 1), 2);
  EXPECT_EQ(NameDistance("a", "abcdef", 2), 3);
  EXPECT_EQ(NameDistance(std::string(100, 'a'), std::string(100, 'a'), 1), 0);
}

}  // namespace
}  // namespace veille
