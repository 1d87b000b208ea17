import type { BuildOptions, BuildResult } from './options.ts';
import { BuildSession } from './session.ts';

export type { BuildOptions, BuildResult, BuildStats } from './options.ts';
export { BuildSession } from './session.ts';
export { THEME_DIR } from './theme.ts';

/** Builds a site once. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const session = new BuildSession(options);
  try {
    return await session.run();
  } finally {
    await session.close();
  }
}
