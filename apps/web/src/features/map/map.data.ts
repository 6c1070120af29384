import type { Quadrant } from '@rapport/contracts';

/** The compact answer of GET /stakeholders/map: one array per stakeholder, in the order of `fields`. */
export interface MapResponse {
  asOf: string | null;
  total: number;
  fields: string[];
  rows: unknown[][];
}

export interface MapPoint {
  id: string;
  name: string;
  influence: number;
  interest: number;
  targetInfluence: number | null;
  targetInterest: number | null;
  category: string;
  quadrant: Quadrant;
  /** Where it is drawn: interest and influence, spread a little when it shares its cell with others. */
  x: number;
  y: number;
}

/** A stable number in [0, 1) from a string (FNV-1a), so a point sits at the same place on every load. */
export function hashUnit(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x100000000;
}

const maxSpread = 0.38;

/** Offsets a point inside its cell; the more points share the cell, the wider they spread. */
export function jitter(id: string, sharing: number): [number, number] {
  if (sharing <= 1) return [0, 0];
  const radius = maxSpread * Math.min(1, 0.45 + sharing / 40) * Math.sqrt(hashUnit(id));
  const angle = 2 * Math.PI * hashUnit(id, 0x9747b28c);
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

export function toPoints(response: MapResponse): MapPoint[] {
  const at = (name: string) => response.fields.indexOf(name);
  const index = {
    id: at('id'),
    name: at('name'),
    influence: at('influence'),
    interest: at('interest'),
    targetInfluence: at('targetInfluence'),
    targetInterest: at('targetInterest'),
    category: at('category'),
    quadrant: at('quadrant'),
  };
  const cells = new Map<number, number>();
  for (const row of response.rows) {
    const cell = Number(row[index.influence]) * 10 + Number(row[index.interest]);
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  return response.rows.map((row) => {
    const influence = Number(row[index.influence]);
    const interest = Number(row[index.interest]);
    const id = String(row[index.id]);
    const [dx, dy] = jitter(id, cells.get(influence * 10 + interest) ?? 1);
    return {
      id,
      name: String(row[index.name] ?? ''),
      influence,
      interest,
      targetInfluence: numberOrNull(row[index.targetInfluence]),
      targetInterest: numberOrNull(row[index.targetInterest]),
      category: String(row[index.category] ?? ''),
      quadrant: row[index.quadrant] as Quadrant,
      x: interest + dx,
      y: influence + dy,
    };
  });
}

/** The point nearest to a pixel, within `radius` pixels; `toPixel` is the chart's linear scale. */
export function nearestPoint(
  points: readonly MapPoint[],
  pixel: [number, number],
  toPixel: (x: number, y: number) => [number, number],
  radius = 10,
): MapPoint | null {
  const [originX, originY] = toPixel(0, 0);
  const [unitX, unitY] = toPixel(1, 1);
  const scaleX = unitX - originX;
  const scaleY = unitY - originY;
  let best: MapPoint | null = null;
  let bestDistance = radius * radius;
  for (const point of points) {
    const dx = originX + point.x * scaleX - pixel[0];
    const dy = originY + point.y * scaleY - pixel[1];
    const distance = dx * dx + dy * dy;
    if (distance <= bestDistance) {
      best = point;
      bestDistance = distance;
    }
  }
  return best;
}

export const clampScale = (value: number) => Math.min(5, Math.max(1, Math.round(value)));
