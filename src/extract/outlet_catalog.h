// The catalog of news outlets, agencies and platforms (data/outlets/outlets.tsv
// and data/outlets/context.tsv) and the search for their names in a Document.
//
// Immutable after Load; thread-safe for reads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/phrase_table.h"
#include "text/document.h"
#include "veille/span.h"
#include "veille/status.h"

namespace veille {

struct Outlet {
  std::string id;    // "outlet:washington-post"
  std::string name;  // "The Washington Post"
  std::string kind;  // outlet | agency | platform
  std::string country;
};

// One place where an outlet is named.
struct OutletMention {
  uint32_t first_token = 0;
  uint32_t end_token = 0;  // one past the last token
  Span span;               // the name itself (part of a token for "Telegram-канале")
  uint32_t outlet = 0;     // index in OutletCatalog::outlets()
  bool mangled = false;    // a word-by-word mistranslation ("Washington Put up")
  bool needs_platform_context = false;  // "X": only after "on"/"sur" or beside Twitter
};

class OutletCatalog {
 public:
  // Reads data_dir/outlets/outlets.tsv and, when present, context.tsv.
  static Result<std::unique_ptr<OutletCatalog>> Load(const std::string& data_dir);

  const std::vector<Outlet>& outlets() const { return outlets_; }

  // Every outlet name in `doc`, in text order, longest match first, without
  // overlaps. Forms may also be a leading or trailing segment of a hyphenated
  // word ("Telegram-канале", "ex-Twitter"). Context rules are not applied here:
  // mentions that need one are flagged.
  void FindMentions(const Document& doc, std::vector<OutletMention>* out) const;

 private:
  struct Form {
    uint32_t outlet = 0;
    bool mangled = false;
    bool needs_platform_context = false;
  };
  Status LoadContext(const std::string& path);

  std::vector<Outlet> outlets_;
  PhraseTable phrases_;
  std::vector<Form> forms_;  // by phrase id
  // Single-word forms by exact surface, for segments of hyphenated words.
  std::unordered_map<std::string, uint32_t, TransparentStringHash, std::equal_to<>> single_word_;
};

}  // namespace veille
