// A batch build worker: builds the books the main thread hands it, one at a time,
// and answers each with its result. The build's modules, parsed fonts and JIT stay
// warm from one book to the next; the main thread stops the worker when no book
// is left.

import { parentPort } from 'node:worker_threads';
import { buildItem, type WorkerReply, type WorkerRequest } from './batch.js';

if (!parentPort) throw new Error('src/build/worker.ts runs only as a worker thread of buildBatch()');
const port = parentPort;

port.on('message', (request: WorkerRequest) => {
  void buildItem(request.input, request.index, request.opts).then((result) => {
    const reply: WorkerReply = { result };
    port.postMessage(reply);
  });
});
