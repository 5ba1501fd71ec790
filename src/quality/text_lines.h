// Lines of a document's text, for the detectors that work line by line
// (page furniture is laid out in lines, whatever the paragraph splitter says).
#pragma once

#include <string_view>
#include <vector>

#include "veille/span.h"

namespace veille {

// The non-blank lines of `text`, each trimmed of surrounding white space
// (ASCII, U+00A0, U+202F), in order.
std::vector<Span> TrimmedLines(std::string_view text);

// `span` without leading/trailing white space and quotation marks.
Span TrimSpaceAndQuotes(std::string_view text, Span span);

}  // namespace veille
