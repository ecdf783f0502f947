import type { ScanContext } from '../scanner';

/**
 * Where the seller speaks: scripts, titles, product copy and the host's transcribed speech. The Advertising Law rules
 * bind the advertiser, so a viewer's comment "最好看" is not a finding; diversion and conduct rules apply to comments too.
 */
export const SELLER_CONTEXTS: readonly ScanContext[] = ['script', 'title', 'product_copy', 'transcript'];
