// From what a user types to an FTS5 query, and from FTS5's terse errors to
// messages a user can act on.
#pragma once

#include <string>
#include <string_view>

#include "veille/status.h"

namespace veille {

// Rewrites `query` for FTS5 MATCH. Operators (AND OR NOT NEAR), "phrases",
// prefix*, ^, +, parentheses and column filters pass through unchanged; a word
// holding characters FTS5 does not accept in a bare word ("covid-19",
// "l'armée", "U.S.") becomes a "phrase" of its parts, which is what the user
// meant. An unbalanced double quote is an InvalidArgument error naming where
// the phrase starts. Other malformations are left for FTS5 to find (see
// ExplainQueryError).
Result<std::string> RewriteSearchQuery(std::string_view query);

// Turns an SQLite error raised by MATCH into an InvalidArgument status that
// says what is wrong with `query` and how to fix it.
Status ExplainQueryError(std::string_view query, std::string_view sqlite_message);

}  // namespace veille
