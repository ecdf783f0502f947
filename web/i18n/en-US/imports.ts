/** Issue 7: the imports area (English). */
export const imports = {
  'nav.imports': 'Imports',
} satisfies Record<string, string>;
