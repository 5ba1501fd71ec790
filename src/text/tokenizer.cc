#include "text/tokenizer.h"

#include <unicode/uchar.h>

#include <string_view>

#include "util/utf8.h"

namespace veille {
namespace {

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return u_isalpha(static_cast<UChar32>(c)) || type == U_NON_SPACING_MARK ||
         type == U_COMBINING_SPACING_MARK;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Thousands separators that may sit inside a number: space, no-break space,
// narrow no-break space, thin space.
bool IsGroupSpace(char32_t c) { return c == ' ' || c == 0xA0 || c == 0x202F || c == 0x2009; }

// French elided forms that end a token at the apostrophe: "l'armée".
bool IsElisionPrefix(std::string_view lower) {
  static constexpr std::string_view kPrefixes[] = {
      "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
      "presqu"};
  for (std::string_view p : kPrefixes) {
    if (lower == p) return true;
  }
  return false;
}

class TokenizerImpl {
 public:
  explicit TokenizerImpl(Document* doc) : doc_(doc), text_(doc->text) {}

  void Run() {
    uint16_t pending_flags = 0;
    size_t pos = 0;
    while (pos < text_.size()) {
      size_t len = 0;
      const char32_t c = At(pos, &len);
      if (IsSpaceChar(c) || c == '\r' || c == '\t' || c == '\f') {
        pending_flags |= kSpaceBefore;
        if (c == '\n') pending_flags |= kNewlineBefore;
        pos += len;
        continue;
      }
      size_t end;
      TokenKind kind;
      uint16_t flags = pending_flags;
      pending_flags = 0;
      if (IsLetter(c)) {
        end = ScanWord(pos, &flags);
        kind = TokenKind::kWord;
      } else if (IsDigit(c)) {
        end = ScanNumber(pos);
        kind = TokenKind::kNumber;
        size_t next_len = 0;
        if (end < text_.size() && IsLetter(At(end, &next_len))) {
          // 580e, 18h05, 3rd: a word with digits, not a quantity by itself.
          end = ScanWord(end, &flags);
          kind = TokenKind::kWord;
          flags |= kHasDigit;
        }
      } else if (IsApostrophe(c) && !(flags & kSpaceBefore) && !doc_->tokens.empty() &&
                 IsPossessiveS(pos + len)) {
        end = pos + len + 1;  // "'s" after a name
        kind = TokenKind::kWord;
      } else if (c == '.' && text_.substr(pos, 3) == "...") {
        end = pos + 3;
        kind = TokenKind::kPunct;
      } else {
        end = pos + len;
        const int8_t type = u_charType(static_cast<UChar32>(c));
        kind = (type == U_CURRENCY_SYMBOL || type == U_MATH_SYMBOL || type == U_OTHER_SYMBOL ||
                type == U_MODIFIER_SYMBOL)
                   ? TokenKind::kSymbol
                   : TokenKind::kPunct;
      }
      Emit(pos, end, kind, flags);
      pos = end;
    }
  }

 private:
  char32_t At(size_t pos, size_t* len) const { return utf8::Decode(text_, pos, len); }

  // True when text_[pos] is an "s" that ends a word.
  bool IsPossessiveS(size_t pos) const {
    if (pos >= text_.size() || (text_[pos] != 's' && text_[pos] != 'S')) return false;
    size_t len = 0;
    return pos + 1 >= text_.size() || !IsLetter(At(pos + 1, &len));
  }

  size_t ScanWord(size_t pos, uint16_t* flags) {
    const size_t start = pos;
    size_t len = 0;
    while (pos < text_.size()) {
      const char32_t c = At(pos, &len);
      if (IsLetter(c) || IsDigit(c)) {
        if (IsDigit(c)) *flags |= kHasDigit;
        pos += len;
        continue;
      }
      size_t next_len = 0;
      const bool letter_follows =
          pos + len < text_.size() && IsLetter(At(pos + len, &next_len));
      if (IsHyphen(c) && letter_follows) {
        pos += len;
        continue;
      }
      if (IsApostrophe(c) && letter_follows) {
        std::string lower;
        utf8::AppendLower(text_.substr(start, pos - start), &lower);
        if (IsElisionPrefix(lower)) {
          *flags |= kElided;
          return pos + len;  // the apostrophe belongs to "l'"
        }
        const char32_t next = At(pos + len, &next_len);
        const size_t after = pos + len + next_len;
        size_t after_len = 0;
        if ((next == 's' || next == 'S') &&
            (after >= text_.size() || !IsLetter(At(after, &after_len)))) {
          return pos;  // English possessive: "Kadyrov" then "'s"
        }
        pos += len;  // aujourd'hui, don't, O'Brien
        continue;
      }
      if (c == '.' && pos - start == len_of_first_letter(start) && letter_follows) {
        // U.S., U.K., e.g.: single letters separated by periods.
        size_t p = pos;
        while (p < text_.size() && text_[p] == '.') {
          size_t l1 = 0;
          if (p + 1 >= text_.size() || !IsLetter(At(p + 1, &l1))) break;
          const size_t after_letter = p + 1 + l1;
          if (after_letter < text_.size() && text_[after_letter] == '.') {
            p = after_letter;
            continue;
          }
          break;
        }
        if (p > pos && p < text_.size() && text_[p] == '.') {
          *flags |= kDottedAcronym;
          return p + 1;
        }
      }
      break;
    }
    return pos;
  }

  size_t len_of_first_letter(size_t start) const {
    size_t len = 0;
    At(start, &len);
    return len;
  }

  size_t ScanNumber(size_t pos) {
    const size_t start = pos;
    while (pos < text_.size() && IsDigit(static_cast<unsigned char>(text_[pos]))) ++pos;
    size_t group_length = pos - start;
    bool grouped_by_space = false;
    while (pos < text_.size()) {
      size_t len = 0;
      const char32_t c = At(pos, &len);
      const size_t digits_start = pos + len;
      size_t digits_end = digits_start;
      while (digits_end < text_.size() && IsDigit(static_cast<unsigned char>(text_[digits_end]))) {
        ++digits_end;
      }
      const size_t digit_count = digits_end - digits_start;
      if (digit_count == 0) break;
      if (c == '.' || c == ',') {
        pos = digits_end;  // decimal mark or thousands separator
        group_length = digit_count;
        continue;
      }
      // "1 200", "30 000": a space-like separator before exactly three digits,
      // after a first group of at most three digits (so "en 2022 300" stays apart).
      if (IsGroupSpace(c) && digit_count == 3 && (group_length <= 3 || grouped_by_space) &&
          (grouped_by_space || pos - start <= 3)) {
        pos = digits_end;
        grouped_by_space = true;
        group_length = 3;
        continue;
      }
      break;
    }
    return pos;
  }

  void Emit(size_t start, size_t end, TokenKind kind, uint16_t flags) {
    Token t;
    t.start = static_cast<uint32_t>(start);
    t.end = static_cast<uint32_t>(end);
    t.kind = kind;
    t.lower_start = static_cast<uint32_t>(doc_->lower.size());
    const std::string_view surface = text_.substr(start, end - start);
    utf8::AppendLower(surface, &doc_->lower);
    t.lower_size = static_cast<uint32_t>(doc_->lower.size() - t.lower_start);
    if (kind == TokenKind::kWord) {
      size_t len = 0;
      const char32_t first = utf8::Decode(surface, 0, &len);
      if (u_isupper(static_cast<UChar32>(first)) || u_istitle(static_cast<UChar32>(first))) {
        t.flags |= kCapitalized;
      }
      int letters = 0;
      bool all_upper = true;
      for (size_t p = 0; p < surface.size(); p += len) {
        const char32_t ch = utf8::Decode(surface, p, &len);
        if (u_isalpha(static_cast<UChar32>(ch))) {
          ++letters;
          if (!u_isupper(static_cast<UChar32>(ch))) all_upper = false;
        }
      }
      if (letters >= 2 && all_upper) t.flags |= kAllCaps;
    }
    t.flags |= flags;
    doc_->tokens.push_back(t);
  }

  Document* doc_;
  std::string_view text_;
};

}  // namespace

bool IsSpaceChar(char32_t c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x202F ||
         c == 0x2009 || c == 0x2007 || c == 0x200B || c == 0x3000 || c == 0xFEFF ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029;
}

bool IsQuoteMark(char32_t c) {
  switch (c) {
    case '"': case '\'': case 0xAB: case 0xBB: case 0x2018: case 0x2019: case 0x201A:
    case 0x201B: case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2039:
    case 0x203A:
      return true;
    default:
      return false;
  }
}

void Tokenize(Document* doc) {
  doc->tokens.clear();
  doc->lower.clear();
  doc->tokens.reserve(doc->text.size() / 5);
  doc->lower.reserve(doc->text.size());
  TokenizerImpl(doc).Run();
}

}  // namespace veille
