// Reading the hand-written tables of data/quality/ and data/lexicon/: UTF-8
// text, one entry per line, '#' starts a comment line, TAB-separated columns.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "veille/status.h"

namespace veille {

// One non-comment, non-empty line of a table.
struct TableRow {
  int line = 0;                          // 1-based line number, for error messages
  std::vector<std::string_view> fields;  // TAB-separated columns, valid during the call
};

// Calls `fn` for every row of the table at `path`, in file order (read with
// ForEachTsvRow, util/tsv.h). A missing file is an IoError naming it; the
// first non-ok Status returned by `fn` stops the scan and is returned with
// "path:line: " in front of its message.
Status ForEachTableRow(const std::string& path,
                       const std::function<Status(const TableRow&)>& fn);

// Parses a number in [0, 1] (`zero_ok`) or (0, 1] into *value; otherwise an
// InvalidArgument that quotes the text.
Status ParseUnitInterval(std::string_view text, bool zero_ok, double* value);

// Splits `text` at `separator`, keeping empty pieces (views into `text`).
std::vector<std::string_view> SplitView(std::string_view text, char separator);

}  // namespace veille
