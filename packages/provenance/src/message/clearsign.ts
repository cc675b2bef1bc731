/*
 * The OpenPGP cleartext signature framework (RFC 4880 §7) in the exact shape go-crypto's `clearsign` package
 * gives it, which is what Helm writes and reads: `\n` line endings, a `Hash:` header, dash-escaping, 64-column
 * base64 without a CRC line and no newline after the END line. The cryptography is done by openpgp.js
 * elsewhere; this module only frames and unframes text.
 */

const BEGIN_MESSAGE = '-----BEGIN PGP SIGNED MESSAGE-----';
const BEGIN_SIGNATURE = '-----BEGIN PGP SIGNATURE-----';
const END_SIGNATURE = '\n-----END PGP SIGNATURE-----';

export interface ClearsignedBlock {
  /** Armor headers of the message part (`Hash`, `SaltedHash`), values split on commas. */
  headers: Record<string, string[]>;
  /** The message text: each line with dash-escape and trailing blanks removed, each followed by `\n`. */
  plaintext: string;
  /** What the signature covers: the same lines joined by `\r\n`, without a final line break. */
  signedText: string;
  /** The `-----BEGIN PGP SIGNATURE-----` … `-----END PGP SIGNATURE-----` block, as found. */
  armoredSignature: string;
}

/** go-crypto's getLine: the first line (without `\r\n` / `\n`) and the rest after it. */
function getLine(data: string): [line: string, rest: string] {
  const i = data.indexOf('\n');
  if (i < 0) return [data, ''];
  const end = i > 0 && data[i - 1] === '\r' ? i - 1 : i;
  return [data.slice(0, end), data.slice(i + 1)];
}

/**
 * Finds the first clearsigned message in `data`, as go-crypto's `clearsign.Decode` does (text before it is
 * ignored; only `Hash` / `SaltedHash` headers are allowed). `undefined` when there is none or it is malformed.
 */
export function decodeClearsigned(data: string): ClearsignedBlock | undefined {
  let rest: string;
  if (data.startsWith(BEGIN_MESSAGE)) {
    rest = data.slice(BEGIN_MESSAGE.length);
  } else {
    const i = data.indexOf(`\n${BEGIN_MESSAGE}`);
    if (i < 0) return undefined;
    rest = data.slice(i + 1 + BEGIN_MESSAGE.length);
  }
  let line: string;
  [line, rest] = getLine(rest);
  if (line.length !== 0) return undefined;

  const headers: Record<string, string[]> = {};
  for (;;) {
    if (rest.length === 0) return undefined;
    [line, rest] = getLine(rest);
    if (line.length === 0) break;
    if (/[^\x20-\x7e]/.test(line)) return undefined;
    const colon = line.indexOf(':');
    if (colon < 0) return undefined;
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1);
    if (key === 'Hash') {
      headers[key] = [...(headers[key] ?? []), ...value.split(',').map((v) => v.trim())];
    } else if (key === 'SaltedHash') {
      headers[key] = [...(headers[key] ?? []), value.trim()];
    } else {
      return undefined;
    }
  }

  const lines: string[] = [];
  for (;;) {
    const start = rest;
    [line, rest] = getLine(rest);
    if (line.length === 0 && rest.length === 0) return undefined;
    if (line === BEGIN_SIGNATURE) {
      rest = start;
      break;
    }
    if (line.startsWith('- ')) line = line.slice(2);
    lines.push(line.replace(/[ \t]+$/, ''));
  }

  let end = rest.indexOf(END_SIGNATURE);
  if (end < 0) return undefined;
  end += END_SIGNATURE.length;
  while (end < rest.length && (rest[end] === '\r' || rest[end] === '\n')) end++;

  return {
    headers,
    plaintext: lines.map((l) => `${l}\n`).join(''),
    signedText: lines.join('\r\n'),
    armoredSignature: rest.slice(0, end),
  };
}

/** Armors signature packets like go-crypto's `armor.Encode` (64 columns, no checksum, no final newline). */
export function armorSignature(packets: Uint8Array): string {
  const base64 = Buffer.from(packets).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += 64) lines.push(base64.slice(i, i + 64));
  return `${BEGIN_SIGNATURE}\n\n${lines.join('\n')}${END_SIGNATURE}`;
}

/**
 * Frames `text` and its armored signature as go-crypto's `clearsign.Encode` does: trailing blanks dropped
 * from each line, lines starting with `-` dash-escaped, then a line break and the signature block.
 */
export function encodeClearsigned(text: string, hashName: string | undefined, armoredSignature: string): string {
  const body = text
    .split('\n')
    .map((l) => {
      const trimmed = l.replace(/[ \t\r]+$/, '');
      return trimmed.startsWith('-') ? `- ${trimmed}` : trimmed;
    })
    .join('\n');
  const header = hashName === undefined ? '' : `Hash: ${hashName}\n`;
  return `${BEGIN_MESSAGE}\n${header}\n${body}\n${armoredSignature}`;
}
