import { describe, expect, it } from 'vitest';
import { rehypeAlerts } from '../../../src/markdown/plugins/alerts.ts';
import { renderWith } from './render.ts';

describe('rehypeAlerts', () => {
  it('turns each GitHub alert type into a titled callout', () => {
    for (const [marker, title] of <Array<[string, string]>>[['NOTE', 'Note'], ['TIP', 'Tip'], ['IMPORTANT', 'Important'], ['WARNING', 'Warning'], ['CAUTION', 'Caution']]) {
      expect(renderWith(`> [!${marker}]\n> Mind the **gap**.`, rehypeAlerts)).toBe(
        `<div class="callout callout-${marker.toLowerCase()}" role="note"><p class="callout-title">${title}</p>\n<p>Mind the <strong>gap</strong>.</p>\n</div>`,
      );
    }
  });
  it('keeps later paragraphs and leaves plain blockquotes alone', () => {
    expect(renderWith('> [!tip]\n> One.\n>\n> Two.', rehypeAlerts)).toBe('<div class="callout callout-tip" role="note"><p class="callout-title">Tip</p>\n<p>One.</p>\n<p>Two.</p>\n</div>');
    expect(renderWith('> Just a quote [!NOTE]', rehypeAlerts)).toBe('<blockquote>\n<p>Just a quote [!NOTE]</p>\n</blockquote>');
    expect(renderWith('> [!UNKNOWN]\n> text', rehypeAlerts)).toContain('<blockquote>');
  });
});
