#include "store/fts_query.h"

#include <gtest/gtest.h>

namespace veille {
namespace {

TEST(FtsQueryTest, SyntaxPassesThroughAndPunctuatedWordsBecomePhrases) {
  const std::pair<const char*, const char*> cases[] = {
      {"soldats", "soldats"},
      {"armée russe", "armée russe"},
      {"\"prices rose\"", "\"prices rose\""},
      {"\"say \"\"no\"\"\"", "\"say \"\"no\"\"\""},
      {"soldat*", "soldat*"},
      {"Kursk OR Koursk", "Kursk OR Koursk"},
      {"NEAR(Putin Kursk, 5)", "NEAR(Putin Kursk, 5)"},
      {"title:gas", "title:gas"},
      {"^Putin", "^Putin"},
      {"covid-19", "\"covid-19\""},
      {"l'armée", "\"l'armée\""},
      {"d’armées",
       "d’armées"},  // U+2019 is a bare-word character; the tokenizer splits it
      {"U.S. troops", "\"U.S.\" troops"},
      {"title:covid-19", "title:\"covid-19\""},
      {"covid-19*", "\"covid-19\"*"},
      {"Kursk, Belgorod", "Kursk  Belgorod"},
      {"", ""},
  };
  for (const auto& [query, expected] : cases) {
    auto rewritten = RewriteSearchQuery(query);
    ASSERT_TRUE(rewritten.ok()) << query;
    EXPECT_EQ(*rewritten, expected) << query;
  }
}

TEST(FtsQueryTest, UnbalancedDoubleQuoteNamesWhereThePhraseStarts) {
  for (const char* query : {"\"open", "a \"b", "\"a\" \"b", "\"\"\""}) {
    auto rewritten = RewriteSearchQuery(query);
    ASSERT_FALSE(rewritten.ok()) << query;
    EXPECT_EQ(rewritten.status().code(), Status::Code::kInvalidArgument);
    EXPECT_NE(rewritten.status().message().find("not closed"), std::string::npos);
  }
  EXPECT_NE(RewriteSearchQuery("a \"b").status().message().find("character 3"),
            std::string::npos);
}

TEST(FtsQueryTest, SqliteErrorsAreExplained) {
  const std::pair<const char*, const char*> cases[] = {
      {"db: step: fts5: syntax error near \"AND\"", "syntax error near \"AND\""},
      {"db: step: fts5: syntax error near \"\"", "the query ends where a word"},
      {"db: step: no such column: foo", "\"foo:\" names no field"},
      {"db: step: unknown special query: ", "cannot start with *"},
      {"db: step: something else", "something else"},
  };
  for (const auto& [message, explanation] : cases) {
    const Status status = ExplainQueryError("the query", message);
    EXPECT_EQ(status.code(), Status::Code::kInvalidArgument);
    EXPECT_NE(status.message().find("bad query 'the query'"), std::string::npos);
    EXPECT_NE(status.message().find(explanation), std::string::npos) << status.message();
  }
}

}  // namespace
}  // namespace veille
