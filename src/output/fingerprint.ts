import { createHash } from 'node:crypto';

/** A fingerprint for content that has none of its own (a copied asset, the sitemap). */
export function contentFingerprint(content: string | Uint8Array): string {
  // Identity, not security: the fastest hash that tells two files apart.
  return createHash('md5').update(content).digest('hex');
}
