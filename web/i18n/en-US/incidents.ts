/** Issue 6: the incidents area (English). */
export const incidents = {
  'nav.groupRisk': 'Risk and incidents',
  'nav.incidents': 'Incidents',
} satisfies Record<string, string>;
