// Content hashes: SHA-256 for article identity, 64-bit xxHash for lookups.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace veille {

// Lowercase hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

// Fast 64-bit hash for in-memory tables (not stable across library versions
// of a different algorithm, so never stored without the algorithm's name).
uint64_t Hash64(std::string_view data);

}  // namespace veille
