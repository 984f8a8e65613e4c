/** Whether a path is one of the reporter pages, which ReporterApp serves instead of the app. */
export const isReporterPath = (path: string) => /^\/report(\/|$)/.test(path);
