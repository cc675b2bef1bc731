#!/usr/bin/env node
// CommonJS on purpose (bin/package.json): Node starts a CommonJS entry ~10 ms sooner than an ES module one, and
// `helm <plugin>` is measured against `node -e 0`. dist/main.js is an ES module, required where Node requires ES
// modules without a warning (the same rule as `load` in src/main.ts), imported elsewhere.
'use strict';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const requireEsm =
  process.features.require_module === true &&
  (major === 20 || (major === 22 && minor >= 13) || (major === 23 && minor >= 5) || major >= 24);

function loadMain() {
  if (requireEsm) {
    try {
      return Promise.resolve(require('../dist/main.js'));
    } catch (err) {
      if (err.code !== 'ERR_REQUIRE_ASYNC_MODULE' && err.code !== 'ERR_REQUIRE_CYCLE_MODULE') throw err;
    }
  }
  return import('../dist/main.js');
}

loadMain().then(({ main }) => main(process.argv.slice(2)));
