// Types of build.mjs for the TypeScript code that loads it (the CLI and its tests).

export declare const ROOT: string;
export declare const SERVER_OUTFILE: string;
export declare const SERVER_SOURCES: string[];
export declare const WEB_CONFIG: string;
export declare const WEB_OUTFILE: string;
export declare const WEB_SOURCES: string[];

/** True when `outputFile` is missing or older than the newest non-test file under `sources`. */
export declare function isStale(outputFile: string, sources: string[]): boolean;
/** Bundles src/cli/main.ts into dist/server/lvzhi.mjs; resolves to that path. */
export declare function buildServer(): Promise<string>;
/** Builds the web app into dist/web; resolves to that folder. Throws when it cannot. */
export declare function buildWeb(): Promise<string>;
