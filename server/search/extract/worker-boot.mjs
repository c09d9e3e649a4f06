// Starts the extraction worker through tsx, so the worker runs the same TypeScript sources as the server.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
