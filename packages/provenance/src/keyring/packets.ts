/*
 * Just enough OpenPGP and GnuPG framing to turn any keyring file into one packet stream per key, so that a key
 * openpgp.js cannot read (a PGP 2 v3 key, an unknown algorithm) is skipped instead of failing the whole
 * keyring, as go-crypto's ReadKeyRing skips unsupported entities.
 */

const TAG_SECRET_KEY = 5;
const TAG_PUBLIC_KEY = 6;
const TAG_TRUST = 12;

export class MalformedKeyringError extends Error {}

interface PacketSpan {
  tag: number;
  start: number;
  end: number;
}

function readLength(bytes: Uint8Array, pos: number, size: number): number {
  if (pos + size > bytes.length) throw new MalformedKeyringError(`truncated packet header at byte ${pos}`);
  let n = 0;
  for (let i = 0; i < size; i++) n = n * 256 + bytes[pos + i]!;
  return n;
}

/** The packets of a binary OpenPGP stream (old and new header formats, RFC 4880 §4.2). */
export function packetSpans(bytes: Uint8Array): PacketSpan[] {
  const spans: PacketSpan[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const start = pos;
    const ctb = bytes[pos++]!;
    if ((ctb & 0x80) === 0) throw new MalformedKeyringError(`not an OpenPGP packet at byte ${start}`);
    let tag: number;
    if ((ctb & 0x40) !== 0) {
      tag = ctb & 0x3f;
      for (;;) {
        const l1 = readLength(bytes, pos, 1);
        pos += 1;
        let length: number;
        if (l1 < 192) {
          length = l1;
        } else if (l1 < 224) {
          length = ((l1 - 192) << 8) + readLength(bytes, pos, 1) + 192;
          pos += 1;
        } else if (l1 === 255) {
          length = readLength(bytes, pos, 4);
          pos += 4;
        } else {
          pos += 1 << (l1 & 0x1f); // a partial body chunk; another length follows
          continue;
        }
        pos += length;
        break;
      }
    } else {
      tag = (ctb >> 2) & 0x0f;
      const lengthType = ctb & 0x03;
      if (lengthType === 3) {
        pos = bytes.length;
      } else {
        const size = [1, 2, 4][lengthType]!;
        const length = readLength(bytes, pos, size);
        pos += size + length;
      }
    }
    if (pos > bytes.length) throw new MalformedKeyringError(`truncated packet at byte ${start}`);
    spans.push({ tag, start, end: pos });
  }
  return spans;
}

/**
 * Splits a binary keyring (`gpg --export`, `gpg --export-secret-keys`, a GnuPG 1 `pubring.gpg`) into one
 * packet stream per key, each starting with its primary key packet. GnuPG's local trust packets are dropped;
 * packets before the first key (a marker packet, say) are ignored.
 */
export function splitKeyBlocks(bytes: Uint8Array): Uint8Array[] {
  const blocks: Uint8Array[][] = [];
  for (const span of packetSpans(bytes)) {
    if (span.tag === TAG_PUBLIC_KEY || span.tag === TAG_SECRET_KEY) blocks.push([]);
    const current = blocks.at(-1);
    if (current === undefined || span.tag === TAG_TRUST) continue;
    current.push(bytes.subarray(span.start, span.end));
  }
  return blocks.map((parts) => Buffer.concat(parts));
}

/** True for an ASCII-armored file (`gpg --export --armor`). */
export function isArmored(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1').trimStart();
  return head.startsWith('-----BEGIN PGP');
}

/** Every armored key block of the text (`cat a.asc b.asc` keyrings have several). */
export function armoredKeyBlocks(text: string): string[] {
  const blocks = text.match(/-----BEGIN PGP (PUBLIC|PRIVATE) KEY BLOCK-----[\s\S]*?-----END PGP \1 KEY BLOCK-----/g);
  return blocks ?? [];
}

/** True for a GnuPG 2.1+ keybox (`pubring.kbx`): a header blob with the `KBXf` magic. */
export function isKeybox(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && bytes[4] === 1 && Buffer.from(bytes.subarray(8, 12)).toString('latin1') === 'KBXf';
}

/**
 * The OpenPGP keyblocks of a keybox, concatenated. A keybox is a series of blobs: u32 length (big endian,
 * including itself), u8 type (2 = OpenPGP), u8 version, u16 flags (2 = ephemeral, skipped as GnuPG does), then
 * for OpenPGP blobs u32 offset and u32 length of the keyblock within the blob (GnuPG kbx/keybox-blob.c).
 */
export function keyboxKeyblocks(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    if (bytes.length - offset < 5) throw new MalformedKeyringError(`truncated keybox blob at byte ${offset}`);
    const length = view.getUint32(offset);
    if (length < 5 || length > bytes.length - offset) {
      throw new MalformedKeyringError(`keybox blob at byte ${offset} has an invalid length`);
    }
    if (bytes[offset + 4] === 2) {
      if (length < 16) throw new MalformedKeyringError(`keybox blob at byte ${offset} is too short`);
      const flags = view.getUint16(offset + 6);
      const start = view.getUint32(offset + 8);
      const size = view.getUint32(offset + 12);
      if (start + size > length) throw new MalformedKeyringError(`keybox blob at byte ${offset} is out of range`);
      if ((flags & 0x0002) === 0) out.push(bytes.subarray(offset + start, offset + start + size));
    }
    offset += length;
  }
  return Buffer.concat(out);
}
