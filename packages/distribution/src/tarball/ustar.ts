/**
 * Tar headers as Go's archive/tar writes them for a header with no format set (what Helm's CreatePluginTarball
 * gets from tar.FileInfoHeader): USTAR when the entry fits, else PAX. Numbers are zero-padded octal ending in
 * NUL, strings NUL-terminated when shorter than their field, the checksum is six octal digits, NUL, space.
 */

export const BLOCK = 512;

export interface TarHeader {
  name: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Seconds since the epoch (Go rounds ModTime to the second). */
  mtime: number;
  /** `0` regular file, `5` directory. */
  typeflag: '0' | '5';
  uname: string;
  gname: string;
}

const NAME_SIZE = 100;
const PREFIX_SIZE = 155;
/** Go's isASCII. */
const isAscii = (s: string) => [...s].every((c) => c.charCodeAt(0) < 0x80);
const ASCII = { test: isAscii };

function putString(block: Buffer, offset: number, size: number, value: string): void {
  block.write(value.slice(0, size), offset, size, 'latin1');
}

/** Go's formatOctal: zero-padded, leaving room for a NUL; a value that does not fit is written as 0. */
function putOctal(block: Buffer, offset: number, size: number, value: number): boolean {
  const fits = value >= 0 && value < 8 ** (size - 1);
  const digits = (fits ? value : 0).toString(8).padStart(size - 1, '0');
  putString(block, offset, size, digits);
  return fits;
}

/** Go's splitUSTARPath: a long ASCII name split at a slash into prefix (≤155) and name (≤100). */
export function splitUstarPath(name: string): { prefix: string; name: string } | undefined {
  let length = name.length;
  if (length <= NAME_SIZE || !ASCII.test(name)) return undefined;
  if (length > PREFIX_SIZE + 1) length = PREFIX_SIZE + 1;
  else if (name[length - 1] === '/') length--;
  const i = name.lastIndexOf('/', length - 1);
  const nlen = name.length - i - 1;
  if (i <= 0 || nlen > NAME_SIZE || nlen === 0 || i > PREFIX_SIZE) return undefined;
  return { prefix: name.slice(0, i), name: name.slice(i + 1) };
}

function fitsUstar(h: TarHeader): boolean {
  const octalOk =
    h.mode < 8 ** 7 && h.uid < 8 ** 7 && h.gid < 8 ** 7 && h.size < 8 ** 11 && h.mtime >= 0 && h.mtime < 8 ** 11;
  const stringsOk = ASCII.test(h.uname) && ASCII.test(h.gname) && h.uname.length <= 32 && h.gname.length <= 32;
  const nameOk = (ASCII.test(h.name) && h.name.length <= NAME_SIZE) || splitUstarPath(h.name) !== undefined;
  return octalOk && stringsOk && nameOk;
}

function checksum(block: Buffer): void {
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  putOctal(block, 148, 7, sum);
  block[154] = 0;
  block[155] = 0x20;
}

function rawHeader(h: TarHeader, name: string, prefix: string, typeflag: string): Buffer {
  const block = Buffer.alloc(BLOCK);
  putString(block, 0, 100, name);
  putOctal(block, 100, 8, h.mode);
  putOctal(block, 108, 8, h.uid);
  putOctal(block, 116, 8, h.gid);
  putOctal(block, 124, 12, h.size);
  putOctal(block, 136, 12, h.mtime);
  block.write(typeflag, 156, 1, 'latin1');
  block.write('ustar\x0000', 257, 8, 'latin1');
  putString(block, 265, 32, h.uname);
  putString(block, 297, 32, h.gname);
  putOctal(block, 329, 8, 0);
  putOctal(block, 337, 8, 0);
  putString(block, 345, PREFIX_SIZE, prefix);
  checksum(block);
  return block;
}

/** Go's writeRawFile (the PAX extended header entry): only name, zero mode/ids/mtime, and the size. */
function paxEntryHeader(name: string, size: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  putString(block, 0, 100, name);
  putOctal(block, 100, 8, 0);
  putOctal(block, 108, 8, 0);
  putOctal(block, 116, 8, 0);
  putOctal(block, 124, 12, size);
  putOctal(block, 136, 12, 0);
  block.write('x', 156, 1, 'latin1');
  block.write('ustar\x0000', 257, 8, 'latin1');
  checksum(block);
  return block;
}

/** Go's toASCII: non-ASCII characters dropped. */
const toAscii = (s: string) => [...s].filter((c) => c.charCodeAt(0) < 0x80).join('');

/** One PAX record: `<length> <key>=<value>\n`, the length counting itself. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bodyLength = Buffer.byteLength(body);
  let length = bodyLength + String(bodyLength).length;
  if (String(length).length + bodyLength !== length) length = String(length + 1).length + bodyLength;
  return `${length}${body}`;
}

function padToBlock(data: Buffer): Buffer {
  const rem = data.length % BLOCK;
  return rem === 0 ? data : Buffer.concat([data, Buffer.alloc(BLOCK - rem)]);
}

/** The header block(s) of one entry (a PAX extended header first when USTAR cannot hold it). */
export function encodeHeader(h: TarHeader): Buffer {
  if (fitsUstar(h)) {
    const split = h.name.length > NAME_SIZE ? splitUstarPath(h.name) : undefined;
    return rawHeader(h, split?.name ?? h.name, split?.prefix ?? '', h.typeflag);
  }
  const records = new Map<string, string>();
  if (!(ASCII.test(h.name) && h.name.length <= NAME_SIZE)) records.set('path', h.name);
  if (h.uid >= 8 ** 7) records.set('uid', String(h.uid));
  if (h.gid >= 8 ** 7) records.set('gid', String(h.gid));
  if (h.size >= 8 ** 11) records.set('size', String(h.size));
  if (!ASCII.test(h.uname) || h.uname.length > 32) records.set('uname', h.uname);
  if (!ASCII.test(h.gname) || h.gname.length > 32) records.set('gname', h.gname);
  const keys = [...records.keys()].sort();
  const paxData = Buffer.from(keys.map((k) => paxRecord(k, records.get(k) ?? '')).join(''), 'utf8');
  // Go names the extended header path.Join(dir, "PaxHeaders.0", base), ASCII only, cut to the name field.
  const slash = h.name.lastIndexOf('/');
  const paxName = toAscii(
    slash < 0 ? `PaxHeaders.0/${h.name}` : `${h.name.slice(0, slash)}/PaxHeaders.0/${h.name.slice(slash + 1)}`,
  )
    .slice(0, NAME_SIZE)
    .replace(/\/+$/, '');
  const pax = paxEntryHeader(paxName, paxData.length);
  const main = rawHeader(
    {
      ...h,
      uid: h.uid < 8 ** 7 ? h.uid : 0,
      gid: h.gid < 8 ** 7 ? h.gid : 0,
      size: h.size < 8 ** 11 ? h.size : 0,
      uname: toAscii(h.uname).slice(0, 32),
      gname: toAscii(h.gname).slice(0, 32),
    },
    toAscii(h.name).slice(0, NAME_SIZE),
    '',
    h.typeflag,
  );
  return Buffer.concat([pax, padToBlock(paxData), main]);
}

/** Padding after a file body, and the two zero blocks that end an archive. */
export function bodyPadding(size: number): Buffer {
  const rem = size % BLOCK;
  return Buffer.alloc(rem === 0 ? 0 : BLOCK - rem);
}

export const END_OF_ARCHIVE = Buffer.alloc(BLOCK * 2);
