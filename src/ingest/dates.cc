#include "ingest/dates.h"

#include <fmt/format.h>

#include <cctype>

#include "text/metadata.h"

namespace veille {
namespace {

// Reads exactly `digits` ASCII digits at s[*pos]; advances on success.
bool ReadNumber(std::string_view s, size_t* pos, size_t digits, int* value) {
  if (*pos + digits > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < digits; ++i) {
    const char c = s[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += digits;
  *value = v;
  return true;
}

// Reads 1 to `max_digits` digits.
bool ReadUpTo(std::string_view s, size_t* pos, size_t max_digits, int* value) {
  size_t n = 0;
  while (*pos + n < s.size() && n < max_digits && std::isdigit(static_cast<unsigned char>(s[*pos + n]))) ++n;
  return n > 0 && ReadNumber(s, pos, n, value);
}

void SkipSpaces(std::string_view s, size_t* pos) {
  while (*pos < s.size() && (s[*pos] == ' ' || s[*pos] == '\t' || s[*pos] == '\n' || s[*pos] == '\r')) ++*pos;
}

bool ValidDate(int year, int month, int day) {
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool ValidTime(int hour, int minute, int second) {
  return hour >= 0 && hour <= 24 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60;
}

// "HH:MM[:SS[.fff]]" at s[*pos].
bool ReadTime(std::string_view s, size_t* pos, int* hour, int* minute, int* second) {
  size_t p = *pos;
  *second = 0;
  if (!ReadUpTo(s, &p, 2, hour) || p >= s.size() || s[p] != ':') return false;
  ++p;
  if (!ReadNumber(s, &p, 2, minute)) return false;
  if (p < s.size() && s[p] == ':') {
    ++p;
    if (!ReadNumber(s, &p, 2, second)) return false;
    if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
      ++p;
      while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p]))) ++p;
    }
  }
  if (!ValidTime(*hour, *minute, *second)) return false;
  *pos = p;
  return true;
}

// A numeric zone "+01:00", "+0100", "-05", or "Z"; "" when there is none.
std::string ReadNumericZone(std::string_view s, size_t* pos) {
  size_t p = *pos;
  if (p < s.size() && (s[p] == 'Z' || s[p] == 'z')) {
    *pos = p + 1;
    return "Z";
  }
  if (p >= s.size() || (s[p] != '+' && s[p] != '-')) return "";
  const char sign = s[p++];
  int hours = 0, minutes = 0;
  if (!ReadNumber(s, &p, 2, &hours)) return "";
  if (p < s.size() && s[p] == ':') ++p;
  if (!ReadNumber(s, &p, 2, &minutes)) minutes = 0;
  if (hours > 14 || minutes > 59) return "";
  *pos = p;
  return fmt::format("{}{:02d}:{:02d}", sign, hours, minutes);
}

std::string Format(int year, int month, int day, bool has_time, int hour, int minute,
                   int second, const std::string& zone) {
  if (!has_time) return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}{}", year, month, day, hour,
                     minute, second, zone);
}

std::string ParseIso(std::string_view s) {
  size_t p = 0;
  int year = 0, month = 0, day = 0;
  if (!ReadNumber(s, &p, 4, &year) || p >= s.size() || s[p] != '-') return "";
  ++p;
  if (!ReadNumber(s, &p, 2, &month) || p >= s.size() || s[p] != '-') return "";
  ++p;
  if (!ReadNumber(s, &p, 2, &day) || !ValidDate(year, month, day)) return "";
  int hour = 0, minute = 0, second = 0;
  bool has_time = false;
  std::string zone;
  if (p < s.size() && (s[p] == 'T' || s[p] == 't' || s[p] == ' ')) {
    size_t q = p + 1;
    if (ReadTime(s, &q, &hour, &minute, &second)) {
      has_time = true;
      SkipSpaces(s, &q);
      zone = ReadNumericZone(s, &q);
      p = q;
    }
  }
  // Anything after a complete date or time must not be more digits ("2025-03-145").
  if (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p]))) return "";
  return Format(year, month, day, has_time, hour, minute, second, zone);
}

int EnglishMonth(std::string_view word) {
  static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  std::string lower;
  for (const char c : word) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  static constexpr const char* kFull[] = {"january", "february", "march",     "april",
                                          "may",     "june",     "july",      "august",
                                          "september", "october", "november", "december"};
  for (int i = 0; i < 12; ++i) {
    if (lower == kMonths[i] || lower == kFull[i] || (i == 8 && lower == "sept")) return i + 1;
  }
  return 0;
}

std::string RfcZone(std::string_view word) {
  static constexpr std::pair<const char*, const char*> kZones[] = {
      {"GMT", "Z"}, {"UT", "Z"}, {"UTC", "Z"}, {"Z", "Z"}, {"EST", "-05:00"}, {"EDT", "-04:00"},
      {"CST", "-06:00"}, {"CDT", "-05:00"}, {"MST", "-07:00"}, {"MDT", "-06:00"},
      {"PST", "-08:00"}, {"PDT", "-07:00"}};
  for (const auto& [name, zone] : kZones) {
    if (word == name) return zone;
  }
  return "";
}

// RFC 822 / RFC 2822 as feeds write it, with four- or two-digit years.
std::string ParseRfc822(std::string_view s) {
  size_t p = 0;
  SkipSpaces(s, &p);
  // An optional day name followed by a comma.
  const size_t comma = s.find(',');
  if (comma != std::string_view::npos && comma < 12) {
    p = comma + 1;
    SkipSpaces(s, &p);
  }
  int day = 0, year = 0;
  if (!ReadUpTo(s, &p, 2, &day)) return "";
  SkipSpaces(s, &p);
  const size_t month_start = p;
  while (p < s.size() && std::isalpha(static_cast<unsigned char>(s[p]))) ++p;
  const int month = EnglishMonth(s.substr(month_start, p - month_start));
  if (month == 0) return "";
  if (p < s.size() && s[p] == '.') ++p;
  SkipSpaces(s, &p);
  const size_t year_start = p;
  if (!ReadUpTo(s, &p, 4, &year)) return "";
  if (p - year_start == 2) year += year < 50 ? 2000 : 1900;
  if (!ValidDate(year, month, day)) return "";
  SkipSpaces(s, &p);
  int hour = 0, minute = 0, second = 0;
  if (!ReadTime(s, &p, &hour, &minute, &second)) {
    return Format(year, month, day, false, 0, 0, 0, "");
  }
  SkipSpaces(s, &p);
  std::string zone = ReadNumericZone(s, &p);
  if (zone.empty()) {
    const size_t zone_start = p;
    while (p < s.size() && std::isalpha(static_cast<unsigned char>(s[p]))) ++p;
    zone = RfcZone(s.substr(zone_start, p - zone_start));
  }
  return Format(year, month, day, true, hour, minute, second, zone);
}

}  // namespace

std::string NormalizeDate(std::string_view value) {
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.remove_prefix(1);
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.remove_suffix(1);
  if (value.empty() || value.size() > 200) return "";
  std::string iso = ParseIso(value);
  if (!iso.empty()) return iso;
  iso = ParseRfc822(value);
  if (!iso.empty()) return iso;
  Span span;
  return FindDate(value, "", &span);
}

}  // namespace veille
