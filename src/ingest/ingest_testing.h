// Helpers for the ingest tests (unit tests in src/ingest/, end-to-end tests
// in tests/): a sink that keeps what it gets, the test data, gzip members.
#pragma once

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/html_extractor.h"
#include "ingest/reader.h"

namespace veille {

class CollectingSink : public ArticleSink {
 public:
  void OnArticle(Article&& article) override { articles.push_back(std::move(article)); }
  void OnError(ReadError&& error) override { errors.push_back(error.ToString()); }

  // All error lines joined, for failure messages.
  std::string Errors() const {
    std::string all;
    for (const std::string& e : errors) all += e + "\n";
    return all;
  }
  bool HasError(const std::string& fragment) const {
    for (const std::string& e : errors) {
      if (e.find(fragment) != std::string::npos) return true;
    }
    return false;
  }

  std::vector<Article> articles;
  std::vector<std::string> errors;
};

// The text of article `a` covered by its anchor `i`.
inline std::string_view AnchorText(const Article& a, size_t i) {
  const auto& anchors = a.source.anchors;
  const size_t end = i + 1 < anchors.size() ? anchors[i + 1].text : a.text.size();
  return std::string_view(a.text).substr(anchors[i].text, end - anchors[i].text);
}

// The extractor built from the repository's data/ directory.
inline const HtmlExtractor& TestExtractor() {
  static const std::unique_ptr<HtmlExtractor> extractor = [] {
    auto loaded = HtmlExtractor::Load(std::string(VEILLE_SOURCE_DIR) + "/data");
    if (!loaded.ok()) ADD_FAILURE() << loaded.status().ToString();
    return loaded.ok() ? std::move(loaded).value() : std::make_unique<HtmlExtractor>(HtmlRules());
  }();
  return *extractor;
}

// A file of testdata/ingest/.
inline std::string ReadTestdata(const std::string& name) {
  std::ifstream in(std::string(VEILLE_SOURCE_DIR) + "/testdata/ingest/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// One gzip member holding `data`, as .warc.gz writers make one per record.
inline std::string GzipMember(const std::string& data) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace veille
