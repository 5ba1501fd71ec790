// Quality bar of the entities stage on the shipped sample corpus: every
// mention of examples/articles/*.expected.json and examples/feeds/
// wire.jsonl.expected (span text + canonical name + type), and the
// cross-language agreement of the salient entities of an article and its
// translation or same-story counterpart (examples/articles/STORIES.json).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "golden_support.h"
#include "test_support.h"
#include "veille/analysis.h"

namespace veille::testing {
namespace {

// An analysed document with its expected entities.
struct Sample {
  std::string name;  // file name, or "wire.jsonl#<id>"
  std::string text;
  Analysis analysis;
  nlohmann::json expected;  // array of expected entities
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The articles, then the wire items (annotated as title + "\n\n" + text).
const std::vector<Sample>& Samples() {
  static const std::vector<Sample> samples = [] {
    std::vector<Sample> out;
    for (const GoldenArticle& g : GoldenCorpus()) {
      out.push_back({g.name, g.article.text, g.analysis, g.expected["entities"]});
    }
    const std::string dir = std::string(VEILLE_SOURCE_DIR) + "/examples/feeds/";
    std::map<std::string, nlohmann::json> expected;
    std::istringstream exp(ReadAll(dir + "wire.jsonl.expected"));
    for (std::string line; std::getline(exp, line);) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line);
      expected[j["id"].get<std::string>()] = j["entities"];
    }
    std::istringstream wire(ReadAll(dir + "wire.jsonl"));
    for (std::string line; std::getline(wire, line);) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line);
      const std::string id = j["id"].get<std::string>();
      if (!expected.count(id)) continue;
      Sample s;
      s.name = "wire.jsonl#" + id;
      s.text = j["title"].get<std::string>() + "\n\n" + j["text"].get<std::string>();
      s.analysis = AnalyzeText(s.text);
      s.expected = expected[id];
      out.push_back(std::move(s));
    }
    return out;
  }();
  return samples;
}

struct Key {
  std::string text, name, type;
  bool demonym = false;
  bool operator<(const Key& o) const {
    return std::tie(text, name, type, demonym) < std::tie(o.text, o.name, o.type, o.demonym);
  }
};

// Matches predicted and expected mentions as multisets of (text, name, type).
Score ScoreEntities(bool with_demonyms, bool print_errors) {
  Score score;
  for (const Sample& s : Samples()) {
    std::multiset<Key> want, got;
    for (const auto& e : s.expected) {
      const bool demonym = e.value("demonym", false);
      if (!with_demonyms && demonym) continue;
      want.insert({e["text"].get<std::string>(), e["name"].get<std::string>(),
                   e["type"].get<std::string>(), demonym});
    }
    for (const Entity& e : s.analysis.entities) {
      if (!with_demonyms && e.demonym) continue;
      got.insert({std::string(e.span.In(s.text)), e.name, EntityTypeName(e.type), e.demonym});
    }
    score.expected += static_cast<int>(want.size());
    score.predicted += static_cast<int>(got.size());
    std::multiset<Key> missing = want;
    for (const Key& k : got) {
      auto it = missing.find(k);
      if (it != missing.end()) {
        ++score.true_positives;
        missing.erase(it);
      } else if (print_errors) {
        std::printf("  extra in %s: %s [%s, %s]\n", s.name.c_str(), k.text.c_str(),
                    k.name.c_str(), k.type.c_str());
      }
    }
    if (print_errors) {
      for (const Key& k : missing) {
        std::printf("  missed in %s: %s [%s, %s]\n", s.name.c_str(), k.text.c_str(),
                    k.name.c_str(), k.type.c_str());
      }
    }
  }
  return score;
}

TEST(GoldenEntitiesTest, MentionsMatchTheExpectedFiles) {
  const Score all = ScoreEntities(/*with_demonyms=*/true, /*print_errors=*/true);
  const Score names = ScoreEntities(/*with_demonyms=*/false, /*print_errors=*/false);
  std::printf("%s\n", all.ToString("entities").c_str());
  std::printf("%s\n", names.ToString("entities without demonyms").c_str());
  EXPECT_GT(all.expected, 600);
  EXPECT_GE(all.Precision(), 0.9);
  EXPECT_GE(all.Recall(), 0.9);
  EXPECT_GE(names.Precision(), 0.9);
  EXPECT_GE(names.Recall(), 0.9);
}

TEST(GoldenEntitiesTest, SpansAreExactOrderedAndDisjoint) {
  for (const Sample& s : Samples()) {
    const auto& entities = s.analysis.entities;
    for (size_t i = 0; i < entities.size(); ++i) {
      const Entity& e = entities[i];
      ASSERT_LE(e.span.end, s.text.size()) << s.name;
      EXPECT_LT(e.span.start, e.span.end) << s.name;
      EXPECT_FALSE(e.id.empty()) << s.name;
      EXPECT_FALSE(e.name.empty()) << s.name;
      const std::string_view text = e.span.In(s.text);
      EXPECT_NE(text.front(), ' ') << s.name;
      EXPECT_NE(text.back(), ' ') << s.name;
      if (i > 0) {
        EXPECT_LE(entities[i - 1].span.end, e.span.start) << s.name;
      }
    }
  }
}

TEST(GoldenEntitiesTest, OneIdPerCanonicalNameAcrossTheCorpus) {
  // Poutine and Putin, Zelenski and Zelenskyy, Koursk and Kursk: one id each.
  std::map<std::string, std::set<std::string>> ids_by_name;
  for (const Sample& s : Samples()) {
    for (const Entity& e : s.analysis.entities) ids_by_name[e.name].insert(e.id);
  }
  for (const auto& [name, ids] : ids_by_name) {
    EXPECT_EQ(ids.size(), 1u) << name << " has " << ids.size() << " ids, e.g. " << *ids.begin()
                              << " and " << *ids.rbegin();
  }
}

// "Salient" = the first kSalient ids of entity_summary, which ranks an
// article's entities by mentions, with extra weight for the title and the
// lead paragraph (authors in the byline do not count): the story's main who
// and where. A French article and its English counterpart share their
// salient ids when at least 80% of the two salient lists, pooled, are
// mentioned in the other article. Independent rewrites legitimately differ
// below the top (en_chechnya_funerals says "Russia", its French rewrite never
// does), so the other article's mentions, not its own top list, are compared.
constexpr size_t kSalient = 3;

std::vector<std::string> SalientIds(const Analysis& a) {
  std::vector<std::string> ids;
  for (const auto& item : a.entity_summary) {
    if (ids.size() == kSalient) break;
    ids.push_back(item.id);
  }
  return ids;
}

std::set<std::string> MentionedIds(const Analysis& a) {
  std::set<std::string> ids;
  for (const Entity& e : a.entities) ids.insert(e.id);
  return ids;
}

TEST(GoldenEntitiesTest, TranslationsShareTheirSalientEntities) {
  const auto stories = nlohmann::json::parse(
      ReadAll(std::string(VEILLE_SOURCE_DIR) + "/examples/articles/STORIES.json"));
  std::map<std::string, const Sample*> by_name;
  for (const Sample& s : Samples()) by_name[s.name] = &s;
  // Translations, and every French-English pair of a story group.
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& p : stories["translations"]) {
    pairs.insert({p[0].get<std::string>(), p[1].get<std::string>()});
  }
  for (const auto& group : stories["stories"]) {
    for (size_t i = 0; i < group.size(); ++i) {
      for (size_t j = i + 1; j < group.size(); ++j) {
        pairs.insert({group[i].get<std::string>(), group[j].get<std::string>()});
      }
    }
  }
  int checked = 0;
  double worst = 1;
  for (const auto& [name_a, name_b] : pairs) {
    ASSERT_TRUE(by_name.count(name_a) && by_name.count(name_b)) << name_a << " " << name_b;
    const Analysis& a = by_name[name_a]->analysis;
    const Analysis& b = by_name[name_b]->analysis;
    const std::set<std::string> langs = {a.language, b.language};
    if (langs != std::set<std::string>{"en", "fr"}) continue;
    const auto salient_a = SalientIds(a), salient_b = SalientIds(b);
    ASSERT_FALSE(salient_a.empty() || salient_b.empty()) << name_a << " " << name_b;
    const auto mentioned_a = MentionedIds(a), mentioned_b = MentionedIds(b);
    size_t shared = 0, top_shared = 0;
    for (const std::string& id : salient_a) {
      shared += mentioned_b.count(id);
      top_shared += std::count(salient_b.begin(), salient_b.end(), id);
    }
    for (const std::string& id : salient_b) shared += mentioned_a.count(id);
    const double ratio = static_cast<double>(shared) / (salient_a.size() + salient_b.size());
    worst = std::min(worst, ratio);
    std::printf("  salient shared %.2f (same top %zu: %zu)  %s ~ %s\n", ratio, kSalient,
                top_shared, name_a.c_str(), name_b.c_str());
    EXPECT_GE(ratio, 0.8) << name_a << " ~ " << name_b;
    ++checked;
  }
  std::printf("French-English pairs: %d, worst salient share %.2f (top %zu)\n", checked, worst,
              kSalient);
  EXPECT_GE(checked, 8);
}

}  // namespace
}  // namespace veille::testing
