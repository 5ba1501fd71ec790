#include "quality/clean_text.h"

#include <algorithm>
#include <vector>

#include "quality/text_lines.h"

namespace veille {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

std::string CleanArticleText(std::string_view text, const Analysis& analysis) {
  std::vector<Span> cuts;
  for (const QualitySignal& s : analysis.quality.signals) {
    if ((s.kind != "boilerplate" && s.kind != "fake_bio") || s.span.end > text.size() ||
        s.span.empty()) {
      continue;
    }
    Span cut = s.span;
    // Widen to the whole line when only white space or quote marks (around
    // a bio) are left on it.
    uint32_t line_start = cut.start, line_end = cut.end;
    while (line_start > 0 && text[line_start - 1] != '\n') --line_start;
    while (line_end < text.size() && text[line_end] != '\n') ++line_end;
    const Span line = TrimSpaceAndQuotes(text, {line_start, line_end});
    if (cut.Contains(line) || line.empty()) {
      cut = {line_start, std::min<uint32_t>(line_end + 1, static_cast<uint32_t>(text.size()))};
    }
    cuts.push_back(cut);
  }
  std::sort(cuts.begin(), cuts.end(), [](Span a, Span b) { return a.start < b.start; });

  std::string out;
  out.reserve(text.size());
  uint32_t pos = 0;
  for (const Span& cut : cuts) {
    if (cut.end <= pos) continue;
    if (cut.start > pos) out.append(text.substr(pos, cut.start - pos));
    const bool whole_line = (cut.start == 0 || text[cut.start - 1] == '\n');
    if (!whole_line && !out.empty() && !IsBlank(out.back()) && out.back() != '\n' &&
        cut.end < text.size() && !IsBlank(text[cut.end]) && text[cut.end] != '\n') {
      out.push_back(' ');
    }
    pos = std::max(pos, cut.end);
  }
  if (pos < text.size()) out.append(text.substr(pos));

  // At most one blank line in a row; no blank lines at either end.
  std::string squeezed;
  squeezed.reserve(out.size());
  int newlines = 0;
  for (char c : out) {
    if (c == '\n') {
      ++newlines;
      continue;
    }
    if (newlines > 0 && !squeezed.empty()) squeezed.append(std::min(newlines, 2), '\n');
    newlines = 0;
    squeezed.push_back(c);
  }
  while (!squeezed.empty() && (IsBlank(squeezed.back()) || squeezed.back() == '\n')) {
    squeezed.pop_back();
  }
  if (!squeezed.empty()) squeezed.push_back('\n');
  return squeezed;
}

}  // namespace veille
