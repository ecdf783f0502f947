import { describe, expect, it } from 'vitest';
import { droppedLevelsInUse, matrixFindings } from './catalog.rules';

describe('matrixFindings', () => {
  it.each([
    ['one R and one A: fine', [{ positionId: 'p1', dutyId: 'd', value: 'R' }, { positionId: 'p2', dutyId: 'd', value: 'A' }], []],
    ['nothing at all', [], ['no-responsible', 'no-accountable']],
    ['only C and I', [{ positionId: 'p1', dutyId: 'd', value: 'C' }, { positionId: 'p2', dutyId: 'd', value: 'I' }], ['no-responsible', 'no-accountable']],
    ['two A', [{ positionId: 'p1', dutyId: 'd', value: 'A' }, { positionId: 'p2', dutyId: 'd', value: 'A' }, { positionId: 'p3', dutyId: 'd', value: 'R' }], ['many-accountable']],
    ['A without R', [{ positionId: 'p1', dutyId: 'd', value: 'A' }], ['no-responsible']],
  ] as const)('%s', (_name, cells, kinds) => {
    expect(matrixFindings(['d'], cells).map((f) => f.kind)).toEqual(kinds);
  });

  it('judges each duty by its own cells', () => {
    const f = matrixFindings(['d1', 'd2'], [
      { positionId: 'p', dutyId: 'd1', value: 'R' },
      { positionId: 'q', dutyId: 'd1', value: 'A' },
    ]);
    expect(f).toEqual([
      { kind: 'no-responsible', dutyId: 'd2' },
      { kind: 'no-accountable', dutyId: 'd2' },
    ]);
  });
});

describe('droppedLevelsInUse', () => {
  it.each([
    [[{ code: 'junior' }, { code: 'senior' }], ['junior', null, 'senior'], []],
    [[{ code: 'junior' }], ['junior', 'senior', 'senior'], ['senior']],
    [[], [null], []],
  ])('%o with held %o → %o', (levels, held, dropped) => expect(droppedLevelsInUse(levels, held)).toEqual(dropped));
});
