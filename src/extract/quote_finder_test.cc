#include "extract/quote_finder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "extract/test_document.h"
#include "test_support.h"
#include "text/metadata.h"

namespace veille {
namespace {

// The outlets these tests name, whatever the shipped catalog holds.
constexpr char kTestOutlets[] =
    "# id\tname\tkind\tcountry\tforms\tmangled\n"
    "outlet:tass\tTASS\tagency\tru\tTASS|agence TASS|l'agence TASS\t-\n"
    "outlet:telegram\tTelegram\tplatform\t-\tTelegram|chaîne Telegram\t-\n"
    "outlet:x\tX\tplatform\t-\tX|Twitter\t-\n"
    "outlet:telegraph\tThe Telegraph\toutlet\tgb\tTelegraph|The Telegraph|le "
    "Telegraph\t-\n"
    "outlet:bbc\tBBC\toutlet\tgb\tBBC\t-\n"
    "outlet:reuters\tReuters\tagency\tgb\tReuters|agence Reuters\t-\n"
    "outlet:meduza\tMeduza\toutlet\tlv\tMeduza\tMéduse\n"
    "outlet:interfax\tInterfax\tagency\tru\tInterfax\t-\n"
    "outlet:kyiv-independent\tThe Kyiv Independent\toutlet\tua\tKyiv Independent\t-\n";

// A data directory with the repository's quote lexicons and the test outlets.
const std::string& TestDataDir() {
  static const testing::TempDir* dir = [] {
    auto* d = new testing::TempDir();
    const std::filesystem::path quotes =
        std::filesystem::path(testing::SourceDir()) / "data" / "quotes";
    for (const auto& entry : std::filesystem::directory_iterator(quotes)) {
      d->Write("quotes/" + entry.path().filename().string(),
               testing::ReadFileOrDie(entry.path().string()));
    }
    d->Write("outlets/outlets.tsv", kTestOutlets);
    return d;
  }();
  return dir->path();
}

const QuoteFinder& Finder() {
  static const std::unique_ptr<QuoteFinder> finder = [] {
    auto created = QuoteFinder::Create(TestDataDir());
    if (!created.ok()) throw std::runtime_error(created.status().ToString());
    return std::move(created).value();
  }();
  return *finder;
}

struct Want {
  std::string kind;
  std::string text;
  std::string speaker;  // "" for null
  std::string cue;
  std::string via;  // "" for null
  bool operator==(const Want&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Want& w) {
  return os << "{" << w.kind << " \"" << w.text << "\" by [" << w.speaker << "] cue ["
            << w.cue << "] via [" << w.via << "]}";
}

struct Run {
  Run(std::string text, std::string lang) : test(std::move(text), std::move(lang)) {}
  testing::TokenizedText test;
  const Document& doc = test.doc;
  Analysis analysis;
};

// A title line, as articles have: a test's text is the body after it.
constexpr std::string_view kTitle = "Test article\n\n";

// Analyses `text` (paragraphs separated by blank lines) as language `lang`.
// Entity spans are offsets into `text`.
std::unique_ptr<Run> Analyse(const std::string& text, const std::string& lang,
                             std::vector<Entity> entities = {}, bool add_title = true) {
  auto run = std::make_unique<Run>(add_title ? std::string(kTitle) + text : text, lang);
  if (!add_title) entities.clear();
  for (Entity& e : entities) {
    e.span.start += kTitle.size();
    e.span.end += kTitle.size();
  }
  ExtractMetadata(run->doc, &run->analysis);
  run->analysis.entities = std::move(entities);
  Finder().Find(run->doc, &run->analysis);
  return run;
}

std::vector<Want> Quotes(const std::string& text, const std::string& lang,
                         std::vector<Entity> entities = {}) {
  const auto run = Analyse(text, lang, std::move(entities));
  std::vector<Want> out;
  for (const Quote& q : run->analysis.quotes) {
    out.push_back({QuoteKindName(q.kind), std::string(q.span.In(run->doc.text)),
                   q.speaker.value_or(""), q.cue, q.via.value_or("")});
  }
  return out;
}

using V = std::vector<Want>;

struct Case {
  const char* name;
  const char* lang;
  std::string text;
  V want;
};

void Check(const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(Quotes(c.text, c.lang), c.want) << c.name;
}

TEST(QuoteFinderTest, SpeakerAfterTheQuote) {
  Check({
      {"inverted name after the verb",
       "fr",
       "« La situation reste fragile », a déclaré Rafael Grossi, directeur général de "
       "l'AIEA.",
       {{"direct", "La situation reste fragile", "Rafael Grossi", "a déclaré", ""}}},
      {"name then verb",
       "en",
       "“Every vote matters,” Sandu told Reuters.",
       {{"direct", "Every vote matters", "Sandu", "told", "Reuters"}}},
      {"inverted pronoun resolved to the person named before",
       "fr",
       "Le président Volodymyr Zelensky a appelé les dirigeants à venir. « Ce n'est pas "
       "une "
       "question de céréales », a-t-il déclaré.",
       {{"direct", "Ce n'est pas une question de céréales", "Volodymyr Zelensky",
         "a-t-il déclaré", ""}}},
      {"he said after an apposition",
       "en",
       "Marcus Veldt, a gas analyst at the consultancy Northbridge Energy, said prices "
       "had "
       "climbed. “We are not in a crisis,” he said.",
       {{"reported", "prices had climbed", "Marcus Veldt", "said", ""},
        {"direct", "We are not in a crisis", "Marcus Veldt", "said", ""}}},
      {"role resolved to the person named before",
       "fr",
       "Vladimir Poutine avait évoqué ces élections au Kremlin. « Nous respecterons leur "
       "choix », a "
       "déclaré le président russe.",
       {{"direct", "Nous respecterons leur choix", "Vladimir Poutine", "a déclaré", ""}}},
      {"dash before the verb",
       "ru",
       "«Каждая семья понимает», — заявил Хинштейн в интервью.",
       {{"direct", "Каждая семья понимает", "Хинштейн", "заявил", ""}}},
      {"full stop in the marks then a new sentence",
       "fr",
       "« Les bureaux seront protégés. » Le Kremlin n'a pas commenté.",
       {{"direct", "Les bureaux seront protégés.", "", "", ""}}},
  });
}

TEST(QuoteFinderTest, SpeakerBeforeTheQuote) {
  Check({
      {"name and colon",
       "fr",
       "La présidente de l'institution, Christine Lagarde, a déclaré : « L'inflation "
       "recule. »",
       {{"direct", "L'inflation recule.", "Christine Lagarde", "a déclaré", ""}}},
      {"told an outlet with a colon",
       "en",
       "A woman in Grozny, whose nephew was buried in September, told the Telegraph: "
       "“Nobody "
       "speaks against Kadyrov in public.”\n\nShe said: “But at the funerals people look "
       "at each "
       "other.”",
       {{"direct", "Nobody speaks against Kadyrov in public.", "A woman in Grozny",
         "told", "The Telegraph"},
        {"direct", "But at the funerals people look at each other.", "A woman in Grozny",
         "said", ""}}},
      {"role without a name keeps its words",
       "fr",
       "Un soldat russe déployé dans la région a témoigné auprès de Meduza : « On envoie "
       "des "
       "gamins. »",
       {{"direct", "On envoie des gamins.", "Un soldat russe", "a témoigné", "Meduza"}}},
      {"preposed channel",
       "en",
       "In a video posted on Telegram last week, he said: “We will send volunteers.”",
       {{"direct", "We will send volunteers.", "", "said", "Telegram"}}},
      {"colon at the end of the previous paragraph",
       "fr",
       "Une mère de famille d'Argoun a accepté de raconter au journal le départ de son "
       "fils :\n\n"
       "« Il venait de finir ses études. »",
       {{"direct", "Il venait de finir ses études.", "Une mère de famille d'Argoun",
         "raconter", ""}}},
  });
}

TEST(QuoteFinderTest, SpeakerInsideTheQuote) {
  Check({
      {"split quote, one speaker for both parts",
       "fr",
       "« Les bureaux de vote seront protégés », Rogov a poursuivi sa pensée, « et "
       "chaque "
       "habitant pourra voter. »",
       {{"direct", "Les bureaux de vote seront protégés", "Rogov", "a poursuivi", ""},
        {"direct", "et chaque habitant pourra voter.", "Rogov", "a poursuivi", ""}}},
      {"second sentence after the attribution",
       "en",
       "Lomov's colleague Irina Sadovaya told Meduza that she expected to lose her "
       "mandate. “I "
       "knew the consequences,” she said. “But someone had to say it.”",
       {{"reported", "she expected to lose her mandate", "Irina Sadovaya", "told",
         "Meduza"},
        {"direct", "I knew the consequences", "Irina Sadovaya", "said", "Meduza"},
        {"direct", "But someone had to say it.", "Irina Sadovaya", "said", "Meduza"}}},
      {"quote inside a quote has its own speaker",
       "fr",
       "Une mère a raconté le départ de son fils aîné :\n\n« Il m'a dit : “Maman, je "
       "reviendrai.” Je n'ai rien pu faire. »",
       {{"direct", "Il m'a dit : “Maman, je reviendrai.” Je n'ai rien pu faire.",
         "Une mère", "a raconté", ""},
        {"direct", "Maman, je reviendrai.", "son fils aîné", "a dit", ""}}},
  });
}

TEST(QuoteFinderTest, QuoteOverSeveralParagraphsKeepsItsSpeaker) {
  Check({{"reopened guillemets",
          "en",
          "Tomas Reiner, a researcher, told the Telegraph: “Kadyrov’s power rests on "
          "fear.\n\n“If "
          "the losses keep rising, he will have to choose.”",
          {{"direct", "Kadyrov’s power rests on fear.", "Tomas Reiner", "told",
            "The Telegraph"},
           {"direct", "If the losses keep rising, he will have to choose.",
            "Tomas Reiner", "told", "The Telegraph"}}}});
}

TEST(QuoteFinderTest, UnclosedMarkNeverSwallowsTheArticle) {
  Check({{"unclosed guillemet",
          "fr",
          "Un soldat russe a témoigné : « On envoie encore des gamins.\n\nLe Kremlin n'a "
          "pas "
          "commenté ces appels.",
          {{"direct", "On envoie encore des gamins.", "Un soldat russe", "a témoigné",
            ""}}}});
}

TEST(QuoteFinderTest, ScareQuotesAndTitlesArePartialWithoutSpeaker) {
  Check({
      {"scare quote",
       "fr",
       "Depuis le lancement de l'opération militaire « spéciale » en février 2022, "
       "Kadyrov se "
       "présente comme un soutien.",
       {{"partial", "spéciale", "", "", ""}}},
      {"so-called",
       "en",
       "Moscow throws the so-called “shock troops” at Ukrainian positions.",
       {{"partial", "shock troops", "", "", ""}}},
      {"book title",
       "fr",
       "Un recueil de témoignages, « Kharkiv, ville de fer », publié l'an dernier, "
       "raconte la "
       "guerre.",
       {{"partial", "Kharkiv, ville de fer", "", "", ""}}},
  });
}

TEST(QuoteFinderTest, ReportedSpeechWithoutMarks) {
  Check({
      {"affirme que",
       "fr",
       "Vladimir Rogov, l'un des responsables installés par Moscou, affirme que des "
       "élections se "
       "tiendront en septembre malgré les combats.",
       {{"reported", "des élections se tiendront en septembre malgré les combats",
         "Vladimir Rogov", "affirme", ""}}},
      {"said that, with the writer's clause cut",
       "en",
       "The governor, Alexander Khinshtein, said on Friday that 1,500 residents had "
       "signed up, as "
       "Moscow continues to lean on the regions.",
       {{"reported", "1,500 residents had signed up", "Alexander Khinshtein", "said",
         ""}}},
      {"said without that",
       "en",
       "Kremlin spokesman Dmitry Peskov said the incident had nothing "
       "to do with Russia.",
       {{"reported", "the incident had nothing to do with Russia", "Dmitry Peskov",
         "said", ""}}},
      {"selon X, preposed, with an apposition",
       "fr",
       "Selon le maire, Ihor Terekhov, plus de 1 200 immeubles ont été endommagés.",
       {{"reported", "plus de 1 200 immeubles ont été endommagés", "Ihor Terekhov",
         "Selon", ""}}},
      {"according to X, postposed",
       "en",
       "Around 2,000 residents are covered by the order, according to the city "
       "administration.",
       {{"reported", "Around 2,000 residents are covered by the order",
         "the city administration", "according to", ""}}},
      {"according to the source of a document",
       "en",
       "Storage sites were 50% full on Sunday, according to data from Gas Infrastructure "
       "Europe.",
       {{"reported", "Storage sites were 50% full on Sunday", "Gas Infrastructure Europe",
         "according to", ""}}},
      {"a document without a source names nobody",
       "en",
       "The appeal was read out on Thursday, according to a video of the meeting.",
       {}},
      {"selon lui",
       "fr",
       "Vladimir Rogov s'est exprimé lundi. Selon lui, 300 000 habitants seraient "
       "inscrits.",
       {{"reported", "300 000 habitants seraient inscrits", "Vladimir Rogov", "Selon",
         ""}}},
      {"postposed attribution",
       "fr",
       "La centrale a été privée de courant pendant cinq heures, a annoncé l'Agence "
       "internationale "
       "de l'énergie atomique.",
       {{"reported", "La centrale a été privée de courant pendant cinq heures",
         "Agence internationale de l'énergie atomique", "a annoncé", ""}}},
      {"outlet reporting a clause",
       "en",
       "Ukraine's parliament voted on Wednesday to extend martial law, the Kyiv "
       "Independent "
       "reported.",
       {{"reported", "Ukraine's parliament voted on Wednesday to extend martial law",
         "The Kyiv Independent", "reported", ""}}},
      {"an outlet after a speaker relays",
       "en",
       "Regional prosecutors said on Friday that they were examining the statement, "
       "Interfax "
       "reported.",
       {{"reported", "they were examining the statement", "Regional prosecutors", "said",
         "Interfax"}}},
      {"coordinated verbs share the subject",
       "en",
       "U.S. President Donald Trump welcomed the agreement but said that Spain would pay "
       "a price.",
       {{"reported", "Spain would pay a price", "Donald Trump", "said", ""}}},
      {"a passive names nobody",
       "en",
       "It is reported that Chechen squads were recruited.",
       {}},
      {"a noun is not a verb",
       "fr",
       "L'annonce vient des mois après que les forces ont été poussées hors du "
       "territoire.",
       {}},
      {"no quote in the byline", "en", "By Daniel Hewitt says the wire\n\nText.", {}},
  });
}

TEST(QuoteFinderTest, ChannelOfTheWords) {
  Check({
      {"a déclaré à TASS",
       "fr",
       "Vladimir Rogov s'est exprimé. « Les gens veulent choisir », a déclaré à TASS le "
       "responsable.",
       {{"direct", "Les gens veulent choisir", "Vladimir Rogov", "a déclaré", "TASS"}}},
      {"sur sa chaîne Telegram",
       "fr",
       "Le gouverneur, Alexeï Smirnov, a affirmé sur sa chaîne Telegram que 800 "
       "volontaires "
       "s'étaient inscrits.",
       {{"reported", "800 volontaires s'étaient inscrits", "Alexeï Smirnov", "a affirmé",
         "Telegram"}}},
      {"in an interview with",
       "en",
       "In an interview with the BBC, Oleksandr Prokudin said that nine civilians had "
       "been killed.",
       {{"reported", "nine civilians had been killed", "Oleksandr Prokudin", "said",
         "BBC"}}},
      {"wrote on X",
       "en",
       "NATO Secretary General Mark Rutte wrote on X that the alliance would act.",
       {{"reported", "the alliance would act", "Mark Rutte", "wrote", "X"}}},
      {"selon une vidéo publiée sur X",
       "fr",
       "« Nous resterons », a déclaré le maire Ihor Terekhov, selon une vidéo publiée "
       "sur X.",
       {{"direct", "Nous resterons", "Ihor Terekhov", "a déclaré", "X"}}},
      {"the channel named in the next sentence of the paragraph",
       "fr",
       "Vladimir Rogov affirme que des élections auront lieu. Il l'a annoncé dans un "
       "entretien "
       "accordé à l'agence TASS.\n\nSelon lui, les bureaux seront protégés.",
       {{"reported", "des élections auront lieu", "Vladimir Rogov", "affirme", "TASS"},
        {"reported", "les bureaux seront protégés", "Vladimir Rogov", "Selon", "TASS"}}},
      {"a mangled outlet name",
       "fr",
       "Méduse a rapporté que 600 personnes avaient été formées.",
       {{"reported", "600 personnes avaient été formées", "Meduza", "a rapporté", ""}}},
  });
}

TEST(QuoteFinderTest, EntitiesGiveIdsAndCanonicalNames) {
  const std::string text =
      "Le président de la Tchétchénie, Ramzan Kadyrov, a appelé les régions à l'aide. « "
      "Chaque "
      "gouverneur doit agir », a déclaré Kadyrov. Il a ajouté que Poutine le soutenait.";
  // `surface` as found after `after` in the text.
  auto entity = [&](std::string_view after, std::string_view surface) {
    Entity e;
    const size_t at = text.find(surface, text.find(after));
    e.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + surface.size())};
    e.type = EntityType::kPerson;
    e.id = "person:ramzan-kadyrov";
    e.name = "Ramzan Kadyrov";
    return e;
  };
  const auto run =
      Analyse(text, "fr",
              {entity("Le président", "Ramzan Kadyrov"), entity("a déclaré", "Kadyrov")});
  ASSERT_EQ(run->analysis.quotes.size(), 2u);
  for (const Quote& q : run->analysis.quotes) {
    EXPECT_EQ(q.speaker.value_or(""), "Ramzan Kadyrov");
    EXPECT_EQ(q.speaker_id, "person:ramzan-kadyrov");
  }
  // Without entities, the surname is resolved to the fullest earlier name, with no id.
  const auto own = Analyse(text, "fr");
  ASSERT_EQ(own->analysis.quotes.size(), 2u);
  EXPECT_EQ(own->analysis.quotes[0].speaker.value_or(""), "Ramzan Kadyrov");
  EXPECT_EQ(own->analysis.quotes[0].speaker_id, "");
  // speaker_start/end point at the name in the attribution.
  EXPECT_EQ(own->analysis.quotes[0].speaker_span.In(own->doc.text), "Kadyrov");
  EXPECT_EQ(own->analysis.quotes[1].speaker_span.In(own->doc.text), "Ramzan Kadyrov");
}

TEST(QuoteFinderTest, RoleResolvedToTheFullNameIntroducedBefore) {
  Check(
      {{"le président de la Tchétchénie",
        "fr",
        "Ramzan Kadyrov a appelé les régions à l'aide.\n\nLe président de la Tchétchénie "
        "a "
        "affirmé que des volontaires partiraient bientôt.",
        {{"reported", "des volontaires partiraient bientôt", "Ramzan Kadyrov",
          "a affirmé", ""}}},
       {"the official, after a Malian security official",
        "en",
        "A Malian security official told AP that the handover was ready. \"The faces "
        "will be the "
        "same,\" the official said.",
        {{"reported", "the handover was ready", "A Malian security official", "told", ""},
         {"direct", "The faces will be the same", "A Malian security official", "said",
          ""}}},
       {"le lecteur keeps its role",
        "fr",
        "« Cher Vladimir », a déclaré le lecteur.",
        {{"direct", "Cher Vladimir", "le lecteur", "a déclaré", ""}}}});
}

TEST(QuoteFinderTest, HeadlinesAreNotReportedSpeech) {
  // Headlines compress attributions; the article body states them.
  const auto run = Analyse(
      "Kursk governor says residents are flocking to volunteer units\n\nThe governor "
      "said that "
      "1,500 residents had signed up.",
      "en", {}, /*add_title=*/false);
  ASSERT_EQ(run->analysis.quotes.size(), 1u);
  EXPECT_EQ(run->analysis.quotes[0].span.In(run->doc.text),
            "1,500 residents had signed up");
}

TEST(QuoteFinderTest, LanguageWithoutLexiconKeepsOnlyTheMarks) {
  const V got = Quotes("«Hola a todos los vecinos del barrio», dijo. «Sí».", "xx");
  EXPECT_EQ(got, (V{{"direct", "Hola a todos los vecinos del barrio", "", "", ""},
                    {"partial", "Sí", "", "", ""}}));
}

// One finder serves every thread: Find is const and keeps its state per call.
TEST(QuoteFinderTest, ConcurrentCallsAgree) {
  const std::string text =
      "Vladimir Rogov affirme que des élections auront lieu. « Les gens veulent choisir "
      "», a "
      "déclaré à TASS le responsable. Selon lui, les bureaux seront protégés.";
  const V want = Quotes(text, "fr");
  ASSERT_EQ(want.size(), 3u);
  std::vector<V> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) got[t] = Quotes(text, "fr");
    });
  }
  for (std::thread& t : threads) t.join();
  for (const V& g : got) EXPECT_EQ(g, want);
}

// Hostile input: the finder stays linear (every search is bounded) and never
// crashes. No timing is asserted; the sanitizer build runs these too.
TEST(QuoteFinderTest, HostileInputEmptyAndBlank) {
  EXPECT_EQ(Quotes("", "fr"), V{});
  EXPECT_EQ(Quotes("   \n\n\t  ", "en"), V{});
  EXPECT_EQ(Quotes("« » “ ” \" \" ‘ ’", "fr"), V{});
}

TEST(QuoteFinderTest, HostileInputThousandsOfUnbalancedMarks) {
  std::string opens, closes, straight, mixed;
  for (int i = 0; i < 5000; ++i) {
    opens += "« a ";
    closes += "b » ";
    straight += "\" x ";
    mixed += (i % 3 == 0 ? "“ w " : i % 3 == 1 ? "» w " : "’ w ");
  }
  // One quote at most per paragraph for unmatched openings: up to its end.
  const auto run = Analyse(opens, "fr");
  ASSERT_EQ(run->analysis.quotes.size(), 1u);
  EXPECT_EQ(run->analysis.quotes[0].span.end, run->doc.paragraphs[1].end);
  EXPECT_TRUE(Quotes(closes, "fr").empty());
  EXPECT_LE(Quotes(straight, "en").size(), 2500u);
  EXPECT_LE(Quotes(mixed, "en").size(), 5000u);
}

TEST(QuoteFinderTest, HostileInputHugeParagraphWithOneOpeningMark) {
  std::string text = "Il a déclaré : « ";
  while (text.size() < (5u << 20)) text += "les mots continuent sans fin et sans marque ";
  text += "\n\nUn paragraphe suivant, a déclaré le maire, « court ».";
  const auto run = Analyse(text, "fr");
  ASSERT_GE(run->analysis.quotes.size(), 1u);
  const Quote& first = run->analysis.quotes[0];
  EXPECT_EQ(first.kind, QuoteKind::kDirect);
  EXPECT_EQ(first.span.end, run->doc.paragraphs[1].end);  // not the next paragraph
  EXPECT_EQ(run->analysis.quotes.back().span.In(run->doc.text), "court");
}

TEST(QuoteFinderTest, HostileInputMarksNestedFiftyDeep) {
  const char* const kOpen[] = {"« ", "“", "‘", "„", "\""};
  const char* const kClose[] = {" »", "”", "’", "“", "\""};
  std::string text = "Il a dit : ";
  for (int d = 0; d < 50; ++d) text += std::string(kOpen[d % 5]) + "niveau ";
  text += "fond";
  for (int d = 49; d >= 0; --d) text += kClose[d % 5];
  text += ", a-t-il ajouté.";
  const auto run = Analyse(text, "fr");
  EXPECT_GE(run->analysis.quotes.size(), 1u);
  EXPECT_LE(run->analysis.quotes.size(), 50u);
  for (const Quote& q : run->analysis.quotes) EXPECT_LE(q.span.end, run->doc.text.size());
}

TEST(QuoteFinderTest, HostileInputManyAttributionsAndOddUnicode) {
  std::string text;
  for (int i = 0; i < 3000; ++i) {
    text +=
        "“Words \xE2\x80\x8D\xF0\x9F\x98\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D,” he "
        "said. ";
    text += "Officials said that the Ta\xCC\x81kes rose, according to the data. ";
  }
  const auto run = Analyse(text, "en");
  EXPECT_GE(run->analysis.quotes.size(), 3000u);
  for (const Quote& q : run->analysis.quotes) {
    EXPECT_LT(q.span.start, q.span.end);
    EXPECT_LE(q.span.end, run->doc.text.size());
  }
}

}  // namespace
}  // namespace veille
