#include "corpus_generator.h"

#include <fmt/format.h>

#include <array>

#include "util/json_writer.h"

namespace veille::bench {
namespace {

struct Pair {
  const char* fr;
  const char* en;
};

constexpr Pair kPeople[] = {
    {"Vladimir Poutine", "Vladimir Putin"}, {"Volodymyr Zelensky", "Volodymyr Zelensky"},
    {"Ramzan Kadyrov", "Ramzan Kadyrov"}, {"Sergueï Aksionov", "Sergei Aksyonov"},
    {"Roman Starovoït", "Roman Starovoit"}, {"Dmitri Peskov", "Dmitry Peskov"},
    {"Sergueï Lavrov", "Sergei Lavrov"}, {"Emmanuel Macron", "Emmanuel Macron"},
    {"Olaf Scholz", "Olaf Scholz"}, {"Ursula von der Leyen", "Ursula von der Leyen"},
    {"Antony Blinken", "Antony Blinken"}, {"Denys Chmyhal", "Denys Shmyhal"},
    {"Vitali Klitschko", "Vitali Klitschko"}, {"Evgueni Prigojine", "Yevgeny Prigozhin"},
    {"Maia Sandu", "Maia Sandu"}, {"Christine Lagarde", "Christine Lagarde"},
    {"Rishi Sunak", "Rishi Sunak"}, {"Jens Stoltenberg", "Jens Stoltenberg"},
    {"Kaja Kallas", "Kaja Kallas"}, {"Viktor Orban", "Viktor Orban"}};
constexpr Pair kPlaces[] = {
    {"Koursk", "Kursk"}, {"Belgorod", "Belgorod"}, {"Kharkiv", "Kharkiv"}, {"Kherson", "Kherson"},
    {"Zaporijia", "Zaporizhzhia"}, {"Louhansk", "Luhansk"}, {"Donetsk", "Donetsk"},
    {"Bakhmout", "Bakhmut"}, {"Marioupol", "Mariupol"}, {"Odessa", "Odesa"}, {"Kiev", "Kyiv"},
    {"Moscou", "Moscow"}, {"Grozny", "Grozny"}, {"la Crimée", "Crimea"},
    {"la Tchétchénie", "Chechnya"}, {"Bruxelles", "Brussels"}, {"Chisinau", "Chisinau"},
    {"Tbilissi", "Tbilisi"}, {"Varsovie", "Warsaw"}, {"Berlin", "Berlin"}};
constexpr Pair kOutlets[] = {
    {"Newsweek", "Newsweek"}, {"l'agence TASS", "the TASS agency"}, {"Reuters", "Reuters"},
    {"l'AFP", "AFP"}, {"le Guardian", "the Guardian"}, {"le Washington Post", "the Washington Post"},
    {"RIA Novosti", "RIA Novosti"}, {"la BBC", "the BBC"}, {"Le Monde", "Le Monde"},
    {"Meduza", "Meduza"}};
constexpr Pair kCounted[] = {
    {"volontaires", "volunteers"}, {"soldats", "soldiers"}, {"civils", "civilians"},
    {"réfugiés", "refugees"}, {"prisonniers", "prisoners"}, {"habitants", "residents"},
    {"conscrits", "conscripts"}, {"blessés", "wounded"}, {"logements", "homes"},
    {"drones", "drones"}, {"obus", "shells"}, {"employés", "workers"}};
constexpr Pair kTopics[] = {
    {"l'approvisionnement en munitions", "the supply of ammunition"},
    {"la reconstruction des écoles", "the rebuilding of schools"},
    {"l'évacuation des villages frontaliers", "the evacuation of border villages"},
    {"la mobilisation partielle", "the partial mobilisation"},
    {"le prix du gaz", "the price of gas"}, {"les coupures d'électricité", "the power cuts"},
    {"la sécurité de la centrale", "the safety of the power plant"},
    {"les sanctions européennes", "the European sanctions"},
    {"les négociations de paix", "the peace talks"}, {"le budget de la défense", "the defence budget"},
    {"les échanges de prisonniers", "the prisoner exchanges"},
    {"la censure des médias", "media censorship"}, {"les élections locales", "the local elections"},
    {"le recrutement de mercenaires", "the recruitment of mercenaries"},
    {"les livraisons de céréales", "grain deliveries"}, {"la défense aérienne", "air defence"}};
constexpr Pair kDays[] = {{"lundi", "on Monday"}, {"mardi", "on Tuesday"},
                          {"mercredi", "on Wednesday"}, {"jeudi", "on Thursday"},
                          {"vendredi", "on Friday"}, {"samedi", "on Saturday"},
                          {"dimanche", "on Sunday"}};

// Sentence templates. {P} person, {L} place, {O} outlet, {N} number, {C}
// counted noun, {T} topic, {D} day.
constexpr Pair kTemplates[] = {
    {"{P} a déclaré {D} que plus de {N} {C} avaient été déployés près de {L}.",
     "{P} said {D} that more than {N} {C} had been deployed near {L}."},
    {"Selon {O}, au moins {N} {C} ont été tués dans la région de {L} depuis le début du mois.",
     "According to {O}, at least {N} {C} have been killed in the {L} region since the start of the month."},
    {"« Nous ne reculerons pas sur {T} », a affirmé {P} {D}.",
     "\"We will not back down on {T},\" {P} said {D}."},
    {"Les autorités de {L} ont annoncé {D} un nouveau plan concernant {T}.",
     "The authorities in {L} announced a new plan on {T} {D}."},
    {"{P} a confié à {O} que {T} restait la priorité du gouvernement.",
     "{P} told {O} that {T} remained the government's priority."},
    {"Environ {N} {C} ont quitté {L} ces dernières semaines, selon des responsables locaux.",
     "Around {N} {C} have left {L} in recent weeks, according to local officials."},
    {"Des images publiées sur Telegram montrent des dégâts importants à {L}.",
     "Footage posted on Telegram shows heavy damage in {L}."},
    {"{O} n'a pas pu vérifier ces chiffres de manière indépendante.",
     "{O} could not independently verify the figures."},
    {"Le débat sur {T} divise profondément la classe politique à {L}.",
     "The debate over {T} deeply divides politicians in {L}."},
    {"{P} doit se rendre à {L} la semaine prochaine pour évoquer {T}.",
     "{P} is due to travel to {L} next week to discuss {T}."},
    {"Jusqu'à {N} {C} pourraient être concernés par cette décision, a estimé {P}.",
     "Up to {N} {C} could be affected by the decision, {P} estimated."},
    {"Les habitants de {L} décrivent une situation de plus en plus tendue.",
     "Residents of {L} describe an increasingly tense situation."},
    {"Dans un message vidéo, {P} a appelé ses partisans au calme.",
     "In a video message, {P} called on his supporters to remain calm."},
    {"La question de {T} devrait être abordée lors du prochain sommet.",
     "The question of {T} is expected to be raised at the next summit."},
    {"Plus de {N} {C} ont été recensés par les services d'urgence de {L}.",
     "More than {N} {C} were counted by the emergency services in {L}."},
    {"{O} rapporte que {P} a rencontré des représentants de {L} {D}.",
     "{O} reports that {P} met representatives from {L} {D}."}};

constexpr const char* kBoilerplate[] = {
    "Leave a Reply\nYour email address will not be published.",
    "READ MORE: Five things to know about the winter campaign",
    "Lire aussi : Les cinq chiffres à retenir de la semaine",
    "Partager sur Facebook\nPartager sur X",
    "Subscribe to our newsletter for the latest updates.",
    "Amateur de café invétéré. Pionnier de la télé. Penseur en herbe."};

// One sentence: a template and its fillers, renderable in either language.
struct SentenceRecipe {
  uint8_t tmpl, person, place, outlet, counted, topic, day;
  uint32_t number;
};

std::string FormatNumber(uint32_t n, bool french) {
  std::string digits = std::to_string(n);
  std::string out;
  const char* sep = french ? "\u00a0" : ",";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
    out.push_back(digits[i]);
  }
  return out;
}

std::string Render(const SentenceRecipe& r, bool french) {
  auto pick = [french](const Pair& p) { return french ? p.fr : p.en; };
  std::string out;
  std::string_view tmpl = pick(kTemplates[r.tmpl]);
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{') {
      out.push_back(tmpl[i]);
      continue;
    }
    const size_t close = tmpl.find('}', i);
    const std::string_view key = tmpl.substr(i + 1, close - i - 1);
    if (key == "P") out += pick(kPeople[r.person]);
    else if (key == "L") out += pick(kPlaces[r.place]);
    else if (key == "O") out += pick(kOutlets[r.outlet]);
    else if (key == "N") out += FormatNumber(r.number, french);
    else if (key == "C") out += pick(kCounted[r.counted]);
    else if (key == "T") out += pick(kTopics[r.topic]);
    else if (key == "D") out += pick(kDays[r.day]);
    i = close;
  }
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

template <typename T, size_t N>
constexpr size_t Count(const T (&)[N]) {
  return N;
}

}  // namespace


CorpusGenerator::CorpusGenerator(Options options) : options_(options), state_(options.seed * 0x9E3779B97F4A7C15ull + 1) {}

uint64_t CorpusGenerator::Random() {
  // splitmix64: fast, deterministic, good enough for test data.
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

GeneratedArticle CorpusGenerator::Next() {
  const double roll = static_cast<double>(Random() % 10000) / 10000.0;
  if (!recent_.empty() && roll < options_.near_duplicate_rate) {
    return NearDuplicate(recent_[Pick(recent_.size())]);
  }
  if (!recent_.empty() && roll < options_.near_duplicate_rate + options_.translation_rate) {
    const size_t index = Pick(recent_.size());
    return Translate(recent_[index]);
  }
  return Fresh();
}

GeneratedArticle CorpusGenerator::Fresh() {
  GeneratedArticle a;
  a.id = fmt::format("gen-{:08d}", counter_++);
  a.language = Random() % 2 ? "fr" : "en";
  a.story = next_story_++;
  const bool french = a.language == "fr";
  // A story has its own cast, so different stories rarely share all entities.
  const uint8_t person = static_cast<uint8_t>(Pick(Count(kPeople)));
  const uint8_t place = static_cast<uint8_t>(Pick(Count(kPlaces)));
  const uint8_t outlet = static_cast<uint8_t>(Pick(Count(kOutlets)));
  const uint8_t topic = static_cast<uint8_t>(Pick(Count(kTopics)));
  const int paragraphs = options_.min_paragraphs +
                         static_cast<int>(Pick(options_.max_paragraphs - options_.min_paragraphs + 1));
  std::vector<int> slots;
  std::string body;
  for (int p = 0; p < paragraphs; ++p) {
    const int sentences = 2 + static_cast<int>(Pick(3));
    for (int s = 0; s < sentences; ++s) {
      SentenceRecipe r;
      r.tmpl = static_cast<uint8_t>(Pick(Count(kTemplates)));
      // Mostly the story's cast, sometimes someone else.
      r.person = Pick(4) ? person : static_cast<uint8_t>(Pick(Count(kPeople)));
      r.place = Pick(4) ? place : static_cast<uint8_t>(Pick(Count(kPlaces)));
      r.outlet = Pick(3) ? outlet : static_cast<uint8_t>(Pick(Count(kOutlets)));
      r.topic = Pick(3) ? topic : static_cast<uint8_t>(Pick(Count(kTopics)));
      r.counted = static_cast<uint8_t>(Pick(Count(kCounted)));
      r.day = static_cast<uint8_t>(Pick(Count(kDays)));
      r.number = static_cast<uint32_t>(10 + Pick(5) * Pick(20000));
      const uint64_t packed = (uint64_t{r.tmpl} << 56) | (uint64_t{r.person} << 48) |
                              (uint64_t{r.place} << 40) | (uint64_t{r.outlet} << 32) |
                              (uint64_t{r.counted} << 24) | (uint64_t{r.topic} << 16) |
                              (uint64_t{r.day} << 8);
      slots.push_back(static_cast<int>(packed >> 32));
      slots.push_back(static_cast<int>(packed & 0xFFFFFFFF));
      slots.push_back(static_cast<int>(r.number));
      if (s > 0) body += ' ';
      body += Render(r, french);
    }
    body += "\n\n";
  }
  SentenceRecipe title_recipe{static_cast<uint8_t>(Pick(Count(kTemplates))), person, place,
                              outlet, 0, topic, 0, 100};
  a.title = fmt::format("{} : {}", french ? kPlaces[place].fr : kPlaces[place].en,
                        french ? kTopics[topic].fr : kTopics[topic].en);
  (void)title_recipe;
  a.outlet = kOutlets[outlet].en;
  a.date = fmt::format("2024-{:02d}-{:02d}", 1 + Pick(12), 1 + Pick(28));
  a.text = a.title + "\n\n" + body;
  while (!a.text.empty() && a.text.back() == '\n') a.text.pop_back();
  a.text.push_back('\n');
  if (recent_.size() < 2000) {
    recent_.push_back(a);
    recent_slots_.push_back(std::move(slots));
  } else {
    const size_t victim = Pick(recent_.size());
    recent_[victim] = a;
    recent_slots_[victim] = std::move(slots);
  }
  return a;
}

GeneratedArticle CorpusGenerator::NearDuplicate(const GeneratedArticle& source) {
  GeneratedArticle a = source;
  a.id = fmt::format("gen-{:08d}", counter_++);
  a.planted = "near_duplicate";
  a.planted_from = source.id;
  // Change roughly one word in twenty and add page furniture at the end.
  std::string out;
  size_t word = 0;
  for (size_t i = 0; i < source.text.size(); ++i) {
    const char c = source.text[i];
    if (c == ' ' && ++word % 20 == static_cast<size_t>(Pick(20))) {
      out += source.language == "fr" ? " aussi " : " also ";
      continue;
    }
    out.push_back(c);
  }
  out += "\n";
  out += kBoilerplate[Pick(Count(kBoilerplate))];
  out += "\n";
  a.text = std::move(out);
  return a;
}

GeneratedArticle CorpusGenerator::Translate(const GeneratedArticle& source) {
  size_t index = 0;
  while (index < recent_.size() && recent_[index].id != source.id) ++index;
  GeneratedArticle a = source;
  a.id = fmt::format("gen-{:08d}", counter_++);
  a.planted = "translation";
  a.planted_from = source.id;
  a.language = source.language == "fr" ? "en" : "fr";
  const bool french = a.language == "fr";
  const std::vector<int>& slots = recent_slots_[index];
  // Re-render the same sentences in the other language; keep the title line.
  std::string body;
  for (size_t i = 0; i + 2 < slots.size(); i += 3) {
    const uint64_t packed = (uint64_t(uint32_t(slots[i])) << 32) | uint32_t(slots[i + 1]);
    SentenceRecipe r{static_cast<uint8_t>(packed >> 56), static_cast<uint8_t>(packed >> 48),
                     static_cast<uint8_t>(packed >> 40), static_cast<uint8_t>(packed >> 32),
                     static_cast<uint8_t>(packed >> 24), static_cast<uint8_t>(packed >> 16),
                     static_cast<uint8_t>(packed >> 8), static_cast<uint32_t>(slots[i + 2])};
    body += Render(r, french);
    body += (i / 3) % 3 == 2 ? "\n\n" : " ";
  }
  a.title = "(" + a.language + ") " + source.title;
  a.text = a.title + "\n\n" + body + "\n";
  a.date = source.date;  // a later copy would be dated later; the same day is the hard case
  return a;
}

std::string CorpusGenerator::ToJsonLine(const GeneratedArticle& a) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("id").String(a.id);
  w.Key("language").String(a.language);
  w.Key("date").String(a.date);
  w.Key("outlet").String(a.outlet);
  w.Key("title").String(a.title);
  w.Key("story").Uint(a.story);
  if (!a.planted.empty()) {
    w.Key("planted").String(a.planted);
    w.Key("planted_from").String(a.planted_from);
  }
  w.Key("text").String(a.text);
  w.EndObject();
  out.push_back('\n');
  return out;
}

std::string GenerateNewsText(const char* language, size_t bytes, const char* separator) {
  CorpusGenerator generator({});
  std::string text;
  while (text.size() < bytes) {
    GeneratedArticle a = generator.Next();
    if (a.language == language) text += a.text + separator;
  }
  return text;
}

}  // namespace veille::bench
