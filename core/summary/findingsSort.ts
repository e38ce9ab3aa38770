/** The orders of the findings list: by report (path, then span order), by first code, by area; ties keep report order. Dependency-free: the webviews import it. */
export type FindingsSort = 'report' | 'code' | 'area';
