import { describe, expect, it } from 'vitest';
import { debugLine } from './debug-log.js';

describe('debugLine (slog text handler)', () => {
  it('prints Helm debug lines, quoting values as slog does', () => {
    expect(debugLine('pluginDirs', { directory: '/tmp/d/plugins' })).toBe(
      'level=DEBUG msg=pluginDirs directory=/tmp/d/plugins\n',
    );
    expect(debugLine('pluginDirs', { directory: '/a b:/c' })).toBe('level=DEBUG msg=pluginDirs directory="/a b:/c"\n');
    expect(debugLine('loading installer plugins', { dir: '' })).toBe(
      'level=DEBUG msg="loading installer plugins" dir=""\n',
    );
    expect(debugLine('x', { v: 'a=b', w: 'tab\there', u: 'ünï\\' })).toBe(
      'level=DEBUG msg=x v="a=b" w="tab\\there" u=ünï\\\n',
    );
  });
});
