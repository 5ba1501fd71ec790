// Turns the bytes of one input into UTF-8 text, or says why it cannot.
#pragma once

#include <string>
#include <string_view>

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

// Names the binary format when `bytes` starts with a known signature
// ("PNG image", "gzip archive"...), or returns nullptr.
const char* SniffBinaryFormat(std::string_view bytes);

}  // namespace veille
