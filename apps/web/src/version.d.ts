/** Rapport's version from the root package.json, written in by Vite (vite.config.ts). */
declare const __RAPPORT_VERSION__: string;
