import { z } from 'zod';

/** Issue 7: dashboards and the weekly report. */

export const dashboardsErrors = {
} as const;

export const _dashboardsPlaceholder = z.never().optional();
