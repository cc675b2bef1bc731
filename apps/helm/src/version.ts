import { readFileSync } from 'node:fs';
import { Helm4Error } from '@helm4/errors';
import { exitCodeFor, formatError } from './errors.js';

/** The Helm release this helm is compatible with (its plugin system, flags and output). */
export const HELM_COMPATIBLE_VERSION = 'v4.1.4';
/** The Kubernetes client version Helm 4.1.4 reports. */
export const KUBE_CLIENT_VERSION = 'v1.35';

/** Helm's `version.BuildInfo`, field order as Helm declares them. */
export interface BuildInfo {
  Version: string;
  GitCommit: string;
  GitTreeState: string;
  GoVersion: string;
  KubeClientVersion: string;
}

/**
 * What `helm version` reports: Helm's version with build metadata naming this helm
 * (`v4.1.4+helm4.<@helm4/helm version>`, still valid semver, so plugins that check for Helm 4 work), no git
 * commit (which keeps `--short` free of a second `+g…`), the Node.js version where Helm has Go's.
 */
export function buildInfo(): BuildInfo {
  const pjson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return {
    Version: `${HELM_COMPATIBLE_VERSION}+helm4.${pjson.version}`,
    GitCommit: '',
    GitTreeState: '',
    GoVersion: `node${process.versions.node}`,
    KubeClientVersion: KUBE_CLIENT_VERSION,
  };
}

const FIELDS = ['Version', 'GitCommit', 'GitTreeState', 'GoVersion', 'KubeClientVersion'] as const;

/** Helm's `formatVersion`: `%#v` of the BuildInfo, or with `--short` the version (`+g<commit>` when there is one). */
export function formatVersion(info: BuildInfo, short: boolean): string {
  if (short) return info.GitCommit.length >= 7 ? `${info.Version}+g${info.GitCommit.slice(0, 7)}` : info.Version;
  return `version.BuildInfo{${FIELDS.map((f) => `${f}:${JSON.stringify(info[f])}`).join(', ')}}`;
}

/** `helm version [--short] [--template T]`: what Helm prints (a template's output has no newline added). */
export function versionOutput(opts: { short?: boolean; template?: string | undefined }, info = buildInfo()): string {
  if (opts.template !== undefined && opts.template !== '') return renderVersionTemplate(opts.template, info);
  return `${formatVersion(info, opts.short === true)}\n`;
}

function templateError(message: string): Helm4Error {
  return new Helm4Error('CLI_VERSION_TEMPLATE', message, {
    hint: 'the fields are .Version, .GitCommit, .GitTreeState, .GoVersion and .KubeClientVersion',
  });
}

/** Go's unquoting of a template string literal ("…" with escapes, or `…` raw). */
function stringLiteral(token: string, where: string): string | undefined {
  if (token.startsWith('`') && token.endsWith('`') && token.length >= 2) return token.slice(1, -1);
  if (!token.startsWith('"')) return undefined;
  try {
    const value: unknown = JSON.parse(token);
    if (typeof value === 'string') return value;
  } catch {
    // not a JSON-compatible literal (Go's \x, \a, …): unsupported below
  }
  throw templateError(`template: ${where}: unsupported string literal ${token} (this helm reads JSON-style escapes)`);
}

/**
 * Go's text/template over the BuildInfo, for what `--template` is used for: text, `{{.Field}}`, `{{.}}`
 * (`{v4.1.4+… …}`), string literals, comments and `{{-`/`-}}` trimming. Errors read as Go's
 * (`template: _:1:2: executing "_" at <.Bogus>: can't evaluate field Bogus in type version.BuildInfo`);
 * functions, pipelines and control structures are CLI_VERSION_TEMPLATE errors naming what is not supported.
 */
export function renderVersionTemplate(template: string, info: BuildInfo): string {
  let out = '';
  let i = 0;
  const line = (pos: number): string => `_:${template.slice(0, pos).split('\n').length}`;
  const lineCol = (pos: number): string => {
    const before = template.slice(0, pos);
    return `${line(pos)}:${pos - (before.lastIndexOf('\n') + 1)}`;
  };
  while (i < template.length) {
    const open = template.indexOf('{{', i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    let text = template.slice(i, open);
    let start = open + 2;
    if (template.startsWith('- ', start) || template.startsWith('-\t', start) || template.startsWith('-\n', start)) {
      text = text.replace(/\s+$/, '');
      start += 1;
    }
    out += text;
    const close = template.indexOf('}}', start);
    if (close < 0) throw templateError(`template: ${line(open)}: unclosed action`);
    let end = close;
    let trimAfter = false;
    if (close - 2 >= start && /\s-$/.test(template.slice(close - 2, close))) {
      end = close - 1;
      trimAfter = true;
    }
    const body = template.slice(start, end);
    const expr = body.trim();
    const at = start + (body.length - body.trimStart().length);
    if (expr.startsWith('/*')) {
      if (!expr.endsWith('*/')) throw templateError(`template: ${line(at)}: unclosed comment`);
    } else if (expr === '') {
      throw templateError(`template: ${line(at)}: missing value for command`);
    } else if (expr === '.') {
      out += `{${FIELDS.map((f) => info[f]).join(' ')}}`;
    } else if (/^\.[A-Za-z_][A-Za-z0-9_]*$/.test(expr)) {
      const field = expr.slice(1);
      if (!(FIELDS as readonly string[]).includes(field)) {
        throw templateError(
          `template: ${lineCol(at)}: executing "_" at <${expr}>: can't evaluate field ${field} in type version.BuildInfo`,
        );
      }
      out += info[field as (typeof FIELDS)[number]];
    } else {
      const literal = stringLiteral(expr, lineCol(at));
      if (literal === undefined) {
        throw templateError(
          `template: ${lineCol(at)}: {{${expr}}} is not supported by this helm's --template (only {{.Field}}, {{.}}, string literals and comments)`,
        );
      }
      out += literal;
    }
    i = close + 2;
    if (trimAfter) {
      const rest = template.slice(i);
      i += rest.length - rest.trimStart().length;
    }
  }
  return out;
}

/** The fast path's `helm version`: prints, or reports a template error as every command does (exit 1). */
export function printVersion(opts: { short: boolean; template: string | undefined }): void {
  try {
    process.stdout.write(versionOutput(opts));
  } catch (err) {
    process.stderr.write(formatError(err));
    process.exitCode = exitCodeFor(err);
  }
}
