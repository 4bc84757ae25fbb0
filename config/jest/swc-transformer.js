/**
 * Jest transformer: @swc/jest, plus two rewrites so that ESM-only packages (NestJS 12 ships pure ESM)
 * can run in Jest's CommonJS runtime on Node 20, where Jest cannot use Node's require(esm):
 * - `const require = createRequire(import.meta.url)` is dropped: CommonJS modules have `require` already;
 * - any other `import.meta.url` becomes the file URL of the module being loaded.
 * Production does not use this: there Node loads the ESM packages itself.
 */
const { createTransformer } = require('@swc/jest');

const CREATE_REQUIRE =
  /^\s*(?:const|let|var)\s+require\s*=\s*createRequire\(\s*import\.meta\.url\s*\);?\s*$/gm;
const IMPORT_META_URL = /\bimport\.meta\.url\b/g;
const FILE_URL = "require('node:url').pathToFileURL(__filename).href";

module.exports = {
  createTransformer(swcOptions) {
    const swc = createTransformer(swcOptions);
    const rewrite = (src) =>
      src.includes('import.meta')
        ? src.replace(CREATE_REQUIRE, '').replace(IMPORT_META_URL, FILE_URL)
        : src;
    return {
      ...swc,
      process(src, filename, options) {
        return swc.process(rewrite(src), filename, options);
      },
      processAsync(src, filename, options) {
        return swc.processAsync(rewrite(src), filename, options);
      },
      getCacheKey(src, filename, ...rest) {
        return swc.getCacheKey(rewrite(src), filename, ...rest);
      },
    };
  },
};
