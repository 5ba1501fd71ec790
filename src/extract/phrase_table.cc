#include "extract/phrase_table.h"

#include <algorithm>

#include "text/tokenizer.h"
#include "veille/article.h"

namespace veille {
namespace {

constexpr std::string_view kTypographicApostrophe = "\xE2\x80\x99";

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

std::string_view PhraseTable::FoldApostrophes(std::string_view text, std::string* buffer) {
  if (text.find(kTypographicApostrophe) == std::string_view::npos) return text;
  buffer->clear();
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, kTypographicApostrophe.size(), kTypographicApostrophe) == 0) {
      buffer->push_back('\'');
      i += kTypographicApostrophe.size() - 1;
    } else {
      buffer->push_back(text[i]);
    }
  }
  return *buffer;
}

int PhraseTable::Add(std::string_view phrase, uint32_t language_mask) {
  // A phrase ending in an elision ("d'", "plus d'") is tokenized with a
  // letter after it, as in running text, then the letter is dropped.
  const bool elided = phrase.ends_with('\'') || phrase.ends_with(kTypographicApostrophe);
  Article article;
  article.text = std::string(phrase) + (elided ? "x" : "");
  Document doc;
  doc.article = &article;
  doc.text = article.text;
  Tokenize(&doc);
  if (elided && !doc.tokens.empty()) doc.tokens.pop_back();
  if (doc.tokens.empty()) return -1;
  Entry entry;
  entry.language_mask = language_mask;
  std::string buffer;
  for (const Token& t : doc.tokens) {
    Word word;
    word.lower = std::string(FoldApostrophes(doc.Lower(t), &buffer));
    word.surface = std::string(doc.Text(t));
    const bool single_capital = word.surface.size() == 1 && IsUpperAscii(word.surface[0]);
    if (t.Has(kAllCaps) || single_capital) {
      word.rule = CaseRule::kExact;
    } else if (t.Has(kCapitalized)) {
      word.rule = CaseRule::kCapitalized;
    }
    entry.words.push_back(std::move(word));
  }
  const uint32_t id = static_cast<uint32_t>(entries_.size());
  max_tokens_ = std::max<uint32_t>(max_tokens_, static_cast<uint32_t>(entry.words.size()));
  auto& bucket = by_first_[entry.words[0].lower];
  entries_.push_back(std::move(entry));
  bucket.push_back(id);
  std::stable_sort(bucket.begin(), bucket.end(), [this](uint32_t a, uint32_t b) {
    return entries_[a].words.size() > entries_[b].words.size();
  });
  return static_cast<int>(id);
}

bool PhraseTable::WordMatches(const Document& doc, const Token& token, const Word& word) {
  switch (word.rule) {
    case CaseRule::kExact:
      return doc.Text(token) == word.surface;
    case CaseRule::kCapitalized:
      if (!token.Has(kCapitalized) && !token.Has(kAllCaps)) return false;
      break;
    case CaseRule::kAny:
      break;
  }
  std::string buffer;
  return FoldApostrophes(doc.Lower(token), &buffer) == word.lower;
}

void PhraseTable::MatchAt(const Document& doc, uint32_t first, uint32_t limit, uint32_t languages,
                          std::vector<PhraseHit>* hits) const {
  if (first >= limit || first >= doc.tokens.size()) return;
  std::string buffer;
  const std::string_view key = FoldApostrophes(doc.Lower(doc.tokens[first]), &buffer);
  const auto it = by_first_.find(key);
  if (it == by_first_.end()) return;
  for (const uint32_t id : it->second) {
    const Entry& entry = entries_[id];
    if ((entry.language_mask & languages) == 0) continue;
    const uint32_t n = static_cast<uint32_t>(entry.words.size());
    if (first + n > limit) continue;
    bool ok = true;
    for (uint32_t k = 0; k < n && ok; ++k) {
      const Token& t = doc.tokens[first + k];
      // Words of a phrase are contiguous in the text up to white space: a
      // phrase never spans a line break.
      if (k > 0 && t.Has(kNewlineBefore)) ok = false;
      ok = ok && WordMatches(doc, t, entry.words[k]);
    }
    if (ok) hits->push_back({id, first + n});
  }
}

}  // namespace veille
