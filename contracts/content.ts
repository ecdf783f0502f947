import { z } from 'zod';

/** Content review (issue 5): scripts, session titles and cover text, product copy; versions, comments, waivers. */

export const contentErrors = {
} as const;

void z;
