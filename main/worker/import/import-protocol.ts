/** The import feature's worker operations (merged into WorkerSpec). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the import issue
export interface ImportWorkerSpec {}
