// A one-line progress bar on stderr with rate and ETA, drawn only when stderr
// is a terminal (so logs and pipes stay quiet). Not thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace veille::cli {

class ProgressBar {
 public:
  // `total_bytes` is the expected input size, 0 when unknown (stdin): then
  // only counts and rate are shown.
  ProgressBar(std::string label, uint64_t total_bytes);
  ~ProgressBar() { Finish(); }

  bool enabled() const { return enabled_; }
  // Redraws at most ten times a second.
  void Update(uint64_t articles, uint64_t bytes);
  // Erases the bar.
  void Finish();
  double elapsed_seconds() const;

 private:
  std::string label_;
  uint64_t total_bytes_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace veille::cli
