/**
 * Just enough of RFC 4880 §7 to read a clearsigned message's text without verifying it (Go's
 * clearsign.Decode): the plugin list reports provenance status without a keyring, as Helm does.
 * Returns undefined when the input holds no well-formed clearsigned block.
 */
export function clearsignedText(data: string): string | undefined {
  const lines = data.replace(/\r\n/g, '\n').split('\n');
  const start = lines.findIndex((l) => l.trimEnd() === '-----BEGIN PGP SIGNED MESSAGE-----');
  if (start < 0) return undefined;
  let i = start + 1;
  // Armor headers ("Hash: SHA512"), then one blank line.
  while (i < lines.length && (lines[i] ?? '').trim() !== '') {
    if (!/^[A-Za-z]+: /.test(lines[i] ?? '')) return undefined;
    i++;
  }
  if (i >= lines.length) return undefined;
  const body: string[] = [];
  for (i++; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trimEnd() === '-----BEGIN PGP SIGNATURE-----') {
      const end = lines.findIndex((l, j) => j > i && l.trimEnd() === '-----END PGP SIGNATURE-----');
      return end < 0 ? undefined : body.join('\n');
    }
    body.push(line.startsWith('- ') ? line.slice(2) : line);
  }
  return undefined;
}

/**
 * The `files:` map of a Helm provenance message block (the part after the `...` document end marker).
 * Helm writes it as `files:\n  <name>: sha256:<hex>`; quoted names are unquoted.
 */
export function provenanceFiles(text: string): Map<string, string> {
  const files = new Map<string, string>();
  const sep = text.indexOf('\n...\n');
  const tail = sep < 0 ? text : text.slice(sep + 5);
  let inFiles = false;
  for (const line of tail.split('\n')) {
    if (/^files:\s*$/.test(line)) {
      inFiles = true;
      continue;
    }
    if (!inFiles) continue;
    const m = line.match(/^\s+("(?:[^"\\]|\\.)*"|'[^']*'|[^:]+):\s*("?)(sha256:[0-9a-fA-F]+)\2\s*$/);
    if (m === null) {
      if (/^\S/.test(line)) inFiles = false;
      continue;
    }
    const rawKey = (m[1] ?? '').trim();
    const key = rawKey.startsWith('"') ? (JSON.parse(rawKey) as string) : rawKey.replace(/^'|'$/g, '');
    files.set(key, m[3] ?? '');
  }
  return files;
}
