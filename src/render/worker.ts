/**
 * A render worker: holds its own engines (unified processor, Liquid, Shiki) and renders
 * the pages it is sent. Started by pool.ts; talks only through messages.
 */
import { parentPort } from 'node:worker_threads';
import { createCodeHighlighter } from '../markdown/plugins/highlight.ts';
import { createRenderEngines, type RenderEngines } from './engines.ts';
import { renderContent } from './page.ts';
import type { RenderSetup, WorkerRequest, WorkerResponse } from './pool.ts';

const port = parentPort!;
const highlighter = createCodeHighlighter();
let engines: RenderEngines | undefined;
let setup: RenderSetup | undefined;

port.on('message', async (request: WorkerRequest) => {
  if (request.type === 'setup') {
    // Engines depend on the templates alone (sent only when they change); the highlighter lives as long as the worker.
    const templates = request.templates ?? setup!.templates;
    if (request.templates) engines = createRenderEngines(request.templates, { highlighter: await highlighter });
    setup = { config: request.config, templates, variant: request.variant };
    port.postMessage({ type: 'ready' } satisfies WorkerResponse);
    return;
  }
  const { config, templates, variant } = setup!;
  try {
    const result = renderContent({ source: request.source, page: request.page, config, templates, variant }, engines!);
    port.postMessage({ type: 'done', id: request.id, result } satisfies WorkerResponse);
  } catch (error) {
    port.postMessage({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) } satisfies WorkerResponse);
  }
});
