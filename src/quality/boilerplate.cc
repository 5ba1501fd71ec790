#include "quality/boilerplate.h"

#include <fmt/format.h>

#include <cctype>

#include "quality/data_table.h"
#include "quality/text_lines.h"

namespace veille {
namespace {

// A line longer than this is prose, not furniture, even if it starts with a
// furniture phrase; an `inside` phrase then marks only its sentence.
constexpr uint32_t kMaxFurnitureLine = 400;
// Related-headline lists: at most this many headlines, each this short.
constexpr int kMaxListedHeadlines = 15;
constexpr uint32_t kMaxHeadlineBytes = 250;
constexpr int kMaxHeadlineWords = 30;
// How far a tag may run before its closing '>'.
constexpr size_t kMaxTagBytes = 200;

bool IsTrailingMark(const Token& t) {
  return t.kind == TokenKind::kPunct || t.kind == TokenKind::kSymbol;
}

// The first token of `line` that is not punctuation (a quote mark, a bullet).
uint32_t FirstWordToken(const Document& doc, uint32_t first, uint32_t limit) {
  while (first < limit && IsTrailingMark(doc.tokens[first])) ++first;
  return first;
}

// A line that reads like a headline in a list of links: a few words, no
// sentence inside, no final period.
bool LooksLikeHeadline(const Document& doc, Span line, uint32_t first, uint32_t limit) {
  if (line.size() > kMaxHeadlineBytes || first >= limit) return false;
  int words = 0;
  for (uint32_t i = first; i < limit; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind == TokenKind::kWord) ++words;
    const std::string_view text = doc.Text(t);
    if (text == "." && i + 1 < limit) return false;  // two sentences
  }
  const std::string_view last = doc.Text(doc.tokens[limit - 1]);
  return words >= 2 && words <= kMaxHeadlineWords && last != "." && last != ":";
}

bool IsAsciiAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Result<std::unique_ptr<BoilerplateDetector>> BoilerplateDetector::Load(const std::string& data_dir) {
  auto detector = std::unique_ptr<BoilerplateDetector>(new BoilerplateDetector());
  Status status = ForEachTableRow(
      data_dir + "/quality/boilerplate.tsv", [&](const TableRow& row) -> Status {
        if (row.fields.size() != 4) {
          return Status::InvalidArgument("expected where<TAB>weight<TAB>pattern<TAB>why");
        }
        const std::string_view where = row.fields[0];
        double weight = 0;
        if (Status s = ParseUnitInterval(row.fields[1], false, &weight); !s.ok()) return s;
        if (where == "tag" || where == "entity") {
          auto& names = where == "tag" ? detector->tags_ : detector->entities_;
          for (std::string_view name : SplitView(row.fields[2], '|')) names.insert(AsciiLower(name));
          (where == "tag" ? detector->tag_weight_ : detector->entity_weight_) = weight;
          return Status::Ok();
        }
        Rule rule;
        if (where == "line") {
          rule.where = Where::kLine;
        } else if (where == "start") {
          rule.where = Where::kStart;
        } else if (where == "inside") {
          rule.where = Where::kInside;
        } else if (where == "list") {
          rule.where = Where::kList;
        } else {
          return Status::InvalidArgument(fmt::format("unknown place '{}'", where));
        }
        rule.weight = weight;
        rule.why = std::string(row.fields[3]);
        auto pattern = TokenPattern::Compile(row.fields[2]);
        if (!pattern.ok()) return pattern.status();
        detector->patterns_.Add(std::move(pattern).value(), static_cast<int>(detector->rules_.size()));
        detector->rules_.push_back(std::move(rule));
        return Status::Ok();
      });
  if (!status.ok()) return status;
  return detector;
}

void BoilerplateDetector::Find(const Document& doc, const std::vector<uint64_t>& keys,
                               std::vector<QualitySignal>* out) const {
  const std::vector<Span> lines = TrimmedLines(doc.text);
  int listed = -1;  // headlines still accepted after a list header; -1: not in a list
  std::string list_header;
  for (const Span& line : lines) {
    const uint32_t limit = doc.TokenAt(line.end);
    const uint32_t first = FirstWordToken(doc, doc.TokenAt(line.start), limit);
    // The best rule matching this line, and where its match is.
    int best = -1;
    uint32_t best_first = 0, best_end = 0;
    auto consider = [&](int id, uint32_t match_first, uint32_t match_end) {
      const Rule& rule = rules_[id];
      switch (rule.where) {
        case Where::kLine:
        case Where::kList:
          if (match_first != first) return;
          for (uint32_t i = match_end; i < limit; ++i) {
            if (!IsTrailingMark(doc.tokens[i])) return;
          }
          break;
        case Where::kStart:
          if (match_first != first || line.size() > kMaxFurnitureLine) return;
          break;
        case Where::kInside:
          break;
      }
      // A list header wins over a plain furniture line, so its headlines follow.
      auto rank = [&](const Rule& r) { return (r.where == Where::kList ? 10 : 0) + r.weight; };
      if (best < 0 || rank(rule) > rank(rules_[best])) {
        best = id;
        best_first = match_first;
        best_end = match_end;
      }
    };
    if (first < limit) patterns_.FindAll(doc, keys, first, limit, consider);

    if (best >= 0) {
      const Rule& rule = rules_[best];
      QualitySignal signal;
      signal.kind = "boilerplate";
      signal.weight = rule.weight;
      signal.why = rule.why;
      signal.span = line;
      if (rule.where == Where::kInside && line.size() > kMaxFurnitureLine) {
        // Furniture inside a long paragraph: only its sentence(s).
        signal.span = {doc.tokens[best_first].start, doc.tokens[best_end - 1].end};
        for (const SentenceRange& s : doc.sentences) {
          if (s.span.Overlaps(signal.span)) {
            signal.span.start = std::min(signal.span.start, s.span.start);
            signal.span.end = std::max(signal.span.end, s.span.end);
          }
        }
      }
      out->push_back(std::move(signal));
      if (rule.where == Where::kList) {
        listed = kMaxListedHeadlines;
        list_header = std::string(doc.Text(line));
      } else {
        listed = -1;
      }
      continue;
    }
    if (listed > 0 && LooksLikeHeadline(doc, line, first, limit)) {
      --listed;
      out->push_back({"boilerplate", line, 0.03,
                      fmt::format("headline listed under \"{}\"", list_header)});
      continue;
    }
    listed = -1;
    FindMarkup(doc, line, out);
  }
}

void BoilerplateDetector::FindMarkup(const Document& doc, Span line,
                                     std::vector<QualitySignal>* out) const {
  const std::string_view text = doc.text;
  std::vector<QualitySignal> found;
  for (uint32_t i = line.start; i < line.end; ++i) {
    const char c = text[i];
    if (c == '<' || c == '/') {
      // <tag ...>, </tag>, and the broken "/tag>" left when a '<' is lost.
      uint32_t name_start = i + 1;
      if (c == '<' && name_start < line.end && text[name_start] == '/') ++name_start;
      uint32_t name_end = name_start;
      while (name_end < line.end && (IsAsciiAlpha(text[name_end]) ||
                                     (name_end > name_start && std::isdigit(static_cast<unsigned char>(text[name_end]))))) {
        ++name_end;
      }
      if (name_end == name_start || !tags_.contains(AsciiLower(text.substr(name_start, name_end - name_start)))) {
        continue;
      }
      const size_t close = text.find('>', name_end);
      const bool closed = close != std::string_view::npos && close < line.end &&
                          close - i <= kMaxTagBytes &&
                          text.substr(name_end, close - name_end).find('<') == std::string_view::npos;
      if (c == '/' && !(closed && close == name_end)) continue;  // "/p" in prose, "and/or"
      if (c == '/' && i > line.start && IsAsciiAlpha(text[i - 1])) continue;
      const uint32_t end = closed ? static_cast<uint32_t>(close + 1) : name_end;
      found.push_back({"boilerplate", {i, end}, tag_weight_,
                       fmt::format("stray HTML tag \"{}\"", text.substr(i, end - i))});
      i = end - 1;
    } else if (c == '&') {
      uint32_t name_end = i + 1;
      while (name_end < line.end && name_end - i < 12 &&
             (std::isalnum(static_cast<unsigned char>(text[name_end])) || text[name_end] == '#')) {
        ++name_end;
      }
      if (name_end >= line.end || text[name_end] != ';' || name_end == i + 1) continue;
      const std::string name = AsciiLower(text.substr(i + 1, name_end - i - 1));
      if (!(name[0] == '#' || entities_.contains(name))) continue;
      found.push_back({"boilerplate", {i, name_end + 1}, entity_weight_,
                       fmt::format("HTML character entity \"{}\" left in the text",
                                   text.substr(i, name_end + 1 - i))});
      i = name_end;
    }
  }
  // A line made only of markup is furniture as a whole.
  if (found.size() == 1 && found[0].span.start == line.start && found[0].span.end == line.end) {
    found[0].span = line;
  }
  for (auto& signal : found) out->push_back(std::move(signal));
}

}  // namespace veille
