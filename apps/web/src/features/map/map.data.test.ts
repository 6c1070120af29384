import { describe, expect, it } from 'vitest';
import { clampScale, jitter, nearestPoint, toPoints } from './map.data';

const fields = [
  'id',
  'name',
  'influence',
  'interest',
  'targetInfluence',
  'targetInterest',
  'category',
  'quadrant',
];

describe('map points', () => {
  it('draws a stakeholder alone in its cell at the cell centre', () => {
    const [point] = toPoints({
      asOf: null,
      total: 1,
      fields,
      rows: [['a', 'A', 4, 2, null, null, 'customer', 'keep_satisfied']],
    });
    expect(point).toMatchObject({ x: 2, y: 4, influence: 4, interest: 2, quadrant: 'keep_satisfied' });
  });

  it('spreads stakeholders sharing a cell, the same way on every load, inside the cell', () => {
    const rows = ['a', 'b', 'c'].map((id) => [id, id, 3, 3, null, null, 'customer', 'manage_closely']);
    const first = toPoints({ asOf: null, total: 3, fields, rows });
    const second = toPoints({ asOf: null, total: 3, fields, rows });
    expect(first).toEqual(second);
    expect(new Set(first.map((point) => `${point.x},${point.y}`)).size).toBe(3);
    for (const point of first) {
      expect(Math.abs(point.x - 3)).toBeLessThan(0.5);
      expect(Math.abs(point.y - 3)).toBeLessThan(0.5);
    }
    expect(jitter('a', 1)).toEqual([0, 0]);
  });

  it('finds the point under the pointer and rounds a drop to the 1–5 scale', () => {
    const points = toPoints({
      asOf: null,
      total: 1,
      fields,
      rows: [['a', 'A', 1, 5, null, null, 'customer', 'keep_informed']],
    });
    const toPixel = (x: number, y: number): [number, number] => [x * 100, 600 - y * 100];
    expect(nearestPoint(points, [503, 498], toPixel)?.id).toBe('a');
    expect(nearestPoint(points, [300, 300], toPixel)).toBeNull();
    expect(clampScale(5.7)).toBe(5);
    expect(clampScale(0.2)).toBe(1);
    expect(clampScale(2.6)).toBe(3);
  });
});
