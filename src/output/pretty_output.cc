#include "output/pretty_output.h"

#include <fmt/format.h>

#include <map>

namespace veille {
namespace {

struct Palette {
  const char* bold = "";
  const char* dim = "";
  const char* red = "";
  const char* green = "";
  const char* yellow = "";
  const char* blue = "";
  const char* reset = "";
};

Palette MakePalette(bool color) {
  if (!color) return {};
  return {"\033[1m", "\033[2m", "\033[31m", "\033[32m", "\033[33m", "\033[34m", "\033[0m"};
}

std::string Shorten(std::string_view s, size_t max_bytes) {
  std::string out;
  for (char c : s) out.push_back(c == '\n' ? ' ' : c);
  if (out.size() <= max_bytes) return out;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out + "…";
}

}  // namespace

void AppendPrettySummary(const Article& article, const Analysis& a, bool color, std::string* out) {
  const Palette p = MakePalette(color);
  const std::string_view text = article.text;
  const char* verdict_color = a.quality.verdict == "clean" ? p.green
                              : a.quality.verdict == "suspect" ? p.yellow
                                                               : p.red;
  *out += fmt::format("{}{}{}\n", p.bold, a.title ? Shorten(*a.title, 100) : "(untitled)", p.reset);
  *out += fmt::format("  {}id{} {}  {}source{} {}{}\n", p.dim, p.reset, article.id, p.dim, p.reset,
                      article.source.path,
                      article.source.line ? fmt::format(":{}", article.source.line) : "");
  *out += fmt::format("  {}language{} {} ({:.2f})  {}byline{} {}  {}date{} {}\n", p.dim, p.reset,
                      a.language, a.language_confidence, p.dim, p.reset,
                      a.byline.value_or("-"), p.dim, p.reset, a.date.value_or("-"));
  *out += fmt::format("  {}{} paragraphs, {} sentences, {} bytes{}\n", p.dim, a.paragraphs.size(),
                      a.sentences.size(), text.size(), p.reset);
  *out += fmt::format("  {}quality{} {}{}{} score {:.2f}\n", p.dim, p.reset, verdict_color,
                      a.quality.verdict, p.reset, a.quality.score);
  for (const QualitySignal& s : a.quality.signals) {
    *out += fmt::format("    {}{}{} \"{}\" {}({}){}\n", p.yellow, s.kind, p.reset,
                        Shorten(s.span.In(text), 60), p.dim, s.why, p.reset);
  }
  if (!a.language_spans.empty()) {
    *out += fmt::format("  {}other-language spans{}", p.dim, p.reset);
    for (const LanguageSpan& s : a.language_spans) {
      *out += fmt::format(" {}\"{}\"{}[{}]", p.yellow, Shorten(s.span.In(text), 40), p.reset,
                          s.language);
    }
    *out += "\n";
  }
  if (!a.entity_summary.empty()) {
    *out += fmt::format("  {}entities{}", p.dim, p.reset);
    size_t shown = 0;
    for (const EntitySummaryItem& e : a.entity_summary) {
      if (shown++ == 10) break;
      *out += fmt::format(" {}{}{}×{}", p.blue, e.name, p.reset, e.mentions);
    }
    *out += "\n";
  }
  for (const Quote& q : a.quotes) {
    *out += fmt::format("  {}«{}»{} — {}{}\n", p.bold, Shorten(q.span.In(text), 90), p.reset,
                        q.speaker.value_or("?"), q.via ? fmt::format(" (via {})", *q.via) : "");
  }
  for (const Claim& c : a.claims) {
    *out += fmt::format("  {}#{} {} {} — {}\n", p.blue, p.reset, Shorten(c.span.In(text), 60),
                        c.event ? fmt::format("[{}]", *c.event) : "", c.by.value_or("(article)"));
  }
  if (!a.citations.empty()) {
    *out += fmt::format("  {}cites{}", p.dim, p.reset);
    for (const Citation& c : a.citations) {
      *out += fmt::format(" {}{}", c.outlet_name, c.mangled ? "(mangled)" : "");
    }
    *out += "\n";
  }
  *out += "\n";
}

}  // namespace veille
