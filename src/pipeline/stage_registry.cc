#include "pipeline/stage_registry.h"

#include "extract/claims_stage.h"
#include "extract/entity_recognizer.h"
#include "extract/quote_stage.h"
#include "quality/quality_stage.h"

namespace veille {
namespace {

// Appends a created stage, or returns why it could not be built.
template <typename StageResult>
Status Add(StageResult created, std::vector<std::unique_ptr<Stage>>* stages) {
  if (!created.ok()) return created.status();
  stages->push_back(std::move(created).value());
  return Status::Ok();
}

}  // namespace

Status CreateStages(const std::string& data_dir, std::shared_ptr<const WordLexicon> lexicon,
                    std::vector<std::unique_ptr<Stage>>* stages) {
  stages->clear();
  // Order matters: quotes read entity ids, claims read quotes and entities,
  // quality reads everything.
  if (Status s = Add(EntityRecognizer::Create(data_dir, lexicon), stages); !s.ok()) return s;
  if (Status s = Add(CreateQuoteStage(data_dir), stages); !s.ok()) return s;
  if (Status s = Add(CreateClaimsStage(data_dir), stages); !s.ok()) return s;
  if (Status s = Add(QualityStage::Create(data_dir), stages); !s.ok()) return s;  // last
  return Status::Ok();
}

}  // namespace veille
