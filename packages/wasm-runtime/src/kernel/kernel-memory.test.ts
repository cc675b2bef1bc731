import { describe, expect, it } from 'vitest';
import { BIG_STRING, INPUT_AT, KernelMemory } from './kernel-memory.js';

/** `piece` repeated past BIG_STRING (or `min`) characters; `times` fixes the count. */
const big = (piece: string, min = BIG_STRING, times = Math.ceil(min / piece.length) + 1) => piece.repeat(times);

/** Compares without printing megabytes on a mismatch. */
function same(actual: unknown, expected: unknown): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  expect(a === e, `${a.slice(0, 80)}… vs ${e.slice(0, 80)}… (${a.length} vs ${e.length} chars)`).toBe(true);
}

/** What the guest would read: the input bytes, as JSON. */
function inputJson(mem: KernelMemory, length: number): unknown {
  return JSON.parse(Buffer.from(mem.memory.buffer).toString('utf8', INPUT_AT, INPUT_AT + length));
}

/** Writes `text` where a guest's output would be and reads it back. */
function outputOf(mem: KernelMemory, text: string, at = 1000): unknown {
  const bytes = Buffer.from(text, 'utf8');
  const need = at + bytes.length + 64;
  if (mem.size < need) mem.memory.grow(Math.ceil((need - mem.size) / 65_536));
  Buffer.from(mem.memory.buffer).set(bytes, at);
  return mem.readOutput(at, bytes.length);
}

const SAMPLES = [
  big('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "demo"\n---\n'),
  big('tab\there, back\\slash, quote", ctrl \u0001\u001f\u0000 del \u007f'),
  big('ünïcødé ✓ 😀 \u2028\u2029 '),
  big('plain ascii without escapes '),
  `${big('x')}\n`,
  `"${big('y')}"`,
];

describe('KernelMemory', () => {
  it('writes big and small strings as the JSON the guest parses', () => {
    const mem = new KernelMemory();
    for (const manifests of SAMPLES) {
      const message = { manifests, extraArgs: ['a', 'b"c'], nested: [{ also: manifests }, 'small'] };
      const length = mem.writeInput(message);
      same(inputJson(mem, length), message);
      expect(mem.dirty).toBeGreaterThanOrEqual(INPUT_AT + length);
    }
    const length = mem.writeInput({ extraArgs: ['--x'] });
    expect(inputJson(mem, length)).toEqual({ extraArgs: ['--x'] });
  });

  it('writes what JSON.stringify writes, up to how escapes are spelled', () => {
    const mem = new KernelMemory();
    const manifests = SAMPLES[1] as string;
    const length = mem.writeInput({ manifests });
    const text = Buffer.from(mem.memory.buffer).toString('utf8', INPUT_AT, INPUT_AT + length);
    expect(text === JSON.stringify({ manifests })).toBe(true);
  });

  it('reads big and small strings of the output as JSON.parse does', () => {
    const mem = new KernelMemory();
    for (const manifests of SAMPLES) {
      const value = { manifests, list: [manifests, 1, null, true], small: 'é' };
      same(outputOf(mem, JSON.stringify(value)), value);
      same(outputOf(mem, JSON.stringify(value, null, 2)), value);
    }
    same(outputOf(mem, JSON.stringify({ [big('k')]: big('v') })), { [big('k')]: big('v') });
    same(outputOf(mem, JSON.stringify(big('top'))), big('top'));
  });

  it('reads the escapes other JSON encoders write (Go: \\u003c, \\u0026, \\/, surrogate pairs)', () => {
    const mem = new KernelMemory();
    const body = big('a \\u003cb\\u003e \\u0026 \\/ \\ud83d\\ude00 \\u00e9 \\b\\f\\r\\t\\n ');
    const text = `{"manifests":"${body}"}`;
    same(outputOf(mem, text), JSON.parse(text));
  });

  it('turns a lone surrogate escape into U+FFFD, as writing the string as UTF-8 would', () => {
    const mem = new KernelMemory();
    const body = big('x\\ud800y\\udc00z', 0, 5000);
    same(outputOf(mem, `{"m":"${body}"}`), { m: big('x\ufffdy\ufffdz', 0, 5000) });
  });

  it('rejects what JSON.parse rejects, with its message', () => {
    const mem = new KernelMemory();
    const bad = [
      `{"m":"${big('a')}\u0001"}`,
      `{"m":"${big('a')}\\x"}`,
      `{"m":"${big('a')}\\u12g4"}`,
      `{"m":"${big('a')}`,
      `{"m":"${big('a')}"`,
      `{"m":"${big('a')}",}`,
      `{"m" "${big('a')}"}`,
    ];
    for (const text of bad) {
      expect(() => outputOf(mem, text), text.slice(-12)).toThrow(SyntaxError);
    }
  });

  it('grows for big messages and records how far it wrote', () => {
    const mem = new KernelMemory();
    const manifests = big('0123456789abcdef\n', 3 * 1024 * 1024);
    const length = mem.writeInput({ manifests });
    expect(mem.size).toBeGreaterThanOrEqual(INPUT_AT + length);
    same(inputJson(mem, length), { manifests });
  });
});
