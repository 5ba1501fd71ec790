// libFuzzer target: an HTML page, under one of a few declared charsets.
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "ingest/html_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  if (size == 0) return 0;
  static constexpr const char* kCharsets[] = {"", "utf-8", "windows-1252", "windows-1251",
                                              "shift_jis", "koi8-r", "utf-16"};
  const char* charset = kCharsets[data[0] % (sizeof kCharsets / sizeof kCharsets[0])];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  Article article;
  if (MakeHtmlArticle(bytes, charset, "fuzz.html", fuzz::Extractor(), &article).ok()) {
    fuzz::CheckArticle(article);
    fuzz::Check(article.raw == bytes, "raw is the page");
  }
  return 0;
}
