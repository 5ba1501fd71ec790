// Splits analysis text into word, number and punctuation tokens with byte
// offsets. Rules for French and English news: elisions split ("l'", "qu'"),
// English possessives split ("Kadyrov" "'s"), hyphenated words stay whole
// ("pro-russes", "a-t-il"), numbers keep their thousands separators
// ("1 200" with a space, no-break or thin space; "12,000"; "1,5"), dotted
// acronyms stay whole ("U.S.").
#pragma once

#include "text/document.h"

namespace veille {

// Fills doc->tokens and doc->lower from doc->text. Thread-safe.
void Tokenize(Document* doc);

// True for the white space characters that separate tokens, including the
// no-break (U+00A0) and narrow no-break (U+202F) spaces used in French.
bool IsSpaceChar(char32_t c);

// True for quotation marks of any style: « » “ ” „ ‘ ’ ‹ › " '.
bool IsQuoteMark(char32_t c);

}  // namespace veille
