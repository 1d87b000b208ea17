/** The public API: everything a site's config or a script needs. */
export { defineConfig } from './config/define.ts';
export type { SiteConfig, SiteConfigInput, NavItemInput } from './config/schema.ts';
export { build, type BuildOptions, type BuildResult } from './build/index.ts';
export { DiskWriter, MemoryWriter, type Writer } from './output/writer.ts';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.ts';
export { formatDiagnostics } from './diagnostics/report.ts';
export { renderPage, type RenderInput, type RenderedPage } from './render/page.ts';
