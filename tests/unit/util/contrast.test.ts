import { describe, expect, it } from 'vitest';
import { INTEREST_COLORS } from '../../../lib/storage/default-interests';
import { contrastRatio, textOn } from '../../../lib/util/contrast';

describe('textOn', () => {
  it('gives the WCAG ratios of known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('picks white on dark colours and black on light ones', () => {
    expect(textOn('#1f2328')).toBe('#ffffff');
    expect(textOn('#facc15')).toBe('#000000');
    expect(textOn('#0891b2')).toBe('#000000');
  });

  it('reaches 4.5:1 on every palette colour and on a sweep of greys and hues', () => {
    const samples = [...INTEREST_COLORS];
    for (let v = 0; v < 256; v += 5) samples.push(`#${v.toString(16).padStart(2, '0').repeat(3)}`);
    for (const c of ['ff0000', '00ff00', '0000ff', 'ff00ff', '00ffff', 'ffff00', '808000', '008080'])
      samples.push(`#${c}`);
    for (const color of samples) expect(contrastRatio(color, textOn(color)), color).toBeGreaterThanOrEqual(4.5);
  });

  it('falls back to white for a colour it cannot read', () => {
    expect(textOn('teal')).toBe('#ffffff');
  });
});
