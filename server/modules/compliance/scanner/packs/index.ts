import type { RulePack } from '../scanner';
import { absoluteTermsPack } from './absolute-terms';
import { conductPack } from './conduct';
import { diversionPack } from './diversion';
import { falseAdvertisingPack } from './false-advertising';
import { medicalClaimsPack } from './medical-claims';

export { absoluteTermsPack, conductPack, diversionPack, falseAdvertisingPack, medicalClaimsPack };

/** The packs shipped by default, built from domain.md §4. */
export const DEFAULT_PACKS: readonly RulePack[] = [absoluteTermsPack, medicalClaimsPack, falseAdvertisingPack, diversionPack, conductPack];
