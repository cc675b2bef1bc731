import type { LoadedPlugin } from '@helm4/manifest';
import type { Runtime } from '../runtime.js';

/**
 * The plugins a runtime provides to run the contract suite: the same behaviour, written for that runtime
 * (shell scripts for `subprocess`, Wasm modules for `extism/v1`). Each is a loaded plugin (directory + metadata).
 */
export interface ContractFixtures {
  /**
   * cli/v1. Writes one line `arg: <arg>` per extra arg to stdout, then `HELM_NAMESPACE=<value of the env var
   * HELM_NAMESPACE>`; writes `cli-echo: stderr` (one line) to stderr; exits 0.
   */
  cliEcho: LoadedPlugin;
  /** cli/v1. Exits with the decimal code given as its first extra arg, writing nothing. */
  cliExit: LoadedPlugin;
  /**
   * getter/v1 serving the scheme `contract`. Returns the bytes `content of <href>`; when href ends in `/fail` it
   * fails with exit (return) code 3 instead.
   */
  getter: LoadedPlugin;
  /**
   * postrenderer/v1. Returns the manifests with every `FOOTEST` replaced by `BARTEST`, or, when extra args are
   * given, by the args joined with single spaces (Helm's sed-test.sh fixture).
   */
  postrenderer: LoadedPlugin;
  /**
   * A cli/v1 plugin that cannot run (its command or module is missing), with the code the runtime fails with,
   * from `createPlugin` or from `invoke` (e.g. RUNTIME_EXEC_FAILED for subprocess).
   */
  broken: { plugin: LoadedPlugin; code: string };
  /** cli/v1: copies stdin to stdout until end of input (every runtime connects a cli plugin's stdin). */
  cliCat: LoadedPlugin;
  /** For the `hooks` capability: a plugin whose `install` hook writes `install hook <plugin name>` (one line) to stdout. */
  hooks?: LoadedPlugin;
}

/** Optional capabilities; for a runtime without one, the suite checks that it is absent cleanly. */
export interface ContractSkips {
  /** The runtime has no lifecycle hooks (Helm: only subprocess has them): hooks must be a silent no-op. */
  hooks?: boolean;
}

export interface RuntimeContractOptions {
  /** Shown in the suite name, e.g. `subprocess`. */
  name: string;
  /** Called for each case: a fresh runtime. */
  createRuntime: () => Runtime;
  fixtures: ContractFixtures;
  skip?: ContractSkips;
}
