#include "extract/quote_marks.h"

#include <algorithm>
#include <array>

#include "util/utf8.h"

namespace veille {
namespace {

// Closing styles an opening mark accepts, as a bit set.
enum Closer : uint16_t {
  kCloseGuillemet = 1 << 0,          // »
  kCloseReversedGuillemet = 1 << 1,  // « closing »…«
  kCloseRightDouble = 1 << 2,        // ”
  kCloseLeftDouble = 1 << 3,         // “ closing „…“
  kCloseRightSingle = 1 << 4,        // ’
  kCloseLeftSingle = 1 << 5,         // ‘ closing ‚…‘
  kCloseStraightDouble = 1 << 6,     // "
  kCloseStraightSingle = 1 << 7,     // '
  kCloseAngleSingle = 1 << 8,        // ›
  kCloseCorner = 1 << 9,             // 」
  kCloseWhiteCorner = 1 << 10,       // 』
};

struct Open {
  uint16_t accepts = 0;
  uint32_t token = 0;
};

// What a mark token can do: close the styles in `closes`, or open a quote
// accepting `opens_accepting` (0 when it cannot open).
struct MarkRole {
  uint16_t closes = 0;
  uint16_t opens_accepting = 0;
};

MarkRole RoleOf(char32_t c) {
  switch (c) {
    case 0xAB:
      return {kCloseReversedGuillemet, kCloseGuillemet};  // «
    case 0xBB:
      return {kCloseGuillemet, kCloseReversedGuillemet};  // »
    case 0x2039:
      return {0, kCloseAngleSingle};  // ‹
    case 0x203A:
      return {kCloseAngleSingle, 0};  // ›
    case 0x201C:
      return {kCloseLeftDouble, kCloseRightDouble};  // “
    case 0x201D:
      return {kCloseRightDouble, kCloseRightDouble};  // ”
    case 0x201E:
      return {0, kCloseLeftDouble | kCloseRightDouble};  // „
    case 0x2018:
      return {kCloseLeftSingle, kCloseRightSingle};  // ‘
    case 0x2019:
      return {kCloseRightSingle, 0};  // ’
    case 0x201A:
      return {0, kCloseLeftSingle | kCloseRightSingle};  // ‚
    case '"':
      return {kCloseStraightDouble, kCloseStraightDouble};
    case '\'':
      return {kCloseStraightSingle, kCloseStraightSingle};
    case 0x300C:
      return {0, kCloseCorner};  // 「
    case 0x300D:
      return {kCloseCorner, 0};  // 」
    case 0x300E:
      return {0, kCloseWhiteCorner};  // 『
    case 0x300F:
      return {kCloseWhiteCorner, 0};  // 』
    default:
      return {};
  }
}

bool IsComma(const Document& doc, uint32_t i) {
  const Token& t = doc.tokens[i];
  return t.kind == TokenKind::kPunct && doc.Text(t) == ",";
}

class Scanner {
 public:
  Scanner(const Document& doc, std::vector<MarkedQuote>* out) : doc_(doc), out_(out) {}

  void Paragraph(uint32_t index, uint32_t begin, uint32_t end) {
    depth_ = 0;
    for (uint32_t i = begin; i < end; ++i) {
      const Token& t = doc_.tokens[i];
      if (t.kind != TokenKind::kPunct || t.end - t.start > 4) continue;
      size_t len = 0;
      const char32_t c = utf8::Decode(doc_.text, t.start, &len);
      if (len != t.end - t.start) continue;
      const MarkRole role = RoleOf(c);
      if (role.closes == 0 && role.opens_accepting == 0) continue;
      const bool space_before = i == begin || t.Has(kSpaceBefore);
      const bool space_after = i + 1 >= end || doc_.tokens[i + 1].Has(kSpaceBefore);
      // Close the innermost open quote that accepts this mark.
      int match = -1;
      if (role.closes != 0) {
        for (int d = depth_ - 1; d >= 0; --d) {
          if (stack_[d].accepts & role.closes) {
            match = d;
            break;
          }
        }
      }
      if (match >= 0 && !OpensRatherThanCloses(c, space_before, space_after)) {
        Emit(index, stack_[match].token, i, /*closed=*/true);
        depth_ = match;
        continue;
      }
      if (role.opens_accepting == 0 || !MayOpen(c, space_before, space_after, i, end))
        continue;
      if (depth_ < kMaxQuoteDepth) stack_[depth_++] = {role.opens_accepting, i};
    }
    if (depth_ > 0) Emit(index, stack_[0].token, end, /*closed=*/false);
  }

 private:
  // A straight quote glued to the next word after a space opens a nested
  // quote (He said "go" now) rather than closing the open one.
  static bool OpensRatherThanCloses(char32_t c, bool space_before, bool space_after) {
    return (c == '"' || c == '\'') && space_before && !space_after;
  }

  bool MayOpen(char32_t c, bool space_before, bool space_after, uint32_t i,
               uint32_t end) const {
    switch (c) {
      case 0xBB:    // » opens only the German »…« style: glued to a following word
      case 0x201D:  // ” opens only the Scandinavian ”…” style
        return space_before && !space_after;
      case '\'':  // a straight apostrophe opens only at the start of a word
        return space_before && !space_after && i + 1 < end &&
               doc_.tokens[i + 1].kind == TokenKind::kWord;
      default:
        return true;
    }
  }

  void Emit(uint32_t paragraph, uint32_t open, uint32_t close, bool closed) {
    MarkedQuote q;
    q.open_token = open;
    q.close_token = close;
    q.first_token = open + 1;
    q.end_token = close;
    while (q.end_token > q.first_token && IsComma(doc_, q.end_token - 1)) --q.end_token;
    if (q.end_token <= q.first_token) return;
    q.span = {doc_.tokens[q.first_token].start, doc_.tokens[q.end_token - 1].end};
    q.paragraph = paragraph;
    q.closed = closed;
    out_->push_back(q);
  }

  const Document& doc_;
  std::vector<MarkedQuote>* out_;
  std::array<Open, kMaxQuoteDepth> stack_{};
  int depth_ = 0;
};

}  // namespace

void FindMarkedQuotes(const Document& doc, std::vector<MarkedQuote>* out) {
  out->clear();
  Scanner scanner(doc, out);
  for (uint32_t p = 0; p < doc.paragraphs.size(); ++p) {
    const uint32_t begin = doc.TokenAt(doc.paragraphs[p].start);
    const uint32_t end = doc.TokenAt(doc.paragraphs[p].end);
    scanner.Paragraph(p, begin, end);
  }
  std::stable_sort(out->begin(), out->end(),
                   [](const MarkedQuote& a, const MarkedQuote& b) {
                     return a.open_token < b.open_token;
                   });
  // Parents: the quotes still open (by token range) when a quote starts.
  std::vector<int32_t> open;
  int32_t last_top_level = -1;
  for (int32_t i = 0; i < static_cast<int32_t>(out->size()); ++i) {
    MarkedQuote& q = (*out)[i];
    while (!open.empty() && (*out)[open.back()].close_token <= q.open_token)
      open.pop_back();
    q.parent = open.empty() ? -1 : open.back();
    open.push_back(i);
    if (q.parent >= 0) continue;
    if (last_top_level >= 0) {
      const MarkedQuote& prev = (*out)[last_top_level];
      const uint32_t paragraph_start = doc.TokenAt(doc.paragraphs[q.paragraph].start);
      if (!prev.closed && prev.paragraph + 1 == q.paragraph &&
          q.open_token == paragraph_start) {
        q.continues = last_top_level;
      }
    }
    last_top_level = i;
  }
}

}  // namespace veille
