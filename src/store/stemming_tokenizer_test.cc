#include "store/stemming_tokenizer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/index_terms.h"

namespace veille {
namespace {

class StemmingTokenizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    ASSERT_TRUE(RegisterStemmingTokenizer(db_).ok());
  }
  void TearDown() override { sqlite3_close(db_); }

  std::vector<std::string> Terms(std::string_view language, std::string_view text) {
    auto analyzer = TermAnalyzer::Create(db_, language);
    EXPECT_TRUE(analyzer.ok()) << analyzer.status().ToString();
    std::vector<std::string> terms;
    (*analyzer)->Terms(text, &terms);
    return terms;
  }
  sqlite3* db_ = nullptr;
};

TEST_F(StemmingTokenizerTest, FoldsCaseAndAccentsThenStemsPerLanguage) {
  EXPECT_EQ(Terms("fr", "Les ARMÉES russes"), Terms("fr", "les armees russe"));
  EXPECT_EQ(Terms("fr", "volontaires"), Terms("fr", "Volontaire"));
  EXPECT_EQ(Terms("en", "Soldiers"), Terms("en", "soldier"));
  EXPECT_EQ(Terms("en", "running"), std::vector<std::string>{"run"});
  EXPECT_EQ(Terms("", "Running Élan"), (std::vector<std::string>{"running", "elan"}));
  EXPECT_EQ(Terms("de", "Gasspeicher"), Terms("de", "gasspeichern"));
}

TEST_F(StemmingTokenizerTest, SplitsOnPunctuationAndElisions) {
  EXPECT_EQ(Terms("", "l'armée, d’Ukraine; covid-19"),
            (std::vector<std::string>{"l", "armee", "d", "ukraine", "covid", "19"}));
}

TEST_F(StemmingTokenizerTest, HostileTextDoesNotBreakIt) {
  EXPECT_TRUE(Terms("fr", "").empty());
  EXPECT_TRUE(Terms("fr", " \n\t«»—…").empty());
  const std::string long_word(100000, 'a');
  EXPECT_EQ(Terms("fr", long_word).size(), 1u);
  EXPECT_EQ(Terms("fr", "\xF0\x9F\x98\x80 emoji \xE2\x80\x8B zero-width").size(), 3u);
  EXPECT_EQ(Terms("en", std::string("nul\0byte", 8)).size(), 2u);
}

TEST_F(StemmingTokenizerTest, LanguagesWithoutStemmerAreRejectedOrFoldedOnly) {
  EXPECT_TRUE(HasStemmer("fr"));
  EXPECT_TRUE(HasStemmer("ru"));
  EXPECT_FALSE(HasStemmer("uk"));
  EXPECT_FALSE(HasStemmer("und"));
  EXPECT_FALSE(HasStemmer(""));
  EXPECT_FALSE(TermAnalyzer::Create(db_, "xx").ok());
}

TEST_F(StemmingTokenizerTest, NameKeysAreFoldedFullAndLastNames) {
  IndexTerms terms(db_);
  std::vector<std::string> keys;
  ASSERT_TRUE(terms
                  .AddPersonKeys("Vladimir Poutine", "person:vladimir-putin",
                                 {"Vladimir Putin"}, &keys)
                  .ok());
  EXPECT_EQ(keys, (std::vector<std::string>{"person:vladimir-putin", "poutine", "putin",
                                            "vladimir poutine", "vladimir putin"}));
  EXPECT_EQ(terms.NameQueryKey("  POUTINE ").value(), "poutine");
  EXPECT_EQ(terms.NameQueryKey("person:vladimir-putin").value(), "person:vladimir-putin");
  keys.clear();
  ASSERT_TRUE(terms.AddPersonKeys("", "", {}, &keys).ok());
  EXPECT_TRUE(keys.empty());
}

TEST_F(StemmingTokenizerTest, CountedTermsMatchAcrossInflections) {
  IndexTerms terms(db_);
  std::vector<std::string> stored;
  ASSERT_TRUE(terms.AddCountedTerms("soldats ukrainiens", "fr", &stored).ok());
  auto query = terms.CountedQueryTerms("Soldat", {"fr", "en"});
  ASSERT_TRUE(query.ok());
  ASSERT_EQ(query->size(), 1u);
  bool found = false;
  for (const std::string& variant : (*query)[0]) {
    found = found || std::find(stored.begin(), stored.end(), variant) != stored.end();
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace veille
