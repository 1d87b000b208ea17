import { describe, expect, it } from 'vitest';
import { rehypeEndpoints } from '../../../src/markdown/plugins/endpoints.ts';
import { renderWith } from './render.ts';

describe('rehypeEndpoints', () => {
  it('badges the method of an endpoint in inline code', () => {
    expect(renderWith('**Endpoint:** `DELETE https://api.example.com/v1/users/{userId}`', rehypeEndpoints)).toBe(
      '<p class="endpoint"><strong>Endpoint:</strong> <span class="method method-delete">DELETE</span> <code class="endpoint-path">https://<wbr>api.example.com/<wbr>v1/<wbr>users/<wbr>{userId}</code></p>',
    );
  });
  it('badges a paragraph that is only an endpoint', () => {
    expect(renderWith('GET /v1/users', rehypeEndpoints)).toBe('<p class="endpoint"><span class="method method-get">GET</span> <code class="endpoint-path">/<wbr>v1/<wbr>users</code></p>');
  });
  it('lets a path wrap after its slashes only, keeping its text', () => {
    const html = renderWith('`GET http://example.com//a/b/`', rehypeEndpoints);
    expect(html).toContain('<code class="endpoint-path">http://<wbr>example.com//<wbr>a/<wbr>b/</code>');
    expect(html.replace(/<[^>]+>/g, '')).toBe('GET http://example.com//a/b/');
  });
  it('leaves code blocks and other inline code alone', () => {
    expect(renderWith('```\nGET /v1/users\n```', rehypeEndpoints)).toBe('<pre><code>GET /v1/users\n</code></pre>');
    expect(renderWith('Use `GET` here, and `GETTER /x`.', rehypeEndpoints)).toBe('<p>Use <code>GET</code> here, and <code>GETTER /x</code>.</p>');
  });
});
