/**
 * Export and import of drafts: pure functions over the editor's JSON document.
 * Stable entry points: toMarkdown, toHtml, fromMarkdown (see the issue); the rest supports them.
 */
export { toMarkdown, toMarkdownBody, toMarkdownWithImages, docToMdast, IMAGE_FOLDER, MARKDOWN_STYLE } from './markdown/to-markdown'
export type { MarkdownExport, MarkdownExportOptions, MarkdownImageFile, MarkdownImageMode } from './markdown/to-markdown'
export { fromMarkdown, markdownToDoc } from './markdown/from-markdown'
export type { MarkdownImportOptions } from './markdown/from-markdown'
export { toHtml, toHtmlBody } from './html/to-html'
export type { HtmlExportOptions } from './html/to-html'
export { docToHtmlBody } from './html/body'
export { fromHtml, htmlToBlocks } from './html/from-html'
export type { HtmlImportOptions } from './html/from-html'
export type { HtmlWindow } from './html/dom'
export { PAGE_STYLESHEET } from './html/stylesheet'
export { sanitizeHtml, SANITIZE_CONFIG, ALLOWED_TAGS, ALLOWED_ATTR } from './sanitize'
export { exportMetaSchema, exportMetaFromDraft, parseExportMeta, normalizeTags, normalizeStatus, normalizeLanguage, parseDate, formatDate } from './meta'
export type { ExportMeta, ExportMetaInput, ImportedMeta } from './meta'
export { splitFrontMatter, metaFromFrontMatter, writeFrontMatter } from './front-matter'
export {
  classifyImageSrc,
  collectAssetIds,
  collectImageSources,
  dataImageUrl,
  parseDataImageUrl,
  replaceImageSources,
  mimeForPath,
  MissingAssetError,
} from './images'
export type { AssetMap, ImageData, ImageSource, ImageMime } from './images'
export type { ResolveImage } from './doc-build'
export { safeLinkHref, safeCanonicalUrl } from './urls'
export { postsToMarkdown, postsToCsv, POSTS_CSV_COLUMNS } from './posts-export'
export type { NoteForExport, PostForExport, PostsMarkdownOptions, PostsCsvOptions } from './posts-export'
export { importFile, importKindOf, decodeText, textToDoc, MAX_IMPORT_BYTES, IMPORT_EXTENSIONS } from './import-file'
export type { ImportFileInput, ImportFileOptions, ImportedDraft, ImportKind, ImportOutcome, TextEncodingName } from './import-file'
export { ImportError, ExportError, IMPORT_ERROR_CODES } from './errors'
export type { ImportErrorCode } from './errors'
export { NODE, MARK } from './schema'
export { cleanImportedDoc, enforceUrlPolicy } from './clean-doc'
export { gateEditorDoc, EDITOR_NODES, EDITOR_MARKS } from './editor-gate'
