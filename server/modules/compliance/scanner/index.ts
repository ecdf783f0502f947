/** The compliance scanner: pure, no I/O. See scanner.ts for the contract. */
export { compileScanner, createScanner } from './scanner';
export type {
  AdHocDictionary, AdHocScanner, Basis, Finding, PatternRule, ProductCategory, RulePack, ScanContext, ScanInput, Scanner, ScannerOptions, Severity, TermRule,
} from './scanner';
export { ALL_EVASION_ON, DEFAULT_LOOKALIKES, EVASION_FAMILIES, normalize, Normalizer, compileLookalikes } from './normalize';
export type { EvasionFamily, EvasionSwitches, Lookalike, NormalizedText, NormalizeOptions } from './normalize';
export { PATTERN_KINDS } from './patterns';
export type { PatternKind } from './patterns';
export { DEFAULT_PACKS } from './packs';
