import { describe, expect, it } from 'vitest';
import { goYamlKeyLess, sortGoYamlKeys } from './sort.js';

describe('go-yaml v2 key order', () => {
  it('orders Helm Metadata field names as real Helm writes them', () => {
    const keys = ['Version', 'Type', 'SourceURL', 'RuntimeConfig', 'Runtime', 'Name', 'Config', 'APIVersion'];
    expect(sortGoYamlKeys(keys)).toEqual([
      'APIVersion',
      'Config',
      'Name',
      'Runtime',
      'RuntimeConfig',
      'SourceURL',
      'Type',
      'Version',
    ]);
    expect(sortGoYamlKeys(['MaxVarBytes', 'MaxPages', 'MaxHTTPResponseBytes'])).toEqual([
      'MaxHTTPResponseBytes',
      'MaxPages',
      'MaxVarBytes',
    ]);
  });

  it('compares runs of digits by value', () => {
    expect(sortGoYamlKeys(['a10', 'a9', 'a1', 'a100'])).toEqual(['a1', 'a9', 'a10', 'a100']);
    expect(sortGoYamlKeys(['10', '9', '1'])).toEqual(['1', '9', '10']);
  });

  it('puts a non-letter before a letter where keys first differ', () => {
    expect(sortGoYamlKeys(['ab', 'a_', 'a1', 'a-'])).toEqual(['a-', 'a_', 'a1', 'ab']);
    expect(sortGoYamlKeys(['b', 'B', '_', 'é'])).toEqual(['_', 'B', 'b', 'é']);
  });

  it('breaks ties between equal numbers by length, then by character', () => {
    expect(goYamlKeyLess('a1', 'a01')).toBe(true);
    expect(goYamlKeyLess('a01', 'a1')).toBe(false);
    expect(sortGoYamlKeys(['x', 'xy', ''])).toEqual(['', 'x', 'xy']);
  });
});
