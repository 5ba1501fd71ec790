#include "text/word_lexicon.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/file.h"
#include "util/hash.h"

namespace veille {
namespace {

template <typename Fn>
void ForEachLine(std::string_view content, Fn fn) {
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line[0] != '#') fn(line);
    pos = nl + 1;
  }
}

void SortUnique(std::vector<uint64_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

}  // namespace


uint64_t WordLexicon::WordKey(std::string_view lower) {
  if (lower.find("\xE2\x80\x99") == std::string_view::npos) return Hash64(lower);
  std::string folded;
  folded.reserve(lower.size());
  for (size_t i = 0; i < lower.size(); ++i) {
    if (lower.compare(i, 3, "\xE2\x80\x99") == 0) {
      folded.push_back('\'');
      i += 2;
    } else {
      folded.push_back(lower[i]);
    }
  }
  return Hash64(folded);
}

int WordLexicon::LanguageIndex(std::string_view code) {
  for (size_t i = 0; i < kLanguages.size(); ++i) {
    if (kLanguages[i] == code) return static_cast<int>(i);
  }
  return kNone;
}

Result<std::unique_ptr<WordLexicon>> WordLexicon::Load(const std::string& data_dir) {
  auto lexicon = std::make_unique<WordLexicon>();
  lexicon->data_dir_ = data_dir;
  std::string content;
  const std::string functions_path = data_dir + "/lexicon/function_words.tsv";
  if (!ReadFileToString(functions_path, &content)) {
    return Status::NotFound(fmt::format("{}: cannot read function-word table", functions_path));
  }
  ForEachLine(content, [&](std::string_view line) {
    const size_t tab1 = line.find('\t');
    if (tab1 == std::string_view::npos) return;
    const size_t tab2 = line.find('\t', tab1 + 1);
    const int lang = LanguageIndex(line.substr(0, tab1));
    if (lang == kNone) return;
    const std::string_view word =
        line.substr(tab1 + 1, (tab2 == std::string_view::npos ? line.size() : tab2) - tab1 - 1);
    int weight = 1;
    if (tab2 != std::string_view::npos) weight = std::clamp(std::atoi(line.data() + tab2 + 1), 1, 3);
    lexicon->languages_[lang].functions.emplace_back(WordKey(word), weight);
  });
  for (size_t lang = 0; lang < kLanguages.size(); ++lang) {
    PerLanguage& per = lexicon->languages_[lang];
    std::sort(per.functions.begin(), per.functions.end());
    const std::string code(kLanguages[lang]);
    per.has_dictionary = std::filesystem::exists(data_dir + "/generated/words/" + code + ".txt");
    if (ReadFileToString(data_dir + "/lexicon/loanwords_" + code + ".txt", &content)) {
      ForEachLine(content, [&](std::string_view w) {
        const size_t end = w.find_first_of(" \t");
        per.loanwords.push_back(WordKey(w.substr(0, end)));
      });
      SortUnique(&per.loanwords);
    }
  }
  return lexicon;
}

int WordLexicon::FunctionWeight(int lang, std::string_view lower) const {
  const auto& f = languages_[lang].functions;
  const uint64_t key = WordKey(lower);
  auto it = std::lower_bound(f.begin(), f.end(), std::pair<uint64_t, int>(key, 0));
  return it != f.end() && it->first == key ? it->second : 0;
}

void WordLexicon::KeySet::Build(const std::vector<uint64_t>& keys) {
  size_t capacity = 16;
  while (capacity < keys.size() * 2) capacity <<= 1;
  slots_.assign(capacity, 0);
  size_ = 0;
  for (uint64_t key : keys) {
    key = key == 0 ? 1 : key;
    size_t i = key & (capacity - 1);
    while (slots_[i] != 0 && slots_[i] != key) i = (i + 1) & (capacity - 1);
    if (slots_[i] == 0) ++size_;
    slots_[i] = key;
  }
}

bool WordLexicon::KeySet::Contains(uint64_t key) const {
  if (slots_.empty()) return false;
  key = key == 0 ? 1 : key;
  const size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (slots_[i] == key) return true;
    if (slots_[i] == 0) return false;
  }
}

const WordLexicon::KeySet& WordLexicon::Dictionary(int lang) const {
  const PerLanguage& per = languages_[lang];
  std::call_once(per.dictionary_once, [&] {
    if (!per.has_dictionary) return;
    std::string content;
    if (!ReadFileToString(data_dir_ + "/generated/words/" + std::string(kLanguages[lang]) + ".txt", &content)) {
      return;
    }
    std::vector<uint64_t> keys;
    keys.reserve(content.size() / 9);
    ForEachLine(content, [&](std::string_view w) { keys.push_back(WordKey(w)); });
    per.dictionary.Build(keys);
  });
  return per.dictionary;
}

bool WordLexicon::InDictionary(int lang, std::string_view lower) const {
  return Dictionary(lang).Contains(WordKey(lower));
}

bool WordLexicon::IsLoanword(int lang, std::string_view lower) const {
  const auto& d = languages_[lang].loanwords;
  return std::binary_search(d.begin(), d.end(), WordKey(lower));
}

}  // namespace veille
