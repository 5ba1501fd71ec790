// Reading the hand-written TSV tables under data/.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "veille/status.h"

namespace veille {

// Splits `line` at every `separator` (empty fields kept).
std::vector<std::string> SplitFields(const std::string& line, char separator);

// Calls `row(line_number, fields, line)` for every line of the UTF-8 file at
// `path` that is neither blank nor a "#" comment, with a trailing "\r"
// removed and the line split at tabs. Stops at the first error `row` returns;
// a file that cannot be read is an IoError naming it.
Status ForEachTsvRow(
    const std::string& path,
    const std::function<Status(int, const std::vector<std::string>&, const std::string&)>& row);

}  // namespace veille
