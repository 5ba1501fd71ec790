// store_corpus [--articles N] [--corpus FILE] [--db FILE] [--threads N]
//              [--queries N] [--data-dir D]
// Store benchmark: ingests a generated corpus (analysis on every core, one
// transaction per batch, as `veille ingest` does), then runs a mix of
// full-text and faceted searches. Prints ingest throughput, the share of it
// spent writing, search latency p50/p99 per kind of query, peak RSS and the
// database size.
#include <fmt/format.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "corpus_generator.h"
#include "store/sqlite_store.h"
#include "store/store_sink.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Forwards to a store and measures the time spent in Put().
class TimedStore : public veille::Store {
 public:
  explicit TimedStore(veille::Store* store) : store_(store) {}
  veille::Status Put(std::span<const veille::StoreItem> items,
                     std::vector<veille::PutResult>* results) override {
    const auto start = Clock::now();
    const double cpu = ThreadCpuSeconds();
    veille::Status status = store_->Put(items, results);
    put_seconds += Seconds(start);
    put_cpu_seconds += ThreadCpuSeconds() - cpu;
    return status;
  }
  veille::Result<bool> Contains(std::string_view id, std::string_view sha) override {
    return store_->Contains(id, sha);
  }
  veille::Result<std::string> ResolveId(std::string_view id) override {
    return store_->ResolveId(id);
  }
  veille::Result<veille::StoredArticle> Get(std::string_view id) override {
    return store_->Get(id);
  }
  veille::Result<std::vector<veille::SearchHit>> Search(
      const veille::SearchQuery& q) override {
    return store_->Search(q);
  }
  veille::Result<std::vector<veille::StoredQuote>> Quotes(
      const veille::QuoteFilter& f) override {
    return store_->Quotes(f);
  }
  veille::Result<std::vector<veille::StoredClaim>> Claims(
      const veille::ClaimFilter& f) override {
    return store_->Claims(f);
  }
  veille::Result<veille::StoreStats> Stats() override { return store_->Stats(); }
  veille::Status Optimize() override { return store_->Optimize(); }
  int schema_version() const override { return store_->schema_version(); }
  double put_seconds = 0;
  double put_cpu_seconds = 0;

 private:
  veille::Store* store_;
};

struct QueryKind {
  const char* name;
  std::vector<veille::SearchQuery> queries;
};

std::vector<QueryKind> QueryMix() {
  auto q = [](const char* text, const char* language = "", const char* since = "",
              const char* entity = "", const char* speaker = "") {
    veille::SearchQuery query;
    query.text = text;
    query.language = language;
    query.since = since;
    query.entity = entity;
    query.speaker = speaker;
    return query;
  };
  return {
      {"common word", {q("Kursk"), q("soldats"), q("governor"), q("gouvernement")}},
      {"rare words",
       {q("Klitschko mercenaires"), q("Stoltenberg ammunition"), q("Sandu céréales")}},
      {"phrase", {q("\"prix du gaz\""), q("\"power cuts\""), q("\"video message\"")}},
      {"prefix", {q("mobilis*"), q("évacu*"), q("recruit*")}},
      {"boolean",
       {q("Kursk OR Koursk"), q("Putin NOT Kursk"), q("NEAR(Lavrov Brussels, 8)")}},
      {"word + facets",
       {q("Kharkiv", "fr"), q("refugees", "en", "2024-06"),
        q("sanctions", "", "2024-09-01"), q("Moscou", "", "", "place:ru-mow"),
        q("Kursk", "", "", "", "Putin")}},
      {"facets only",
       {q("", "fr", "2024-11"), q("", "", "", "person:vladimir-putin"), q("", "en")}},
  };
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t index =
      std::min(values.size() - 1, static_cast<size_t>(p * values.size()));
  return values[index];
}

uint64_t FileSize(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t articles = 100000;
  std::string corpus, db = "/tmp/veille-store-bench.db";
  int queries = 2000;
  bool search_only = false;  // reuse the database of a previous run
  veille::BatchOptions batch;
  veille::AnalyzerOptions analyzer_options;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--articles")) {
      articles = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (!std::strcmp(argv[i], "--corpus")) {
      corpus = argv[i + 1];
    } else if (!std::strcmp(argv[i], "--db")) {
      db = argv[i + 1];
    } else if (!std::strcmp(argv[i], "--threads")) {
      batch.threads = std::atoi(argv[i + 1]);
    } else if (!std::strcmp(argv[i], "--queries")) {
      queries = std::atoi(argv[i + 1]);
    } else if (!std::strcmp(argv[i], "--search-only")) {
      search_only = std::atoi(argv[i + 1]) != 0;
    } else if (!std::strcmp(argv[i], "--data-dir")) {
      analyzer_options.data_dir = argv[i + 1];
    } else {
      fmt::print(
          stderr,
          "usage: store_corpus [--articles N] [--corpus FILE] [--db FILE] [--threads N] "
          "[--queries N] [--data-dir D]\n");
      return 2;
    }
  }
  if (corpus.empty()) {
    corpus = fmt::format("/tmp/veille-store-corpus-{}.jsonl", articles);
    if (FileSize(corpus) == 0) {
      veille::bench::CorpusGenerator generator({});
      std::ofstream out(corpus, std::ios::binary);
      for (uint64_t i = 0; i < articles; ++i) {
        out << veille::bench::CorpusGenerator::ToJsonLine(generator.Next()) << '\n';
      }
    }
  }
  if (!search_only) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  }
  auto analyzer = veille::Analyzer::Create(analyzer_options);
  if (!analyzer.ok()) {
    fmt::print(stderr, "store_corpus: {}\n", analyzer.status().ToString());
    return 2;
  }
  veille::StoreOptions options;
  options.path = db;
  auto writer = veille::SqliteStore::Open(options);
  auto reader = veille::SqliteStore::Open(options);
  if (!writer.ok() || !reader.ok()) {
    fmt::print(stderr, "store_corpus: {}\n",
               (writer.ok() ? reader : writer).status().ToString());
    return 2;
  }

  if (!search_only) {
    TimedStore timed(writer->get());
    veille::StoreSink::Callbacks callbacks;
    callbacks.report = [](const veille::ReadError& e) {
      fmt::print(stderr, "store_corpus: {}\n", e.ToString());
    };
    const double cpu_start = CpuSeconds();
    const auto start = Clock::now();
    veille::StoreSink sink(&timed, reader->get(), callbacks);
    veille::RunAnalysis({corpus}, **analyzer, batch, &sink);
    veille::Status status = sink.Finish();
    if (status.ok()) status = timed.Optimize();
    const double ingest_seconds = Seconds(start);
    const double ingest_cpu = CpuSeconds() - cpu_start;
    if (!status.ok()) {
      fmt::print(stderr, "store_corpus: {}\n", status.ToString());
      return 1;
    }
    const veille::IngestCounts& counts = sink.counts();
    const double mb = counts.bytes / 1048576.0;

    // Re-ingest: everything is skipped before analysis.
    const auto again_start = Clock::now();
    veille::StoreSink again(&timed, reader->get(), callbacks);
    veille::RunAnalysis({corpus}, **analyzer, batch, &again);
    status = again.Finish();
    const double again_seconds = Seconds(again_start);
    (void)(*writer)->database()->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const uint64_t db_bytes = FileSize(db) + FileSize(db + "-wal");

    fmt::print(
        "store_corpus: {} articles ({} added, {} already stored), {:.1f} MB of input, {} "
        "threads\n",
        counts.added + counts.unchanged, counts.added, counts.unchanged, mb,
        batch.threads > 0 ? batch.threads
                          : static_cast<int>(std::thread::hardware_concurrency()));
    fmt::print(
        "store_corpus: ingest {:.1f} s: {:.0f} articles/s, {:.2f} MB/s (CPU {:.1f} s)\n",
        ingest_seconds, counts.added / ingest_seconds, mb / ingest_seconds, ingest_cpu);
    fmt::print(
        "store_corpus: writes {:.1f} s on the writer thread, {:.1f} s of it on CPU "
        "({:.0f} articles/s per core)\n",
        timed.put_seconds, timed.put_cpu_seconds,
        counts.added / std::max(1e-9, timed.put_cpu_seconds));
    fmt::print(
        "store_corpus: re-ingest of the same corpus {:.1f} s ({:.0f} articles/s, all "
        "skipped)\n",
        again_seconds, counts.added / again_seconds);
    fmt::print("store_corpus: database {:.0f} MB ({:.2f} x the input)\n",
               db_bytes / 1048576.0,
               db_bytes / std::max(1.0, static_cast<double>(counts.bytes)));
  }

  // Search: every kind of query in turn; the first round warms the caches.
  std::vector<QueryKind> mix = QueryMix();
  std::vector<double> all;
  std::vector<std::vector<double>> by_kind(mix.size());
  const double search_cpu_start = CpuSeconds();
  for (int round = 0; static_cast<int>(all.size()) < queries; ++round) {
    for (size_t k = 0; k < mix.size(); ++k) {
      for (const veille::SearchQuery& query : mix[k].queries) {
        const auto t = Clock::now();
        auto result = (*reader)->Search(query);
        const double ms = Seconds(t) * 1000;
        if (!result.ok()) {
          fmt::print(stderr, "store_corpus: {}: {}\n", query.text,
                     result.status().ToString());
          return 1;
        }
        if (round > 0) {
          all.push_back(ms);
          by_kind[k].push_back(ms);
        }
      }
    }
  }
  const double search_cpu = CpuSeconds() - search_cpu_start;
  fmt::print(
      "store_corpus: search ({} queries of {} kinds, top 20 with snippets): p50 {:.2f} "
      "ms, "
      "p99 {:.2f} ms ({:.2f} ms CPU per query)\n",
      all.size(), mix.size(), Percentile(all, 0.5), Percentile(all, 0.99),
      search_cpu * 1000 / std::max<size_t>(1, all.size()));
  for (size_t k = 0; k < mix.size(); ++k) {
    fmt::print("store_corpus:   {:<14} p50 {:7.2f} ms  p99 {:7.2f} ms\n", mix[k].name,
               Percentile(by_kind[k], 0.5), Percentile(by_kind[k], 0.99));
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print("store_corpus: peak RSS {:.0f} MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
