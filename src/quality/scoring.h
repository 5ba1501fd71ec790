// The quality score and verdict of an article, computed from its signals by
// the formula and thresholds of data/quality/scoring.tsv (docs/quality.md).
// Immutable after Load; thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "veille/analysis.h"
#include "veille/status.h"

namespace veille {

class QualityScoring {
 public:
  static Result<QualityScoring> Load(const std::string& data_dir);

  // The `weight` row named `name`; 0 when absent.
  double Weight(std::string_view name) const;

  // Sets quality->score and quality->verdict from quality->signals:
  //   score = 1 - sum over kinds of min(cap, sum of weights)
  // and the verdict rules of docs/quality.md.
  void Score(Quality* quality) const;

 private:
  double Cap(std::string_view kind) const;
  double Threshold(std::string_view name) const;

  std::map<std::string, double, std::less<>> caps_;
  std::map<std::string, double, std::less<>> thresholds_;
  std::map<std::string, double, std::less<>> weights_;
};

}  // namespace veille
