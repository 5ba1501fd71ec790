#include "quality/text_lines.h"

#include "text/tokenizer.h"
#include "util/utf8.h"

namespace veille {
namespace {

bool IsTrimmable(char32_t c, bool quotes) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == 0x202F ||
         c == 0x2009 || (quotes && IsQuoteMark(c));
}

Span Trim(std::string_view text, Span span, bool quotes) {
  while (span.start < span.end) {
    size_t length = 0;
    const char32_t c = utf8::Decode(text, span.start, &length);
    if (!IsTrimmable(c, quotes)) break;
    span.start += static_cast<uint32_t>(length);
  }
  while (span.end > span.start) {
    size_t length = 0;
    const char32_t c = utf8::DecodeBefore(text, span.end, &length);
    if (!IsTrimmable(c, quotes)) break;
    span.end -= static_cast<uint32_t>(length);
  }
  return span;
}

}  // namespace

std::vector<Span> TrimmedLines(std::string_view text) {
  std::vector<Span> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const Span line = Trim(text, {static_cast<uint32_t>(start), static_cast<uint32_t>(end)}, false);
    if (!line.empty()) lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

Span TrimSpaceAndQuotes(std::string_view text, Span span) { return Trim(text, span, true); }

}  // namespace veille
