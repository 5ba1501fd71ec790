// Publication dates as pages and feeds write them, turned into ISO 8601.
#pragma once

#include <string>
#include <string_view>

namespace veille {

// Normalizes a machine-written date: ISO 8601 ("2025-03-14",
// "2025-03-14T09:30:00+01:00", "2025-03-14 09:30") or RFC 822 as RSS uses it
// ("Fri, 14 Mar 2025 09:30:00 +0100", "14 March 2025 09:30 GMT"). Returns
// "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SS" plus the zone as written ("Z",
// "+01:00") when a time is given; the date is the one written, not moved to
// UTC. As a last resort a date written in words in any language veille knows
// ("14 mars 2025") gives "YYYY-MM-DD". Returns "" when nothing is a date.
std::string NormalizeDate(std::string_view value);

}  // namespace veille
