#include "text/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include "util/utf8.h"

namespace veille {

bool NormalizeNfc(std::string_view text, std::string* normalized,
                  std::vector<uint32_t>* to_original) {
  // Fast path: ASCII and precomposed text pass the quick check byte by byte.
  bool quick_yes = true;
  for (size_t pos = 0; pos < text.size();) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    size_t len = 0;
    const char32_t c = utf8::Decode(text, pos, &len);
    if (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_NFC_QUICK_CHECK) != UNORM_YES) {
      quick_yes = false;
      break;
    }
    pos += len;
  }
  if (quick_yes) return true;

  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  normalized->clear();
  icu::StringByteSink<std::string> sink(normalized);
  icu::Edits edits;
  nfc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                     &edits, error);
  if (U_FAILURE(error)) {
    // Cannot happen on valid UTF-8; fall back to the identity view.
    normalized->clear();
    return true;
  }
  if (*normalized == text) {
    normalized->clear();
    return true;
  }
  to_original->assign(normalized->size() + 1, 0);
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(error)) {
    const int32_t src = it.sourceIndex();
    const int32_t dst = it.destinationIndex();
    for (int32_t i = 0; i < it.newLength(); ++i) {
      (*to_original)[dst + i] = static_cast<uint32_t>(it.hasChange() ? src : src + i);
    }
  }
  (*to_original)[normalized->size()] = static_cast<uint32_t>(text.size());
  return false;
}

}  // namespace veille
