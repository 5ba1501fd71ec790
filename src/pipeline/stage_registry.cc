#include "pipeline/stage_registry.h"

#include "extract/entity_recognizer.h"

namespace veille {

Status CreateStages(const std::string& data_dir, std::vector<std::unique_ptr<Stage>>* stages) {
  stages->clear();
  // Stages register here as they are built: entities, quotes, claims and
  // citations, quality.
  auto entities = EntityRecognizer::Create(data_dir);
  if (!entities.ok()) return entities.status();
  stages->push_back(std::move(entities).value());
  return Status::Ok();
}

}  // namespace veille
