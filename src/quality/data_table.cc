#include "quality/data_table.h"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace veille {

std::vector<std::string_view> SplitFields(std::string_view text, char separator) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      fields.push_back(text.substr(start));
      return fields;
    }
    fields.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

Status ParseUnitInterval(std::string_view text, bool zero_ok, double* value) {
  const std::string number(text);
  char* end = nullptr;
  *value = std::strtod(number.c_str(), &end);
  if (end == number.c_str() || *end != '\0' || *value > 1 || *value < 0 || (!zero_ok && *value == 0)) {
    return Status::InvalidArgument(
        fmt::format("'{}' is not a number in {}0, 1]", number, zero_ok ? "[" : "("));
  }
  return Status::Ok();
}

Status ForEachTableRow(const std::string& path,
                       const std::function<Status(const TableRow&)>& fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot read data table", path));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string content = buffer.str();
  std::string_view rest = content;
  TableRow row;
  int line_number = 0;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) nl = rest.size();
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(std::min(rest.size(), nl + 1));
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    row.line = line_number;
    row.fields = SplitFields(line, '\t');
    Status status = fn(row);
    if (!status.ok()) {
      return Status::InvalidArgument(fmt::format("{}:{}: {}", path, line_number, status.message()));
    }
  }
  return Status::Ok();
}

}  // namespace veille
