/**
 * Which files can be imported, and how big: apart from the importers themselves, so the main
 * process can check a picked file without loading the Markdown and HTML parsers at start.
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

export type ImportKind = 'markdown' | 'html' | 'text'

export const IMPORT_EXTENSIONS: Readonly<Record<string, ImportKind>> = {
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  txt: 'text',
}

export function importKindOf(fileName: string): ImportKind | null {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase()
  return ext ? (IMPORT_EXTENSIONS[ext] ?? null) : null
}
