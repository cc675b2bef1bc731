import { describe, expect, it } from 'vitest';
import { helmInstallName, stripPluginName } from './helm-install-name.js';

describe("Helm's install directory name", () => {
  it.each([
    ['echo-v1-1.2.3.tgz', 'echo-v1'],
    ['hello-0.1.0.tar.gz', 'hello'],
    ['plugin.tgz', 'plugin'],
    ['my-plugin-2.0.0-rc.1.tgz', 'my-plugin'],
  ])('stripPluginName(%s) is %s', (file, name) => {
    expect(stripPluginName(file)).toBe(name);
  });

  it('is named after the source', () => {
    expect(helmInstallName({ kind: 'local-archive', location: '/x/a-1.0.0.tgz', archive: true })).toBe('a');
    expect(helmInstallName({ kind: 'http', location: 'https://h/p/b-2.1.0.tgz?x=1', archive: true })).toBe('b');
    expect(helmInstallName({ kind: 'oci', location: 'oci://reg:5000/ns/c:1.0.0', archive: true })).toBe('c');
    expect(helmInstallName({ kind: 'oci', location: 'oci://reg/ns/d@sha256:ab', archive: true })).toBe('d');
    expect(helmInstallName({ kind: 'git', location: 'https://github.com/x/e.git/', archive: false })).toBe('e.git');
    expect(helmInstallName({ kind: 'local-dir', location: '/x/f', archive: false })).toBeUndefined();
  });
});
