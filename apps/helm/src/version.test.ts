import { describe, expect, it } from 'vitest';
import { type BuildInfo, buildInfo, formatVersion, renderVersionTemplate, versionOutput } from './version.js';

const info: BuildInfo = {
  Version: 'v4.1.4+helm4.0.1.0',
  GitCommit: '',
  GitTreeState: '',
  GoVersion: 'node22.1.0',
  KubeClientVersion: 'v1.35',
};

describe('helm version', () => {
  it('names Helm 4.1.4 with build metadata naming this helm, and the Node.js version', () => {
    const b = buildInfo();
    expect(b.Version).toMatch(/^v4\.1\.4\+helm4\.\d+\.\d+\.\d+/);
    expect(b.GoVersion).toBe(`node${process.versions.node}`);
    expect(b.KubeClientVersion).toBe('v1.35');
  });

  it("formats as Helm's formatVersion", () => {
    expect(formatVersion(info, false)).toBe(
      'version.BuildInfo{Version:"v4.1.4+helm4.0.1.0", GitCommit:"", GitTreeState:"", GoVersion:"node22.1.0", KubeClientVersion:"v1.35"}',
    );
    expect(formatVersion(info, true)).toBe('v4.1.4+helm4.0.1.0');
    expect(formatVersion({ ...info, Version: 'v4.1.4', GitCommit: '05fa37973dc9e42b' }, true)).toBe('v4.1.4+g05fa379');
    expect(versionOutput({ short: true }, info)).toBe('v4.1.4+helm4.0.1.0\n');
    expect(versionOutput({ short: true, template: '{{.Version}}' }, info)).toBe('v4.1.4+helm4.0.1.0');
    expect(versionOutput({ template: '' }, info)).toBe(`${formatVersion(info, false)}\n`);
  });

  it('renders the Go templates plugins use', () => {
    const t = (s: string) => renderVersionTemplate(s, info);
    expect(t('{{.Version}}')).toBe('v4.1.4+helm4.0.1.0');
    expect(t('Version: {{ .Version }}\n')).toBe('Version: v4.1.4+helm4.0.1.0\n');
    expect(t('{{.}}')).toBe('{v4.1.4+helm4.0.1.0   node22.1.0 v1.35}');
    expect(t('{{ . }}')).toBe('{v4.1.4+helm4.0.1.0   node22.1.0 v1.35}');
    expect(t('a  {{- .KubeClientVersion -}}  b')).toBe('av1.35b');
    expect(t('x{{/* c */}}y{{"\\n"}}{{`r`}}')).toBe('xy\nr');
    expect(t('{{.GitCommit}}|{{.GitTreeState}}|{{.GoVersion}}')).toBe('||node22.1.0');
  });

  it("fails as Go's text/template does, or says what is not supported", () => {
    const fails = (s: string, message: string) =>
      expect(() => renderVersionTemplate(s, info)).toThrow(
        expect.objectContaining({ code: 'CLI_VERSION_TEMPLATE', message }),
      );
    fails(
      '{{ .Bogus }}',
      'template: _:1:3: executing "_" at <.Bogus>: can\'t evaluate field Bogus in type version.BuildInfo',
    );
    fails(
      'a\n {{.version}}',
      'template: _:2:3: executing "_" at <.version>: can\'t evaluate field version in type version.BuildInfo',
    );
    fails('{{ .Version', 'template: _:1: unclosed action');
    fails('{{}}', 'template: _:1: missing value for command');
    fails('{{/* x }}', 'template: _:1: unclosed comment');
    expect(() => renderVersionTemplate('{{ .Version | len }}', info)).toThrow(/not supported/);
  });
});
