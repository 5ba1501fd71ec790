// Quality bar of the claims stage on the shipped sample articles: numeric
// claims (value and what is counted), who asserts them, and cited outlets,
// checked against the hand-written X.expected.json files.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "golden_support.h"

namespace veille::testing {
namespace {

std::vector<std::string> Words(const std::string& folded) {
  std::vector<std::string> out;
  std::string word;
  for (const char c : folded) {
    if (c == ' ' || c == '\'' || c == '-' || c == ',' || c == '.') {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

// The head word of what is counted: "%" for percentages; before "of", "de",
// "per", "and"... the last word in English and German ("young men",
// "polling stations"), the first elsewhere ("bureaux de vote").
std::string CountedHead(const std::string& counted, const std::string& language) {
  std::string folded = FoldForCompare(counted);
  if (folded.find('%') != std::string::npos) return "%";
  for (const char* cut : {" of ", " de ", " d'", " per ", " and ", " et ", " di ", " du "}) {
    const size_t at = folded.find(cut);
    if (at != std::string::npos) folded = folded.substr(0, at);
  }
  const std::vector<std::string> words = Words(folded);
  if (words.empty()) return "";
  return language == "en" || language == "de" ? words.back() : words.front();
}

bool SameValue(double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(b)); }

// Expected `by` is a canonical name; accept the same surname (last word)
// among the words of ours, or the canonical name of the entity ours points to.
bool SameSource(const GoldenArticle& g, const Claim& got, const nlohmann::json& want) {
  if (want.is_null()) return !got.by.has_value();
  if (!got.by) return false;
  const std::string expected = FoldForCompare(want.get<std::string>());
  for (const Entity& e : g.analysis.entities) {
    if (!got.by_id.empty() && e.id == got.by_id && FoldForCompare(e.name) == expected) return true;
  }
  const std::vector<std::string> expected_words = Words(expected);
  if (expected_words.empty()) return false;
  for (const std::string& w : Words(FoldForCompare(*got.by))) {
    if (w == expected_words.back()) return true;
  }
  return false;
}

TEST(GoldenClaimsTest, ClaimsMatchValueAndCountedAndSource) {
  Score score;
  int by_checked = 0, by_right = 0;
  for (const auto& g : GoldenCorpus()) {
    const std::string language = g.expected["language"].get<std::string>();
    const auto& want = g.expected["claims"];
    const auto& got = g.analysis.claims;
    score.expected += static_cast<int>(want.size());
    score.predicted += static_cast<int>(got.size());
    std::vector<bool> used(got.size(), false);
    for (const auto& w : want) {
      const std::string head = CountedHead(w["counted"].get<std::string>(), language);
      bool found = false;
      for (size_t i = 0; i < got.size() && !found; ++i) {
        if (used[i] || !SameValue(got[i].value, w["value"].get<double>()) ||
            CountedHead(got[i].counted, language) != head) {
          continue;
        }
        used[i] = found = true;
        ++score.true_positives;
        ++by_checked;
        if (SameSource(g, got[i], w["by"])) {
          ++by_right;
        } else {
          std::printf("  by in %s: \"%s\": got %s, want %s\n", g.name.c_str(),
                      std::string(g.Slice(got[i].span)).c_str(),
                      got[i].by ? got[i].by->c_str() : "null", w["by"].dump().c_str());
        }
      }
      if (!found) {
        std::printf("  missed claim in %s: \"%s\" (%s)\n", g.name.c_str(),
                    w["text"].get<std::string>().c_str(), w["counted"].get<std::string>().c_str());
      }
    }
    for (size_t i = 0; i < got.size(); ++i) {
      if (!used[i]) {
        std::printf("  extra claim in %s: \"%s\" = %g %s\n", g.name.c_str(),
                    std::string(g.Slice(got[i].span)).c_str(), got[i].value,
                    got[i].counted.c_str());
      }
    }
  }
  const double by_accuracy = by_checked == 0 ? 0 : double(by_right) / by_checked;
  std::printf("%s\n", score.ToString("claims").c_str());
  std::printf("claim source (by) accuracy: %.3f (%d/%d)\n", by_accuracy, by_right, by_checked);
  EXPECT_GT(score.expected, 80);
  EXPECT_GE(score.Precision(), 0.9);
  EXPECT_GE(score.Recall(), 0.9);
  EXPECT_GE(by_accuracy, 0.8);
}

TEST(GoldenClaimsTest, CitationsMatchSurfaceOutletAndRelation) {
  Score score;
  int mangled = 0;
  for (const auto& g : GoldenCorpus()) {
    const auto& want = g.expected["citations"];
    const auto& got = g.analysis.citations;
    score.expected += static_cast<int>(want.size());
    score.predicted += static_cast<int>(got.size());
    std::vector<bool> used(got.size(), false);
    for (const auto& w : want) {
      bool found = false;
      for (size_t i = 0; i < got.size() && !found; ++i) {
        if (used[i] || g.Slice(got[i].span) != w["surface"].get<std::string>() ||
            got[i].outlet_name != w["outlet"].get<std::string>() ||
            CitationRelationName(got[i].relation) != w["relation"].get<std::string>()) {
          continue;
        }
        used[i] = found = true;
        ++score.true_positives;
        EXPECT_EQ(got[i].mangled, w["mangled"].get<bool>()) << g.name << ": " << w.dump();
        mangled += got[i].mangled;
      }
      if (!found) std::printf("  missed citation in %s: %s\n", g.name.c_str(), w.dump().c_str());
    }
    for (size_t i = 0; i < got.size(); ++i) {
      if (!used[i]) {
        std::printf("  extra citation in %s: \"%s\" %s %s\n", g.name.c_str(),
                    std::string(g.Slice(got[i].span)).c_str(), got[i].outlet_name.c_str(),
                    CitationRelationName(got[i].relation));
      }
    }
  }
  std::printf("%s\n", score.ToString("citations").c_str());
  EXPECT_GT(score.expected, 40);
  EXPECT_GT(mangled, 2);
  EXPECT_GE(score.Precision(), 0.9);
  EXPECT_GE(score.Recall(), 0.9);
}

TEST(GoldenClaimsTest, ClaimAndCitationSpansAreExact) {
  for (const auto& g : GoldenCorpus()) {
    const size_t size = g.article.text.size();
    for (const Claim& c : g.analysis.claims) {
      ASSERT_LE(c.span.end, size) << g.name;
      EXPECT_LT(c.span.start, c.span.end) << g.name;
      EXPECT_FALSE(c.counted.empty() && c.qualifier == Qualifier::kExact) << g.name;
    }
    for (const Citation& c : g.analysis.citations) {
      ASSERT_LE(c.span.end, size) << g.name;
      EXPECT_FALSE(c.outlet.empty()) << g.name;
      EXPECT_EQ(c.outlet.rfind("outlet:", 0), 0u) << g.name;
    }
  }
}

}  // namespace
}  // namespace veille::testing
