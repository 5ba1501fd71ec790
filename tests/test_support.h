// Helpers shared by the end-to-end and golden tests.
#pragma once

#include <string>
#include <vector>

namespace veille::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the built veille binary with `args`, feeding `stdin_data`, and
// captures stdout, stderr and the exit status.
CommandResult RunVeille(const std::vector<std::string>& args, const std::string& stdin_data = "");

// A fresh empty directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string Write(const std::string& name, const std::string& content) const;

 private:
  std::string path_;
};

std::string ReadFileOrDie(const std::string& path);
std::string SourceDir();
// shared/seeds beside the repository (or beside a parent directory of it, for
// a git worktree), or "" when it is not there.
std::string SeedsDir();

}  // namespace veille::testing
