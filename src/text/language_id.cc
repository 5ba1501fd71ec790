#include "text/language_id.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "text/tokenizer.h"
#include "util/utf8.h"

namespace veille {
namespace {

std::string FromCld2(CLD2::Language language) {
  if (language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) return "und";
  const char* code = CLD2::LanguageCode(language);
  if (code == nullptr || std::strlen(code) == 0) return "und";
  std::string result(code);
  if (result == "un" || result == "xx") return "und";
  // Keep the primary subtag (zh-Hant -> zh) so every output code is ISO 639-1.
  const size_t dash = result.find('-');
  if (dash != std::string::npos) result.resize(dash);
  return result;
}

CLD2::Language ToCld2(std::string_view code) {
  if (code.empty()) return CLD2::UNKNOWN_LANGUAGE;
  return CLD2::GetLanguageFromName(std::string(code).c_str());
}

LanguageGuess RunCld2(std::string_view text, std::string_view hint) {
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, ToCld2(hint)};
  CLD2::Language language3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language top = CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), true, &hints, 0, language3, percent3, scores3,
      nullptr, &text_bytes, &reliable);
  LanguageGuess guess;
  guess.language = FromCld2(top);
  guess.reliable = reliable && guess.language != "und";
  guess.confidence = guess.language == "und" ? 0 : percent3[0] / 100.0 * (reliable ? 1.0 : 0.5);
  return guess;
}

enum class Script { kLatin, kCyrillic, kOther };

Script ScriptOf(std::string_view word) {
  size_t len = 0;
  const char32_t c = utf8::Decode(word, 0, &len);
  UErrorCode error = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &error);
  if (script == USCRIPT_LATIN) return Script::kLatin;
  if (script == USCRIPT_CYRILLIC) return Script::kCyrillic;
  return Script::kOther;
}

// Letters that only Ukrainian (і ї є ґ) or only Russian (ы э ъ ё) use.
int CyrillicLanguage(std::string_view lower) {
  static const int kRu = WordLexicon::LanguageIndex("ru");
  static const int kUk = WordLexicon::LanguageIndex("uk");
  for (std::string_view letter : {"і", "ї", "є", "ґ"}) {
    if (lower.find(letter) != std::string_view::npos) return kUk;
  }
  for (std::string_view letter : {"ы", "э", "ъ", "ё"}) {
    if (lower.find(letter) != std::string_view::npos) return kRu;
  }
  return WordLexicon::kNone;
}

bool IsLatinScriptLanguage(int lang) {
  return lang >= 0 && WordLexicon::kLanguages[lang] != "ru" && WordLexicon::kLanguages[lang] != "uk";
}

}  // namespace

LanguageGuess LanguageIdentifier::DetectDocument(const Document& doc, std::string_view hint) const {
  LanguageGuess guess = RunCld2(doc.text, hint);
  if (guess.reliable) return guess;
  double best = 0, second = 0;
  const int lang = VoteWords(doc, 0, static_cast<uint32_t>(doc.tokens.size()), &best, &second);
  if (lang != WordLexicon::kNone && best >= 3 && best >= 2 * second) {
    guess.language = std::string(WordLexicon::kLanguages[lang]);
    guess.confidence = std::min(0.9, best / (best + second + 2));
    guess.reliable = true;
  }
  return guess;
}

int LanguageIdentifier::VoteWords(const Document& doc, uint32_t first, uint32_t end, double* best,
                                  double* second) const {
  std::array<double, WordLexicon::kLanguages.size()> scores{};
  for (uint32_t i = first; i < end; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::kWord || (t.Has(kCapitalized) && i != first)) continue;
    const std::string_view lower = doc.Lower(t);
    const Script script = ScriptOf(lower);
    if (script == Script::kCyrillic) {
      const int lang = CyrillicLanguage(lower);
      if (lang != WordLexicon::kNone) scores[lang] += 2;
    }
    for (size_t lang = 0; lang < scores.size(); ++lang) {
      const bool latin = IsLatinScriptLanguage(static_cast<int>(lang));
      if ((script == Script::kLatin) != latin) continue;
      scores[lang] += lexicon_->FunctionWeight(static_cast<int>(lang), lower);
      if (lexicon_->InDictionary(static_cast<int>(lang), lower)) scores[lang] += 0.25;
    }
  }
  int top = WordLexicon::kNone;
  *best = 0;
  *second = 0;
  for (size_t lang = 0; lang < scores.size(); ++lang) {
    if (scores[lang] > *best) {
      *second = *best;
      *best = scores[lang];
      top = static_cast<int>(lang);
    } else if (scores[lang] > *second) {
      *second = scores[lang];
    }
  }
  return top;
}

LanguageGuess LanguageIdentifier::DetectSentence(const Document& doc, const SentenceRange& sentence,
                                                 std::string_view document_language) const {
  LanguageGuess fallback;
  fallback.language = std::string(document_language);
  fallback.confidence = 0.5;
  const std::string_view text = doc.Text(sentence.span);
  if (text.size() >= 120) {
    LanguageGuess guess = RunCld2(text, document_language);
    if (guess.reliable && guess.confidence >= 0.7) return guess;
  }
  double best = 0, second = 0;
  const int lang = VoteWords(doc, sentence.first_token, sentence.end_token, &best, &second);
  if (lang == WordLexicon::kNone || best < 2) return fallback;
  const std::string_view code = WordLexicon::kLanguages[lang];
  if (code == document_language) {
    fallback.confidence = std::min(0.99, 0.5 + best / (2 * (best + second + 1)));
    return fallback;
  }
  // Overrule the document language only on clear evidence.
  const int doc_lang = WordLexicon::LanguageIndex(document_language);
  if (best >= 4 && best >= 2.5 * second) {
    LanguageGuess guess;
    guess.language = std::string(code);
    guess.confidence = std::min(0.95, best / (best + second + 2));
    guess.reliable = true;
    return guess;
  }
  (void)doc_lang;
  return fallback;
}

namespace {

bool HasNonAsciiLetter(std::string_view word) {
  for (const char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

}  // namespace

LanguageIdentifier::WordEvidence LanguageIdentifier::Judge(std::string_view lower, int home,
                                                           bool capitalized,
                                                           bool rare_at_home) const {
  WordEvidence e;
  if (lower.size() < 2) return e;
  const Script script = ScriptOf(lower);
  if (script == Script::kOther) return e;
  const bool home_latin = IsLatinScriptLanguage(home);
  if (home_latin != (script == Script::kLatin)) {
    // Another script inside the sentence: Cyrillic in French, Latin in Russian.
    int lang = script == Script::kCyrillic ? CyrillicLanguage(lower) : WordLexicon::kNone;
    for (size_t l = 0; lang == WordLexicon::kNone && l < WordLexicon::kLanguages.size(); ++l) {
      if (IsLatinScriptLanguage(static_cast<int>(l)) == (script == Script::kLatin) &&
          (lexicon_->InDictionary(static_cast<int>(l), lower) ||
           lexicon_->FunctionWeight(static_cast<int>(l), lower) > 0)) {
        lang = static_cast<int>(l);
      }
    }
    if (lang == WordLexicon::kNone) {
      lang = WordLexicon::LanguageIndex(script == Script::kCyrillic ? "ru" : "en");
    }
    e.strong_lang = lang;
    e.known_mask = static_cast<uint8_t>(1u << lang);
    return e;
  }
  // A homograph outside the context of its rare home use ("viennent home
  // vivants") is no evidence for home.
  e.home_weight = rare_at_home ? 0 : lexicon_->FunctionWeight(home, lower);
  e.at_home = !rare_at_home && (e.home_weight > 0 || lexicon_->InDictionary(home, lower) ||
                                lexicon_->IsLoanword(home, lower));
  int best_score = 0;
  for (size_t l = 0; l < WordLexicon::kLanguages.size(); ++l) {
    const int lang = static_cast<int>(l);
    if (lang == home || IsLatinScriptLanguage(lang) != home_latin) continue;
    // German capitalizes every noun, so its dictionary says nothing about a
    // capitalized word (a name at the start of a sentence).
    if (capitalized && WordLexicon::kLanguages[l] == "de") continue;
    const int weight = lexicon_->FunctionWeight(lang, lower);
    if (weight == 0 && !lexicon_->InDictionary(lang, lower)) continue;
    e.known_mask |= static_cast<uint8_t>(1u << lang);
    e.weights[l] = static_cast<uint8_t>(weight);
    if (e.at_home) continue;
    // A capitalized word at the start of a sentence is too often a name;
    // only a function word ("Furthermore") is evidence there.
    if (capitalized && weight == 0) continue;
    // Closely related languages in one script (Russian, Ukrainian) share most
    // words: only a letter of its own makes a word foreign.
    if (!home_latin && CyrillicLanguage(lower) != lang) continue;
    // Prefer the language where the word is a function word, then English,
    // the usual source of machine-translation leftovers.
    const int score = 1 + 2 * weight + (WordLexicon::kLanguages[l] == "en" ? 1 : 0);
    if (score > best_score) {
      best_score = score;
      e.strong_lang = lang;
    }
  }
  return e;
}

bool LanguageIdentifier::IsInsideName(const Document& doc, const SentenceRange& sentence,
                                      uint32_t token) const {
  // Up to two particles between capitalized words: "Ursula von der Leyen".
  auto is_particle = [&](uint32_t i) {
    const Token& t = doc.tokens[i];
    return t.kind == TokenKind::kWord && !t.Has(kCapitalized) && lexicon_->IsNameParticle(doc.Lower(t));
  };
  auto is_name = [&](uint32_t i) {
    return i >= sentence.first_token && i < sentence.end_token &&
           doc.tokens[i].kind == TokenKind::kWord && doc.tokens[i].Has(kCapitalized);
  };
  if (!is_particle(token)) return false;
  uint32_t first = token, last = token;
  if (first > sentence.first_token && is_particle(first - 1)) --first;
  if (last + 1 < sentence.end_token && is_particle(last + 1)) ++last;
  return last - first < 2 && first > sentence.first_token && is_name(first - 1) && is_name(last + 1);
}

bool LanguageIdentifier::IsUnlicensedHomograph(const Document& doc, const SentenceRange& sentence,
                                              uint32_t token, int home,
                                              std::string_view lower) const {
  const int use = lexicon_->HomographUse(home, lower);
  if (use == WordLexicon::kNone) return false;
  // One of the two words before it must give it its home use ("le but",
  // "le premier set"); punctuation ends the search.
  for (uint32_t back = 1; back <= 2 && token >= sentence.first_token + back; ++back) {
    const Token& before = doc.tokens[token - back];
    if (before.kind != TokenKind::kWord) break;
    if (lexicon_->LicensesHomograph(home, use, doc.Lower(before))) return false;
  }
  return true;
}

void LanguageIdentifier::FindForeignSpans(const Document& doc, const SentenceRange& sentence,
                                          std::string_view sentence_language,
                                          std::vector<LanguageSpan>* out) const {
  const int home = WordLexicon::LanguageIndex(sentence_language);
  if (home == WordLexicon::kNone || !lexicon_->HasDictionary(home)) return;
  static const int kEnglish = WordLexicon::LanguageIndex("en");

  // One entry per word (or part of a hyphenated compound) in the sentence;
  // `breaks_before` is set when punctuation, a name or a number separates it
  // from the previous entry.
  struct Item {
    Span span;
    WordEvidence evidence;
    bool breaks_before = false;
    bool part = false;  // a piece of a compound word
  };
  std::vector<Item> items;
  bool pending_break = true;
  for (uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
    const Token& t = doc.tokens[i];
    const bool initial = i == sentence.first_token ||
                         (i == sentence.first_token + 1 && doc.tokens[i - 1].kind == TokenKind::kPunct);
    const bool next_capitalized = i + 1 < sentence.end_token && doc.tokens[i + 1].Has(kCapitalized);
    if (t.kind != TokenKind::kWord || t.Has(kHasDigit) || t.Has(kAllCaps) ||
        t.Has(kDottedAcronym) || (t.Has(kCapitalized) && (!initial || next_capitalized)) ||
        IsInsideName(doc, sentence, i)) {
      pending_break = true;
      continue;
    }
    const std::string_view lower = doc.Lower(t);
    const bool compound = lower.find('-') != std::string_view::npos && lower.size() == t.end - t.start;
    if (compound && !lexicon_->InDictionary(home, lower)) {
      // "professional-russes", "counter-offensive": judge the parts.
      size_t part_start = 0;
      while (part_start <= lower.size()) {
        size_t dash = lower.find('-', part_start);
        if (dash == std::string_view::npos) dash = lower.size();
        Item item;
        item.span = {t.start + static_cast<uint32_t>(part_start), t.start + static_cast<uint32_t>(dash)};
        item.evidence =
            Judge(lower.substr(part_start, dash - part_start), home, t.Has(kCapitalized), false);
        item.breaks_before = part_start == 0 && pending_break;
        item.part = true;
        items.push_back(item);
        part_start = dash + 1;
      }
    } else {
      Item item;
      item.span = t.span();
      item.evidence = Judge(lower, home, t.Has(kCapitalized),
                            IsUnlicensedHomograph(doc, sentence, i, home, lower));
      item.breaks_before = pending_break;
      items.push_back(item);
    }
    pending_break = false;
  }

  const size_t first_new = out->size();
  std::vector<bool> used(items.size(), false);
  for (size_t i = 0; i < items.size(); ++i) {
    if (used[i] || items[i].evidence.strong_lang == WordLexicon::kNone) continue;
    const int lang = items[i].evidence.strong_lang;
    // A neighbour joins the run when it is foreign in the same language, a
    // function word more typical there than at home ("as" in "as well as"),
    // or a content word both languages share ("border" in "along the border").
    auto joins = [&](const Item& item) {
      const WordEvidence& e = item.evidence;
      if (e.strong_lang == lang) return true;
      if (!(e.known_mask & (1u << lang))) return false;
      if (e.weights[lang] > e.home_weight) return true;
      return e.home_weight == 0;
    };
    size_t first = i, last = i;
    while (first > 0 && !items[first].breaks_before && !used[first - 1] && joins(items[first - 1])) --first;
    while (last + 1 < items.size() && !items[last + 1].breaks_before && joins(items[last + 1])) ++last;
    // A shared word before the foreign words stays home ("la situation jail");
    // after them it usually ends the foreign phrase ("along the border").
    while (first < i && items[first].evidence.strong_lang != lang &&
           items[first].evidence.weights[lang] == 0) ++first;
    for (size_t k = first; k <= last; ++k) used[k] = true;
    // A lone word from a language other than English needs more than a
    // dictionary entry (dictionaries overlap): a function word or a letter
    // English does not use.
    if (first == last && lang != kEnglish && items[i].evidence.weights[lang] == 0 &&
        !HasNonAsciiLetter(doc.Text(items[i].span))) {
      continue;
    }
    LanguageSpan span;
    span.span = {items[first].span.start, items[last].span.end};
    span.language = std::string(WordLexicon::kLanguages[lang]);
    out->push_back(std::move(span));
  }
  // Quoted titles and quotations in the other language are no leftovers:
  // « House of Cards », “The Catcher in the Rye”.
  std::vector<bool> quoted(out->size(), false);
  for (size_t k = first_new; k < out->size(); ++k) {
    quoted[k] = IsQuotedForeignText(doc, sentence, (*out)[k].span, *out, first_new);
  }
  size_t kept = first_new;
  for (size_t k = first_new; k < out->size(); ++k) {
    if (quoted[k]) continue;
    if (kept != k) (*out)[kept] = std::move((*out)[k]);
    ++kept;
  }
  out->resize(kept);
}

bool LanguageIdentifier::IsQuotedForeignText(const Document& doc, const SentenceRange& sentence,
                                             Span run, const std::vector<LanguageSpan>& found,
                                             size_t first_found) {
  // Pair the quotation marks of the sentence in order (« », “ ”, " ").
  constexpr uint32_t kNoToken = UINT32_MAX;
  uint32_t open = kNoToken;
  for (uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
    const Token& t = doc.tokens[i];
    size_t length = 0;
    if (t.kind != TokenKind::kPunct || !IsQuoteMark(utf8::Decode(doc.text, t.start, &length))) {
      continue;
    }
    if (open == kNoToken) {
      open = i;
      continue;
    }
    const uint32_t first = open + 1;
    open = kNoToken;
    if (!(doc.tokens[first - 1].end <= run.start && run.end <= t.start)) continue;
    // Every lowercase word between the marks is foreign: a quotation or a
    // title in that language, not a translation leftover.
    for (uint32_t k = first; k < i; ++k) {
      const Token& w = doc.tokens[k];
      if (w.kind != TokenKind::kWord || w.Has(kCapitalized) || w.Has(kAllCaps)) continue;
      const Span ws = w.span();
      auto covers = [&](const LanguageSpan& f) { return f.span.Contains(ws); };
      if (!std::any_of(found.begin() + static_cast<std::ptrdiff_t>(first_found), found.end(), covers)) {
        return false;
      }
    }
    return true;
  }
  return false;
}

}  // namespace veille
