#include "text/document.h"

#include <algorithm>

namespace veille {

uint32_t Document::TokenAt(uint32_t offset) const {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), offset,
                             [](const Token& t, uint32_t o) { return t.start < o; });
  return static_cast<uint32_t>(it - tokens.begin());
}

void Document::Clear() {
  article = nullptr;
  text = {};
  normalized.clear();
  to_original.clear();
  tokens.clear();
  lower.clear();
  paragraphs.clear();
  sentences.clear();
  language.clear();
}

}  // namespace veille
