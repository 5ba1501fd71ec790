// Quality bar of the quotes stage on the shipped sample articles: quotes
// (text and kind) and (quote, speaker) pairs against the hand-written
// X.expected.json files, with precision and recall printed.
//
// A quote matches an expected one of the same kind whose text is equal,
// exactly or after FoldForCompare. Its speaker matches when both are null,
// when the folded last words agree ("Khinshtein" / "Alexander Khinshtein",
// "a woman in Grozny"), or when the canonical name of its speaker_id (an
// entity of the analysis) is the expected name.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "golden_support.h"

namespace veille::testing {
namespace {

std::string LastWord(std::string_view name) {
  std::string folded = FoldForCompare(name);
  for (char& c : folded) {
    if (c == '.' || c == ',') c = ' ';
  }
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  const size_t space = folded.rfind(' ');
  return space == std::string::npos ? folded : folded.substr(space + 1);
}

std::string CanonicalName(const Analysis& analysis, const std::string& id) {
  for (const Entity& e : analysis.entities) {
    if (e.id == id) return e.name;
  }
  return {};
}

bool SpeakerMatches(const Analysis& analysis, const Quote& got,
                    const nlohmann::json& want) {
  if (want.is_null()) return !got.speaker.has_value();
  if (!got.speaker.has_value()) return false;
  const std::string expected = want.get<std::string>();
  if (LastWord(*got.speaker) == LastWord(expected)) return true;
  if (FoldForCompare(*got.speaker) == FoldForCompare(expected)) return true;
  return !got.speaker_id.empty() &&
         FoldForCompare(CanonicalName(analysis, got.speaker_id)) ==
             FoldForCompare(expected);
}

struct QuoteScores {
  Score quotes;           // text and kind
  Score speakers;         // text, kind and speaker
  bool entities = false;  // whether an entity stage filled person entities
  int via_checked = 0;    // found quotes whose via was compared
  int via_right = 0;
};

QuoteScores ScoreCorpus(bool print_misses) {
  QuoteScores scores;
  for (const GoldenArticle& g : GoldenCorpus()) {
    for (const Entity& e : g.analysis.entities)
      scores.entities |= e.type == EntityType::kPerson;
    const auto& want = g.expected["quotes"];
    const auto& got = g.analysis.quotes;
    scores.quotes.expected += static_cast<int>(want.size());
    scores.speakers.expected += static_cast<int>(want.size());
    scores.quotes.predicted += static_cast<int>(got.size());
    scores.speakers.predicted += static_cast<int>(got.size());
    std::vector<bool> used(got.size(), false);
    for (const auto& w : want) {
      const std::string text = w["text"].get<std::string>();
      const std::string kind = w["kind"].get<std::string>();
      int hit = -1;
      for (size_t i = 0; i < got.size() && hit < 0; ++i) {
        if (used[i] || kind != QuoteKindName(got[i].kind)) continue;
        const std::string_view slice = g.Slice(got[i].span);
        if (slice == text || FoldForCompare(slice) == FoldForCompare(text))
          hit = static_cast<int>(i);
      }
      if (hit < 0) {
        if (print_misses)
          std::printf("  missed in %s: %s \"%s\"\n", g.name.c_str(), kind.c_str(),
                      text.c_str());
        continue;
      }
      used[hit] = true;
      ++scores.quotes.true_positives;
      ++scores.via_checked;
      const std::string want_via = w["via"].is_null() ? "" : w["via"].get<std::string>();
      if (got[hit].via.value_or("") == want_via) {
        ++scores.via_right;
      } else if (print_misses) {
        std::printf("  via in %s: want \"%s\", got \"%s\" for \"%.60s\"\n",
                    g.name.c_str(), want_via.c_str(), got[hit].via.value_or("").c_str(),
                    text.c_str());
      }
      if (SpeakerMatches(g.analysis, got[hit], w["speaker"])) {
        ++scores.speakers.true_positives;
      } else if (print_misses) {
        std::printf("  speaker in %s: want %s, got %s for \"%.60s\"\n", g.name.c_str(),
                    w["speaker"].dump().c_str(),
                    got[hit].speaker.value_or("null").c_str(), text.c_str());
      }
    }
    for (size_t i = 0; i < got.size(); ++i) {
      if (!used[i] && print_misses) {
        std::printf("  extra in %s: %s \"%s\"\n", g.name.c_str(),
                    QuoteKindName(got[i].kind),
                    std::string(g.Slice(got[i].span)).c_str());
      }
    }
  }
  return scores;
}

TEST(GoldenQuotesTest, CorpusHasQuotesOfEveryKind) {
  int direct = 0, partial = 0, reported = 0;
  for (const GoldenArticle& g : GoldenCorpus()) {
    for (const auto& q : g.expected["quotes"]) {
      direct += q["kind"] == "direct";
      partial += q["kind"] == "partial";
      reported += q["kind"] == "reported";
    }
  }
  EXPECT_GE(direct, 50);
  EXPECT_GE(partial, 5);
  EXPECT_GE(reported, 50);
}

TEST(GoldenQuotesTest, QuotesAndSpeakersMatchExpectations) {
  const QuoteScores scores = ScoreCorpus(/*print_misses=*/true);
  std::printf("%s\n", scores.quotes.ToString("quotes (text, kind)").c_str());
  std::printf("%s\n", scores.speakers.ToString("(quote, speaker) pairs").c_str());
  std::printf("via of found quotes: %d/%d\n", scores.via_right, scores.via_checked);
  EXPECT_GE(scores.quotes.Precision(), 0.9);
  EXPECT_GE(scores.quotes.Recall(), 0.9);
  EXPECT_GE(scores.via_right * 10, scores.via_checked * 9);
  // Speakers named in another language or script ("Poutine", "Хинштейн",
  // "ministère de l'Intérieur") match their expected canonical English names
  // only through the entity stage's ids. Without it the stage is held to
  // its own evidence, with a lower floor.
  const double bar = scores.entities ? 0.9 : 0.85;
  if (!scores.entities) {
    std::printf(
        "no person entities in the analysis: speaker bar %.2f (0.9 with entities)\n",
        bar);
  }
  EXPECT_GE(scores.speakers.Precision(), bar);
  EXPECT_GE(scores.speakers.Recall(), bar);
}

TEST(GoldenQuotesTest, SpansAreExactAndInsideTheText) {
  for (const GoldenArticle& g : GoldenCorpus()) {
    const size_t size = g.article.text.size();
    for (const Quote& q : g.analysis.quotes) {
      ASSERT_LE(q.span.end, size) << g.name;
      EXPECT_LT(q.span.start, q.span.end) << g.name;
      // No mark, space or attribution comma at either end.
      const std::string_view text = g.Slice(q.span);
      EXPECT_NE(text.front(), ' ') << g.name;
      EXPECT_NE(text.back(), ' ') << g.name;
      EXPECT_NE(text.back(), ',') << g.name;
      if (q.speaker.has_value()) {
        ASSERT_LE(q.speaker_span.end, size) << g.name;
        EXPECT_LT(q.speaker_span.start, q.speaker_span.end)
            << g.name << ": " << *q.speaker;
      }
      if (q.kind == QuoteKind::kPartial) {
        EXPECT_FALSE(q.speaker.has_value()) << g.name << ": " << text;
        EXPECT_TRUE(q.cue.empty()) << g.name;
        EXPECT_FALSE(q.via.has_value()) << g.name;
      }
    }
  }
}

TEST(GoldenQuotesTest, QuotesComeInDocumentOrder) {
  for (const GoldenArticle& g : GoldenCorpus()) {
    for (size_t i = 1; i < g.analysis.quotes.size(); ++i) {
      EXPECT_LE(g.analysis.quotes[i - 1].span.start, g.analysis.quotes[i].span.start)
          << g.name;
    }
  }
}

}  // namespace
}  // namespace veille::testing
