// Reads inputs and analyses them on several threads, delivering results in
// input order. Memory stays bounded: articles are processed in batches.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/reader.h"
#include "veille/analyzer.h"

namespace veille {

// Receives results. Render() runs on worker threads (concurrently, for
// different articles) and may format output into `rendered`; Deliver() and
// OnError() run on the calling thread, in input order.
class ResultSink {
 public:
  virtual ~ResultSink() = default;
  virtual void Render(const Article& article, const Analysis& analysis, std::string* rendered) {}
  virtual void Deliver(const Article& article, const Analysis& analysis,
                       const std::string& rendered) = 0;
  virtual void OnError(const ReadError& error) = 0;
  // Called on the reading thread before an article is queued; returning true
  // drops it unanalysed (e.g. the store already holds it).
  virtual bool Skip(const Article& article) { return false; }
  // Called on the calling thread after each batch has been delivered, while
  // the references passed to Deliver() are still valid.
  virtual void EndBatch() {}
};

struct BatchOptions {
  int threads = 0;  // 0 = every core
  size_t batch_articles = 512;
  size_t batch_bytes = 64u << 20;
  ReadOptions read;
  InputFormat format = InputFormat::kAuto;
};

struct BatchStats {
  uint64_t articles = 0;
  uint64_t errors = 0;
  uint64_t bytes = 0;
};

BatchStats RunAnalysis(const std::vector<std::string>& inputs, const Analyzer& analyzer,
                       const BatchOptions& options, ResultSink* sink);

}  // namespace veille
