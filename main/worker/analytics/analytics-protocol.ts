/** The analytics feature's worker operations (merged into WorkerSpec). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the analytics issue
export interface AnalyticsWorkerSpec {}
