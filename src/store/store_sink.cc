#include "store/store_sink.h"

#include <fmt/format.h>

#include "output/json_output.h"

namespace veille {

StoreSink::StoreSink(Store* writer, Store* reader, Callbacks callbacks)
    : writer_(writer),
      reader_(reader),
      callbacks_(std::move(callbacks)),
      filling_(std::make_unique<Batch>()) {}

StoreSink::~StoreSink() {
  if (write_done_.valid()) write_done_.wait();
}

bool StoreSink::Skip(const Article& article) {
  if (!failure_.ok()) {
    ++counts_.not_stored;
    return true;  // the store is unusable: read on, analyse nothing
  }
  // Only what is committed is visible here; an article of the batch being
  // written is analysed again and found unchanged by Put.
  auto stored = reader_->Contains(article.id, article.source.sha256);
  if (!stored.ok() || !*stored) return false;
  ++counts_.unchanged;
  counts_.bytes += article.RawBytes().size();
  if (callbacks_.progress) callbacks_.progress(counts_);
  return true;
}

void StoreSink::Render(const Article& article, const Analysis& analysis,
                       std::string* rendered) {
  AppendArticleJson(article, analysis, rendered);
}

void StoreSink::Deliver(const Article& article, const Analysis& analysis,
                        const std::string& rendered) {
  // Copied: the runner reuses its buffers for the next batch while this one
  // is written.
  filling_->events.emplace_back(Item{article, analysis, rendered});
}

void StoreSink::OnError(const ReadError& error) { filling_->events.emplace_back(error); }

void StoreSink::EndBatch() {
  Collect();
  if (filling_->events.empty()) return;
  writing_ = std::move(filling_);
  filling_ = std::make_unique<Batch>();
  Batch* batch = writing_.get();
  write_done_ = std::async(std::launch::async, [this, batch] {
    std::vector<StoreItem> items;
    for (const auto& event : batch->events) {
      if (const Item* item = std::get_if<Item>(&event)) {
        items.push_back({&item->article, &item->analysis, item->json});
      }
    }
    if (failure_.ok() && !items.empty())
      batch->status = writer_->Put(items, &batch->results);
  });
}

void StoreSink::Collect() {
  if (!writing_) return;
  write_done_.get();
  Batch& batch = *writing_;
  if (!batch.status.ok() && failure_.ok()) failure_ = batch.status;
  const bool stored = batch.status.ok() && failure_.ok();
  size_t next_result = 0;
  for (const auto& event : batch.events) {
    if (const ReadError* error = std::get_if<ReadError>(&event)) {
      ++counts_.failed_inputs;
      if (callbacks_.report) callbacks_.report(*error);
      continue;
    }
    const Item& item = std::get<Item>(event);
    counts_.bytes += item.article.RawBytes().size();
    if (!stored) {
      ++counts_.not_stored;
      continue;
    }
    const PutResult& result = batch.results[next_result++];
    switch (result.outcome) {
      case PutOutcome::kAdded:
        ++counts_.added;
        break;
      case PutOutcome::kUnchanged:
        ++counts_.unchanged;
        break;
      case PutOutcome::kConflict:
        ++counts_.conflicts;
        if (callbacks_.report) {
          callbacks_.report(ReadError{
              item.article.source.path, item.article.source.line,
              Status::InvalidArgument(fmt::format(
                  "id \"{}\" is already stored with other bytes (sha256 {}, from {}; "
                  "these have "
                  "sha256 {}): not stored",
                  item.article.id, result.stored_sha256.substr(0, 16), result.stored_path,
                  item.article.source.sha256.substr(0, 16)))});
        }
        break;
    }
  }
  writing_.reset();
  if (callbacks_.progress) callbacks_.progress(counts_);
}

Status StoreSink::Finish() {
  EndBatch();  // anything delivered after the runner's last EndBatch
  Collect();
  return failure_;
}

}  // namespace veille
