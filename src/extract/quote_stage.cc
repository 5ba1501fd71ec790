#include "extract/quote_stage.h"

#include "extract/quote_finder.h"

namespace veille {
namespace {

class QuoteStage : public Stage {
 public:
  explicit QuoteStage(std::unique_ptr<QuoteFinder> finder) : finder_(std::move(finder)) {}
  std::string_view name() const override { return "quotes"; }
  void Run(const Document& doc, Analysis* out) const override { finder_->Find(doc, out); }

 private:
  std::unique_ptr<QuoteFinder> finder_;
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateQuoteStage(const std::string& data_dir) {
  auto finder = QuoteFinder::Create(data_dir);
  if (!finder.ok()) return finder.status();
  return std::unique_ptr<Stage>(new QuoteStage(std::move(finder).value()));
}

}  // namespace veille
