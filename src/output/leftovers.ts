import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { OUTPUT_MARKER } from './guard.ts';

/** The suffix of an old output a DiskWriter moved aside while swapping in the new one. */
export const PREVIOUS_SUFFIX = '-previous';
const LEFTOVER = /^(\d+)-\d+(-previous)?$/;

export function stagingPrefix(outDir: string): string {
  return `.${path.basename(outDir)}-staging-`;
}

/**
 * Puts right what killed builds left next to `outDir`: staging folders (and old
 * outputs moved aside) of processes that no longer run are deleted, and an old output
 * moved aside by a build that died before moving its new one in is restored. Only
 * folders named by this writer, holding its marker or nothing, are touched.
 */
export function recoverLeftovers(outDir: string): void {
  const parent = path.dirname(outDir);
  const prefix = stagingPrefix(outDir);
  let names: string[];
  try {
    names = readdirSync(parent).filter((name) => name.startsWith(prefix)).sort();
  } catch {
    return; // no parent folder yet: nothing left over
  }
  const leftovers = names.flatMap((name) => {
    const match = LEFTOVER.exec(name.slice(prefix.length));
    return match && !isRunning(Number(match[1])) ? [{ name, previous: match[2] !== undefined }] : [];
  });
  // Died mid-swap: the old output was moved aside and the new one (its staging folder) not yet moved in.
  if (!existsSync(outDir)) {
    const aside = leftovers.filter((l) => l.previous && names.includes(l.name.slice(0, -PREVIOUS_SUFFIX.length))).at(-1);
    if (aside && isOurs(path.join(parent, aside.name))) renameSync(path.join(parent, aside.name), outDir);
  }
  for (const { name } of leftovers) {
    const folder = path.join(parent, name);
    if (existsSync(folder) && isOurs(folder)) rmSync(folder, { recursive: true, force: true });
  }
}

/** Made by a DiskWriter: has the marker, or is empty (killed before writing it). */
function isOurs(folder: string): boolean {
  try {
    const entries = readdirSync(folder);
    return entries.length === 0 || entries.includes(OUTPUT_MARKER);
  } catch {
    return false;
  }
}

/** Whether a process with this id runs (this one included: its other writers are in use). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
