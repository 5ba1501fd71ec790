// Transliteration-aware keys for names, so that one person or place written
// in several languages and transliterations gets one identity.
//
// Three levels, each documented with examples in docs/entities.md:
//  - MatchForm: how a word is compared with the alias tables. Lowercase,
//    accents removed (é→e, ł→l, ß→ss), typographic apostrophes folded to "'".
//    Cyrillic words are reduced to their stem (case ending removed), so
//    "Курской"/"Курская" and "Харкові"/"Харків" compare equal.
//  - NameKey: a readable normalization that folds transliteration variants:
//    "Poutine"→"putin", "Zelenskyy"→"zelenski", "Zaporijia"→"zaporizhia",
//    "Lougansk"→"luhansk", "Alexeï"→"aleksei". Used for the ids of names that
//    are in no table ("person:~tomas-reiner").
//  - SkeletonKey: the NameKey without vowels after the first letter
//    ("chechnia"→"cchn"); an index for near matches, which callers confirm
//    with NameDistance.
// All functions are pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace veille {

// Appends the match form of one word (see above) to `out`.
void AppendMatchForm(std::string_view word, std::string* out);

// The NameKey of a name of one or more words: words are normalized and
// joined by '-'. Non-letters other than spaces, hyphens and apostrophes are
// dropped. Returns "" when nothing is left.
std::string NameKey(std::string_view name);

// The NameKey of one word, appended to `out`.
void AppendWordNameKey(std::string_view word, std::string* out);

// The SkeletonKey of a NameKey: per word, the first letter then its
// consonants; words joined by '-'.
std::string SkeletonKey(std::string_view name_key);

// Edit distance between two NameKeys (insertions, deletions, substitutions
// of bytes), stopping early once it exceeds `limit` (then returns limit + 1).
int NameDistance(std::string_view a, std::string_view b, int limit);

// True when two NameKeys are close enough to be one name: same skeleton and
// an edit distance of at most one per four letters; names shorter than five
// letters must be equal.
bool NameKeysMatch(std::string_view a, std::string_view b);

// True when `word` contains a Cyrillic letter.
bool IsCyrillic(std::string_view word);

}  // namespace veille
