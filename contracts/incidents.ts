import { z } from 'zod';

/** Issue 6: the incidents area. */

export const incidentsErrors = {
} as const;

void z;
