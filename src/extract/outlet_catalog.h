// The catalog of news outlets, agencies and platforms (data/outlets/outlets.tsv,
// format in its header), matched on Document tokens.
//
// A form with no lowercase letter ("TASS", "AP", "X") matches case-sensitively;
// other forms match the token's lowercase form. Immutable after Load;
// thread-safe for reads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/document.h"
#include "veille/status.h"

namespace veille {

struct Outlet {
  std::string id;    // "outlet:tass"
  std::string name;  // canonical display name, "TASS"
  std::string kind;  // outlet | agency | platform
};

class OutletCatalog {
 public:
  // Reads <data_dir>/outlets/outlets.tsv. Errors name the file and line.
  static Result<std::unique_ptr<OutletCatalog>> Load(const std::string& data_dir);

  struct Match {
    uint32_t length = 0;  // tokens matched, 0 when none
    const Outlet* outlet = nullptr;
    bool mangled = false;  // matched a machine-translation form ("Washington Put up")
    explicit operator bool() const { return length != 0; }
  };
  // The longest form starting at token `i` and ending at or before `end`. A
  // one-word form also matches the start of a hyphenated token ("Telegram-канале").
  Match Find(const Document& doc, uint32_t i, uint32_t end) const;

  size_t size() const { return outlets_.size(); }

 private:
  struct Form {
    std::vector<std::string>
        words;  // folded lowercase, or exact text when case_sensitive
    bool case_sensitive = false;
    bool mangled = false;
    uint32_t outlet = 0;
  };
  bool WordMatches(const Form& form, size_t k, std::string_view text,
                   std::string_view lower) const;

  std::vector<Outlet> outlets_;
  std::vector<Form> forms_;
  std::unordered_map<uint64_t, std::vector<uint32_t>>
      by_first_word_;  // lowercase key -> forms_
};

}  // namespace veille
