// libFuzzer target: a WARC stream, plain or gzip-compressed.
#include <cstdint>
#include <cstring>
#include <string_view>

#include "fuzz_support.h"
#include "ingest/warc_reader.h"

namespace {

class MemorySource : public veille::ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  size_t Read(char* out, size_t n) override {
    n = std::min(n, bytes_.size() - pos_);
    std::memcpy(out, bytes_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  const veille::Status& status() const override { return status_; }
  uint64_t FileOffset(uint64_t position) override { return position; }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
  veille::Status status_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  MemorySource source(bytes);
  ReadOptions options;
  options.max_article_bytes = 1 << 20;
  fuzz::CheckingSink sink;
  if (bytes.starts_with("\x1F\x8B")) {
    GzipSource gzip(&source);
    ReadWarc(&gzip, "fuzz.warc.gz", options, fuzz::Extractor(), &sink);
  } else {
    ReadWarc(&source, "fuzz.warc", options, fuzz::Extractor(), &sink);
  }
  return 0;
}
