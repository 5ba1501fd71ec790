// The entities stage: people, places, organizations, outlets and armed
// groups, each mention with a stable cross-language id and canonical English
// name, plus an article-level summary ranked by salience.
//
// How it works (details and the data files in docs/entities.md):
//  1. Table matching: the longest alias (gazetteer, demonyms, curated table,
//     outlets, institutions) starting at each word, with case rules (a
//     capitalized alias word needs a capitalized text word; acronyms need
//     capitals), so "le monde" is not Le Monde.
//  2. Ministries are parsed ("ministère ukrainien de l'Énergie", "Russia's
//     Defence Ministry") and, like other institutions ("Parlement"), resolved
//     to a country by what the sentence, paragraph and article talk about.
//  3. Capitalized sequences that no table knows are typed from context:
//     honorifics and titles (person), given names, place cues ("quartier de"),
//     organization heads ("University"), group cues ("groupe"). Names that
//     nothing types are dropped; sentence-initial and headline words that are
//     dictionary words never start one.
//  4. Resolution: city or region ("la région de Koursk" → Kursk Oblast),
//     country or US state by the article's countries, near matches against
//     the tables by transliteration-aware keys (Prokoudine → Prokudin).
//  5. Coreference: a surname alone takes the id of the full name in the
//     article; unknown names get ids "person:~" + NameKey.
#pragma once

#include <memory>
#include <string>

#include "extract/entity_tables.h"
#include "pipeline/stage.h"
#include "text/word_lexicon.h"
#include "veille/status.h"

namespace veille {

class EntityRecognizer : public Stage {
 public:
  // Loads data/entities/*, data/gazetteer/*, data/outlets/outlets.tsv under
  // `data_dir`. `lexicon` is the Analyzer's word lexicon, shared so the word
  // lists are read once; when null the recognizer loads its own.
  static Result<std::unique_ptr<EntityRecognizer>> Create(
      const std::string& data_dir, std::shared_ptr<const WordLexicon> lexicon = nullptr);

  std::string_view name() const override { return "entities"; }

  // Fills out->entities (document order, no overlaps) and out->entity_summary.
  // Reads out->title_span and out->byline_span. Thread-safe.
  void Run(const Document& doc, Analysis* out) const override;

  const EntityTables& tables() const { return *tables_; }

 private:
  EntityRecognizer() = default;
  std::unique_ptr<EntityTables> tables_;
  std::shared_ptr<const WordLexicon> lexicon_;
};

}  // namespace veille
