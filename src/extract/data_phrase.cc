#include "extract/data_phrase.h"

#include "extract/phrase_table.h"
#include "text/document.h"
#include "text/tokenizer.h"
#include "util/utf8.h"

namespace veille {

std::vector<std::string> PhraseTokens(std::string_view phrase) {
  std::vector<std::string> out;
  std::string buffer;
  if (phrase.ends_with('\'') || phrase.ends_with("\xE2\x80\x99")) {
    std::string lower;
    utf8::AppendLower(phrase, &lower);
    out.emplace_back(PhraseTable::FoldApostrophes(lower, &buffer));
    return out;
  }
  Article article;
  article.text = std::string(phrase);
  Document doc;
  doc.article = &article;
  doc.text = article.text;
  Tokenize(&doc);
  for (const Token& t : doc.tokens) {
    out.emplace_back(PhraseTable::FoldApostrophes(doc.Lower(t), &buffer));
  }
  return out;
}

}  // namespace veille
