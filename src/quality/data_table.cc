#include "quality/data_table.h"

#include <fmt/format.h>

#include <cstdlib>

#include "util/tsv.h"

namespace veille {

std::vector<std::string_view> SplitView(std::string_view text, char separator) {
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
  TableRow row;
  return ForEachTsvRow(path, [&](int line, const std::vector<std::string>& fields,
                                 const std::string&) -> Status {
    row.line = line;
    row.fields.assign(fields.begin(), fields.end());
    Status status = fn(row);
    if (status.ok()) return status;
    return Status::InvalidArgument(fmt::format("{}:{}: {}", path, line, status.message()));
  });
}

}  // namespace veille
