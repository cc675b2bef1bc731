import { describeRuntimeContract } from '@helm4/runtime/contract';
import { createSubprocessRuntime } from '../src/subprocess-runtime.js';
import { load, ownFixture, TYPES } from './support.js';

const fixture = (name: string) => load(ownFixture(`contract/${name}`));

describeRuntimeContract({
  name: 'subprocess',
  createRuntime: () => createSubprocessRuntime({ types: TYPES }),
  fixtures: {
    cliEcho: await fixture('cli-echo'),
    cliExit: await fixture('cli-exit'),
    cliCat: await fixture('cli-cat'),
    getter: await fixture('getter'),
    postrenderer: await fixture('postrenderer'),
    broken: { plugin: await fixture('broken'), code: 'RUNTIME_EXEC_FAILED' },
    hooks: await fixture('hooks'),
  },
});
