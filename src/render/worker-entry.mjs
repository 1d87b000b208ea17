// Workers start from plain JavaScript: Node 20 does not apply `--import` loaders given
// in a worker's execArgv, so tsx is registered here before the TypeScript worker loads.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
