import { readInputMessage } from '@helm4/runtime';
import { describe, expect, it } from 'vitest';
import { GETTER_OPTION_DEFAULTS } from './defaults.js';
import { getterCommandPath, getterRuntimeBinding } from './runtime.js';

const read = (m: unknown) => readInputMessage(getterRuntimeBinding, m, 'p');
const invalid = expect.objectContaining({ code: 'RUNTIME_INVALID_MESSAGE' });

describe('getterRuntimeBinding', () => {
  it('needs href and protocol; missing options are Go zero values, extra ones are kept', () => {
    expect(read({ href: 's3://b', protocol: 's3' })).toEqual({
      href: 's3://b',
      protocol: 's3',
      options: GETTER_OPTION_DEFAULTS,
    });
    expect(read({ href: 'x', protocol: 'x', options: { Username: 'u', Extra: 1 } }).options).toMatchObject({
      Username: 'u',
      Password: '',
      Extra: 1,
    });
    expect(() => read({ protocol: 's3' })).toThrow(invalid);
    expect(() => read({ href: 'x', protocol: 'x', options: [] })).toThrow(invalid);
    expect(() => read({ href: 'x', protocol: 'x', options: { PassCredentialsAll: 'yes' } })).toThrow(invalid);
    expect(() => read({ href: 'x', protocol: 'x', options: { Timeout: 1.5 } })).toThrow(invalid);
  });

  it("reads a Wasm guest's data as standard base64", () => {
    const output = getterRuntimeBinding.wasm?.output;
    expect(output?.({ data: 'aGk=' })).toEqual({ message: { data: 'aGk=' } });
    expect(output?.({ data: null })).toEqual({ message: { data: '' } });
    expect(output?.({ data: 'not base64!' })).toEqual({ invalid: '"data" is not standard base64' });
    expect(output?.({})).toEqual({ invalid: 'expected {"data": "<base64>"}' });
  });
});

describe('getterCommandPath', () => {
  it.each([
    ['get.sh', '/p/plug/get.sh'],
    ['bin/get.sh', '/p/plug/bin/get.sh'],
    ['./bin/../get.sh', '/p/plug/get.sh'],
    ['../other/get.sh', '/p/other/get.sh'],
    ['/p/plug/bin/get.sh', '/p/plug/bin/get.sh'],
    ['/usr/bin/curl', '/usr/bin/curl'],
  ])('%s → %s', (main, expected) => {
    expect(getterCommandPath('/p/plug', main)).toBe(expected);
  });
});
