// Finds the outlets, agencies and platforms an article cites, and how: "selon
// Newsweek" (according_to), "Interfax reported" (reported_by), "told the
// Telegraph" (told), "sur sa chaîne Telegram" (posted_on), "rencontré par
// l'AFP" (quoted_from). A name with no such cue ("the Rossiya-1 talk show")
// or in boilerplate ("Partager sur Facebook") is not a citation.
#pragma once

#include <vector>

#include "extract/cue_index.h"
#include "veille/analysis.h"

namespace veille {

// Appends the citations of the document in text order. Thread-safe.
void FindCitations(const CueIndex& cues, std::vector<Citation>* out);

}  // namespace veille
