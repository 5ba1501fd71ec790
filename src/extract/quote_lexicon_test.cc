#include "extract/quote_lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/quote_finder.h"
#include "extract/test_document.h"
#include "test_support.h"

namespace veille {
namespace {

using Doc = testing::TokenizedText;

const QuoteLexicons& Shipped() {
  static const std::unique_ptr<QuoteLexicons> lexicons = [] {
    auto loaded = QuoteLexicons::Load(testing::SourceDir() + "/data");
    if (!loaded.ok()) throw std::runtime_error(loaded.status().ToString());
    return std::move(loaded).value();
  }();
  return *lexicons;
}

TEST(QuoteLexiconTest, ShipsFrenchEnglishAndFiveMoreLanguages) {
  for (const char* lang : {"fr", "en", "de", "es", "it", "ru", "uk"}) {
    EXPECT_NE(Shipped().ForLanguage(lang), nullptr) << lang;
  }
  EXPECT_EQ(Shipped().ForLanguage("xx"), nullptr);
}

TEST(QuoteLexiconTest, MatchesWholeTokensWithEitherApostrophe) {
  const QuoteLexicon& fr = *Shipped().ForLanguage("fr");
  Doc d("qu’il d'après D’après selon lui");
  EXPECT_TRUE(fr.Is(d.doc, 0, LexKind::kThat));  // "qu’" with U+2019
  EXPECT_EQ(fr.Find(d.doc, 2, 8, LexKind::kAccording).length, 2u);
  EXPECT_EQ(fr.Find(d.doc, 4, 8, LexKind::kAccording).length, 2u);
  EXPECT_EQ(fr.Find(d.doc, 6, 8, LexKind::kAccording).length, 1u);
  EXPECT_TRUE(fr.Is(d.doc, 7, LexKind::kPronoun));
}

TEST(QuoteLexiconTest, PronounSlotInAnAttributionPhrase) {
  const QuoteLexicon& ru = *Shipped().ForLanguage("ru");
  Doc d("По его словам, все готово.");
  const auto m = ru.Find(d.doc, 0, 8, LexKind::kAccording);
  EXPECT_EQ(m.length, 3u);
  EXPECT_EQ(m.pronoun_token, 1u);
}

TEST(QuoteLexiconTest, FrenchVerbFormsIncludingInversions) {
  const QuoteLexicon& fr = *Shipped().ForLanguage("fr");
  Doc d("déclare déclarait déclaré a-t-il a-t-elle");
  EXPECT_TRUE(fr.Is(d.doc, 0, LexKind::kVerbSimple));
  EXPECT_TRUE(fr.Is(d.doc, 1, LexKind::kVerbSimple));
  EXPECT_TRUE(fr.Is(d.doc, 2, LexKind::kParticiple));
  EXPECT_TRUE(fr.Is(d.doc, 3, LexKind::kInvertedAux));
  EXPECT_EQ(fr.Find(d.doc, 4, 5, LexKind::kInvertedAux).entry->gn.gender, 'f');
  GenderNumber gn;
  ASSERT_NE(fr.InvertedSimpleForm("déclare-t-il", &gn), nullptr);
  EXPECT_EQ(gn.gender, 'm');
  ASSERT_NE(fr.InvertedSimpleForm("dit-elle", &gn), nullptr);
  EXPECT_EQ(gn.gender, 'f');
  EXPECT_EQ(fr.InvertedSimpleForm("peut-être", &gn), nullptr);
  EXPECT_EQ(fr.VerbLemma(fr.InvertedSimpleForm("affirme-t-il", &gn)->group), "affirmer");
}

struct BadRow {
  const char* row;
  const char* error;
};

TEST(QuoteLexiconTest, BadRowsNameTheFileAndLine) {
  const std::vector<BadRow> rows = {
      {"speak\tx", "unknown kind \"speak\""},
      {"verb\tdire\tdit", "verb rows have lemma, forms, participles, flags"},
      {"verb\tdire\tdit\tdit\tloud", "unknown verb flag \"loud\""},
      {"pronoun\til\tq.s", "bad gender.number"},
      {"role\tmaire\tmaires\tthing\tx", "role type must be person, org or outlet"},
      {"role\tmaire\tmaires\tperson\tm.s", "role gender must be m, f or x"},
      {"det\tle\tdefinite", "unknown determiner kind"},
      {"word_order\tsideways", "word_order is head_final or head_first"},
      {"that", "expected kind<TAB>forms"},
  };
  for (const BadRow& r : rows) {
    testing::TempDir dir;
    const std::string path = dir.Write(
        "xx.tsv", std::string("# header\nverb\tdire\tdit\tdit\tdirect\n") + r.row + "\n");
    auto loaded = QuoteLexicon::Load(path, "xx");
    ASSERT_FALSE(loaded.ok()) << r.row;
    EXPECT_NE(loaded.status().message().find(path + ":3:"), std::string::npos)
        << loaded.status().message();
    EXPECT_NE(loaded.status().message().find(r.error), std::string::npos)
        << loaded.status().message();
  }
}

TEST(QuoteLexiconTest, MissingDirectoryOrVerbsIsAnError) {
  testing::TempDir empty;
  auto none = QuoteLexicons::Load(empty.path());
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), Status::Code::kNotFound);
  testing::TempDir no_verbs;
  no_verbs.Write("quotes/xx.tsv", "that\tque\n");
  auto loaded = QuoteLexicons::Load(no_verbs.path());
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("no speech verbs"), std::string::npos);
}

// Adding a language is adding a file: no code knows Esperanto.
TEST(QuoteLexiconTest, NewLanguageFromAFileAlone) {
  testing::TempDir dir;
  dir.Write("quotes/eo.tsv",
            "verb\tdiri\tdiris|diras\t-\tdirect,reported\n"
            "that\tke\n"
            "according\tlaŭ\n"
            "pronoun\tli\tm.s\n"
            "det\tla\tdef\n");
  dir.Write("outlets/outlets.tsv", "outlet:tass\tTASS\tagency\tru\tTASS\t-\n");
  auto finder = QuoteFinder::Create(dir.path());
  ASSERT_TRUE(finder.ok()) << finder.status().ToString();
  Doc d("Titolo\n\nPetro Kovalenko diris ke la urbo estas sekura.");
  d.doc.language = "eo";
  Analysis analysis;
  (*finder)->Find(d.doc, &analysis);
  ASSERT_EQ(analysis.quotes.size(), 1u);
  EXPECT_EQ(analysis.quotes[0].span.In(d.doc.text), "la urbo estas sekura");
  EXPECT_EQ(analysis.quotes[0].speaker.value_or(""), "Petro Kovalenko");
  EXPECT_EQ(analysis.quotes[0].cue, "diris");
}

}  // namespace
}  // namespace veille
