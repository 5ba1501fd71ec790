#include "pipeline/stage_registry.h"

#include "extract/claims_stage.h"
#include "quality/quality_stage.h"

namespace veille {

Status CreateStages(const std::string& data_dir, std::vector<std::unique_ptr<Stage>>* stages) {
  stages->clear();
  // Stages register here as they are built: entities, quotes, claims and
  // citations, quality.
  (void)data_dir;
  {
    auto claims = CreateClaimsStage(data_dir);  // after entities and quotes
    if (!claims.ok()) return claims.status();
    stages->push_back(std::move(claims).value());
  }
  // Quality runs last: it reads the language spans and the citations.
  auto quality = QualityStage::Create(data_dir);
  if (!quality.ok()) return quality.status();
  stages->push_back(std::move(quality).value());
  return Status::Ok();
}

}  // namespace veille
