// A readable summary of one analysed article for a person at a terminal.
#pragma once

#include <string>

#include "veille/analysis.h"
#include "veille/article.h"

namespace veille {

// Appends the summary to `out`; `color` adds ANSI colors (use on a TTY only).
void AppendPrettySummary(const Article& article, const Analysis& analysis, bool color,
                         std::string* out);

}  // namespace veille
