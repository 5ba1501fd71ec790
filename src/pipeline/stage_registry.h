// The list of extraction and quality stages, in the order they run.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline/stage.h"
#include "text/word_lexicon.h"
#include "veille/status.h"

namespace veille {

// Builds every stage from the tables in `data_dir`; `lexicon` (the
// Analyzer's word lists) is shared with stages that need word evidence.
// Later stages may read
// what earlier ones wrote: entities before quotes (speaker ids), quotes before
// claims (who claims a number), everything before quality.
Status CreateStages(const std::string& data_dir, std::shared_ptr<const WordLexicon> lexicon,
                    std::vector<std::unique_ptr<Stage>>* stages);

}  // namespace veille
