// The analysis pipeline: text in, Analysis out.
//
// An Analyzer is built once (it loads lexicons and tables from the data
// directory) and is then immutable: any number of threads may call Analyze
// concurrently, each with its own Workspace.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "veille/analysis.h"
#include "veille/article.h"
#include "veille/status.h"

namespace veille {

class Stage;
class LanguageIdentifier;
class WordLexicon;
struct Document;

struct AnalyzerOptions {
  // Directory holding lexicon/, gazetteer/, generated/ ... Empty means
  // $VEILLE_DATA_DIR, else the directory compiled in at build time.
  std::string data_dir;
};

// Per-thread scratch memory reused across articles. Not thread-safe: one per thread.
class Workspace {
 public:
  Workspace();
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;
  Document& document() { return *document_; }

 private:
  std::unique_ptr<Document> document_;
};

class Analyzer {
 public:
  static Result<std::unique_ptr<Analyzer>> Create(const AnalyzerOptions& options);
  ~Analyzer();

  // Analyses `article` into `out` (cleared first). All spans in `out` are
  // offsets into article.text.
  void Analyze(const Article& article, Workspace* workspace, Analysis* out) const;

  const std::string& data_dir() const { return data_dir_; }

 private:
  Analyzer();
  std::string data_dir_;
  std::shared_ptr<const WordLexicon> lexicon_;  // shared with the stages
  std::unique_ptr<LanguageIdentifier> language_id_;
  std::vector<std::unique_ptr<Stage>> stages_;
};

// Resolves the data directory as AnalyzerOptions documents.
std::string ResolveDataDir(const std::string& requested);

}  // namespace veille
