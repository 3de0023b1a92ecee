/** A tag's name on its colour. */
export function TagChip({ name, color }: { name: string; color: string }) {
  return (
    <span className="chip" style={{ background: color }}>
      {name}
    </span>
  );
}
