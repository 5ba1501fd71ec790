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
  if (ReadFileToString(data_dir + "/lexicon/name_particles.txt", &content)) {
    ForEachLine(content, [&](std::string_view w) { lexicon->name_particles_.push_back(WordKey(w)); });
    SortUnique(&lexicon->name_particles_);
  }
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
    if (ReadFileToString(data_dir + "/lexicon/homographs_" + code + ".tsv", &content)) {
      Status status = LoadHomographs(content, &per);
      if (!status.ok()) {
        return Status::InvalidArgument(fmt::format("{}/lexicon/homographs_{}.tsv: {}", data_dir,
                                                   code, status.message()));
      }
    }
  }
  return lexicon;
}

Status WordLexicon::LoadHomographs(std::string_view content, PerLanguage* per) {
  // "@use<TAB>marker|marker..." names a use and the words that license it;
  // "word<TAB>use" lists a homograph. Uses may be declared after their words.
  std::vector<std::pair<std::string_view, std::string_view>> words;  // word, use
  Status status = Status::Ok();
  ForEachLine(content, [&](std::string_view line) {
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab + 1 == line.size()) {
      if (status.ok()) status = Status::InvalidArgument(fmt::format("bad line '{}'", line));
      return;
    }
    const std::string_view first = line.substr(0, tab);
    const std::string_view second = line.substr(tab + 1);
    if (first.starts_with('@')) {
      per->homograph_uses.emplace_back(first.substr(1));
      std::vector<uint64_t> markers;
      size_t start = 0;
      while (start <= second.size()) {
        size_t bar = second.find('|', start);
        if (bar == std::string_view::npos) bar = second.size();
        markers.push_back(WordKey(second.substr(start, bar - start)));
        start = bar + 1;
      }
      SortUnique(&markers);
      per->homograph_markers.push_back(std::move(markers));
    } else {
      words.emplace_back(first, second);
    }
  });
  if (!status.ok()) return status;
  for (const auto& [word, use] : words) {
    auto it = std::find(per->homograph_uses.begin(), per->homograph_uses.end(), use);
    if (it == per->homograph_uses.end()) {
      return Status::InvalidArgument(fmt::format("'{}' has undeclared use '{}'", word, use));
    }
    per->homographs.emplace_back(WordKey(word), static_cast<int>(it - per->homograph_uses.begin()));
  }
  std::sort(per->homographs.begin(), per->homographs.end());
  return Status::Ok();
}

bool WordLexicon::IsNameParticle(std::string_view lower) const {
  return std::binary_search(name_particles_.begin(), name_particles_.end(), WordKey(lower));
}

int WordLexicon::HomographUse(int lang, std::string_view lower) const {
  const auto& h = languages_[lang].homographs;
  const uint64_t key = WordKey(lower);
  auto it = std::lower_bound(h.begin(), h.end(), std::pair<uint64_t, int>(key, -1));
  return it != h.end() && it->first == key ? it->second : kNone;
}

bool WordLexicon::LicensesHomograph(int lang, int use, std::string_view lower) const {
  const auto& markers = languages_[lang].homograph_markers[use];
  return std::binary_search(markers.begin(), markers.end(), WordKey(lower));
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
