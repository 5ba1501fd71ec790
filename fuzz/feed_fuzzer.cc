// libFuzzer target: an RSS or Atom feed.
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "ingest/feed_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  class Sink : public fuzz::CheckingSink {
   public:
    explicit Sink(std::string_view feed) : feed_(feed) {}
    void OnArticle(Article&& article) override {
      fuzz::CheckArticle(article);
      fuzz::Check(article.source.offset.has_value(), "items have an offset");
      fuzz::Check(feed_.substr(*article.source.offset, article.raw.size()) == article.raw,
                  "an item's raw bytes are in the feed at its offset");
    }

   private:
    std::string_view feed_;
  } sink(bytes);
  ReadFeed(bytes, "fuzz.rss", ReadOptions(), fuzz::Extractor(), &sink);
  return 0;
}
