// Title, byline and publication date found in the text or supplied with it.
#pragma once

#include "text/document.h"
#include "veille/analysis.h"

namespace veille {

// Fills out->title/byline/date and their spans. Supplied metadata (JSON Lines
// fields) wins over what the text says, but the text is still searched so the
// span can be shown. Requires paragraphs and the document language.
void ExtractMetadata(const Document& doc, Analysis* out);

// Parses a date written in French or English ("le 14 mars 2025", "March 14,
// 2025", "14 March 2025", "2025-03-14", "14/03/2025") anywhere in `text`.
// Returns the ISO date and sets *span (relative to `text`), or "" when none.
std::string FindDate(std::string_view text, std::string_view language, Span* span);

}  // namespace veille
