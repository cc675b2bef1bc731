/*
 * The runtime contract suite (`@helm4/runtime/contract`): one behavioural test suite every runtime runs with its
 * own fixture plugins, like unstorage's driver suite. Import it from a test file only: it calls vitest.
 */
import { describe } from 'vitest';
import { cliCases } from './contract/cli-cases.js';
import { contractContext } from './contract/context.js';
import type { RuntimeContractOptions } from './contract/fixtures.js';
import { lifecycleCases } from './contract/lifecycle-cases.js';
import { typeCases } from './contract/type-cases.js';

export { rejectsWithCode } from './contract/expect-code.js';
export type { ContractFixtures, ContractSkips, RuntimeContractOptions } from './contract/fixtures.js';
export type { Collector } from './contract/streams.js';
export { collector } from './contract/streams.js';

/** Registers the contract cases for one runtime (call it at the top level of a test file). */
export function describeRuntimeContract(options: RuntimeContractOptions): void {
  describe(`runtime contract: ${options.name}`, () => {
    const context = contractContext(options);
    lifecycleCases(context);
    cliCases(context);
    typeCases(context);
  });
}
