#include "util/utf8.h"

#include <unicode/uchar.h>

#include <cstdio>

namespace veille::utf8 {

char32_t Decode(std::string_view text, size_t pos, size_t* length) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  const size_t left = text.size() - pos;
  const unsigned char b0 = s[0];
  *length = 1;
  if (b0 < 0x80) return b0;
  auto cont = [&](size_t i) { return i < left && (s[i] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!cont(1)) return kReplacement;
    *length = 2;
    return ((b0 & 0x1F) << 6) | (s[1] & 0x3F);
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return kReplacement;
    const char32_t c = ((b0 & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return kReplacement;
    *length = 3;
    return c;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return kReplacement;
    const char32_t c = ((b0 & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) |
                       (s[3] & 0x3F);
    if (c < 0x10000 || c > 0x10FFFF) return kReplacement;
    *length = 4;
    return c;
  }
  return kReplacement;
}

char32_t DecodeBefore(std::string_view text, size_t pos, size_t* length) {
  size_t start = pos;
  // Walk back over at most three continuation bytes.
  while (start > 0 && pos - start < 4) {
    --start;
    if ((static_cast<unsigned char>(text[start]) & 0xC0) != 0x80) break;
  }
  size_t len = 0;
  char32_t c = Decode(text, start, &len);
  if (start + len != pos) {
    *length = 1;
    return kReplacement;
  }
  *length = len;
  return c;
}

void Append(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

size_t FirstInvalid(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    size_t len = 0;
    if (Decode(text, pos, &len) == kReplacement && len == 1) {
      // U+FFFD itself is three bytes long, so a one-byte result is an error.
      return pos;
    }
    pos += len;
  }
  return text.size();
}

ValidityCounts CountValidity(std::string_view text) {
  ValidityCounts counts;
  size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    size_t len = 0;
    Decode(text, pos, &len);
    if (len == 1) {
      if (counts.first_invalid == std::string_view::npos) counts.first_invalid = pos;
      ++counts.invalid_bytes;
    } else {
      ++counts.multibyte_sequences;
    }
    pos += len;
  }
  return counts;
}

void AppendLower(std::string_view text, std::string* out) {
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      out->push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++pos;
      continue;
    }
    size_t len = 0;
    const char32_t c = Decode(text, pos, &len);
    Append(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))), out);
    pos += len;
  }
}

std::string Excerpt(std::string_view text, size_t pos, size_t max_bytes) {
  std::string out;
  const size_t end = std::min(text.size(), pos + max_bytes);
  for (size_t i = pos; i < end; ++i) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b >= 0x20 && b < 0x7F && b != '\\') {
      out.push_back(static_cast<char>(b));
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", b);
      out += buf;
    }
  }
  if (end < text.size()) out += "...";
  return out;
}

}  // namespace veille::utf8
