// Small pieces of HTML text handling shared by the HTML and feed readers:
// character references, white space, and markup stripped to plain text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace veille {

// The code point of an HTML named character reference ("eacute", "rsquo"),
// or 0 when unknown. Covers the HTML 4 set plus "apos" (the names news pages
// use); rarer HTML 5 names are decoded by the HTML parser itself.
char32_t LookupHtmlEntity(std::string_view name);

// Decodes the character reference that starts at text[pos] (an '&') as HTML 5
// does: numeric references (C1 code points read as Windows-1252, invalid ones
// as U+FFFD), named ones with ';', and the legacy Latin-1 names without ';'
// (not in attribute values when followed by a letter, digit or '='). Appends
// the UTF-8 to *out and returns the bytes consumed, or 0 when `pos` does not
// start a reference.
size_t DecodeCharReference(std::string_view text, size_t pos, bool in_attribute,
                           std::string* out);

inline bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Plain text of a short HTML fragment (a feed item title, a meta value):
// tags removed, references decoded, white space collapsed and trimmed.
std::string PlainTextFromHtml(std::string_view html);

// ASCII letters lowered; other bytes kept (tag names, charset labels, headers).
std::string AsciiLower(std::string_view text);

// Removes HTML white space (space, tab, CR, LF, FF) at both ends.
std::string_view TrimHtmlSpace(std::string_view text);

// The primary subtag of a language tag, lowercase ("fr-FR", "en_GB" -> "fr",
// "en"), or "" when `tag` is not one.
std::string PrimaryLanguageSubtag(std::string_view tag);

// Collapses runs of HTML white space to one space and trims both ends.
std::string CollapseWhitespace(std::string_view text);

}  // namespace veille
