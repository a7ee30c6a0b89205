export { splitSentences } from './sentences'
export { splitThread, stripNumbering, numberingSuffix, type SplitThreadOptions } from './split-thread'
export {
  suggestHashtags,
  rankHashtags,
  libraryTermCandidates,
  toHashtag,
  type SuggestHashtagsOptions,
  type HashtagTerm,
  type LibraryTermStats,
} from './hashtags'
export { STOPWORDS, isStopword, detectLanguage } from './stopwords'
export { STOPWORDS_ISO_VERSION } from './stopwords-iso'
export { pickHook, isHeading, normalizeMarkup, breakBeforeHeadings } from './passage'
export { shapeOf, type PostShape } from './shapes'
export { composeVariants, composeAllVariants, libraryTermsFor, VARIANT_STYLES, type ComposeInput, type Variant, type VariantStyle } from './variants'
export { WORDING, questionsFor, type Wording } from './wording'
export { cleanPassage, removeRefusedCharacters } from './clean'
