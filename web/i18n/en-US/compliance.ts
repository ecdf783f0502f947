/** Rule packs, the rule editor and the try-it box (English). */
export const compliance = {
  'nav.groupCompliance': 'Compliance',
  'nav.compliance': 'Rule packs',
} satisfies Record<string, string>;
