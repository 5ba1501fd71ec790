#include "store_test_support.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>

#include "corpus_generator.h"
#include "store/sqlite_store.h"

extern char** environ;

namespace veille::testing {

BackgroundVeille::BackgroundVeille(const std::vector<std::string>& args,
                                   const std::string& stdout_path,
                                   const std::string& stderr_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, stdout_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, stderr_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> argv_storage = {VEILLE_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int rc =
      posix_spawn(&pid_, VEILLE_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("spawn failed");
}

BackgroundVeille::~BackgroundVeille() {
  if (Running()) {
    Kill(SIGKILL);
    Wait();
  }
}

bool BackgroundVeille::Running() {
  if (status_ >= 0) return false;
  int status = 0;
  const pid_t done = waitpid(pid_, &status, WNOHANG);
  if (done == pid_) {
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
  }
  return done == 0;
}

void BackgroundVeille::Kill(int signal) {
  if (status_ < 0) kill(pid_, signal);
}

int BackgroundVeille::Wait() {
  if (status_ < 0) {
    int status = 0;
    waitpid(pid_, &status, 0);
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  return status_;
}

void WriteGeneratedCorpus(const std::string& path, int count, uint64_t seed) {
  bench::CorpusGenerator::Options options;
  options.seed = seed;
  bench::CorpusGenerator generator(options);
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < count; ++i) {
    out << bench::CorpusGenerator::ToJsonLine(generator.Next()) << '\n';
  }
}

namespace {

std::unique_ptr<SqliteStore> OpenExisting(const std::string& db_path,
                                          std::string* error) {
  StoreOptions options;
  options.path = db_path;
  options.create_if_missing = false;
  auto store = SqliteStore::Open(options);
  if (!store.ok()) {
    *error = store.status().ToString();
    return nullptr;
  }
  return std::move(store).value();
}

}  // namespace

int64_t CountStoredArticles(const std::string& db_path) {
  std::string error;
  auto store = OpenExisting(db_path, &error);
  if (!store) return -1;
  auto count = store->database()->Prepare("SELECT count(*) FROM articles");
  if (!count.ok() || !count->Step().ok()) return -1;
  return count->Int64(0);
}

std::vector<std::string> CheckStoreConsistency(const std::string& db_path) {
  std::vector<std::string> problems;
  std::string error;
  auto store = OpenExisting(db_path, &error);
  if (!store) return {"cannot open: " + error};
  sqlite::Database* db = store->database();
  auto query_text = [&](const std::string& sql) -> std::string {
    auto select = db->Prepare(sql);
    if (!select.ok()) return "error: " + select.status().ToString();
    auto row = select->Step();
    if (!row.ok()) return "error: " + row.status().ToString();
    return *row ? select->String(0) : "";
  };
  const std::string integrity = query_text("PRAGMA integrity_check");
  if (integrity != "ok") problems.push_back("integrity_check: " + integrity);

  std::vector<std::string> languages;
  {
    auto select = db->Prepare("SELECT language FROM fts_tables");
    while (select.ok() && select->Step().value()) languages.push_back(select->String(0));
  }
  for (const std::string& language : languages) {
    const std::string table = "fts_" + language;
    Status status = db->Exec(
        ("INSERT INTO " + table + "(" + table + ") VALUES ('integrity-check')").c_str());
    if (!status.ok())
      problems.push_back(table + " integrity-check: " + status.ToString());
    const std::string indexed = query_text("SELECT count(*) FROM " + table + "_docsize");
    const std::string stored = query_text(
        "SELECT count(*) FROM articles WHERE fts_language = '" + language + "'");
    if (indexed != stored) {
      problems.push_back(table + " indexes " + indexed + " articles, the store holds " +
                         stored);
    }
  }
  const std::pair<const char*, const char*> extractions[] = {
      {"quotes", "$.quotes"},
      {"claims", "$.claims"},
      {"citations", "$.citations"},
      {"quality_signals", "$.quality.signals"},
  };
  for (const auto& [table, path] : extractions) {
    const std::string incomplete =
        query_text(std::string("SELECT count(*) FROM article_bodies b WHERE "
                               "json_array_length(b.analysis_json, '") +
                   path + "') != (SELECT count(*) FROM " + table +
                   " x WHERE x.article_rowid = b.article_rowid)");
    if (incomplete != "0") {
      problems.push_back(incomplete + " article(s) with missing or extra " + table +
                         " rows");
    }
  }
  const std::string entities = query_text(
      "SELECT count(*) FROM article_bodies b WHERE json_array_length(b.analysis_json, "
      "'$.entity_summary') > (SELECT count(*) FROM article_entities e WHERE "
      "e.article_rowid = b.article_rowid)");
  if (entities != "0") problems.push_back(entities + " article(s) with missing entities");
  const std::string bodies = query_text(
      "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM article_bodies)");
  if (bodies != "0") problems.push_back(bodies + " article(s) without their text");
  return problems;
}

}  // namespace veille::testing
