/**
 * A render worker: holds its own engines (unified processor, Liquid, Shiki) and renders
 * the pages it is sent. Started by pool.ts; talks only through messages.
 */
import { parentPort } from 'node:worker_threads';
import { createCodeHighlighter } from '../markdown/plugins/highlight.ts';
import { createRenderEngines, type RenderEngines } from './engines.ts';
import { renderContent } from './page.ts';
import type { WorkerRequest, WorkerResponse } from './pool.ts';

const port = parentPort!;
const highlighter = createCodeHighlighter();
let engines: RenderEngines | undefined;
let setup: Extract<WorkerRequest, { type: 'setup' }> | undefined;

port.on('message', async (request: WorkerRequest) => {
  if (request.type === 'setup') {
    setup = request;
    // Engines depend on the templates alone; the highlighter lives as long as the worker.
    engines = createRenderEngines(request.templates, { highlighter: await highlighter });
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
