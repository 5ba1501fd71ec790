#include "prepared_document.h"

#include "text/segmenter.h"
#include "text/tokenizer.h"

namespace veille::bench {

std::unique_ptr<PreparedDocument> PrepareDocument(std::string text,
                                                  const char* language) {
  auto p = std::make_unique<PreparedDocument>();
  p->article.text = std::move(text);
  p->doc.article = &p->article;
  p->doc.text = p->article.text;
  Tokenize(&p->doc);
  SplitParagraphs(&p->doc);
  SplitSentences(&p->doc);
  p->doc.language = language;
  for (const SentenceRange& s : p->doc.sentences)
    p->base.sentences.push_back({s.span, language, 1});
  return p;
}

}  // namespace veille::bench
