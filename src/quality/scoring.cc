#include "quality/scoring.h"

#include <fmt/format.h>

#include <algorithm>

#include "quality/data_table.h"

namespace veille {
namespace {

double Lookup(const std::map<std::string, double, std::less<>>& table, std::string_view key,
              double missing) {
  auto it = table.find(key);
  return it == table.end() ? missing : it->second;
}

}  // namespace

Result<QualityScoring> QualityScoring::Load(const std::string& data_dir) {
  QualityScoring scoring;
  Status status = ForEachTableRow(data_dir + "/quality/scoring.tsv", [&](const TableRow& row) -> Status {
    if (row.fields.size() != 3) return Status::InvalidArgument("expected row<TAB>name<TAB>value");
    double value = 0;
    if (Status s = ParseUnitInterval(row.fields[2], true, &value); !s.ok()) return s;
    const std::string_view table = row.fields[0];
    auto& target = table == "cap"         ? scoring.caps_
                   : table == "threshold" ? scoring.thresholds_
                   : table == "weight"    ? scoring.weights_
                                          : scoring.caps_;
    if (table != "cap" && table != "threshold" && table != "weight") {
      return Status::InvalidArgument(fmt::format("unknown row type '{}'", table));
    }
    target[std::string(row.fields[1])] = value;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  for (std::string_view name : {"auto_translated", "heavy_boilerplate", "suspect"}) {
    if (!scoring.thresholds_.contains(name)) {
      return Status::InvalidArgument(
          fmt::format("{}/quality/scoring.tsv: missing threshold '{}'", data_dir, name));
    }
  }
  return scoring;
}

double QualityScoring::Weight(std::string_view name) const { return Lookup(weights_, name, 0); }
double QualityScoring::Cap(std::string_view kind) const { return Lookup(caps_, kind, 1); }
double QualityScoring::Threshold(std::string_view name) const {
  return Lookup(thresholds_, name, 1);
}

void QualityScoring::Score(Quality* quality) const {
  std::map<std::string, double, std::less<>> sums;
  for (const QualitySignal& s : quality->signals) sums[s.kind] += s.weight;
  double penalty = 0;
  auto capped = [&](std::string_view kind) {
    auto it = sums.find(kind);
    return it == sums.end() ? 0.0 : std::min(Cap(kind), it->second);
  };
  for (const auto& [kind, sum] : sums) penalty += capped(kind);
  quality->score = std::clamp(1.0 - penalty, 0.0, 1.0);

  const double mt = capped("foreign_insertion") + capped("mangled_name") + capped("translationese");
  const double furniture = capped("boilerplate");
  const bool bio = sums.contains("fake_bio");
  const bool machine_translated = mt >= Threshold("auto_translated");
  if ((bio && (mt > 0 || furniture > 0)) ||
      (machine_translated && furniture >= Threshold("heavy_boilerplate"))) {
    quality->verdict = "content_farm";
  } else if (machine_translated) {
    quality->verdict = "auto_translated";
  } else if (penalty >= Threshold("suspect")) {
    quality->verdict = "suspect";
  } else {
    quality->verdict = "clean";
  }
}

}  // namespace veille
