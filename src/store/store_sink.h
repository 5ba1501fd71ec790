// Feeds the batch runner's results into a Store: `veille ingest` and the
// store benchmark.
//
// Each batch the runner delivers is written in one transaction, on a writer
// thread, while the runner analyses the next batch; so the analysis keeps
// every core busy and a crash loses at most the batches not yet committed.
// Articles already stored with the same bytes are skipped before analysis.
// Messages (read errors, id conflicts) are reported in input order, once the
// batch they belong to is written.
#pragma once

#include <functional>
#include <future>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "pipeline/batch_runner.h"
#include "store/store.h"

namespace veille {

struct IngestCounts {
  uint64_t added = 0;
  uint64_t unchanged = 0;      // already stored (skipped before or after analysis)
  uint64_t conflicts = 0;      // id stored with other bytes: not stored
  uint64_t failed_inputs = 0;  // read errors
  uint64_t not_stored = 0;     // articles dropped after a failed write
  uint64_t bytes = 0;          // input bytes of the articles handled so far
};

class StoreSink : public ResultSink {
 public:
  struct Callbacks {
    // A read error or a conflict, in input order (on the calling thread).
    std::function<void(const ReadError&)> report;
    // Counts after each batch and each skipped article (on the calling thread).
    std::function<void(const IngestCounts&)> progress;
  };
  // `writer` takes the writes (used from the writer thread only); `reader` is
  // another connection to the same database, used for Skip(). Both must
  // outlive the sink.
  StoreSink(Store* writer, Store* reader, Callbacks callbacks);
  ~StoreSink() override;

  bool Skip(const Article& article) override;
  void Render(const Article& article, const Analysis& analysis,
              std::string* rendered) override;
  void Deliver(const Article& article, const Analysis& analysis,
               const std::string& rendered) override;
  void OnError(const ReadError& error) override;
  void EndBatch() override;

  // Waits for the last write. Returns the first write failure (then the
  // articles after the failed batch were read but not stored).
  Status Finish();
  const IngestCounts& counts() const { return counts_; }

 private:
  struct Item {
    Article article;
    Analysis analysis;
    std::string json;
  };
  // One batch: its articles and its read errors, in input order.
  struct Batch {
    std::vector<std::variant<Item, ReadError>> events;
    std::vector<PutResult> results;
    Status status;
  };
  // Waits for the batch being written and reports it.
  void Collect();

  Store* writer_;
  Store* reader_;
  Callbacks callbacks_;
  std::unique_ptr<Batch> filling_;
  std::unique_ptr<Batch> writing_;
  std::future<void> write_done_;
  Status failure_;
  IngestCounts counts_;
};

}  // namespace veille
