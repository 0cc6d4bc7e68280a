import { describe, expect, it } from 'vitest';
import { GrowableColumn, packedAt, packedCount, StringIndex, unpacked } from '../../../main/core/analytics/shared-columns';

describe('GrowableColumn', () => {
  it('keeps every value pushed past many growths, in shared memory the worker threads read in place', () => {
    const column = new GrowableColumn(Float64Array);
    for (let i = 0; i < 100_000; i++) column.push(i / 4);
    const values = column.values();
    expect(values.length).toBe(100_000);
    expect(values.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(values[0]).toBe(0);
    expect(values[99_999]).toBe(99_999 / 4);
    expect(values.every((value, i) => value === i / 4)).toBe(true);
  });
});

describe('StringIndex', () => {
  it('hands out positions in first-seen order and finds each key again, past many rehashes', () => {
    const index = new StringIndex();
    const keys = Array.from({ length: 50_000 }, (_, i) => `U${String(i * 7919 % 50_000).padStart(7, '0')}`);
    keys.forEach((key, i) => expect(index.of(key)).toBe(i));
    expect(index.count).toBe(50_000);
    // Known keys keep their position; nothing new is handed out.
    expect(index.of(keys[123])).toBe(123);
    expect(index.count).toBe(50_000);
    expect(keys.every((key, i) => index.find(key) === i)).toBe(true);
    expect(index.find('U9999999')).toBe(-1);
    expect(unpacked(index.packed())).toEqual(keys);
  });

  it('tells apart keys that differ only in length, case or non-ASCII characters', () => {
    const index = new StringIndex();
    const keys = ['', 'a', 'aa', 'A', '客户-001', '客户-002', 'é', 'e\u0301', '🦊'.repeat(200)];
    for (const key of keys) index.of(key);
    expect(index.count).toBe(keys.length);
    const packed = index.packed();
    expect(packedCount(packed)).toBe(keys.length);
    keys.forEach((key, i) => {
      expect(index.find(key)).toBe(i);
      expect(packedAt(packed, i)).toBe(key);
    });
  });
});
