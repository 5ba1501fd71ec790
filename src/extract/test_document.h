// For the tests of src/extract: a Document cut from text the way the
// Analyzer cuts it (tokens, paragraphs, sentences).
#pragma once

#include <string>

#include "text/document.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"

namespace veille::testing {

struct TokenizedText {
  explicit TokenizedText(std::string text, std::string language = "") {
    article.text = std::move(text);
    doc.article = &article;
    doc.text = article.text;
    Tokenize(&doc);
    SplitParagraphs(&doc);
    SplitSentences(&doc);
    doc.language = std::move(language);
  }
  TokenizedText(const TokenizedText&) = delete;
  TokenizedText& operator=(const TokenizedText&) = delete;

  Article article;
  Document doc;  // points into `article`
};

}  // namespace veille::testing
