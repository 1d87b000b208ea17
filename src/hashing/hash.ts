import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

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

/**
 * A checksum that catches a damaged or cut-short cache entry (CRC-32, as zip and PNG use
 * for the same job): about a quarter of md5's time on a page's 40 KB, which a warm
 * rebuild pays for every page it reads back. Not for telling contents apart.
 */
export function integrityChecksum(content: string): string {
  return crc32(content).toString(16).padStart(8, '0');
}
