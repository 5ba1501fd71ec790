// The quotes stage: fills Analysis::quotes (see docs/quotes.md). Runs after
// the entities stage so speakers carry entity ids.
#pragma once

#include <memory>
#include <string>

#include "pipeline/stage.h"
#include "veille/status.h"

namespace veille {

Result<std::unique_ptr<Stage>> CreateQuoteStage(const std::string& data_dir);

}  // namespace veille
