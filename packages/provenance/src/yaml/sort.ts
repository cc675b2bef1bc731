/*
 * go-yaml v2's map key order (sorter.go, keyList.Less) for string keys: where two keys first differ, a
 * non-letter sorts before a letter, two letters by code point, and runs of digits by numeric value
 * ("a2" < "a10"). Every key that reaches it is a string (sigs.k8s.io/yaml goes through JSON).
 */

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
const INT64 = (n: bigint) => BigInt.asIntN(64, n);

function isLetter(ch: string): boolean {
  return LETTER.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && DIGIT.test(ch);
}

/** `Less(a, b)` of go-yaml v2's keyList for two strings, compared rune by rune. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ca = ar[i]!;
    const cb = br[i]!;
    if (ca === cb) continue;
    const al = isLetter(ca);
    const bl = isLetter(cb);
    if (al && bl) return ca.codePointAt(0)! < cb.codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ca === '0' || cb === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = INT64(an * 10n + BigInt(ar[ai]!.codePointAt(0)! - 0x30));
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = INT64(bn * 10n + BigInt(br[bi]!.codePointAt(0)! - 0x30));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ca.codePointAt(0)! < cb.codePointAt(0)!;
  }
  return ar.length < br.length;
}

/** The keys in the order go-yaml v2 writes them. */
export function sortGoYamlKeys(keys: Iterable<string>): string[] {
  return Array.from(keys).sort((a, b) => (goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0));
}
