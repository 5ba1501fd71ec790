// The article text without its page furniture and generated bios, for
// `veille analyze --clean` and for readers who want the article alone.
#pragma once

#include <string>
#include <string_view>

#include "veille/analysis.h"

namespace veille {

// Returns `text` (the article's original text) with the spans of its
// `boilerplate` and `fake_bio` signals removed. A signal that fills its line
// takes the line with it; one inside a line becomes a single space between
// words. Runs of blank lines left behind shrink to one, and the result ends
// with one newline (or is empty). Offsets in `analysis` are not changed:
// they still point into `text`. Thread-safe.
std::string CleanArticleText(std::string_view text, const Analysis& analysis);

}  // namespace veille
