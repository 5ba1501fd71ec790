// The claims stage: numeric claims with who asserts them, and the outlets an
// article cites. Runs after the entity and quote stages and uses what they
// found when present (speakers, canonical names and ids).
#pragma once

#include <memory>
#include <string>

#include "pipeline/stage.h"
#include "veille/status.h"

namespace veille {

// Builds the stage from data_dir/claims/*.tsv, data_dir/outlets/outlets.tsv
// (and context.tsv) and data_dir/lexicon/function_words.tsv. The stage is
// immutable and its Run is thread-safe.
Result<std::unique_ptr<Stage>> CreateClaimsStage(const std::string& data_dir);

}  // namespace veille
