// Small helpers for the hand-written data tables of src/extract: splitting a
// row, and cutting a phrase of a table into the same tokens the text gets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace veille {

// Splits `s` at every `sep`; keeps empty fields.
std::vector<std::string_view> SplitOn(std::string_view s, char sep);

// The tokens of a data phrase ("d'après" is "d'" + "après", "M." is "M" + "."),
// cut by the document tokenizer so phrases and text always agree.
struct PhraseTokens {
  std::vector<std::string> text;   // as written
  std::vector<std::string> lower;  // lowercase, typographic apostrophes folded to "'"
};
PhraseTokens TokenizePhrase(std::string_view phrase);

// `lower` with U+2019 and U+02BC replaced by "'".
std::string FoldApostrophes(std::string_view lower);

}  // namespace veille
