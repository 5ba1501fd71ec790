// Who asserts each claim: the speaker of the quote it stands in, or the
// source the sentence names ("selon X", "according to X", "X said that",
// "…, a annoncé X", "X estimated"), or null when the article asserts it.
//
// Uses Analysis::quotes (speakers) and Analysis::entities (canonical names and
// ids) when earlier stages filled them, and falls back on the sentence itself:
// quotation marks, speech verbs, subjects, appositions and pronouns.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/claim_finder.h"
#include "extract/cue_index.h"

namespace veille {

// Fills claim.by and claim.by_id of every draft. Thread-safe.
void AttributeClaims(const CueIndex& cues, std::vector<ClaimDraft>* drafts);

}  // namespace veille
