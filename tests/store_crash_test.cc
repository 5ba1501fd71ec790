// Crash safety of `veille ingest`: killed with SIGKILL (repeatedly) in the
// middle of a 10,000-article ingest, the database still opens, passes every
// integrity check and holds only whole batches of whole articles; running the
// ingest again completes it. Labelled slow (suite name *SlowTest).
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "pipeline/batch_runner.h"
#include "store_test_support.h"
#include "test_support.h"

namespace veille::testing {
namespace {

constexpr int kArticles = 10000;

TEST(StoreCrashSlowTest, KillDuringIngestLeavesWholeArticlesAndRerunCompletes) {
  TempDir dir;
  const std::string corpus = dir.path() + "/corpus.jsonl";
  const std::string db = dir.path() + "/crash.db";
  WriteGeneratedCorpus(corpus, kArticles);
  const int64_t batch = static_cast<int64_t>(BatchOptions{}.batch_articles);

  // Kill it four times without warning, each time after it has committed at
  // least one more batch and a varying delay, so that some kills land in the
  // middle of a write transaction and others during analysis.
  int64_t stored = 0;
  for (int round = 0; round < 4; ++round) {
    SCOPED_TRACE("kill " + std::to_string(round + 1));
    BackgroundVeille ingest({"ingest", corpus, "--db", db}, dir.path() + "/out",
                            dir.path() + "/err");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (ingest.Running() && std::chrono::steady_clock::now() < deadline) {
      if (CountStoredArticles(db) > stored) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(37 * round));
    ASSERT_TRUE(ingest.Running()) << "the ingest ended before it could be killed: "
                                  << ReadFileOrDie(dir.path() + "/err");
    ingest.Kill(SIGKILL);
    EXPECT_EQ(ingest.Wait(), 128 + SIGKILL);

    const int64_t after_kill = CountStoredArticles(db);
    EXPECT_GT(after_kill, stored);
    EXPECT_LT(after_kill, kArticles);
    // One transaction per batch: a crash keeps whole batches only.
    EXPECT_EQ(after_kill % batch, 0) << after_kill << " articles";
    EXPECT_EQ(CheckStoreConsistency(db), std::vector<std::string>{});
    stored = after_kill;
  }

  // Reads work on the crashed database.
  CommandResult search = RunVeille({"search", "Kursk OR Koursk", "--json", "--db", db});
  EXPECT_EQ(search.exit_code, 0) << search.err;
  EXPECT_FALSE(search.out.empty());

  // Running the same ingest again completes it, skipping what is stored.
  CommandResult rerun = RunVeille({"ingest", corpus, "--db", db});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(CountStoredArticles(db), kArticles);
  EXPECT_EQ(CheckStoreConsistency(db), std::vector<std::string>{});
  CommandResult stats = RunVeille({"stats", "--json", "--db", db});
  ASSERT_EQ(stats.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(stats.out)["articles"], kArticles);
}

}  // namespace
}  // namespace veille::testing
