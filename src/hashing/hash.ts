import { createHash } from 'node:crypto';

/**
 * A hash of several strings, unambiguous about where one ends and the next begins: cache
 * keys and fingerprints, where a collision would reuse the wrong page.
 */
export function hashOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * The fastest hash that tells two contents apart, for integrity and identity checks
 * (a damaged cache entry, an output file written from other bytes), never for security.
 */
export function quickDigest(content: string | Uint8Array): string {
  return createHash('md5').update(content).digest('hex');
}
