// Per-language word evidence: weighted function words, spelling dictionaries
// and accepted loanwords, loaded from the data directory.
//
// Files (see data/README.md): data/lexicon/function_words.tsv,
// data/lexicon/loanwords_<lang>.txt, data/generated/words/<lang>.txt. Words
// are stored as 64-bit hashes of their lowercase NFC form with the typographic
// apostrophe folded to "'". Immutable after Load; thread-safe for reads.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "veille/status.h"

namespace veille {

class WordLexicon {
 public:
  // The languages veille has word evidence for, in index order.
  static constexpr std::array<std::string_view, 7> kLanguages = {"fr", "en", "de", "es",
                                                                "it", "ru", "uk"};
  static constexpr int kNone = -1;

  // Loads every available file under `data_dir`. Missing dictionaries are
  // tolerated (HasDictionary reports them); a missing function-word table is
  // an error because language evidence is meaningless without it.
  static Result<std::unique_ptr<WordLexicon>> Load(const std::string& data_dir);

  // Index of a language code in kLanguages, or kNone.
  static int LanguageIndex(std::string_view code);

  // Weight 1-3 of `lower` as a function word of `lang`, 0 when it is not one.
  int FunctionWeight(int lang, std::string_view lower) const;
  bool InDictionary(int lang, std::string_view lower) const;
  bool IsLoanword(int lang, std::string_view lower) const;
  // Homographs (data/lexicon/homographs_<lang>.tsv): words of another
  // language that `lang` also has, but only in one rare use ("home", "but",
  // "are" in French). HomographUse is the index of that use, or kNone;
  // LicensesHomograph is true when `lower`, just before the word, gives it
  // that use ("le but", "pour but").
  int HomographUse(int lang, std::string_view lower) const;
  // True for the lowercase particles of personal names in any language
  // ("von der" Leyen, "bin" Salman), data/lexicon/name_particles.txt.
  bool IsNameParticle(std::string_view lower) const;
  bool LicensesHomograph(int lang, int use, std::string_view lower) const;
  bool HasDictionary(int lang) const { return languages_[lang].has_dictionary; }
  size_t DictionarySize(int lang) const { return Dictionary(lang).size(); }

  // Hash used for every table; folds ’ to '.
  static uint64_t WordKey(std::string_view lower);

 private:
  // Dictionaries are large (the Russian and Ukrainian lists hold over a
  // million forms each) and most corpora never need most of them, so each is
  // read on first use, once, whichever thread asks first.
  // An open-addressing set of word keys (linear probing, 0 marks an empty
  // slot): one or two cache lines per lookup, no sorting at load time.
  class KeySet {
   public:
    void Build(const std::vector<uint64_t>& keys);
    bool Contains(uint64_t key) const;
    size_t size() const { return size_; }

   private:
    std::vector<uint64_t> slots_;
    size_t size_ = 0;
  };
  const KeySet& Dictionary(int lang) const;

  std::string data_dir_;
  struct PerLanguage {
    bool has_dictionary = false;
    mutable std::once_flag dictionary_once;
    mutable KeySet dictionary;                         // filled on first use
    std::vector<std::pair<uint64_t, int>> functions;  // sorted by key
    std::vector<uint64_t> loanwords;                   // sorted
    std::vector<std::pair<uint64_t, int>> homographs;  // sorted by key; value: use index
    std::vector<std::string> homograph_uses;           // use names ("noun", "verb")
    std::vector<std::vector<uint64_t>> homograph_markers;  // per use, sorted
  };
  static Status LoadHomographs(std::string_view content, PerLanguage* per);
  std::array<PerLanguage, kLanguages.size()> languages_;
  std::vector<uint64_t> name_particles_;  // sorted
};

}  // namespace veille
