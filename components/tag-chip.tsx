import { textOn } from '../lib/util/contrast';

/** A tag's name on its colour, in whichever of white or black reads better on it. */
export function TagChip({ name, color }: { name: string; color: string }) {
  return (
    <span className="chip" style={{ background: color, color: textOn(color) }}>
      {name}
    </span>
  );
}
