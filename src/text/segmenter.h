// Paragraphs and sentences for news text.
#pragma once

#include "text/document.h"

namespace veille {

// Fills doc->paragraphs from doc->text. Blank lines always separate
// paragraphs. A single line break also does, unless the text looks
// hard-wrapped there (the line does not end a sentence and the next line
// starts in lower case). Paragraph spans exclude surrounding white space.
void SplitParagraphs(Document* doc);

// Fills doc->sentences from doc->tokens and doc->paragraphs. A sentence ends
// at . ! ? … (plus closing quotes and brackets) when what follows can start a
// sentence; abbreviations (M., Mme, Dr., St., etc.), initials, dotted acronyms
// and decimal numbers do not end one; a paragraph end always does, so titles,
// bylines and headline lists without final punctuation stand alone.
void SplitSentences(Document* doc);

// True when `lower` (a token's lowercase form, without its period) is an
// abbreviation that a period does not end a sentence after: "m", "mme", "dr".
bool IsNonFinalAbbreviation(std::string_view lower);

}  // namespace veille
