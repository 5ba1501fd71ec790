#include "extract/data_phrase.h"

#include "text/document.h"
#include "text/tokenizer.h"
#include "util/utf8.h"

namespace veille {

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t pos = s.find(sep, start);
    out.push_back(s.substr(start, pos == std::string_view::npos ? pos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::string FoldApostrophes(std::string_view lower) {
  std::string out;
  out.reserve(lower.size());
  for (size_t i = 0; i < lower.size(); ++i) {
    if (lower.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      i += 2;
    } else if (lower.compare(i, 2, "\xCA\xBC") == 0) {
      out.push_back('\'');
      i += 1;
    } else {
      out.push_back(lower[i]);
    }
  }
  return out;
}

PhraseTokens TokenizePhrase(std::string_view phrase) {
  PhraseTokens out;
  // An elided word alone ("l'", "qu'") is one token in text, where a letter
  // follows it; alone, the tokenizer would split off its apostrophe.
  if (phrase.ends_with('\'') || phrase.ends_with("\xE2\x80\x99")) {
    std::string text(phrase);
    out.text.push_back(text);
    std::string lower;
    utf8::AppendLower(text, &lower);
    out.lower.push_back(FoldApostrophes(lower));
    return out;
  }
  Article article;
  article.text = std::string(phrase);
  Document doc;
  doc.article = &article;
  doc.text = article.text;
  Tokenize(&doc);
  for (const Token& t : doc.tokens) {
    out.text.emplace_back(doc.Text(t));
    out.lower.push_back(FoldApostrophes(doc.Lower(t)));
  }
  return out;
}

}  // namespace veille
