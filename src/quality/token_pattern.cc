#include "quality/token_pattern.h"

#include <fmt/format.h>

#include <cstring>

#include "text/tokenizer.h"
#include "util/hash.h"

namespace veille {
namespace {

constexpr uint32_t kMaxGap = 6;
constexpr uint32_t kMaxNameWords = 4;
constexpr std::string_view kTypographicApostrophe = "\xE2\x80\x99";

bool EndsSentence(std::string_view text) {
  return text == "." || text == "!" || text == "?" || text == "\xE2\x80\xA6";
}

bool IsNameWord(const Token& t) {
  return t.kind == TokenKind::kWord && (t.Has(kCapitalized) || t.Has(kAllCaps)) &&
         !t.Has(kElided);
}

// Lowercase forms of the tokens of `text`, as the tokenizer splits it. An
// elided word written alone ("l'", "qu'") is the one token it is in text.
std::vector<std::string> TokenizeLower(std::string_view text) {
  const bool elided = text.ends_with('\'') || text.ends_with(kTypographicApostrophe);
  std::string buffer(text);
  if (elided) buffer += "a";
  Document doc;
  doc.text = buffer;
  Tokenize(&doc);
  std::vector<std::string> forms;
  for (const Token& t : doc.tokens) forms.emplace_back(doc.Lower(t));
  if (elided && !forms.empty()) forms.pop_back();
  return forms;
}

}  // namespace

uint64_t TokenKey(std::string_view lower) {
  if (lower.find(kTypographicApostrophe) == std::string_view::npos) return Hash64(lower);
  char buffer[256];
  size_t size = 0;
  for (size_t i = 0; i < lower.size() && size < sizeof(buffer); ++i) {
    if (lower.compare(i, 3, kTypographicApostrophe) == 0) {
      buffer[size++] = '\'';
      i += 2;
    } else {
      buffer[size++] = lower[i];
    }
  }
  return Hash64(std::string_view(buffer, size));
}

void ComputeTokenKeys(const Document& doc, std::vector<uint64_t>* keys) {
  keys->resize(doc.tokens.size());
  for (size_t i = 0; i < doc.tokens.size(); ++i) (*keys)[i] = TokenKey(doc.Lower(doc.tokens[i]));
}

Result<TokenPattern> TokenPattern::Compile(std::string_view pattern) {
  TokenPattern compiled;
  compiled.source_ = std::string(pattern);
  size_t pos = 0;
  while (pos < pattern.size()) {
    while (pos < pattern.size() && pattern[pos] == ' ') ++pos;
    size_t end = pattern.find(' ', pos);
    if (end == std::string_view::npos) end = pattern.size();
    const std::string_view word = pattern.substr(pos, end - pos);
    pos = end;
    if (word.empty()) continue;
    Item item;
    if (word == "...") {
      item.kind = Item::kGap;
    } else if (word.front() == '{') {
      if (word == "{Name}") {
        item.kind = Item::kName;
      } else if (word == "{Num}") {
        item.kind = Item::kNumber;
      } else {
        return Status::InvalidArgument(fmt::format("unknown slot '{}' in pattern '{}'", word, pattern));
      }
    } else if (word.find('|') != std::string_view::npos || (word.size() > 1 && word.back() == '*')) {
      // Alternatives, each one token or a prefix ending in '*'.
      size_t start = 0;
      while (start <= word.size()) {
        size_t bar = word.find('|', start);
        if (bar == std::string_view::npos) bar = word.size();
        std::string_view alternative = word.substr(start, bar - start);
        const bool prefix = alternative.size() > 1 && alternative.back() == '*';
        if (prefix) alternative.remove_suffix(1);
        const auto forms = TokenizeLower(alternative);
        if (forms.size() != 1) {
          return Status::InvalidArgument(
              fmt::format("alternative '{}' of '{}' is not one token", alternative, word));
        }
        if (prefix) {
          item.prefixes.push_back(forms[0]);
        } else {
          item.keys.push_back(TokenKey(forms[0]));
        }
        start = bar + 1;
      }
    } else {
      // A plain word may be several tokens: "l'histoire", "more:".
      for (const std::string& form : TokenizeLower(word)) {
        Item literal;
        literal.keys.push_back(TokenKey(form));
        compiled.items_.push_back(std::move(literal));
      }
      continue;
    }
    compiled.items_.push_back(std::move(item));
  }
  if (compiled.items_.empty()) return Status::InvalidArgument("empty pattern");
  if (compiled.items_.front().kind == Item::kGap || compiled.items_.back().kind == Item::kGap) {
    return Status::InvalidArgument(fmt::format("pattern '{}' starts or ends with ...", pattern));
  }
  return compiled;
}

const std::vector<uint64_t>& TokenPattern::FirstKeys() const {
  static const std::vector<uint64_t> kNone;
  const Item& first = items_.front();
  return first.kind == Item::kWord && first.prefixes.empty() ? first.keys : kNone;
}

uint32_t TokenPattern::MatchAt(const Document& doc, const std::vector<uint64_t>& keys,
                               uint32_t first, uint32_t limit) const {
  if (first >= limit) return 0;
  return Match(doc, keys, 0, first, limit);
}

uint32_t TokenPattern::Match(const Document& doc, const std::vector<uint64_t>& keys,
                             size_t item_index, uint32_t token, uint32_t limit) const {
  if (item_index == items_.size()) return token;
  if (token >= limit) return 0;
  const Item& item = items_[item_index];
  const Token& t = doc.tokens[token];
  switch (item.kind) {
    case Item::kWord:
      for (uint64_t key : item.keys) {
        if (keys[token] == key) return Match(doc, keys, item_index + 1, token + 1, limit);
      }
      if (t.kind == TokenKind::kWord) {
        for (const std::string& prefix : item.prefixes) {
          if (doc.Lower(t).starts_with(prefix)) return Match(doc, keys, item_index + 1, token + 1, limit);
        }
      }
      return 0;
    case Item::kNumber:
      if (t.kind != TokenKind::kNumber) return 0;
      return Match(doc, keys, item_index + 1, token + 1, limit);
    case Item::kName: {
      uint32_t words = 0;
      while (words < kMaxNameWords && token + words < limit && IsNameWord(doc.tokens[token + words])) {
        ++words;
      }
      for (; words > 0; --words) {  // the longest name first
        if (uint32_t end = Match(doc, keys, item_index + 1, token + words, limit)) return end;
      }
      return 0;
    }
    case Item::kGap:
      for (uint32_t skip = 0; skip <= kMaxGap && token + skip < limit; ++skip) {
        if (skip > 0 && EndsSentence(doc.Text(doc.tokens[token + skip - 1]))) break;
        if (uint32_t end = Match(doc, keys, item_index + 1, token + skip, limit)) return end;
      }
      return 0;
  }
  return 0;
}

void TokenPatternSet::Add(TokenPattern pattern, int id) {
  const int index = static_cast<int>(patterns_.size());
  const std::vector<uint64_t> first_keys = pattern.FirstKeys();
  patterns_.emplace_back(std::move(pattern), id);
  if (first_keys.empty()) {
    unanchored_.push_back(index);
  } else {
    for (uint64_t key : first_keys) by_first_key_[key].push_back(index);
  }
}

}  // namespace veille
