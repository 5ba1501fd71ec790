// Helpers for the store's end-to-end tests: a veille process in the
// background, a generated corpus, and a consistency check of a database.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace veille::testing {

// Runs the built veille binary with `args` in the background, stdout and
// stderr going to files. The destructor kills (SIGKILL) and reaps it if it is
// still running.
class BackgroundVeille {
 public:
  BackgroundVeille(const std::vector<std::string>& args, const std::string& stdout_path,
                   const std::string& stderr_path);
  ~BackgroundVeille();
  BackgroundVeille(const BackgroundVeille&) = delete;
  BackgroundVeille& operator=(const BackgroundVeille&) = delete;

  // True while the process has not exited.
  bool Running();
  void Kill(int signal);
  // Waits for the exit; returns the exit status, or 128 + signal.
  int Wait();

 private:
  pid_t pid_ = -1;
  int status_ = -1;
};

// Writes `count` generated articles (bench/corpus_generator.h: French and
// English news with people, places, numbers and quotes) as JSON Lines.
void WriteGeneratedCorpus(const std::string& path, int count, uint64_t seed = 7);

// Checks what the store promises after any crash: SQLite's integrity check,
// the full-text indexes' own checks and contents, and every stored article
// complete (as many quote, claim, citation and signal rows as its analysis
// JSON lists). Returns the problems found, empty when none.
std::vector<std::string> CheckStoreConsistency(const std::string& db_path);

// Number of articles in the store at `db_path` (-1 when it cannot be read).
int64_t CountStoredArticles(const std::string& db_path);

}  // namespace veille::testing
