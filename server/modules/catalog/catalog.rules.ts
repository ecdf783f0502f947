import type { MatrixCell, MatrixFinding } from '../../../contracts/catalog';

/**
 * What is wrong with the responsibility matrix, duty by duty: nobody Responsible, nobody Accountable,
 * or several Accountable (RACI wants exactly one owner per duty).
 */
export function matrixFindings(dutyIds: readonly string[], cells: readonly MatrixCell[]): MatrixFinding[] {
  const findings: MatrixFinding[] = [];
  for (const dutyId of dutyIds) {
    const row = cells.filter((c) => c.dutyId === dutyId);
    const accountable = row.filter((c) => c.value === 'A').length;
    if (!row.some((c) => c.value === 'R')) findings.push({ kind: 'no-responsible', dutyId });
    if (accountable === 0) findings.push({ kind: 'no-accountable', dutyId });
    if (accountable > 1) findings.push({ kind: 'many-accountable', dutyId });
  }
  return findings;
}

/** Level codes a new ladder drops that people still hold. */
export function droppedLevelsInUse(newLevels: readonly { code: string }[], heldLevels: readonly (string | null)[]): string[] {
  const keep = new Set(newLevels.map((l) => l.code));
  return [...new Set(heldLevels.filter((l): l is string => l !== null && !keep.has(l)))];
}
