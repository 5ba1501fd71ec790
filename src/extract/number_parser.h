// Reads the value of a number as written in news text.
#pragma once

#include <optional>
#include <string_view>

namespace veille {

// Parses a digit string with separators, as the tokenizer keeps it whole:
// "1 200" (space, no-break or thin space), "30 000", "12,000", "1.5", "1,5",
// "50.000". `decimal_mark` is the language's decimal mark (',' in French,
// German, Russian...; '.' in English), or 0 when unknown. A separator that
// is the decimal mark is a decimal point; the other one is a thousands
// separator when exactly three digits follow it, a decimal point otherwise
// (so "1.5" in a French text is 1.5, "12,000" in English is 12000). Several
// occurrences of one separator are always thousands ("1,234,567"); with both,
// the last is the decimal mark. Returns nullopt for anything else, for more
// than 18 digits, and for a leading zero followed by a digit ("07", phone
// numbers and clock times are not quantities).
std::optional<double> ParseNumeral(std::string_view text, char decimal_mark);

// True when `text` is four plain digits (no separator).
bool IsFourPlainDigits(std::string_view text);

}  // namespace veille
