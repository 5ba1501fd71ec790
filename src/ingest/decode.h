// Turns the bytes of one input into UTF-8 text, or says why it cannot.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "veille/status.h"

namespace veille {

struct DecodedText {
  std::string text;      // UTF-8, byte order mark removed
  std::string encoding;  // utf-8 | utf-8-bom | utf-16le | utf-16be | windows-1252
  bool transcoded = false;  // text differs from the input bytes beyond a stripped BOM
  size_t bom_length = 0;
};

// Decodes `bytes`: UTF-8 with or without BOM, UTF-16 with BOM, and a
// Windows-1252 fallback for 8-bit text that is not UTF-8. Rejects empty and
// binary input, and UTF-8 that is damaged (valid sequences mixed with invalid
// bytes). Error messages give the byte offset and an excerpt; the caller adds
// the file name.
Status DecodeText(std::string_view bytes, DecodedText* out);

// Rejects input that is not text: a known binary signature, a NUL byte, or
// more than 1% control bytes in the first 64 KiB.
Status CheckNotBinary(std::string_view bytes);

// A markup document (HTML page, XML feed) decoded to UTF-8, with the way back
// to the input bytes.
struct DecodedMarkup {
  std::string text;      // UTF-8, byte order mark removed
  std::string encoding;  // as in DecodedText, or the IANA name of a declared charset
  size_t bom_length = 0;
  // to_raw[i] is the input offset of the character text byte i belongs to;
  // to_raw[text.size()] is the input size. Empty when `text` is the input
  // after the byte order mark, byte for byte.
  std::vector<uint32_t> to_raw;

  size_t RawOffset(size_t text_offset) const {
    return to_raw.empty() ? text_offset + bom_length : to_raw[text_offset];
  }
};

// Decodes a markup document. A byte order mark wins; then `declared_charset`
// (from HTTP, <meta charset> or the XML declaration: any charset ICU knows,
// ISO-8859-1 and US-ASCII read as Windows-1252 as browsers do), except that
// valid UTF-8 with multi-byte sequences is read as UTF-8 whatever the label
// says. Undeclared input that is not UTF-8 falls back to Windows-1252 as
// DecodeText does; a few invalid bytes in UTF-8 become U+FFFD each (markup is
// repaired, not rejected). Rejects empty and binary input and input over 2 GiB.
Status DecodeMarkup(std::string_view bytes, std::string_view declared_charset,
                    DecodedMarkup* out);

// The character a Windows-1252 byte stands for (bytes under 0x80 and from
// 0xA0 are their own code point; the five undefined ones are C1 controls).
char32_t Cp1252ToUnicode(unsigned char byte);

// Names the binary format when `bytes` starts with a known signature
// ("PNG image", "gzip archive"...), or returns nullptr.
const char* SniffBinaryFormat(std::string_view bytes);

}  // namespace veille
