import { z } from 'zod';
import { Id, patchOf, Timestamp } from './common';

const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'lowercase letters, digits, - and _ / 仅限小写字母、数字、- 和 _' });

export const Level = z.object({
  code: Code,
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(40),
});
export type Level = z.infer<typeof Level>;

export const DEFAULT_LEVELS: Level[] = [
  { code: 'junior', nameZh: '初级', nameEn: 'Junior' },
  { code: 'intermediate', nameZh: '中级', nameEn: 'Intermediate' },
  { code: 'senior', nameZh: '高级', nameEn: 'Senior' },
  { code: 'expert', nameZh: '资深', nameEn: 'Expert' },
];

export const PositionInput = z.object({
  code: Code,
  nameZh: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(80),
  descriptionZh: z.string().trim().max(2000).default(''),
  descriptionEn: z.string().trim().max(2000).default(''),
  skills: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  selectionCriteria: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  levels: z
    .array(Level)
    .min(1)
    .max(12)
    .refine((ls) => new Set(ls.map((l) => l.code)).size === ls.length, { error: 'level codes must be unique / 级别代码不能重复' })
    .default(DEFAULT_LEVELS),
  sortOrder: z.number().int().min(0).max(10000).default(0),
});
export type PositionInput = z.infer<typeof PositionInput>;
export const PositionUpdateInput = patchOf(PositionInput);
export type PositionUpdateInput = z.infer<typeof PositionUpdateInput>;

export const PositionView = z.object({
  id: Id,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  skills: z.array(z.string()),
  selectionCriteria: z.array(z.string()),
  levels: z.array(Level),
  sortOrder: z.number(),
  headcount: z.number(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PositionView = z.infer<typeof PositionView>;

export const DutyArea = z.enum(['management', 'planning', 'execution', 'content', 'promotion', 'service', 'data', 'technical', 'sourcing']);
export type DutyArea = z.infer<typeof DutyArea>;

export const DutyInput = z.object({
  code: Code,
  nameZh: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(80),
  descriptionZh: z.string().trim().max(2000).default(''),
  descriptionEn: z.string().trim().max(2000).default(''),
  area: DutyArea,
  /** Estimated effort the duty takes per week, in hours (0–168, quarter hours allowed). */
  weeklyHours: z.number().min(0).max(168).multipleOf(0.25),
});
export type DutyInput = z.infer<typeof DutyInput>;
export const DutyUpdateInput = patchOf(DutyInput);
export type DutyUpdateInput = z.infer<typeof DutyUpdateInput>;

export const DutyView = DutyInput.extend({ id: Id, createdAt: Timestamp, updatedAt: Timestamp });
export type DutyView = z.infer<typeof DutyView>;

export const Raci = z.enum(['R', 'A', 'C', 'I']);
export type Raci = z.infer<typeof Raci>;

export const MatrixCell = z.object({ positionId: Id, dutyId: Id, value: Raci });
export type MatrixCell = z.infer<typeof MatrixCell>;

/** Set one cell; value null clears it. */
export const MatrixCellInput = z.object({ positionId: Id, dutyId: Id, value: Raci.nullable() });
export type MatrixCellInput = z.infer<typeof MatrixCellInput>;

export const MatrixFinding = z.object({
  kind: z.enum(['no-responsible', 'no-accountable', 'many-accountable']),
  dutyId: Id,
});
export type MatrixFinding = z.infer<typeof MatrixFinding>;

export const MatrixView = z.object({
  positions: z.array(PositionView),
  duties: z.array(DutyView),
  cells: z.array(MatrixCell),
  findings: z.array(MatrixFinding),
});
export type MatrixView = z.infer<typeof MatrixView>;

export const catalogErrors = {
  'position/not-found': { status: 404, zh: '找不到该岗位', en: 'Position not found' },
  'position/code-taken': { status: 409, zh: '岗位代码已存在', en: 'A position with this code already exists' },
  'position/in-use': { status: 409, zh: '仍有成员担任该岗位，无法删除', en: 'People still hold this position' },
  'position/level-in-use': { status: 409, zh: '仍有成员处于被删除的级别', en: 'People still hold a level you removed' },
  'duty/not-found': { status: 404, zh: '找不到该职责', en: 'Duty not found' },
  'duty/code-taken': { status: 409, zh: '职责代码已存在', en: 'A duty with this code already exists' },
} as const;
