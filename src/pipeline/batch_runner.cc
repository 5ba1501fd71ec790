#include "pipeline/batch_runner.h"

#include <atomic>
#include <memory>
#include <thread>
#include <variant>

namespace veille {
namespace {

class Batcher : public ArticleSink {
 public:
  Batcher(const Analyzer& analyzer, const BatchOptions& options, ResultSink* sink)
      : analyzer_(analyzer), options_(options), sink_(sink) {
    threads_ = options.threads > 0 ? options.threads
                                   : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    for (int i = 0; i < threads_; ++i) workspaces_.push_back(std::make_unique<Workspace>());
  }

  void OnArticle(Article&& article) override {
    if (sink_->Skip(article)) return;
    pending_bytes_ += article.text.size();
    items_.emplace_back(std::move(article));
    ++pending_articles_;
    if (pending_articles_ >= options_.batch_articles || pending_bytes_ >= options_.batch_bytes) Flush();
  }

  void OnError(ReadError&& error) override { items_.emplace_back(std::move(error)); }

  void Flush() {
    if (items_.empty()) return;
    analyses_.resize(items_.size());
    rendered_.resize(items_.size());
    std::atomic<size_t> next{0};
    auto work = [&](Workspace* workspace) {
      for (size_t i = next++; i < items_.size(); i = next++) {
        if (auto* article = std::get_if<Article>(&items_[i])) {
          analyzer_.Analyze(*article, workspace, &analyses_[i]);
          rendered_[i].clear();
          sink_->Render(*article, analyses_[i], &rendered_[i]);
        }
      }
    };
    const int workers = std::min<int>(threads_, static_cast<int>(pending_articles_));
    if (workers <= 1) {
      work(workspaces_[0].get());
    } else {
      std::vector<std::thread> pool;
      for (int t = 0; t < workers; ++t) pool.emplace_back(work, workspaces_[t].get());
      for (auto& th : pool) th.join();
    }
    for (size_t i = 0; i < items_.size(); ++i) {
      if (auto* article = std::get_if<Article>(&items_[i])) {
        ++stats_.articles;
        stats_.bytes += article->RawBytes().size();
        sink_->Deliver(*article, analyses_[i], rendered_[i]);
      } else {
        ++stats_.errors;
        sink_->OnError(std::get<ReadError>(items_[i]));
      }
    }
    sink_->EndBatch();
    items_.clear();
    pending_articles_ = 0;
    pending_bytes_ = 0;
  }

  const BatchStats& stats() const { return stats_; }

 private:
  const Analyzer& analyzer_;
  const BatchOptions& options_;
  ResultSink* sink_;
  int threads_ = 1;
  std::vector<std::unique_ptr<Workspace>> workspaces_;
  std::vector<std::variant<Article, ReadError>> items_;
  std::vector<Analysis> analyses_;
  std::vector<std::string> rendered_;
  size_t pending_articles_ = 0;
  size_t pending_bytes_ = 0;
  BatchStats stats_;
};

}  // namespace

BatchStats RunAnalysis(const std::vector<std::string>& inputs, const Analyzer& analyzer,
                       const BatchOptions& options, ResultSink* sink) {
  Batcher batcher(analyzer, options, sink);
  ReadInputs(inputs, options.read, options.format, &batcher);
  batcher.Flush();
  return batcher.stats();
}

}  // namespace veille
