#include "ingest/html_text.h"

#include <libxml/HTMLparser.h>

#include <cctype>

#include "ingest/decode.h"
#include "util/utf8.h"

namespace veille {
namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

size_t DecodeNumericReference(std::string_view text, size_t pos, std::string* out) {
  size_t i = pos + 2;  // after "&#"
  const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
  if (hex) ++i;
  const size_t digits_start = i;
  uint64_t value = 0;
  while (i < text.size() && (hex ? IsHexDigit(text[i]) : (text[i] >= '0' && text[i] <= '9'))) {
    const char c = text[i];
    const int digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    if (value <= 0x10FFFF) value = value * (hex ? 16 : 10) + static_cast<uint64_t>(digit);
    ++i;
  }
  if (i == digits_start) return 0;
  if (i < text.size() && text[i] == ';') ++i;
  char32_t c = static_cast<char32_t>(value);
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    c = utf8::kReplacement;
  } else if (value >= 0x80 && value <= 0x9F) {
    c = Cp1252ToUnicode(static_cast<unsigned char>(value));  // as HTML 5 reads them
  }
  utf8::Append(c, out);
  return i - pos;
}

}  // namespace

char32_t LookupHtmlEntity(std::string_view name) {
  if (name.empty() || name.size() > 31) return 0;
  char buffer[32];
  name.copy(buffer, name.size());
  buffer[name.size()] = '\0';
  const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(buffer));
  return entity == nullptr ? 0 : static_cast<char32_t>(entity->value);
}

size_t DecodeCharReference(std::string_view text, size_t pos, bool in_attribute,
                           std::string* out) {
  if (pos + 1 >= text.size() || text[pos] != '&') return 0;
  if (text[pos + 1] == '#') return DecodeNumericReference(text, pos, out);
  size_t end = pos + 1;
  while (end < text.size() && end - pos <= 32 && IsAsciiAlnum(text[end])) ++end;
  if (end == pos + 1) return 0;
  const std::string_view name = text.substr(pos + 1, end - pos - 1);
  if (end < text.size() && text[end] == ';') {
    if (const char32_t c = LookupHtmlEntity(name)) {
      utf8::Append(c, out);
      return end + 1 - pos;
    }
  }
  // Legacy names are recognized without ';', longest first ("&notit" is "¬it").
  for (size_t len = std::min<size_t>(name.size(), 6); len >= 2; --len) {
    const char32_t c = LookupHtmlEntity(name.substr(0, len));
    if (c == 0 || c > 0xFF) continue;
    const size_t after = pos + 1 + len;
    if (after < text.size() && text[after] == ';') continue;  // "&ampx;" is not "&amp"
    if (in_attribute && after < text.size() && (IsAsciiAlnum(text[after]) || text[after] == '=')) {
      return 0;
    }
    utf8::Append(c, out);
    return after - pos;
  }
  return 0;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view TrimHtmlSpace(std::string_view text) {
  while (!text.empty() && IsHtmlSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsHtmlSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string PrimaryLanguageSubtag(std::string_view tag) {
  tag = TrimHtmlSpace(tag);
  std::string primary = AsciiLower(tag.substr(0, tag.find_first_of("-_")));
  if (primary.size() < 2 || primary.size() > 3) return "";
  for (const char c : primary) {
    if (c < 'a' || c > 'z') return "";
  }
  return primary;
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (const char c : text) {
    if (IsHtmlSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string PlainTextFromHtml(std::string_view html) {
  std::string decoded;
  decoded.reserve(html.size());
  for (size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '<' && i + 1 < html.size() &&
        (IsAsciiAlnum(html[i + 1]) || html[i + 1] == '/' || html[i + 1] == '!')) {
      const size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      // Tags that break a line become a space; inline ones ("<em>") vanish.
      std::string_view name = html.substr(i + 1, close - i - 1);
      if (!name.empty() && name[0] == '/') name.remove_prefix(1);
      name = name.substr(0, name.find_first_of(" \t\n\r\f/"));
      const std::string lower = AsciiLower(name);
      bool breaks = false;
      for (const char* tag : {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
                              "h6", "tr", "td", "th", "dd", "dt", "hr", "blockquote"}) {
        breaks = breaks || lower == tag;
      }
      if (breaks) decoded.push_back(' ');
      i = close + 1;
      continue;
    }
    if (c == '&') {
      if (const size_t used = DecodeCharReference(html, i, false, &decoded)) {
        i += used;
        continue;
      }
    }
    decoded.push_back(c);
    ++i;
  }
  return CollapseWhitespace(decoded);
}

}  // namespace veille
