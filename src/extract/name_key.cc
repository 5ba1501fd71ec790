#include "extract/name_key.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "util/utf8.h"

namespace veille {
namespace {

constexpr char32_t kFoldTableEnd = 0x0300;

// ASCII base letters of the Latin letters below U+0300, computed once from
// the canonical decomposition (é → e), plus the letters that have none
// (ß, æ, œ, ø, ł, đ, þ). Lowercase only; empty for everything else.
const std::array<std::array<char, 4>, kFoldTableEnd>& FoldTable() {
  static const auto table = [] {
    std::array<std::array<char, 4>, kFoldTableEnd> t{};
    UErrorCode error = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
    for (char32_t c = 0x80; c < kFoldTableEnd; ++c) {
      const UChar32 lower = u_tolower(static_cast<UChar32>(c));
      if (!u_isalpha(lower)) continue;
      icu::UnicodeString decomposed;
      if (nfd != nullptr && U_SUCCESS(error)) {
        decomposed = nfd->normalize(icu::UnicodeString(lower), error);
      }
      if (decomposed.length() > 0 && decomposed.charAt(0) < 0x80 &&
          u_isalpha(decomposed.charAt(0))) {
        t[c][0] = static_cast<char>(u_tolower(decomposed.charAt(0)));
      }
    }
    auto set = [&](char32_t c, const char* s) {
      std::strncpy(t[c].data(), s, 3);
      const char32_t upper = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
      if (upper < kFoldTableEnd && upper != c) std::strncpy(t[upper].data(), s, 3);
    };
    set(0xDF, "ss");
    set(0xE6, "ae");
    set(0x153, "oe");
    set(0xF8, "o");
    set(0x142, "l");
    set(0x111, "d");
    set(0xF0, "d");
    set(0xFE, "th");
    set(0x131, "i");
    return t;
  }();
  return table;
}

bool IsCyrillicChar(char32_t c) { return c >= 0x400 && c <= 0x4FF; }

bool IsApostropheChar(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

// Appends the lowercase ASCII base of a Latin letter; false if `c` is not one.
bool AppendLatinBase(char32_t c, std::string* out) {
  if (c < 0x80) {
    if ((c | 32) >= 'a' && (c | 32) <= 'z') {
      out->push_back(static_cast<char>(c | 32));
      return true;
    }
    return false;
  }
  if (c < kFoldTableEnd) {
    const auto& base = FoldTable()[c];
    if (base[0] == 0) return false;
    out->append(base.data());
    return true;
  }
  if (c >= 0x1E00 && c <= 0x1EFF) {  // Latin Extended Additional (Vietnamese, ...)
    UErrorCode error = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
    if (nfd == nullptr || U_FAILURE(error)) return false;
    const icu::UnicodeString d =
        nfd->normalize(icu::UnicodeString(u_tolower(static_cast<UChar32>(c))), error);
    if (d.length() > 0 && d.charAt(0) < 0x80 && u_isalpha(d.charAt(0))) {
      out->push_back(static_cast<char>(u_tolower(d.charAt(0))));
      return true;
    }
  }
  return false;
}

// Latin transliteration of lowercase Russian and Ukrainian letters, chosen so
// that the NameKey rules below fold it like the usual English and French
// spellings (г and х both give "h", ш/щ/ч give the "ch" class).
const char* CyrillicLatin(char32_t c) {
  switch (c) {
    case U'а': return "a";
    case U'б': return "b";
    case U'в': return "v";
    case U'г': case U'ґ': case U'х': return "h";
    case U'д': return "d";
    case U'е': case U'э': return "e";
    case U'є': return "ie";
    case U'ё': return "io";
    case U'ж': return "zh";
    case U'з': return "z";
    case U'и': case U'і': case U'ї': case U'й': case U'ы': return "i";
    case U'к': return "k";
    case U'л': return "l";
    case U'м': return "m";
    case U'н': return "n";
    case U'о': return "o";
    case U'п': return "p";
    case U'р': return "r";
    case U'с': return "s";
    case U'т': return "t";
    case U'у': return "u";
    case U'ф': return "f";
    case U'ц': return "ts";
    case U'ч': case U'ш': case U'щ': return "sh";
    case U'ю': return "iu";
    case U'я': return "ia";
    default: return "";
  }
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// Case endings of Russian and Ukrainian nouns and adjectives, removed before
// Cyrillic names are compared; longest first.
constexpr std::u32string_view kCyrillicEndings[] = {
    U"ого", U"его", U"ому", U"ему", U"ыми", U"ими", U"ами", U"ями", U"ах", U"ях", U"ой",
    U"ей", U"ий", U"ый", U"ым", U"им", U"ом", U"ем", U"ая", U"яя", U"ое", U"ее", U"ые",
    U"ие", U"ую", U"юю", U"ых", U"их", U"ою", U"ею", U"а", U"я", U"о",
    U"е", U"у", U"ю", U"ы", U"и", U"і", U"ї", U"є", U"ь", U"й"};

bool IsCyrillicVowel(char32_t c) {
  return std::u32string_view(U"аеёиоуыэюяіїє").find(c) != std::u32string_view::npos;
}

// Removes one case ending, keeping a stem of at least three letters.
void StripCyrillicEnding(std::u32string* chars) {
  for (std::u32string_view ending : kCyrillicEndings) {
    if (chars->size() >= ending.size() + 3 &&
        std::u32string_view(*chars).substr(chars->size() - ending.size()) == ending) {
      chars->resize(chars->size() - ending.size());
      return;
    }
  }
}

// ASCII letters of `word` (Latin folded, Cyrillic transliterated), lowercase.
std::string AsciiLetters(std::string_view word, bool strip_cyrillic_ending) {
  std::u32string chars;
  chars.reserve(word.size());
  size_t len = 0;
  for (size_t i = 0; i < word.size(); i += len) {
    const char32_t c = utf8::Decode(word, i, &len);
    chars.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
  }
  if (strip_cyrillic_ending) StripCyrillicEnding(&chars);
  std::string ascii;
  ascii.reserve(chars.size() + 4);
  for (char32_t c : chars) {
    if (IsCyrillicChar(c)) {
      ascii += CyrillicLatin(c);
    } else {
      AppendLatinBase(c, &ascii);
    }
  }
  return ascii;
}

bool StartsAt(std::string_view s, size_t i, std::string_view what) {
  return s.compare(i, what.size(), what) == 0;
}

// The NameKey rules on one word of lowercase ASCII letters.
void NormalizeAscii(std::string_view s, std::string* out) {
  // Symbols: lowercase letters, plus 'C' (ch/sh/tch/shch...), 'H' (h/kh/g/gh),
  // 'J' (zh/j/dj/dzh).
  std::string sym;
  sym.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    const char next = i + 1 < s.size() ? s[i + 1] : '\0';
    const char after = i + 2 < s.size() ? s[i + 2] : '\0';
    if (StartsAt(s, i, "shch") || StartsAt(s, i, "chtch") || StartsAt(s, i, "tsch")) {
      sym += 'C';
      i += StartsAt(s, i, "chtch") ? 5 : 4;
    } else if (StartsAt(s, i, "tch") || StartsAt(s, i, "sch")) {
      sym += 'C';
      i += 3;
    } else if (StartsAt(s, i, "sh") || StartsAt(s, i, "ch") || StartsAt(s, i, "cz") ||
               StartsAt(s, i, "sz")) {
      sym += 'C';
      i += 2;
    } else if (StartsAt(s, i, "dzh")) {
      sym += 'J';
      i += 3;
    } else if (StartsAt(s, i, "zh") || StartsAt(s, i, "dj")) {
      sym += 'J';
      i += 2;
    } else if (c == 'j') {
      // "-ij"/"-yj" endings (Polish, Czech, German) are the vowel i.
      if (i > 0 && (s[i - 1] == 'i' || s[i - 1] == 'y') && !IsVowel(next)) {
        sym += 'i';
      } else {
        sym += 'J';
      }
      ++i;
    } else if (StartsAt(s, i, "kh") || StartsAt(s, i, "gh")) {
      sym += 'H';
      i += 2;
    } else if (c == 'g' && next == 'u' && (after == 'e' || after == 'i' || after == 'y')) {
      sym += 'H';  // French "gue", "gui": Sergueï, Guerman
      i += 2;
    } else if (c == 'g' || c == 'h') {
      sym += 'H';
      ++i;
    } else if (StartsAt(s, i, "ph")) {
      sym += 'f';
      i += 2;
    } else if (StartsAt(s, i, "th")) {
      sym += 't';
      i += 2;
    } else if (StartsAt(s, i, "ck") || c == 'q') {
      sym += 'k';
      i += c == 'q' ? 1 : 2;
    } else if (c == 'x') {
      sym += "ks";
      ++i;
    } else if (c == 'c') {
      sym += (next == 'e' || next == 'i' || next == 'y') ? 's' : 'k';
      ++i;
    } else if (c == 'w') {
      sym += 'v';
      ++i;
    } else if (c == 'o' && next == 'u') {
      sym += 'u';
      i += 2;
    } else if (c == 'y') {
      sym += 'i';
      ++i;
    } else {
      sym += c;
      ++i;
    }
  }
  // Doubled letters are one letter: Zelenskyy, Zaporizhzhia, Tbilissi.
  sym.erase(std::unique(sym.begin(), sym.end()), sym.end());
  // A word-initial glide before a vowel: Yevgeny/Evgueni, Iouri/Yuri.
  if (sym.size() >= 3 && sym[0] == 'i' && IsVowel(sym[1]) && sym[1] != 'i') sym.erase(0, 1);
  // Endings -ie, -ia, -iya, -ya (already i), German -ien: one form "ia".
  if (sym.size() >= 8 && sym.compare(sym.size() - 3, 3, "ien") == 0) sym.resize(sym.size() - 1);
  if (sym.size() >= 4 && sym[sym.size() - 2] == 'i' &&
      (sym.back() == 'e' || sym.back() == 'a')) {
    sym.back() = 'a';
  }
  // French mute final e after a consonant: Poutine, Prokoudine.
  if (sym.size() >= 5 && sym.back() == 'e' && !IsVowel(sym[sym.size() - 2])) sym.pop_back();
  for (char c : sym) {
    switch (c) {
      case 'C': *out += "ch"; break;
      case 'H': *out += 'h'; break;
      case 'J': *out += "zh"; break;
      default: *out += c;
    }
  }
}

}  // namespace

bool IsCyrillic(std::string_view word) {
  size_t len = 0;
  for (size_t i = 0; i < word.size(); i += len) {
    if (IsCyrillicChar(utf8::Decode(word, i, &len))) return true;
  }
  return false;
}

void AppendMatchForm(std::string_view word, std::string* out) {
  if (IsCyrillic(word)) {
    // All-caps acronyms (ТАСС, РИА) compare literally; other words by their
    // stem, without the case ending ("Курской" = "Курская"), and with the
    // Ukrainian і of a final closed syllable read as о ("Харків" = "Харкові").
    std::u32string chars;
    bool has_lower = false;
    size_t len = 0;
    for (size_t i = 0; i < word.size(); i += len) {
      const UChar32 c = static_cast<UChar32>(utf8::Decode(word, i, &len));
      has_lower |= u_islower(c) != 0;
      chars.push_back(static_cast<char32_t>(u_tolower(c)));
    }
    if (has_lower) {
      StripCyrillicEnding(&chars);
      if (chars.size() >= 3 && !IsCyrillicVowel(chars.back()) &&
          chars[chars.size() - 2] == U'і') {
        chars[chars.size() - 2] = U'о';
      }
    }
    for (char32_t c : chars) utf8::Append(c, out);
    return;
  }
  size_t len = 0;
  for (size_t i = 0; i < word.size(); i += len) {
    const char32_t c = utf8::Decode(word, i, &len);
    if (c < 0x80) {
      out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c | 32 : c));
    } else if (IsApostropheChar(c)) {
      out->push_back('\'');
    } else if (c == 0x2010 || c == 0x2011) {
      out->push_back('-');
    } else if (!AppendLatinBase(c, out)) {
      utf8::Append(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))), out);
    }
  }
}

void AppendWordNameKey(std::string_view word, std::string* out) {
  NormalizeAscii(AsciiLetters(word, /*strip_cyrillic_ending=*/false), out);
}

std::string NameKey(std::string_view name) {
  std::string key;
  size_t pos = 0;
  while (pos < name.size()) {
    // A word runs to the next space or hyphen; apostrophes and other marks
    // inside it are dropped by AsciiLetters.
    size_t end = pos;
    size_t len = 0;
    while (end < name.size()) {
      const char32_t c = utf8::Decode(name, end, &len);
      if (c == ' ' || c == '-' || c == 0xA0 || c == 0x2010 || c == 0x2011 || c == '\t' ||
          c == '\n') {
        break;
      }
      end += len;
    }
    if (end > pos) {
      const size_t before = key.size();
      if (!key.empty()) key.push_back('-');
      const size_t word_start = key.size();
      AppendWordNameKey(name.substr(pos, end - pos), &key);
      if (key.size() == word_start) key.resize(before);  // no letters
    }
    pos = end;
    if (pos < name.size()) {
      utf8::Decode(name, pos, &len);
      pos += len;
    }
  }
  return key;
}

std::string SkeletonKey(std::string_view name_key) {
  std::string out;
  out.reserve(name_key.size());
  bool word_start = true;
  for (char c : name_key) {
    if (c == '-') {
      out.push_back('-');
      word_start = true;
      continue;
    }
    if (word_start || !IsVowel(c)) out.push_back(c);
    word_start = false;
  }
  return out;
}

int NameDistance(std::string_view a, std::string_view b, int limit) {
  if (a.size() > 64 || b.size() > 64) return a == b ? 0 : limit + 1;
  const int diff = static_cast<int>(a.size()) - static_cast<int>(b.size());
  if (diff > limit || -diff > limit) return limit + 1;
  std::array<int, 65> previous{};
  std::array<int, 65> current{};
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    int row_min = current[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > limit) return limit + 1;
    previous = current;
  }
  return std::min(previous[b.size()], limit + 1);
}

bool NameKeysMatch(std::string_view a, std::string_view b) {
  if (a == b) return !a.empty();
  if (a.empty() || b.empty() || SkeletonKey(a) != SkeletonKey(b)) return false;
  // Short names must be equal: one letter is too much of "Rutte" vs "Ruth".
  const int shorter = static_cast<int>(std::min(a.size(), b.size()));
  if (shorter < 5) return false;
  const int limit = std::max(1, shorter / 4);
  return NameDistance(a, b, limit) <= limit;
}

}  // namespace veille
