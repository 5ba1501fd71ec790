#include "store/store_sink.h"

#include <gtest/gtest.h>

#include <set>

#include "test_support.h"

namespace veille {
namespace {

// Records what the sink writes; fails the write number `fail_at` (1-based).
class FakeStore : public Store {
 public:
  Status Put(std::span<const StoreItem> items, std::vector<PutResult>* results) override {
    ++puts;
    if (puts == fail_at) return Status::IoError("disk full");
    std::vector<std::string> ids;
    results->clear();
    for (const StoreItem& item : items) {
      ids.push_back(item.article->id);
      EXPECT_FALSE(item.analysis_json.empty());
      PutResult result;
      if (conflicting.count(item.article->id)) {
        result.outcome = PutOutcome::kConflict;
        result.stored_path = "elsewhere.jsonl";
        result.stored_sha256 = std::string(64, 'a');
      }
      results->push_back(result);
    }
    batches.push_back(ids);
    return Status::Ok();
  }
  Result<bool> Contains(std::string_view id, std::string_view) override {
    return stored.count(std::string(id)) > 0;
  }
  Result<std::string> ResolveId(std::string_view) override {
    return Status::NotFound("");
  }
  Result<StoredArticle> Get(std::string_view) override { return Status::NotFound(""); }
  Result<std::vector<SearchHit>> Search(const SearchQuery&) override {
    return Status::NotFound("");
  }
  Result<std::vector<StoredQuote>> Quotes(const QuoteFilter&) override {
    return Status::NotFound("");
  }
  Result<std::vector<StoredClaim>> Claims(const ClaimFilter&) override {
    return Status::NotFound("");
  }
  Result<StoreStats> Stats() override { return Status::NotFound(""); }
  Status Optimize() override { return Status::Ok(); }
  int schema_version() const override { return 0; }

  int puts = 0;
  int fail_at = 0;
  std::set<std::string> stored;
  std::set<std::string> conflicting;
  std::vector<std::vector<std::string>> batches;
};

class StoreSinkTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto analyzer = Analyzer::Create({});
    ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();
    analyzer_ = std::move(analyzer).value().release();
  }
  static void TearDownTestSuite() { delete analyzer_; }

  // Ten JSON lines a0..a9, with a bad line after a4.
  std::string WriteFeed() {
    std::string feed;
    for (int i = 0; i < 10; ++i) {
      feed +=
          R"({"id":"a)" + std::to_string(i) +
          R"(","text":"The minister said on Monday that the vote would take place."})" +
          "\n";
      if (i == 4) feed += "{broken\n";
    }
    return dir_.Write("feed.jsonl", feed);
  }

  IngestCounts Run(FakeStore* store, Status* status, std::vector<std::string>* reports) {
    BatchOptions options;
    options.batch_articles = 3;
    options.threads = 2;
    StoreSink::Callbacks callbacks;
    callbacks.report = [reports](const ReadError& e) {
      reports->push_back(e.ToString());
    };
    StoreSink sink(store, store, callbacks);
    RunAnalysis({WriteFeed()}, *analyzer_, options, &sink);
    *status = sink.Finish();
    return sink.counts();
  }

  static Analyzer* analyzer_;
  testing::TempDir dir_;
};

Analyzer* StoreSinkTest::analyzer_ = nullptr;

TEST_F(StoreSinkTest, WritesEachBatchInInputOrderAndSkipsStoredArticles) {
  FakeStore store;
  store.stored = {"a1", "a7"};
  store.conflicting = {"a8"};
  Status status;
  std::vector<std::string> reports;
  const IngestCounts counts = Run(&store, &status, &reports);
  ASSERT_TRUE(status.ok()) << status.ToString();
  std::vector<std::string> written;
  for (const auto& batch : store.batches) {
    EXPECT_LE(batch.size(), 3u);
    written.insert(written.end(), batch.begin(), batch.end());
  }
  EXPECT_EQ(written,
            (std::vector<std::string>{"a0", "a2", "a3", "a4", "a5", "a6", "a8", "a9"}));
  EXPECT_EQ(counts.added, 7u);
  EXPECT_EQ(counts.unchanged, 2u);
  EXPECT_EQ(counts.conflicts, 1u);
  EXPECT_EQ(counts.failed_inputs, 1u);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_NE(reports[0].find("feed.jsonl:6: bad input: not valid JSON"), std::string::npos)
      << reports[0];
  EXPECT_NE(
      reports[1].find("feed.jsonl:10: invalid argument: id \"a8\" is already stored"),
      std::string::npos)
      << reports[1];
}

TEST_F(StoreSinkTest, AFailedWriteStopsStoringAndIsReturned) {
  FakeStore store;
  store.fail_at = 2;
  Status status;
  std::vector<std::string> reports;
  const IngestCounts counts = Run(&store, &status, &reports);
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  EXPECT_EQ(store.batches.size(), 1u) << "nothing is written after the failure";
  EXPECT_EQ(counts.added, 3u);
  EXPECT_EQ(counts.added + counts.not_stored, 10u);
}

}  // namespace
}  // namespace veille
