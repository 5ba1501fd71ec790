#include "extract/entity_recognizer.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "text/document.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"

namespace veille {
namespace {

const EntityRecognizer& Recognizer() {
  static const std::unique_ptr<EntityRecognizer> r = [] {
    auto created = EntityRecognizer::Create(std::string(VEILLE_SOURCE_DIR) + "/data");
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return std::move(created).value();
  }();
  return *r;
}

// Runs the stage alone on `text` in `language`.
Analysis RunStage(const std::string& text, const std::string& language) {
  Document doc;
  doc.text = text;
  doc.language = language;
  Tokenize(&doc);
  SplitParagraphs(&doc);
  SplitSentences(&doc);
  Analysis out;
  Recognizer().Run(doc, &out);
  return out;
}

// "text=name" for every mention, "text=name*" for demonyms.
std::vector<std::string> Mentions(const std::string& text, const std::string& language) {
  const Analysis a = RunStage(text, language);
  std::vector<std::string> out;
  for (const Entity& e : a.entities) {
    out.push_back(std::string(e.span.In(text)) + "=" + e.name + (e.demonym ? "*" : ""));
  }
  return out;
}

std::string IdOf(const std::string& text, const std::string& language, const std::string& surface) {
  const Analysis a = RunStage(text, language);
  for (const Entity& e : a.entities) {
    if (e.span.In(text) == surface) return e.id;
  }
  return "(none)";
}

struct Case {
  const char* language;
  const char* text;
  std::vector<std::string> want;
};

TEST(EntityRecognizerTest, TableOfCases) {
  const Case cases[] = {
      // Honorifics and titles are left out of the name.
      {"fr", "M. Aksyonov a précisé que deux bataillons étaient prêts.",
       {"Aksyonov=Sergei Aksyonov"}},
      {"en", "Dr. Hannah Ellis said the rise was unfair. Dr. Ellis added more.",
       {"Hannah Ellis=Hannah Ellis", "Ellis=Hannah Ellis"}},
      {"en", "Prime Minister Keir Starmer said that Britain would pay.",
       {"Keir Starmer=Keir Starmer", "Britain=United Kingdom"}},
      // Possessives stay outside the span.
      {"en", "Russia's Defence Ministry denied it.",
       {"Russia=Russia", "Defence Ministry=Ministry of Defence of Russia"}},
      // Region or city.
      {"fr", "Des volontaires dans la région de Koursk et à Koursk même.",
       {"Koursk=Kursk Oblast", "Koursk=Kursk Oblast"}},
      {"en", "Fighting in the Kharkiv region; later, shelling in the city of Kharkiv.",
       {"Kharkiv=Kharkiv Oblast", "Kharkiv=Kharkiv"}},
      {"en", "Shelling in Kharkiv and Zaporizhzhia.", {"Kharkiv=Kharkiv", "Zaporizhzhia=Zaporizhzhia"}},
      {"fr", "des scrutins dans les régions de Lougansk, de Donetsk et de Kherson.",
       {"Lougansk=Luhansk Oblast", "Donetsk=Donetsk Oblast", "Kherson=Kherson Oblast"}},
      {"en", "Buses leave for Mykolaiv and Odesa every morning from Kherson.",
       {"Mykolaiv=Mykolaiv", "Odesa=Odesa", "Kherson=Kherson"}},
      // Demonyms, glued prefixes, hyphenated words.
      {"fr", "L'opposition prorusse et les forces ukrainiennes.",
       {"prorusse=Russia*", "ukrainiennes=Ukraine*"}},
      {"en", "The Kremlin-backed leader and pro-European parties.",
       {"Kremlin=Kremlin", "European=Europe*"}},
      {"fr", "Elle a écrit sur X (ex-Twitter) un message.", {"X=X", "Twitter=X"}},
      // Ministries take their country from the text around them.
      {"fr", "Le ministère ukrainien de l'Énergie affirme que les frappes continuent.",
       {"ministère ukrainien de l'Énergie=Ministry of Energy of Ukraine"}},
      {"en", "The British Ministry of Defence said that Russian losses rose.",
       {"British Ministry of Defence=UK Ministry of Defence", "Russian=Russia*"}},
      {"fr", "Selon le Kremlin, le ministère de la Défense russe a confirmé.",
       {"Kremlin=Kremlin", "ministère de la Défense russe=Ministry of Defence of Russia"}},
      // Unknown names typed from context.
      {"fr", "Dans le quartier de Saltivka, sourit Olena, une enseignante.",
       {"Saltivka=Saltivka", "Olena=Olena"}},
      {"en", "Tomas Reiner, a researcher at Uppsala University, said so.",
       {"Tomas Reiner=Tomas Reiner", "Uppsala University=Uppsala University"}},
      {"en", "The Russian port of Ust-Luga lies near St. Petersburg.",
       {"Russian=Russia*", "Ust-Luga=Ust-Luga", "St. Petersburg=Saint Petersburg"}},
      // Transliteration variants resolve to the table.
      {"fr", "Le chef de l'administration, Oleksandr Prokoudine, a parlé.",
       {"Oleksandr Prokoudine=Oleksandr Prokudin"}},
      {"fr", "Manifestations à Tbilissi.", {"Tbilissi=Tbilisi"}},
      // Case decides: "le monde" is not Le Monde, "pas" is not PAS.
      {"fr", "Le monde ne change pas. Selon Le Monde, rien.", {"Le Monde=Le Monde"}},
      // Cyrillic inflections.
      {"ru", "Губернатор Курской области Александр Хинштейн сообщил.",
       {"Курской области=Kursk Oblast", "Александр Хинштейн=Alexander Khinshtein"}},
      {"uk", "У Харкові відкрили школу.", {"Харкові=Kharkiv"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Mentions(c.text, c.language), c.want) << c.text;
  }
}

TEST(EntityRecognizerTest, CapitalizedCommonWordsAreNotEntities) {
  const Case cases[] = {
      {"en", "BREAKING NEWS\n\nResidents said the Fighting would Continue.", {}},
      {"fr", "EXCLUSIF\n\nCertains manifestants ont bloqué la route.", {}},
      {"en", "Released fighters are celebrated. Analysts estimate more.", {}},
      {"en", "More Stories\n\nThe houseplants that survive even the darkest flat", {}},
      {"fr", "Lire aussi : Ce que l'on sait de la situation", {}},
      {"fr", "« Cher ami, je suis fier de vous », a-t-il dit.", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Mentions(c.text, c.language), c.want) << c.text;
  }
}

TEST(EntityRecognizerTest, OneIdAcrossLanguages) {
  EXPECT_EQ(IdOf("Vladimir Poutine a parlé.", "fr", "Vladimir Poutine"),
            IdOf("Vladimir Putin spoke.", "en", "Vladimir Putin"));
  EXPECT_EQ(IdOf("Le président Zelenski a parlé.", "fr", "Zelenski"),
            IdOf("President Zelenskyy spoke.", "en", "Zelenskyy"));
  EXPECT_EQ(IdOf("La Tchétchénie envoie des hommes.", "fr", "Tchétchénie"),
            IdOf("Chechnya sends men.", "en", "Chechnya"));
  EXPECT_EQ(IdOf("Des frappes à Zaporijia.", "fr", "Zaporijia"),
            IdOf("Strikes on Zaporizhzhia.", "en", "Zaporizhzhia"));
  // Names in no table: the id comes from the transliteration-aware key.
  EXPECT_EQ(IdOf("Selon M. Ivan Dorofeïev, rien.", "fr", "Ivan Dorofeïev"),
            IdOf("Mr Ivan Dorofeyev said nothing.", "en", "Ivan Dorofeyev"));
  EXPECT_EQ(IdOf("Mr Ivan Dorofeyev said nothing.", "en", "Ivan Dorofeyev"),
            "person:~ivan-dorofeiev");
}

TEST(EntityRecognizerTest, SurnameTakesTheIdOfTheFullName) {
  const std::string text =
      "Nikolai Lomov, a Communist deputy, read the appeal. \"We demand it,\" Lomov said. "
      "Lomov's colleague agreed.";
  const Analysis a = RunStage(text, "en");
  std::vector<std::string> ids;
  for (const Entity& e : a.entities) {
    if (e.type == EntityType::kPerson) ids.push_back(e.id + "|" + e.name);
  }
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[0], ids[1]);
  EXPECT_EQ(ids[0], ids[2]);
  EXPECT_EQ(ids[0], "person:~nikolai-lomov|Nikolai Lomov");
}

TEST(EntityRecognizerTest, SummaryRanksByMentionsTitleAndLead) {
  const std::string text =
      "Kadyrov sends more men to Kursk\n\nBy Laura Penn | October 2, 2024\n\n"
      "Ramzan Kadyrov has sent more fighters to the Kursk region, officials in Grozny said on "
      "Monday, adding that the men had trained for weeks.\n\n"
      "Kadyrov said the units were ready. Moscow did not comment.";
  Document doc;
  doc.text = text;
  doc.language = "en";
  Tokenize(&doc);
  SplitParagraphs(&doc);
  SplitSentences(&doc);
  Analysis out;
  out.title_span = {0, 31};
  Recognizer().Run(doc, &out);
  ASSERT_GE(out.entity_summary.size(), 3u);
  EXPECT_EQ(out.entity_summary[0].name, "Ramzan Kadyrov");
  EXPECT_EQ(out.entity_summary[0].mentions, 3);
  EXPECT_DOUBLE_EQ(out.entity_summary[0].salience, 1.0);
  EXPECT_EQ(out.entity_summary[1].name, "Kursk Oblast");
  for (size_t i = 1; i < out.entity_summary.size(); ++i) {
    EXPECT_LE(out.entity_summary[i].salience, out.entity_summary[i - 1].salience);
  }
}

TEST(EntityRecognizerTest, HostileInputKeepsSpansInsideTheText) {
  std::vector<std::string> inputs = {
      "",
      " ",
      "\n\n\n",
      "«««»»» “““ ” ' ' \" \"",
      "M. M. M. Mme Dr. Mr",
      "de de de la la l' d' van von der",
      "Poutine-Poutine-Poutine-Poutine",
      "\xEF\xBF\xBD\xEF\xBF\xBD Kyiv \xE2\x80\x8B Kyiv",
      "Z\xCC\x81\xCC\x81\xCC\x81 Zaporizhzhia\xCC\x81 Kadyrov\xE2\x80\x99s",
      "ТАСС РИА Новости Медузы Курской",
      std::string(5000, 'A'),
  };
  std::string huge;
  for (int i = 0; i < 3000; ++i) huge += "Vladimir Poutine et Kadyrov à Koursk, région de Koursk. ";
  inputs.push_back(huge);
  std::string caps;
  for (int i = 0; i < 2000; ++i) caps += "Alpha Beta Gamma Delta ";
  inputs.push_back(caps);
  for (const std::string& text : inputs) {
    for (const char* language : {"fr", "en", "und", "ru"}) {
      const Analysis a = RunStage(text, language);
      for (size_t i = 0; i < a.entities.size(); ++i) {
        const Entity& e = a.entities[i];
        ASSERT_LE(e.span.end, text.size());
        ASSERT_LT(e.span.start, e.span.end);
        if (i > 0) {
          ASSERT_LE(a.entities[i - 1].span.end, e.span.start);
        }
      }
    }
  }
}

TEST(EntityRecognizerTest, ConcurrentRunsAgree) {
  const std::string text =
      "Vladimir Poutine a rencontré Ramzan Kadyrov à Grozny. Le ministère de la Défense russe "
      "a confirmé, selon TASS.";
  const auto want = Mentions(text, "fr");
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) ok[t] += Mentions(text, "fr") == want;
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(ok[t], 20);
}

TEST(EntityTablesTest, MissingDataDirectoryIsAnError) {
  auto created = EntityRecognizer::Create("/nonexistent/veille-data");
  EXPECT_FALSE(created.ok());
}

}  // namespace
}  // namespace veille
