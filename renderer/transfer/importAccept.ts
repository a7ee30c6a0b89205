/**
 * Extensions the importer takes, for <input accept> and for telling drops apart from images.
 * Apart from the importers, which load on first use.
 */
export const IMPORT_ACCEPT = '.md,.markdown,.html,.htm,.txt,text/markdown,text/html,text/plain'
