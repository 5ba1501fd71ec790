#include "text/metadata.h"

#include <fmt/format.h>

#include <cstring>
#include <regex>

#include "util/utf8.h"

namespace veille {
namespace {

struct Month {
  const char* name;
  int number;
};

// Month names (lowercase) in the languages veille reads: French, English,
// German, Spanish, Italian, and the genitive forms Russian and Ukrainian use
// in dates. Abbreviations are listed without their period.
constexpr Month kMonths[] = {
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"mai", 5},
    {"juin", 6}, {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"décembre", 12}, {"decembre", 12}, {"janv", 1}, {"févr", 2},
    {"fév", 2}, {"avr", 4}, {"juil", 7}, {"déc", 12},
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
    {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
    {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    {"januar", 1}, {"februar", 2}, {"märz", 3}, {"juni", 6}, {"juli", 7}, {"oktober", 10},
    {"dezember", 12},
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
    {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12},
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
    {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
    {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6},
    {"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11},
    {"декабря", 12},
    {"січня", 1}, {"лютого", 2}, {"березня", 3}, {"квітня", 4}, {"травня", 5}, {"червня", 6},
    {"липня", 7}, {"серпня", 8}, {"вересня", 9}, {"жовтня", 10}, {"листопада", 11},
    {"грудня", 12}};

int MonthNumber(std::string_view word) {
  std::string lower;
  utf8::AppendLower(word, &lower);
  while (!lower.empty() && (lower.back() == '.' || lower.back() == ',')) lower.pop_back();
  for (const Month& m : kMonths) {
    if (lower == m.name) return m.number;
  }
  return 0;
}

std::string Iso(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return "";
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

// A byline: "Par Claire Martin", "By John Hale", "Auteur : Petr Plateník".
const std::regex& BylineRegex() {
  // Names are capitalized words (ASCII or Latin-1 capitals, which UTF-8
  // encodes as \xC3\x80-\xC3\x9E), optionally joined by particles.
  static const std::regex re(
      R"(^(?:Par|By|BY|PAR|Von|Por|Di|Door|Auteur(?:\s|\xC2\xA0|\xE2\x80\xAF)*:|Author\s*:|Autor(?:in)?\s*:|Written by|Publié par|Rédigé par|Автор\s*:?)\s+((?:[A-Z]|\xC3[\x80-\x9E]|\xD0[\x80-\xAF])[^\s,|]*(?:\s(?:(?:[A-Z]|\xC3[\x80-\x9E]|\xD0[\x80-\xAF])[^\s,|]*|de|du|des|van|von|der|le|la|bin)){0,4}))",
      std::regex::ECMAScript | std::regex::optimize);
  return re;
}

}  // namespace

std::string FindDate(std::string_view text, std::string_view language, Span* span) {
  static const std::regex iso(R"((\d{4})-(\d{2})-(\d{2}))");
  // day month year: "14 mars 2025", "1er juin 2024", "3. März 2025",
  // "1 de febrero de 2024", "14 марта 2025"; the month is checked against kMonths.
  static const std::regex dmy(R"((\d{1,2})(?:er|\.)?\s+(?:de\s+)?([^\s\d]+?)\.?,?\s+(?:de\s+)?(\d{4}))");
  // month day, year: "March 14, 2025"
  static const std::regex mdy(R"(([A-Z][a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))");
  static const std::regex numeric(R"((\d{1,2})/(\d{1,2})/(\d{4}))");
  std::cmatch m;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  struct Candidate {
    size_t pos;
    size_t len;
    std::string iso;
  };
  std::vector<Candidate> found;
  if (std::regex_search(begin, end, m, iso)) {
    found.push_back({static_cast<size_t>(m.position(0)), static_cast<size_t>(m.length(0)),
                     Iso(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]))});
  }
  for (auto it = std::cregex_iterator(begin, end, dmy); it != std::cregex_iterator(); ++it) {
    const int month = MonthNumber(std::string_view((*it)[2].first, (*it)[2].length()));
    if (month == 0) continue;
    found.push_back({static_cast<size_t>(it->position(0)), static_cast<size_t>(it->length(0)),
                     Iso(std::stoi((*it)[3]), month, std::stoi((*it)[1]))});
    break;
  }
  for (auto it = std::cregex_iterator(begin, end, mdy); it != std::cregex_iterator(); ++it) {
    const int month = MonthNumber(std::string_view((*it)[1].first, (*it)[1].length()));
    if (month == 0) continue;
    found.push_back({static_cast<size_t>(it->position(0)), static_cast<size_t>(it->length(0)),
                     Iso(std::stoi((*it)[3]), month, std::stoi((*it)[2]))});
    break;
  }
  if (std::regex_search(begin, end, m, numeric)) {
    int a = std::stoi(m[1]), b = std::stoi(m[2]);
    // Day first except in American English.
    const bool month_first = language == "en" && a <= 12 && b > 12;
    found.push_back({static_cast<size_t>(m.position(0)), static_cast<size_t>(m.length(0)),
                     month_first ? Iso(std::stoi(m[3]), a, b) : Iso(std::stoi(m[3]), b, a)});
  }
  const Candidate* best = nullptr;
  for (const Candidate& c : found) {
    if (!c.iso.empty() && (best == nullptr || c.pos < best->pos)) best = &c;
  }
  if (best == nullptr) return "";
  *span = {static_cast<uint32_t>(best->pos), static_cast<uint32_t>(best->pos + best->len)};
  return best->iso;
}

void ExtractMetadata(const Document& doc, Analysis* out) {
  const Article& article = *doc.article;
  const auto& paras = doc.paragraphs;

  // Title: supplied, or a short first line without final punctuation.
  size_t body_start = 0;
  if (!paras.empty()) {
    const std::string_view first = doc.Text(paras[0]);
    const bool one_line = first.find('\n') == std::string_view::npos;
    size_t words = 0;
    for (const Token& t : doc.tokens) {
      if (t.start >= paras[0].end) break;
      if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) ++words;
    }
    size_t len = 0;
    const char32_t last = utf8::DecodeBefore(first, first.size(), &len);
    const bool final_punct = last == '.' || last == ',' || last == ';' || last == ':';
    if (paras.size() > 1 && one_line && first.size() <= 300 && words >= 2 && words <= 40 &&
        !final_punct) {
      out->title = std::string(first);
      out->title_span = paras[0];
      body_start = 1;
    }
  }
  if (!article.title.empty()) {
    if (!out->title || *out->title != article.title) {
      out->title = article.title;
      out->title_span = {};
      body_start = 0;
    }
  }

  // Byline: near the top, or in the closing lines ("Auteur : ...").
  auto try_byline = [&](size_t index) {
    const std::string_view p = doc.Text(paras[index]);
    if (p.size() > 200) return false;
    std::cmatch m;
    if (!std::regex_search(p.data(), p.data() + p.size(), m, BylineRegex())) return false;
    std::string name = m[1].str();
    // A trailing particle belongs to what follows ("Par Claire Martin le 3 mai").
    for (const char* particle : {" de", " du", " des", " van", " von", " der", " le", " la", " bin"}) {
      if (name.ends_with(particle)) name.resize(name.size() - std::strlen(particle));
    }
    out->byline = name;
    const uint32_t start = paras[index].start + static_cast<uint32_t>(m.position(1));
    out->byline_span = {start, start + static_cast<uint32_t>(name.size())};
    return true;
  };
  for (size_t i = body_start; i < paras.size() && i < body_start + 3; ++i) {
    if (try_byline(i)) break;
  }
  if (!out->byline) {
    for (size_t i = paras.size(); i > body_start && i + 7 > paras.size(); --i) {
      if (try_byline(i - 1)) break;
    }
  }
  // An author the page or feed names, when the text itself has no byline.
  if (!out->byline && !article.author.empty()) out->byline = article.author;

  // Date: supplied, else the first date in the opening lines.
  if (!article.date.empty()) {
    out->date = article.date.size() >= 10 ? article.date.substr(0, 10) : article.date;
  } else {
    for (size_t i = 0; i < paras.size() && i < body_start + 3; ++i) {
      const std::string_view p = doc.Text(paras[i]);
      if (p.size() > 300) continue;
      Span span;
      std::string iso = FindDate(p, doc.language, &span);
      if (!iso.empty()) {
        out->date = iso;
        out->date_span = {paras[i].start + span.start, paras[i].start + span.end};
        break;
      }
    }
  }
}

}  // namespace veille
