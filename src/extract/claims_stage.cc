#include "extract/claims_stage.h"

#include <vector>

#include "extract/attribution.h"
#include "extract/citation_finder.h"
#include "extract/claim_finder.h"
#include "extract/claim_lexicon.h"
#include "extract/cue_index.h"
#include "extract/outlet_catalog.h"

namespace veille {
namespace {

class ClaimsStage : public Stage {
 public:
  ClaimsStage(std::unique_ptr<ClaimLexicon> lexicon, std::unique_ptr<OutletCatalog> catalog)
      : lexicon_(std::move(lexicon)), catalog_(std::move(catalog)) {}

  std::string_view name() const override { return "claims"; }

  void Run(const Document& doc, Analysis* out) const override {
    if (doc.tokens.empty()) return;
    const CueIndex cues(*lexicon_, *catalog_, doc, *out);
    FindCitations(cues, &out->citations);
    std::vector<ClaimDraft> drafts;
    FindClaims(cues, &drafts);
    AttributeClaims(cues, &drafts);
    out->claims.reserve(out->claims.size() + drafts.size());
    for (ClaimDraft& d : drafts) out->claims.push_back(std::move(d.claim));
  }

 private:
  std::unique_ptr<ClaimLexicon> lexicon_;
  std::unique_ptr<OutletCatalog> catalog_;
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateClaimsStage(const std::string& data_dir) {
  auto lexicon = ClaimLexicon::Load(data_dir);
  if (!lexicon.ok()) return lexicon.status();
  auto catalog = OutletCatalog::Load(data_dir);
  if (!catalog.ok()) return catalog.status();
  return std::unique_ptr<Stage>(
      new ClaimsStage(std::move(lexicon).value(), std::move(catalog).value()));
}

}  // namespace veille
