import { z } from 'zod';

/** Issue 6: the alerts area. */

export const alertsErrors = {
} as const;

void z;
