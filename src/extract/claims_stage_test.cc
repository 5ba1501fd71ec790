#include "extract/claims_stage.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <optional>
#include <string>

#include "extract/number_parser.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"

namespace veille {
namespace {

const Stage& ClaimsStage() {
  static const std::unique_ptr<Stage> stage = [] {
    auto created = CreateClaimsStage(std::string(VEILLE_SOURCE_DIR) + "/data");
    if (!created.ok()) throw std::runtime_error(created.status().ToString());
    return std::move(created).value();
  }();
  return *stage;
}

// Runs the claims stage alone on `text`, every sentence in `language`.
// `prepare` may fill earlier stages' results (entities, quotes) first.
struct Analyzed {
  std::string text;
  Analysis analysis;
  std::string Slice(Span s) const { return std::string(s.In(text)); }
};

template <typename Prepare>
Analyzed Analyze(const std::string& text, const std::string& language, Prepare prepare) {
  Analyzed r;
  r.text = text;
  Article article;
  article.text = text;
  Document doc;
  doc.article = &article;
  doc.text = article.text;
  Tokenize(&doc);
  SplitParagraphs(&doc);
  SplitSentences(&doc);
  doc.language = language;
  r.analysis.language = language;
  for (const SentenceRange& s : doc.sentences) r.analysis.sentences.push_back({s.span, language, 1});
  prepare(doc, &r.analysis);
  ClaimsStage().Run(doc, &r.analysis);
  return r;
}

Analyzed Analyze(const std::string& text, const std::string& language) {
  return Analyze(text, language, [](const Document&, Analysis*) {});
}

bool Near(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

// --- numbers --------------------------------------------------------------

struct NumeralCase {
  const char* input;
  char decimal_mark;
  std::optional<double> value;
};

TEST(NumberParserTest, SeparatorsDependOnTheLanguage) {
  const NumeralCase cases[] = {
      {"1 200", ',', 1200},
      {"1\xC2\xA0" "200", ',', 1200},      // no-break space
      {"1\xE2\x80\xAF" "200", ',', 1200},  // narrow no-break space
      {"1\xE2\x80\x89" "200", ',', 1200},  // thin space
      {"30 000", ',', 30000},
      {"12,000", '.', 12000},
      {"1,5", ',', 1.5},
      {"1,5", '.', 1.5},
      {"12.000", ',', 12000},
      {"1.5", '.', 1.5},
      {"1.5", ',', 1.5},
      {"1,500", ',', 1.5},
      {"1,234,567", '.', 1234567},
      {"1.234,5", ',', 1234.5},
      {"1,234.5", '.', 1234.5},
      {"47,6", ',', 47.6},
      {"0,5", ',', 0.5},
      {"12,000", 0, 12000},
      {"07", '.', std::nullopt},
      {"1234567890123456789012", '.', std::nullopt},
      {"", '.', std::nullopt},
  };
  for (const NumeralCase& c : cases) {
    const std::optional<double> got = ParseNumeral(c.input, c.decimal_mark);
    ASSERT_EQ(got.has_value(), c.value.has_value()) << c.input;
    if (got) {
      EXPECT_TRUE(Near(*got, *c.value)) << c.input << ": " << *got;
    }
  }
}

struct ClaimCase {
  const char* input;
  const char* language;
  double value;
  Qualifier qualifier;
  const char* counted;
};

TEST(ClaimFinderTest, NumbersQualifiersAndCountedNouns) {
  const ClaimCase cases[] = {
      {"Plus de 800 volontaires locaux ont rejoint les unités.", "fr", 800, Qualifier::kMoreThan, "volontaires"},
      {"Des femmes d'au moins 16 régions ont filmé des vidéos.", "fr", 16, Qualifier::kAtLeast, "régions"},
      {"Il risque jusqu'à 15 ans de prison.", "fr", 15, Qualifier::kUpTo, "ans"},
      {"La région comptait 1 200 hommes prêts.", "fr", 1200, Qualifier::kExact, "hommes"},
      {"La région comptait 1\xC2\xA0" "200 hommes prêts.", "fr", 1200, Qualifier::kExact, "hommes"},
      {"Environ 1,5 million de foyers sont touchés.", "fr", 1.5e6, Qualifier::kAbout, "foyers"},
      {"Le RN gagne 2 millions de voix.", "fr", 2e6, Qualifier::kExact, "voix"},
      {"Le bataillon a été reconstruit six fois depuis.", "fr", 6, Qualifier::kExact, "fois"},
      {"Des centaines d'agriculteurs bloquent la route.", "fr", 200, Qualifier::kAtLeast, "agriculteurs"},
      {"Des milliers de Géorgiens manifestent.", "fr", 2000, Qualifier::kAtLeast, "Géorgiens"},
      {"Les réserves tiendront une dizaine de jours.", "fr", 10, Qualifier::kAbout, "jours"},
      {"L'UE a débloqué 50 milliards d'euros.", "fr", 5e10, Qualifier::kExact, "euros"},
      {"Le taux passe à 3,25 % jeudi.", "fr", 3.25, Qualifier::kExact, "%"},
      {"Vingt-cinq soldats sont morts.", "fr", 25, Qualifier::kExact, "soldats"},
      {"Entre 200 et 300 personnes ont quitté la ville.", "fr", 200, Qualifier::kExact, "personnes"},
      {"Plus de 300 bureaux de vote ont ouvert.", "fr", 300, Qualifier::kMoreThan, "bureaux de vote"},
      {"Around 12,000 convicts were recruited.", "en", 12000, Qualifier::kAbout, "convicts"},
      {"Around 1.5 million households are behind.", "en", 1.5e6, Qualifier::kAbout, "households"},
      {"A dozen families were covered by the order.", "en", 12, Qualifier::kAbout, "families"},
      {"Commanders used dozens of convicts at a time.", "en", 24, Qualifier::kAtLeast, "convicts"},
      {"Russia recruited tens of thousands of prisoners.", "en", 20000, Qualifier::kAtLeast, "prisoners"},
      {"The fund has $2bn left.", "en", 2e9, Qualifier::kExact, "dollars"},
      {"It adds about £94 a year.", "en", 94, Qualifier::kAbout, "pounds"},
      {"Spending must reach 5% of GDP.", "en", 5, Qualifier::kExact, "%"},
      {"He spent two and a half years there.", "en", 2.5, Qualifier::kExact, "years"},
      {"More than 1,500 local residents signed up.", "en", 1500, Qualifier::kMoreThan, "local residents"},
      {"Up to 1.5% goes to security.", "en", 1.5, Qualifier::kUpTo, "%"},
      {"Fewer than 40 trucks crossed.", "en", 40, Qualifier::kLessThan, "trucks"},
      {"Подготовку прошли около 600 человек.", "ru", 600, Qualifier::kAbout, "человек"},
      {"Выплата составит 200 тысяч рублей.", "ru", 200000, Qualifier::kExact, "рублей"},
      {"Die Speicher sind zu etwa 35 Prozent gefüllt.", "de", 35, Qualifier::kAbout, "%"},
      {"La UE aprueba 50.000 millones de euros.", "es", 5e10, Qualifier::kExact, "euros"},
      {"Le esportazioni hanno superato a febbraio i 7 milioni di tonnellate.", "it", 7e6, Qualifier::kMoreThan, "tonnellate"},
  };
  for (const ClaimCase& c : cases) {
    const Analyzed r = Analyze(c.input, c.language);
    ASSERT_EQ(r.analysis.claims.size(), 1u) << c.input;
    const Claim& claim = r.analysis.claims[0];
    EXPECT_TRUE(Near(claim.value, c.value)) << c.input << ": " << claim.value;
    EXPECT_EQ(claim.qualifier, c.qualifier) << c.input << ": " << QualifierName(claim.qualifier);
    EXPECT_EQ(claim.counted, c.counted) << c.input;
    EXPECT_LE(claim.span.end, r.text.size()) << c.input;
  }
}

TEST(ClaimFinderTest, RangesKeepBothEnds) {
  const Analyzed r = Analyze("Analysts estimate between 5,000 and 7,000 men were sent.", "en");
  ASSERT_EQ(r.analysis.claims.size(), 1u);
  const Claim& c = r.analysis.claims[0];
  EXPECT_EQ(r.Slice(c.span), "between 5,000 and 7,000 men");
  ASSERT_TRUE(c.low && c.high);
  EXPECT_EQ(*c.low, 5000);
  EXPECT_EQ(*c.high, 7000);
  EXPECT_EQ(c.value, 5000);
  EXPECT_EQ(c.qualifier, Qualifier::kExact);
}

TEST(ClaimFinderTest, CountedTakenFromTheNextNumberOrTheOneBefore) {
  Analyzed r = Analyze("The bills were backed by more than 350 of the 450 members.", "en");
  ASSERT_EQ(r.analysis.claims.size(), 2u);
  EXPECT_EQ(r.analysis.claims[0].counted, "members");
  EXPECT_EQ(r.analysis.claims[1].counted, "members");
  r = Analyze("The plant employed nearly 11,000 people; only about 1,200 remain today.", "en");
  ASSERT_EQ(r.analysis.claims.size(), 2u);
  EXPECT_EQ(r.analysis.claims[1].counted, "people");
  r = Analyze("Le texte vise 105 navires, portant à 444 le nombre total de navires visés.", "fr");
  ASSERT_EQ(r.analysis.claims.size(), 2u);
  EXPECT_EQ(r.analysis.claims[1].value, 444);
  EXPECT_EQ(r.analysis.claims[1].counted, "navires");
}

TEST(ClaimFinderTest, EventsNextToTheClaim) {
  const Analyzed r = Analyze("Au moins neuf civils ont été tués par des drones.", "fr");
  ASSERT_EQ(r.analysis.claims.size(), 1u);
  EXPECT_EQ(r.analysis.claims[0].event.value_or("-"), "killed");
}

TEST(ClaimFinderTest, NonQuantitiesAreNotClaims) {
  const std::pair<const char*, const char*> cases[] = {
      {"Publié le 3 septembre 2024 à 18h05.", "fr"},
      {"La 3e brigade d'assaut tient le front.", "fr"},
      {"La 580e division est arrivée en renfort.", "fr"},
      {"À 17 heures, elle atteignait déjà ce niveau.", "fr"},
      {"Voir p. 12 du rapport.", "fr"},
      {"En 2022, la guerre a commencé.", "fr"},
      {"Il a proposé de prolonger d'un an l'exemption.", "fr"},
      {"L'un des soldats est parti.", "fr"},
      {"Appelez le 01 23 45 67 89 pour en savoir plus.", "fr"},
      {"L'UE adopte un 18e paquet de sanctions.", "fr"},
      {"The 155th brigade of naval infantry fought there.", "en"},
      {"Turnout had risen by 3 p.m. on Sunday.", "en"},
      {"The Estlink 2 cable could be out of service.", "en"},
      {"The Rossiya-1 talk show devoted an episode to them.", "en"},
      {"He flew an F-16 over the city.", "en"},
      {"The talk show “60 Minutes” devoted an episode to them.", "en"},
      {"Since January 20, the talks have stalled.", "en"},
      {"It was the 14th such extension since February 2022.", "en"},
      {"So I packed one bag and came here.", "en"},
      {"The 45-year-old was arrested on Monday.", "en"},
      {"NATO invoked Article 5 for the first time.", "en"},
      {"Olena Petrova, 45, said she would stay.", "en"},
      {"14 марта 2025 года", "ru"},
      {"Von Jonas Weber, 3. März 2025", "de"},
      {"Por Lucía Ortega, 1 de febrero de 2024", "es"},
  };
  for (const auto& [text, language] : cases) {
    const Analyzed r = Analyze(text, language);
    EXPECT_TRUE(r.analysis.claims.empty())
        << text << ": " << (r.analysis.claims.empty() ? "" : r.Slice(r.analysis.claims[0].span));
  }
}

// --- attribution ----------------------------------------------------------

struct SourceCase {
  const char* input;
  const char* language;
  const char* by;  // nullptr: the article itself
};

TEST(AttributionTest, SourceFromTheSentence) {
  const SourceCase cases[] = {
      {"Selon Newsweek, le ministère aurait demandé au moins 30 000 hommes.", "fr", "Newsweek"},
      {"Le gouverneur de la région, Alexeï Smirnov, a affirmé sur sa chaîne Telegram que plus de 800 volontaires avaient rejoint les unités.", "fr", "Alexeï Smirnov"},
      {"« La Crimée a déjà équipé trois bataillons », a assuré Sergueï Aksyonov, le chef de la péninsule.", "fr", "Sergueï Aksyonov"},
      {"La Maison Blanche a déclaré que la Russie avait subi plus de 30 000 pertes.", "fr", "Maison Blanche"},
      {"Selon le maire, Ihor Terekhov, plus de 1 200 immeubles ont été endommagés.", "fr", "Ihor Terekhov"},
      {"Plus de deux ans au front, a rapporté dimanche le média indépendant Meduza.", "fr", "Meduza"},
      {"The British Ministry of Defence said that losses had reached 1,000 soldiers per day.", "en", "British Ministry of Defence"},
      {"Olga Romanova, who heads the prisoners' rights group, estimated that around 12,000 convicts had been recruited.", "en", "Olga Romanova"},
      {"Bills will rise by 5% from January, the regulator Ofgem announced on Thursday.", "en", "Ofgem"},
      {"Russian drones injured at least 13 people, regional officials said.", "en", "regional officials"},
      {"Meduza, citing sources in the regional government, reported that around 600 people had completed training.", "en", "Meduza"},
      {"Dr. Hannah Ellis, an economist, said: \"Around 1.5 million households are behind.\"", "en", "Hannah Ellis"},
      {"Die Speicher sind zu etwa 35 Prozent gefüllt, wie die Bundesnetzagentur am Montag mitteilte.", "de", "Bundesnetzagentur"},
      {"Around 2.7 million people are registered to vote.", "en", nullptr},
      {"Mr Rutte met 30 leaders in The Hague.", "en", nullptr},
  };
  for (const SourceCase& c : cases) {
    const Analyzed r = Analyze(c.input, c.language);
    ASSERT_EQ(r.analysis.claims.size(), 1u) << c.input;
    const Claim& claim = r.analysis.claims[0];
    if (c.by == nullptr) {
      EXPECT_FALSE(claim.by.has_value()) << c.input << ": " << *claim.by;
    } else {
      EXPECT_EQ(claim.by.value_or("(null)"), c.by) << c.input;
    }
  }
}

TEST(AttributionTest, PronounsResolveToThePersonNamedBefore) {
  Analyzed r = Analyze("Vladimir Rogov a parlé lundi à Moscou. Selon lui, plus de 300 000 habitants seraient inscrits.", "fr");
  ASSERT_EQ(r.analysis.claims.size(), 1u);
  EXPECT_EQ(r.analysis.claims[0].by.value_or("(null)"), "Vladimir Rogov");
  r = Analyze("Kadyrov has dismissed reports of losses. In a video, he said: “We will send hundreds of new volunteers.”", "en");
  ASSERT_EQ(r.analysis.claims.size(), 1u);
  EXPECT_EQ(r.analysis.claims[0].by.value_or("(null)"), "Kadyrov");
}

TEST(AttributionTest, QuoteParagraphsInheritTheSpeakerIntroducedBefore) {
  const Analyzed r = Analyze(
      "Une mère de famille d'Argoun a accepté de raconter :\n\n« Il venait de finir ses études.\n\n"
      "« Pendant trois mois, il appelait le dimanche.",
      "fr");
  ASSERT_EQ(r.analysis.claims.size(), 1u);
  EXPECT_EQ(r.analysis.claims[0].by.value_or("(null)"), "Une mère de famille d'Argoun");
}

TEST(AttributionTest, UsesQuoteSpeakersAndEntityIdsFromEarlierStages) {
  const std::string text = "\"Nous avons 1 200 hommes\", a dit le chef. Selon le ministère, 300 soldats sont partis.";
  const Analyzed r = Analyze(text, "fr", [&](const Document&, Analysis* a) {
    Quote q;
    q.span = {1, static_cast<uint32_t>(text.find("hommes") + 6)};
    q.speaker = "Sergei Aksyonov";
    q.speaker_id = "person:sergei-aksyonov";
    a->quotes.push_back(q);
    Entity e;
    const uint32_t at = static_cast<uint32_t>(text.find("ministère"));
    e.span = {at, at + static_cast<uint32_t>(std::string("ministère").size())};
    e.type = EntityType::kOrganization;
    e.id = "org:ministry-of-defence-ru";
    e.name = "Ministry of Defence of Russia";
    a->entities.push_back(e);
  });
  ASSERT_EQ(r.analysis.claims.size(), 2u);
  EXPECT_EQ(r.analysis.claims[0].by.value_or("(null)"), "Sergei Aksyonov");
  EXPECT_EQ(r.analysis.claims[0].by_id, "person:sergei-aksyonov");
  EXPECT_EQ(r.analysis.claims[1].by.value_or("(null)"), "Ministry of Defence of Russia");
  EXPECT_EQ(r.analysis.claims[1].by_id, "org:ministry-of-defence-ru");
}

// --- outlets --------------------------------------------------------------

struct CitationCase {
  const char* input;
  const char* language;
  const char* surface;
  const char* outlet;
  CitationRelation relation;
  bool mangled;
};

TEST(CitationFinderTest, OutletsRelationsAndMangledNames) {
  const CitationCase cases[] = {
      {"Selon Newsweek, le ministère a demandé des renforts.", "fr", "Newsweek", "Newsweek", CitationRelation::kAccordingTo, false},
      {"Le Washington Put up a rendu compte dimanche de cette tendance.", "fr", "Washington Put up", "The Washington Post", CitationRelation::kReportedBy, true},
      {"Le New York Occasions a également rendu compte de la tendance.", "fr", "New York Occasions", "The New York Times", CitationRelation::kReportedBy, true},
      {"Le portail RIA Novelty transporte l'histoire.", "fr", "RIA Novelty", "RIA Novosti", CitationRelation::kReportedBy, true},
      {"Méduse, citant des sources, a rapporté que rien n'était prêt.", "fr", "Méduse", "Meduza", CitationRelation::kReportedBy, true},
      {"« Les gens veulent voter », a déclaré à TASS le responsable.", "fr", "TASS", "TASS", CitationRelation::kTold, false},
      {"« Notre avenir se décide aujourd'hui », a-t-elle déclaré à l'agence Reuters.", "fr", "Reuters", "Reuters", CitationRelation::kTold, false},
      {"Interrogé par le Guardian, le chercheur estime que rien ne change.", "fr", "Guardian", "The Guardian", CitationRelation::kTold, false},
      {"Un habitant, rencontré par l'AFP, raconte sa fuite.", "fr", "AFP", "AFP", CitationRelation::kQuotedFrom, false},
      {"Dans un message publié sur sa chaîne Telegram, il a appelé à l'aide.", "fr", "Telegram", "Telegram", CitationRelation::kPostedOn, false},
      {"Several residents told the Telegraph that funerals take place every week.", "en", "Telegraph", "The Telegraph", CitationRelation::kTold, false},
      {"Regional prosecutors were examining the statement, Interfax reported.", "en", "Interfax", "Interfax", CitationRelation::kReportedBy, false},
      {"The Washington Post, citing interviews with inmates, reported that they were used.", "en", "The Washington Post", "The Washington Post", CitationRelation::kReportedBy, false},
      {"Parliament voted again, the Kyiv Independent reported.", "en", "Kyiv Independent", "The Kyiv Independent", CitationRelation::kReportedBy, false},
      {"Mark Rutte wrote on X that the alliance would act.", "en", "X", "X", CitationRelation::kPostedOn, false},
      {"Губернатор сообщил в своём Telegram-канале, что всё готово.", "ru", "Telegram", "Telegram", CitationRelation::kPostedOn, false},
      {"Подготовку прошли лишь немногие, по данным «Медузы».", "ru", "Медузы", "Meduza", CitationRelation::kAccordingTo, false},
  };
  for (const CitationCase& c : cases) {
    const Analyzed r = Analyze(c.input, c.language);
    ASSERT_EQ(r.analysis.citations.size(), 1u) << c.input;
    const Citation& got = r.analysis.citations[0];
    EXPECT_EQ(r.Slice(got.span), c.surface) << c.input;
    EXPECT_EQ(got.outlet_name, c.outlet) << c.input;
    EXPECT_EQ(got.relation, c.relation) << c.input << ": " << CitationRelationName(got.relation);
    EXPECT_EQ(got.mangled, c.mangled) << c.input;
    EXPECT_EQ(got.outlet.rfind("outlet:", 0), 0u) << c.input;
  }
}

TEST(CitationFinderTest, PlatformAliasesShareTheRelation) {
  for (const char* text : {"She wrote on X, formerly Twitter: “We are safe.”",
                           "Elle a écrit sur X (ex-Twitter) : « Je reste. »"}) {
    const Analyzed r = Analyze(text, text[0] == 'S' ? "en" : "fr");
    ASSERT_EQ(r.analysis.citations.size(), 2u) << text;
    EXPECT_EQ(r.Slice(r.analysis.citations[0].span), "X") << text;
    EXPECT_EQ(r.Slice(r.analysis.citations[1].span), "Twitter") << text;
    for (const Citation& c : r.analysis.citations) {
      EXPECT_EQ(c.outlet, "outlet:x") << text;
      EXPECT_EQ(c.relation, CitationRelation::kPostedOn) << text;
    }
  }
}

TEST(CitationFinderTest, CommonWordsAndBoilerplateAreNotCitations) {
  const std::pair<const char*, const char*> cases[] = {
      {"Partager sur Facebook", "fr"},
      {"X marks the spot, he said.", "en"},
      {"The Post office on the corner closed.", "en"},
      {"Il a parcouru le monde entier.", "fr"},
      {"In March, the Rossiya-1 talk show devoted an episode to them.", "en"},
      {"The plan has an X factor, analysts said.", "en"},
      {"Le temps presse, selon le ministre.", "fr"},
  };
  for (const auto& [text, language] : cases) {
    const Analyzed r = Analyze(text, language);
    EXPECT_TRUE(r.analysis.citations.empty())
        << text << ": " << (r.analysis.citations.empty() ? "" : r.Slice(r.analysis.citations[0].span));
  }
}

// --- hostile input ----------------------------------------------------------

void ExpectSpansInside(const Analyzed& r) {
  for (const Claim& c : r.analysis.claims) {
    EXPECT_LE(c.span.end, r.text.size());
    EXPECT_LT(c.span.start, c.span.end);
  }
  for (const Citation& c : r.analysis.citations) EXPECT_LE(c.span.end, r.text.size());
}

TEST(ClaimsHostileTest, MegabyteOfDigitsIsNoClaim) {
  const Analyzed r = Analyze(std::string(1 << 20, '7'), "en");
  EXPECT_TRUE(r.analysis.claims.empty());
}

TEST(ClaimsHostileTest, MegabyteOfSingleDigitsIsNoClaim) {
  std::string text;
  while (text.size() < (1 << 20)) text += "1 ";
  const Analyzed r = Analyze(text, "fr");
  EXPECT_TRUE(r.analysis.claims.empty());
}

TEST(ClaimsHostileTest, RepeatedCuesStayLinear) {
  std::string text;
  while (text.size() < (1 << 20)) text += "selon X, il a dit que 300 soldats « ont dit » ";
  const Analyzed r = Analyze(text, "fr");
  EXPECT_GT(r.analysis.claims.size(), 1000u);
  ExpectSpansInside(r);
}

TEST(ClaimsHostileTest, NumbersAndCuesAtTheVeryEnd) {
  for (const char* text : {"Ils ont recruté plus de 300", "Il y avait entre 200 et", "Selon",
                           "a déclaré", "300", "« 300", "According to the", "$", "told the",
                           "un", "des centaines de", "1 200 hommes", "sur X"}) {
    const Analyzed r = Analyze(text, "fr");
    ExpectSpansInside(r);
  }
  const Analyzed r = Analyze("Ils ont recruté plus de 300", "fr");
  ASSERT_EQ(r.analysis.claims.size(), 1u);
  EXPECT_EQ(r.Slice(r.analysis.claims[0].span), "plus de 300");
}

TEST(ClaimsHostileTest, EmptyTextAndOddUnicode) {
  EXPECT_TRUE(Analyze("", "fr").analysis.claims.empty());
  const Analyzed r = Analyze("« « « 300 personnes \xE2\x80\x8B\xEF\xBB\xBF \xF0\x9F\x98\x80 » » 12\xC2\xA0" "000 €", "fr");
  ExpectSpansInside(r);
}

}  // namespace
}  // namespace veille
