import { PNG } from 'pngjs';
import { INTEREST_COLORS } from '../../../lib/storage/default-interests';

/** How many pixels of a PNG screenshot have the given colour (within a small tolerance for antialiasing). */
export function countColorPixels(png: Buffer | Uint8Array, hex: string, tolerance = 6): number {
  const image = PNG.sync.read(Buffer.from(png));
  const target = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (
      Math.abs((image.data[i] ?? 0) - (target[0] ?? 0)) <= tolerance &&
      Math.abs((image.data[i + 1] ?? 0) - (target[1] ?? 0)) <= tolerance &&
      Math.abs((image.data[i + 2] ?? 0) - (target[2] ?? 0)) <= tolerance
    ) {
      count++;
    }
  }
  return count;
}

/** Pixels drawn in any of the interest palette's colours: 0 means no highlight at all. */
export function countTagPixels(png: Buffer | Uint8Array): number {
  return INTEREST_COLORS.reduce((sum, color) => sum + countColorPixels(png, color), 0);
}
