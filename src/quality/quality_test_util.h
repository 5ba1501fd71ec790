// Test helpers for the quality detectors (used only by src/quality/*_test.cc):
// a Document built from a string, with its token keys, and the repository's
// data directory.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "quality/token_pattern.h"
#include "text/document.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"
#include "veille/analysis.h"

namespace veille::testing {

inline std::string QualityDataDir() { return std::string(VEILLE_SOURCE_DIR) + "/data"; }

// Owns the text its Document points into; neither copyable nor movable.
class TestDocument {
 public:
  TestDocument(std::string text, std::string language) : text_(std::move(text)) {
    doc_.text = text_;
    doc_.language = std::move(language);
    Tokenize(&doc_);
    SplitParagraphs(&doc_);
    SplitSentences(&doc_);
    ComputeTokenKeys(doc_, &keys_);
  }
  TestDocument(const TestDocument&) = delete;
  TestDocument& operator=(const TestDocument&) = delete;

  const Document& doc() const { return doc_; }
  const std::vector<uint64_t>& keys() const { return keys_; }
  std::string Slice(Span s) const { return text_.substr(s.start, s.end - s.start); }
  // Byte span of the first occurrence of `needle`.
  Span Find(const std::string& needle) const {
    const size_t pos = text_.find(needle);
    return pos == std::string::npos
               ? Span{}
               : Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + needle.size())};
  }
  // The texts of `signals`, in order.
  std::vector<std::string> Texts(const std::vector<QualitySignal>& signals) const {
    std::vector<std::string> texts;
    for (const QualitySignal& s : signals) texts.push_back(Slice(s.span));
    return texts;
  }

 private:
  std::string text_;
  Document doc_;
  std::vector<uint64_t> keys_;
};

}  // namespace veille::testing
