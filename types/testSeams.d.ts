/** True in development and test builds, false in the production bundle (esbuild `define`): test seams are compiled out. */
declare const FINDINGS_TEST_SEAMS: boolean;
