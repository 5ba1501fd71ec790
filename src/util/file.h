// Whole-file reads for the data tables loaded at start-up.
#pragma once

#include <string>

namespace veille {

// Reads the file at `path` into `out` (replacing its contents); false when it
// cannot be opened.
bool ReadFileToString(const std::string& path, std::string* out);

}  // namespace veille
