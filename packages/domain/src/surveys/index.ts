/**
 * Survey rules, imported as '@linli/domain/surveys' rather than from the package root, so the
 * mini-program's main package (which imports the root) does not carry them: only the surveys
 * subpackage and the server do.
 */
export * from './templates';
export * from './sampling';
export * from './scoring';
export * from './round-state-machine';
export * from './answering';
