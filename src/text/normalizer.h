// NFC normalization that remembers where every byte came from.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace veille {

// Returns true when `text` is already in NFC, in which case nothing is copied.
// Otherwise fills `normalized` and `to_original` (size normalized.size() + 1):
// to_original[i] is the offset in `text` of the character that produced byte
// i, so spans found in the normalized text can be shown in the original.
// `text` must be valid UTF-8. Thread-safe.
bool NormalizeNfc(std::string_view text, std::string* normalized,
                  std::vector<uint32_t>* to_original);

}  // namespace veille
