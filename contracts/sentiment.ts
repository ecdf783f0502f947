import { z } from 'zod';

/** Issue 6: the sentiment area. */

export const sentimentErrors = {
} as const;

void z;
