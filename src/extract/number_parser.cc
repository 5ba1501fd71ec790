#include "extract/number_parser.h"

#include <algorithm>
#include <string>

namespace veille {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Length of a group-space separator at text[i]: space, U+00A0, U+202F, U+2009.
size_t GroupSpaceLength(std::string_view text, size_t i) {
  if (text[i] == ' ') return 1;
  if (text.compare(i, 2, "\xC2\xA0") == 0) return 2;
  if (text.compare(i, 3, "\xE2\x80\xAF") == 0 || text.compare(i, 3, "\xE2\x80\x89") == 0) return 3;
  return 0;
}

}  // namespace

std::optional<double> ParseNumeral(std::string_view text, char decimal_mark) {
  // Digits and separators only; spaces are thousands separators.
  std::string digits;  // with '.' and ',' kept
  int digit_count = 0;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (IsDigit(c)) {
      digits.push_back(c);
      ++digit_count;
      ++i;
    } else if (c == '.' || c == ',') {
      digits.push_back(c);
      ++i;
    } else if (const size_t n = GroupSpaceLength(text, i); n > 0) {
      i += n;
    } else {
      return std::nullopt;
    }
  }
  if (digit_count == 0 || digit_count > 18) return std::nullopt;
  if (!IsDigit(digits.front()) || !IsDigit(digits.back())) return std::nullopt;
  if (digits[0] == '0' && digits.size() > 1 && IsDigit(digits[1])) return std::nullopt;

  const size_t commas = std::count(digits.begin(), digits.end(), ',');
  const size_t periods = std::count(digits.begin(), digits.end(), '.');
  char decimal = 0;  // the separator acting as decimal point in this number
  if (commas > 0 && periods > 0) {
    decimal = digits[digits.find_last_of(".,")];
    if ((decimal == ',' ? commas : periods) > 1) return std::nullopt;
  } else if (commas + periods == 1) {
    const char sep = commas ? ',' : '.';
    const size_t after = digits.size() - digits.find(sep) - 1;
    const char mark = decimal_mark != 0 ? decimal_mark : (after == 3 ? 0 : sep);
    if (sep == mark || after != 3) decimal = sep;
  }
  std::string plain;
  for (const char c : digits) {
    if (IsDigit(c)) {
      plain.push_back(c);
    } else if (c == decimal) {
      plain.push_back('.');
    }
  }
  return std::stod(plain);
}

bool IsFourPlainDigits(std::string_view text) {
  if (text.size() != 4) return false;
  for (const char c : text) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

}  // namespace veille
