// Finds numeric claims in a Document: the number (digits, number words,
// "des centaines de", "a dozen"), its qualifier ("plus de", "up to"), ranges,
// percentages and money, what is counted and the event, and drops what is not
// a quantity (years, dates, clock times, ordinals, unit designations, page and
// phone numbers, ages, numbers inside names and titles of works).
//
// Attribution (`by`) is left to attribution.h.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/cue_index.h"
#include "veille/analysis.h"

namespace veille {

struct ClaimDraft {
  Claim claim;
  uint32_t first_token = 0;  // the whole claim, qualifier to counted noun
  uint32_t end_token = 0;
  uint32_t core_first = 0;   // the number itself
  uint32_t core_end = 0;
  uint32_t sentence = 0;
};

// Appends the claims of the whole document, in text order. Thread-safe.
void FindClaims(const CueIndex& cues, std::vector<ClaimDraft>* out);

}  // namespace veille
