#include "quality/foreign_insertion.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace veille {
namespace {

std::string_view LanguageName(std::string_view code) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"en", "English"}, {"fr", "French"},  {"de", "German"},   {"es", "Spanish"},
      {"it", "Italian"}, {"ru", "Russian"}, {"uk", "Ukrainian"}};
  for (const auto& [c, name] : kNames) {
    if (c == code) return name;
  }
  return code;
}

bool OverlapsKind(const std::vector<QualitySignal>& signals, std::string_view kind, Span span) {
  return std::any_of(signals.begin(), signals.end(), [&](const QualitySignal& s) {
    return s.kind == kind && s.span.Overlaps(span);
  });
}

}  // namespace

void FindForeignInsertions(const Document& doc, const ForeignInsertionWeights& weights,
                           std::vector<LanguageSpan>* spans, std::vector<QualitySignal>* signals) {
  std::erase_if(*spans, [&](const LanguageSpan& s) {
    return OverlapsKind(*signals, "mangled_name", s.span);
  });
  const size_t existing = signals->size();
  for (const LanguageSpan& s : *spans) {
    if (s.language == doc.language) continue;
    if (std::any_of(signals->begin(), signals->begin() + existing, [&](const QualitySignal& q) {
          return q.kind == "boilerplate" && q.span.Overlaps(s.span);
        })) {
      continue;
    }
    const std::string_view text = doc.Text(s.span);
    int words = 1;
    for (size_t i = 1; i < text.size(); ++i) words += text[i] == ' ' && text[i - 1] != ' ';
    const double weight = std::min(weights.max_span, weights.per_span + weights.per_word * (words - 1));
    signals->push_back({"foreign_insertion", s.span, weight,
                        fmt::format("{} word{} \"{}\" inside a {} sentence", LanguageName(s.language),
                                    words > 1 ? "s" : "", text, LanguageName(doc.language))});
  }
}

}  // namespace veille
