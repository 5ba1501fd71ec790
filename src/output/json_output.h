// Serializes one analysed article as the JSON object documented in
// docs/schema.md (one line, no trailing newline).
#pragma once

#include <string>

#include "veille/analysis.h"
#include "veille/article.h"

namespace veille {

void AppendArticleJson(const Article& article, const Analysis& analysis, std::string* out);

}  // namespace veille
