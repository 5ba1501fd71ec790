#include "progress_bar.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace veille::cli {
namespace {

std::string Duration(double seconds) {
  const auto s = static_cast<uint64_t>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

ProgressBar::ProgressBar(std::string label, uint64_t total_bytes)
    : label_(std::move(label)),
      total_bytes_(total_bytes),
      enabled_(isatty(fileno(stderr)) != 0),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

double ProgressBar::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressBar::Update(uint64_t articles, uint64_t bytes) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double elapsed = std::max(1e-3, elapsed_seconds());
  std::string line = fmt::format("\r{} ", label_);
  if (total_bytes_ > 0) {
    const double done = std::min(1.0, static_cast<double>(bytes) / total_bytes_);
    constexpr int kWidth = 24;
    const int filled = static_cast<int>(done * kWidth);
    line.push_back('[');
    line.append(filled, '#');
    line.append(kWidth - filled, '.');
    line += fmt::format("] {:3.0f}%  ", done * 100);
  }
  line += fmt::format("{} articles  {:.0f}/s", articles, articles / elapsed);
  if (total_bytes_ > 0 && bytes > 0 && bytes < total_bytes_) {
    const double eta = (total_bytes_ - bytes) / (bytes / elapsed);
    line += "  ETA " + Duration(eta);
  }
  line += "\033[K";
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::Finish() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace veille::cli
