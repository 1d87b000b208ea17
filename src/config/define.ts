import type { SiteConfigInput } from './schema.ts';

/**
 * Gives `site.config.ts` editor hints and type checking. It returns its argument
 * unchanged: a plain object default-export works just as well.
 *
 * @example
 * export default defineConfig({ title: 'DataFlow', metadata: { product_version: '2.4' } });
 */
export function defineConfig(config: SiteConfigInput): SiteConfigInput {
  return config;
}
