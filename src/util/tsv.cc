#include "util/tsv.h"

#include <fmt/format.h>

#include <fstream>

namespace veille {

std::vector<std::string> SplitFields(const std::string& line, char separator) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t pos = line.find(separator, start);
    out.push_back(line.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
    if (pos == std::string::npos) break;
    start = pos + 1;
  }
  return out;
}

Status ForEachTsvRow(
    const std::string& path,
    const std::function<Status(int, const std::vector<std::string>&, const std::string&)>& row) {
  std::ifstream in(path);
  if (!in) return Status::IoError(fmt::format("{}: cannot read", path));
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    Status status = row(line_number, SplitFields(line, '\t'), line);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace veille
