import type { PluginList } from '@helm4/distribution/list';
import { renderTable } from './table.js';

/**
 * Helm 4's `plugin list` table, then one row per quarantined plugin (our addition, marked as such). `wide` adds
 * HIP-0026's columns: SIGNED, the short id of the key whose signature was verified when the plugin was installed
 * (`N/A` when none was), and SOURCE_URL, the plugin.yaml's sourceURL (`N/A` when absent).
 */
export function renderPluginTable(list: PluginList, options: { wide?: boolean } = {}): string {
  const wide = options.wide === true;
  const rows: string[][] = [
    ['NAME', 'VERSION', 'TYPE', 'APIVERSION', 'PROVENANCE', 'SOURCE', ...(wide ? ['SIGNED', 'SOURCE_URL'] : [])],
  ];
  for (const p of list.plugins) {
    rows.push([
      p.name,
      p.version,
      p.type,
      p.apiVersion,
      p.provenance,
      p.sourceURL || 'unknown',
      ...(wide ? [p.signature?.shortKeyId ?? 'N/A', p.sourceURL || 'N/A'] : []),
    ]);
  }
  for (const q of list.quarantined) {
    rows.push([
      q.name ?? q.dir.split(/[\\/]/).pop() ?? q.dir,
      q.version ?? '',
      q.type ?? '',
      q.apiVersion ?? '',
      'quarantined',
      q.issues[0]?.code ?? 'unknown',
      ...(wide ? ['N/A', 'N/A'] : []),
    ]);
  }
  return renderTable(rows);
}

/** One warning line per quarantined plugin, for stderr: why it is missing. */
export function renderQuarantineWarnings(list: PluginList): string {
  return list.quarantined
    .map((q) => {
      const reasons = q.issues.map(
        (i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message} [${i.code}]`,
      );
      return `WARNING: plugin at "${q.dir}" not loaded: ${reasons.join('; ')}\n`;
    })
    .join('');
}
