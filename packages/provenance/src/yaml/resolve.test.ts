import { describe, expect, it } from 'vitest';
import { canUsePlain, isBase60Float, resolvesToString } from './resolve.js';

describe('resolvesToString (go-yaml v2 implicit tags)', () => {
  it.each([
    ['', false],
    ['~', false],
    ['null', false],
    ['Null', false],
    ['true', false],
    ['yes', false],
    ['Y', false],
    ['off', false],
    ['ON', false],
    ['.inf', false],
    ['-.Inf', false],
    ['.nan', false],
    ['0', false],
    ['-1', false],
    ['+12', false],
    ['1_000', false],
    ['0x1F', false],
    ['0o17', false],
    ['017', false],
    ['08', false],
    ['0b101', false],
    ['18446744073709551615', false],
    ['1.0', false],
    ['.5', false],
    ['1e3', false],
    ['-1.5E-3', false],
    ['2024-01-02', false],
    ['2024-1-2', false],
    ['2024-01-02T03:04:05Z', false],
    ['2024-01-02t03:04:05.123+02:00', false],
    ['2024-01-02   03:04:05', false],
    ['1.2.3', true],
    ['1.2.3-rc.1+build', true],
    ['v1', true],
    ['yesterday', true],
    ['trueish', true],
    ['nulls', true],
    ['2024-13-01', true],
    ['2024-02-30', true],
    ['2024-01-02T25:00:00Z', true],
    ['1e400', true],
    ['.1e999', true],
    ['0x', true],
    ['0xFFFFFFFFFFFFFFFFFF', true],
    ['-18446744073709551615', false],
    ['<<', true],
    ['sha256:abc', true],
    ['+', true],
    ['-', true],
    ['.', true],
  ])('%j → %s', (s, expected) => {
    expect(resolvesToString(s)).toBe(expected);
  });
});

describe('isBase60Float', () => {
  it.each([
    ['1:20', true],
    ['-1:20:30.5', true],
    ['190:20:30', true],
    ['1:60', false],
    ['a:1', false],
    ['1:2:x', false],
    ['12', false],
  ])('%j → %s', (s, expected) => {
    expect(isBase60Float(s)).toBe(expected);
  });

  it('makes the encoder quote sexagesimal strings', () => {
    expect(canUsePlain('1:20')).toBe(false);
    expect(canUsePlain('echo Hello')).toBe(true);
  });
});
