import type { Executor } from '../../platform/db';
import { seedDefaultCatalog } from '../catalog/catalog.service';
import { seedPlanningDefaults } from '../planning/planning.defaults';
import { seedCompliancePacks } from '../compliance/packs.defaults';
import { seedDefaultPlaybooks } from '../incidents/playbooks.defaults';

/** What every new company starts with: the planning document's positions, duties and matrix, on-air limits, checklists, compliance rule packs, emergency playbooks. */
export async function seedCompanyDefaults(db: Executor): Promise<void> {
  await seedDefaultCatalog(db);
  await seedPlanningDefaults(db);
  await seedCompliancePacks(db);
  await seedDefaultPlaybooks(db);
}
