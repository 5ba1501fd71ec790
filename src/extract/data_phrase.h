// Cutting a phrase of a hand-written data table (data/quotes/) into the same
// tokens the text gets, so that tables and articles always agree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace veille {

// The lowercase tokens of `phrase`, typographic apostrophes folded to "'":
// "d'après" is "d'" + "après", "M." is "m" + ".". An elided word alone
// ("qu'", "l'") is one token, as it is in text where a letter follows it.
std::vector<std::string> PhraseTokens(std::string_view phrase);

}  // namespace veille
