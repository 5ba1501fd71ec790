#include "pipeline/stage_registry.h"

#include "extract/quote_stage.h"

namespace veille {

Status CreateStages(const std::string& data_dir, std::vector<std::unique_ptr<Stage>>* stages) {
  stages->clear();
  // Stages register here as they are built: entities, quotes, claims and
  // citations, quality.
  (void)data_dir;
  auto quotes = CreateQuoteStage(data_dir);  // after entities: speakers use entity ids
  if (!quotes.ok()) return quotes.status();
  stages->push_back(std::move(quotes).value());
  return Status::Ok();
}

}  // namespace veille
