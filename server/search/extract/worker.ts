// Worker thread entry: extracts text from files so PDF parsing and unzipping never hold the server's event loop.
import { parentPort } from 'node:worker_threads';
import { extractText } from './formats';

type Job = { id: number; bytes: Uint8Array; name: string; mime: string };

parentPort?.on('message', (job: Job) => {
	void extractText(job.bytes, job.name, job.mime).then((result) => parentPort!.postMessage({ id: job.id, ...result }));
});
