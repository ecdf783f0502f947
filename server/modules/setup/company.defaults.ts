import type { Executor } from '../../platform/db';
import { seedDefaultCatalog } from '../catalog/catalog.service';
import { seedPlanningDefaults } from '../planning/planning.defaults';

/** What every new company starts with: the planning document's positions, duties and matrix, on-air limits, checklists. */
export async function seedCompanyDefaults(db: Executor): Promise<void> {
  await seedDefaultCatalog(db);
  await seedPlanningDefaults(db);
}
