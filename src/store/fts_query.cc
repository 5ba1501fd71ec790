#include "store/fts_query.h"

#include <fmt/format.h>

namespace veille {
namespace {

// Characters with a meaning of their own in FTS5 query syntax, outside strings.
bool IsSyntaxChar(char c) {
  switch (c) {
    case '(':
    case ')':
    case '*':
    case '^':
    case ':':
    case '+':
    case '{':
    case '}':
    case ',':
      return true;
    default:
      return false;
  }
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// FTS5 bare words: ASCII letters and digits, '_', 0x1A and every non-ASCII byte.
bool IsBarewordChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '\x1a';
}

std::string Shown(std::string_view query) {
  std::string shown;
  for (char c : query) {
    if (c == '\n' || c == '\r' || c == '\t') {
      shown.push_back(' ');
    } else {
      shown.push_back(c);
    }
  }
  return shown;
}

}  // namespace

Result<std::string> RewriteSearchQuery(std::string_view query) {
  std::string out;
  out.reserve(query.size() + 8);
  size_t i = 0;
  int depth = 0;  // parentheses: a comma only means something in NEAR(a b, 5)
  while (i < query.size()) {
    const char c = query[i];
    if (c == ',' && depth == 0) {
      out.push_back(' ');
      ++i;
      continue;
    }
    if (IsSpace(c) || IsSyntaxChar(c)) {
      if (c == '(') ++depth;
      if (c == ')') --depth;
      out.push_back(c);
      ++i;
      continue;
    }
    if (c == '"') {
      // A phrase runs to the next lone quote; "" inside is a literal quote.
      size_t j = i + 1;
      while (true) {
        if (j >= query.size()) {
          return Status::InvalidArgument(fmt::format(
              "bad query '{}': the phrase opened by the double quote at character {} is "
              "not closed; add the closing \"",
              Shown(query), i + 1));
        }
        if (query[j] == '"') {
          if (j + 1 < query.size() && query[j + 1] == '"') {
            j += 2;
            continue;
          }
          break;
        }
        ++j;
      }
      out.append(query.substr(i, j + 1 - i));
      i = j + 1;
      continue;
    }
    size_t j = i;
    bool bare = true;
    while (j < query.size() && !IsSpace(query[j]) && !IsSyntaxChar(query[j]) &&
           query[j] != '"') {
      bare = bare && IsBarewordChar(query[j]);
      ++j;
    }
    const std::string_view word = query.substr(i, j - i);
    if (bare) {
      out.append(word);
    } else {
      out.push_back('"');
      out.append(word);
      out.push_back('"');
    }
    i = j;
  }
  return out;
}

Status ExplainQueryError(std::string_view query, std::string_view sqlite_message) {
  std::string_view message = sqlite_message;
  // Database::Error prefixes "path: step: "; keep what SQLite said.
  if (const size_t fts = message.find("fts5:"); fts != std::string_view::npos) {
    message.remove_prefix(fts);
  } else if (const size_t col = message.find("no such column:");
             col != std::string_view::npos) {
    message.remove_prefix(col);
  } else if (const size_t special = message.find("unknown special query");
             special != std::string_view::npos) {
    message.remove_prefix(special);
  }
  std::string why;
  constexpr std::string_view kSyntax = "fts5: syntax error near \"";
  if (message.starts_with(kSyntax)) {
    std::string_view near = message.substr(kSyntax.size());
    if (const size_t end = near.rfind('"'); end != std::string_view::npos)
      near = near.substr(0, end);
    if (near.empty()) {
      why =
          "the query ends where a word or phrase is still expected (an operator, NEAR( "
          "or ( "
          "without what follows)";
    } else {
      why = fmt::format(
          "syntax error near \"{}\" (AND, OR, NOT and NEAR are operators and need a word "
          "on "
          "each side; to search for the word itself, put it in double quotes)",
          near);
    }
  } else if (message.starts_with("no such column:")) {
    std::string_view column = message.substr(15);
    while (!column.empty() && column.front() == ' ') column.remove_prefix(1);
    why = fmt::format(
        "\"{}:\" names no field; a word followed by a colon restricts the search to a "
        "field "
        "(title: or text:); put the word in double quotes to search for it",
        column);
  } else if (message.starts_with("unknown special query")) {
    why = "a query cannot start with *; * marks a prefix after a word, as in soldat*";
  } else if (message.find("unterminated string") != std::string_view::npos) {
    why = "a double quote is not closed";
  } else {
    why = std::string(message);
  }
  return Status::InvalidArgument(fmt::format("bad query '{}': {}", Shown(query), why));
}

}  // namespace veille
