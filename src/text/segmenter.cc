#include "text/segmenter.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "text/tokenizer.h"
#include "util/utf8.h"

namespace veille {
namespace {

bool IsBlankLine(std::string_view line) {
  for (size_t pos = 0; pos < line.size();) {
    size_t len = 0;
    const char32_t c = utf8::Decode(line, pos, &len);
    if (!IsSpaceChar(c) && c != '\f') return false;
    pos += len;
  }
  return true;
}

Span Trim(std::string_view text, Span s) {
  while (s.start < s.end) {
    size_t len = 0;
    if (!IsSpaceChar(utf8::Decode(text, s.start, &len)) && text[s.start] != '\f') break;
    s.start += static_cast<uint32_t>(len);
  }
  while (s.end > s.start) {
    size_t len = 0;
    const char32_t c = utf8::DecodeBefore(text, s.end, &len);
    if (!IsSpaceChar(c) && c != '\f') break;
    s.end -= static_cast<uint32_t>(len);
  }
  return s;
}

bool EndsSentence(std::string_view line) {
  size_t len = 0;
  size_t end = line.size();
  while (end > 0) {
    const char32_t c = utf8::DecodeBefore(line, end, &len);
    if (IsSpaceChar(c) || IsQuoteMark(c) || c == ')') {
      end -= len;
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';';
  }
  return false;
}

bool StartsLowercase(std::string_view line) {
  for (size_t pos = 0; pos < line.size();) {
    size_t len = 0;
    const char32_t c = utf8::Decode(line, pos, &len);
    if (IsSpaceChar(c)) {
      pos += len;
      continue;
    }
    return u_islower(static_cast<UChar32>(c));
  }
  return false;
}

bool IsTerminal(std::string_view tok) {
  return tok == "." || tok == "!" || tok == "?" || tok == "…" || tok == "...";
}

bool IsClosing(std::string_view tok) {
  return tok == "»" || tok == "”" || tok == "\"" || tok == "’" || tok == "'" || tok == ")" ||
         tok == "]" || tok == "›" || tok == "“";
}

bool IsOpeningQuote(std::string_view tok) {
  return tok == "«" || tok == "“" || tok == "„" || tok == "‘" || tok == "\"" || tok == "'" ||
         tok == "‹" || tok == "(" || tok == "[" || tok == "—" || tok == "–" || tok == "-";
}

// Words that start sentences: after an ambiguous period (U.S., etc.) a
// following capitalized function word means a new sentence.
bool IsSentenceStarter(std::string_view lower) {
  static constexpr std::array<std::string_view, 40> kStarters = {
      "the", "a", "an", "but", "and", "he", "she", "it", "they", "we", "i", "this", "that",
      "in", "on", "le", "la", "les", "un", "une", "des", "il", "elle", "ils", "elles", "mais",
      "et", "ce", "cette", "ces", "on", "nous", "en", "dans", "selon", "according", "however",
      "cependant", "pour", "for"};
  return std::find(kStarters.begin(), kStarters.end(), lower) != kStarters.end();
}

// Marks tokens that lie strictly inside a matched pair of quotation marks in
// tokens [first, end). Unmatched marks (an opening « never closed) protect
// nothing, so an unclosed quote cannot glue a whole paragraph together.
void MarkQuoted(const Document& doc, uint32_t first, uint32_t end, std::vector<bool>* inside) {
  inside->assign(end - first, false);
  struct Open {
    uint32_t index;
    std::string_view mark;
  };
  std::vector<Open> stack;
  auto closes = [](std::string_view open, std::string_view close) {
    return (open == "«" && close == "»") || (open == "“" && close == "”") ||
           (open == "„" && (close == "“" || close == "”")) || (open == "\"" && close == "\"") ||
           (open == "‹" && close == "›");
  };
  for (uint32_t i = first; i < end; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::kPunct) continue;
    const std::string_view mark = doc.Text(t);
    const bool straight = mark == "\"";
    // A straight quote opens after a space or at the start, and closes otherwise.
    const bool opening_straight = straight && (i == first || t.Has(kSpaceBefore) ||
                                               doc.tokens[i - 1].kind == TokenKind::kPunct);
    if (!stack.empty() && closes(stack.back().mark, mark) && !(straight && opening_straight &&
                                                               stack.back().mark != "\"")) {
      for (uint32_t k = stack.back().index + 1; k < i; ++k) (*inside)[k - first] = true;
      stack.pop_back();
      continue;
    }
    if (mark == "«" || mark == "“" || mark == "„" || mark == "‹" || opening_straight) {
      stack.push_back({i, mark});
    }
  }
}

}  // namespace

bool IsNonFinalAbbreviation(std::string_view lower) {
  // Titles and abbreviations that are almost always followed by more words.
  static constexpr std::array<std::string_view, 56> kAbbreviations = {
      "m", "mm", "mme", "mmes", "mlle", "mlles", "me", "dr", "drs", "pr", "st", "ste", "mr",
      "mrs", "ms", "messrs", "prof", "gen", "gén", "col", "lt", "sgt", "capt", "cpt", "cmdr",
      "adm", "gov", "sen", "rep", "rev", "hon", "jr", "sr", "cf", "vs", "p", "pp", "no", "nº",
      "vol", "ch", "art", "al", "env", "av", "apr", "fig", "éd", "ed", "approx", "dept", "inc",
      "ltd", "corp", "mgr", "ex"};
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), lower) != kAbbreviations.end();
}

void SplitParagraphs(Document* doc) {
  doc->paragraphs.clear();
  const std::string_view text = doc->text;
  // Collect lines as spans, then join or break between them.
  uint32_t para_start = 0;
  bool in_para = false;
  uint32_t prev_line_end = 0;
  std::string_view prev_line;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(pos, nl - pos);
    const uint32_t line_start = static_cast<uint32_t>(pos);
    if (IsBlankLine(line)) {
      if (in_para) {
        doc->paragraphs.push_back(Trim(text, {para_start, prev_line_end}));
        in_para = false;
      }
    } else if (!in_para) {
      para_start = line_start;
      in_para = true;
    } else if (EndsSentence(prev_line) || !StartsLowercase(line)) {
      doc->paragraphs.push_back(Trim(text, {para_start, prev_line_end}));
      para_start = line_start;
    }
    if (!IsBlankLine(line)) {
      prev_line = line;
      prev_line_end = static_cast<uint32_t>(nl);
    }
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  if (in_para) doc->paragraphs.push_back(Trim(text, {para_start, prev_line_end}));
  std::erase_if(doc->paragraphs, [](const Span& s) { return s.empty(); });
}

void SplitSentences(Document* doc) {
  doc->sentences.clear();
  const auto& tokens = doc->tokens;
  std::vector<bool> quoted;
  uint32_t t = 0;
  for (uint32_t p = 0; p < doc->paragraphs.size(); ++p) {
    const Span para = doc->paragraphs[p];
    while (t < tokens.size() && tokens[t].end <= para.start) ++t;
    uint32_t first = t;
    uint32_t end = t;
    while (end < tokens.size() && tokens[end].start < para.end) ++end;
    const uint32_t para_first = first;
    MarkQuoted(*doc, para_first, end, &quoted);
    auto emit = [&](uint32_t from, uint32_t to) {
      if (from >= to) return;
      doc->sentences.push_back(
          {{tokens[from].start, tokens[to - 1].end}, from, to, p});
    };
    for (uint32_t i = first; i < end; ++i) {
      const Token& tok = tokens[i];
      const std::string_view surface = doc->Text(tok);
      bool candidate = false;
      uint32_t last = i;  // last token of the sentence if it ends here
      if (tok.kind == TokenKind::kPunct && IsTerminal(surface)) {
        candidate = true;
        // Runs such as "?!" or "!!!".
        while (last + 1 < end && tokens[last + 1].kind == TokenKind::kPunct &&
               IsTerminal(doc->Text(tokens[last + 1])) && !tokens[last + 1].Has(kSpaceBefore)) {
          ++last;
        }
      } else if (tok.Has(kDottedAcronym)) {
        candidate = true;
      }
      if (!candidate) continue;
      // A quoted passage stays whole with its attribution:
      // « Nous avançons. Ils reculent », a déclaré le général.
      if (quoted[i - para_first]) continue;
      // Closing quotes and brackets stay with the sentence they close.
      // A straight or curly mark preceded by a space opens the next quote instead.
      while (last + 1 < end && tokens[last + 1].kind == TokenKind::kPunct &&
             IsClosing(doc->Text(tokens[last + 1])) && !tokens[last + 1].Has(kSpaceBefore)) {
        ++last;
      }
      if (last + 1 >= end) break;  // the paragraph end closes it below
      const Token& next = tokens[last + 1];
      const std::string_view next_text = doc->Text(next);
      bool split;
      if (tok.Has(kDottedAcronym)) {
        split = next.Has(kCapitalized) && IsSentenceStarter(doc->Lower(next));
      } else if (surface == "." && i > first && tokens[i - 1].kind == TokenKind::kWord &&
                 !tokens[i].Has(kSpaceBefore) &&
                 (IsNonFinalAbbreviation(doc->Lower(tokens[i - 1])) ||
                  (tokens[i - 1].end - tokens[i - 1].start <= 2 &&
                   tokens[i - 1].Has(kCapitalized) && !tokens[i - 1].Has(kAllCaps) &&
                   doc->Text(tokens[i - 1]).size() == 1))) {
        split = false;  // "M. Aksyonov", "Dr. Ellis", "Vladimir V. Poutine"
      } else if (next.kind == TokenKind::kWord) {
        // A new sentence starts with a capital. Lower case continues it after
        // ? ! … and closing quotes ("« Où ? » a-t-il demandé"), but after a
        // plain period that ends a real word it is a sloppy new sentence
        // ("a-t-il déclaré. a déclaré le ministre").
        const bool period_after_word = surface == "." && last == i && i > first &&
                                       tokens[i - 1].kind == TokenKind::kWord &&
                                       tokens[i - 1].end - tokens[i - 1].start >= 3 &&
                                       doc->Lower(tokens[i - 1]) != "etc";
        split = next.Has(kCapitalized) || next.Has(kNewlineBefore) || period_after_word;
      } else if (next.kind == TokenKind::kNumber) {
        split = true;
      } else {
        split = IsOpeningQuote(next_text) || next_text == "•" || next_text == "*";
      }
      if (!split) {
        i = last;
        continue;
      }
      emit(first, last + 1);
      first = last + 1;
      i = last;
    }
    emit(first, end);
    t = end;
  }
}

}  // namespace veille
