import { describe, expect, it } from 'vitest';
import { layoutWarning, TOO_FEW_RATIO } from '../../../lib/background/layout-warning';

describe('layoutWarning', () => {
  it('says nothing while a script-rendered page may still be rendering', () => {
    expect(layoutWarning(0, 30, false)).toBeUndefined();
  });

  it('warns when a settled supported page shows no papers', () => {
    expect(layoutWarning(0, undefined, true)).toBe('no-entries');
  });

  it(`warns when detection finds less than ${TOO_FEW_RATIO} of the independent estimate`, () => {
    expect(layoutWarning(10, 50, true)).toBe('too-few');
    expect(layoutWarning(25, 50, true)).toBeUndefined();
    expect(layoutWarning(50, undefined, true)).toBeUndefined();
  });
});
