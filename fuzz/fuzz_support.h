// Shared by the fuzz targets: the HTML rules, and checks of the promises the
// readers make about every article (a broken promise aborts the run).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "ingest/html_extractor.h"
#include "ingest/reader.h"

namespace veille::fuzz {

inline void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "broken invariant: %s\n", what);
    std::abort();
  }
}

inline const HtmlExtractor& Extractor() {
  static const std::unique_ptr<HtmlExtractor> extractor = [] {
    auto loaded = HtmlExtractor::Load(VEILLE_DEFAULT_DATA_DIR);
    Check(loaded.ok(), "data/ingest/html_boilerplate.txt loads");
    return std::move(loaded).value();
  }();
  return *extractor;
}

// Anchors tile the text in order and point inside the raw bytes.
inline void CheckArticle(const Article& a) {
  Check(!a.text.empty(), "an article has text");
  const std::string& raw = a.RawBytes();
  const auto& anchors = a.source.anchors;
  for (size_t i = 0; i < anchors.size(); ++i) {
    Check(i > 0 || anchors[i].text == 0, "anchors start at 0");
    Check(i == 0 || anchors[i].text > anchors[i - 1].text, "anchors increase");
    Check(anchors[i].text < a.text.size(), "anchors are inside the text");
    Check(uint64_t{anchors[i].raw} + anchors[i].raw_length <= raw.size(), "anchors are inside the raw bytes");
  }
}

class CheckingSink : public ArticleSink {
 public:
  void OnArticle(Article&& article) override { CheckArticle(article); }
  void OnError(ReadError&& error) override { Check(!error.status.ok(), "errors are errors"); }
};

}  // namespace veille::fuzz
