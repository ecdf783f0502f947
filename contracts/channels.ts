import { z } from 'zod';

/** Issue 6: the channels area. */

export const channelsErrors = {
} as const;

void z;
