// Names of outlets translated word by word ("Washington Put up", "le Submit",
// "New York Occasions"): the citations stage marks those it resolves
// (Citation::mangled); this detector also looks up the mangled forms listed
// in the outlet catalog (data/outlets/outlets.tsv, column `mangled`), so the
// signal does not depend on a citation being recognised.
// Immutable after Load; Find is const and thread-safe.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/document.h"
#include "veille/analysis.h"
#include "veille/status.h"

namespace veille {

class MangledNameDetector {
 public:
  static Result<std::unique_ptr<MangledNameDetector>> Load(const std::string& data_dir);

  // Appends a `mangled_name` signal for every mangled citation in
  // `citations` and every catalog form found in the text that no such
  // citation covers, each weighing `weight`.
  void Find(const Document& doc, const std::vector<Citation>& citations, double weight,
            std::vector<QualitySignal>* out) const;

 private:
  struct Form {
    std::vector<std::string> tokens;  // the form's tokens, case-sensitive
    std::string outlet_name;
  };
  std::vector<Form> forms_;
  std::unordered_map<uint64_t, std::vector<int>> by_first_token_;  // Hash64 of token text
};

}  // namespace veille
