import { quickDigest } from '../hashing/hash.ts';

/** A fingerprint for content that has none of its own (a copied asset, the sitemap). */
export function contentFingerprint(content: string | Uint8Array): string {
  return quickDigest(content);
}
