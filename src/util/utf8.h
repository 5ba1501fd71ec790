// Small UTF-8 primitives used by the readers and the tokenizer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace veille::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at text[pos]. Sets *length to the bytes consumed
// (at least 1). An invalid or truncated sequence yields kReplacement and
// consumes one byte, so offsets stay aligned with the input.
char32_t Decode(std::string_view text, size_t pos, size_t* length);

// Decodes the code point that ends just before `pos`; *length is its size.
char32_t DecodeBefore(std::string_view text, size_t pos, size_t* length);

// Appends the UTF-8 encoding of `c` to `out`.
void Append(char32_t c, std::string* out);

// Returns the offset of the first invalid byte, or text.size() if all valid.
size_t FirstInvalid(std::string_view text);

// Counts well-formed multi-byte sequences and invalid bytes; used to tell a
// UTF-8 file with a few broken bytes from a legacy 8-bit file.
struct ValidityCounts {
  size_t multibyte_sequences = 0;
  size_t invalid_bytes = 0;
  size_t first_invalid = std::string_view::npos;
};
ValidityCounts CountValidity(std::string_view text);

// Lowercases `text` with full Unicode case mapping (ICU) and appends to `out`.
void AppendLower(std::string_view text, std::string* out);

// A short, printable excerpt of `text` around `pos` for error messages:
// control bytes and invalid UTF-8 are shown as \xNN.
std::string Excerpt(std::string_view text, size_t pos, size_t max_bytes = 24);

}  // namespace veille::utf8
