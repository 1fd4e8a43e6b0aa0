// Placing a label where no curve runs through it: candidate spots are tried in order and the first
// one that every polyline misses wins, so the sweep's capacity label does not sit on a marker.

export type Point = [number, number];

/** Where a left-aligned label starts: x, and y of its baseline. */
export interface Spot {
  x: number;
  y: number;
}

// Room kept clear around the label: a marker ring is 7 px in radius.
const MARGIN = 6;

/** True when the polyline passes through the box, checked every 3 px along each segment. */
export function crosses(curve: Point[], x0: number, x1: number, y0: number, y1: number): boolean {
  for (let k = 0; k < curve.length; k++) {
    const [ax, ay] = curve[Math.max(0, k - 1)];
    const [bx, by] = curve[k];
    const steps = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / 3));
    for (let j = 0; j <= steps; j++) {
      const px = ax + ((bx - ax) * j) / steps;
      const py = ay + ((by - ay) * j) / steps;
      if (px >= x0 - MARGIN && px <= x1 + MARGIN && py >= y0 - MARGIN && py <= y1 + MARGIN) return true;
    }
  }
  return false;
}

/**
 * The first spot whose `width` × 14 px label box (12 px text) no curve crosses; failing that, the first
 * that at least keeps off the markers (a label over a line still reads through its halo); else the first.
 */
export function freeSpot(spots: Spot[], width: number, curves: Point[][]): Spot {
  const misses = (s: Spot, paths: Point[][]) => !paths.some((c) => crosses(c, s.x, s.x + width, s.y - 11, s.y + 3));
  const markers = curves.flat().map((p) => [p]);
  return spots.find((s) => misses(s, curves)) ?? spots.find((s) => misses(s, markers)) ?? spots[0];
}
