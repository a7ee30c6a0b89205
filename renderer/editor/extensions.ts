import { Extension, type AnyExtension, type Editor } from '@tiptap/core'
import FileHandler from '@tiptap/extension-file-handler'
import { Focus, Placeholder } from '@tiptap/extensions'
import StarterKit from '@tiptap/starter-kit'
import { ALLOWED_IMAGE_TYPES, type Language } from '@shared/domain'
import { KEYMAP, toTiptapKey } from '@shared/keymap'
import { PassageMark } from '../posts/passageMark'
import { AssetImage } from './assetImage'
import { DocumentEnds } from './documentEnds'
import { ReactCommitWalk } from './reactCommitWalk'
import { TypedText } from './typedText'
import { typographyFor } from './typography'

/** Links may only point to the web or an e-mail address (no javascript:, file:, data: ...). */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const

export function isAllowedLink(href: string): boolean {
  try {
    const url = new URL(href)
    return (LINK_PROTOCOLS as readonly string[]).includes(url.protocol.slice(0, -1))
  } catch {
    return false
  }
}

export interface EditorExtensionOptions {
  language: Language
  placeholder: string | (() => string)
  resolveAsset(id: string): Promise<string>
  imageLabels: { notStored: string; broken: string }
  /** Images pasted or dropped into the text; `pos` is where they were dropped (null: at the cursor). */
  onImageFiles?(editor: Editor, files: File[], pos: number | null): void
  /** Mod-K: the app opens its link dialog. */
  onLinkShortcut?(): void
  /** Extra extensions (the posts feature's editor actions plug in here). */
  extra?: AnyExtension[]
}

/**
 * The one list of editor extensions, shared by the writing editor and the read-only
 * revision preview, so both read a document the same way.
 */
export function editorExtensions(options: EditorExtensionOptions): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        isAllowedUri: (url, ctx) => ctx.defaultValidate(url) && isAllowedLink(absoluteForCheck(url)),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    Placeholder.configure({ placeholder: options.placeholder }),
    typographyFor(options.language),
    AssetImage.configure({
      inline: false,
      allowBase64: false,
      resize: false,
      resolveAsset: options.resolveAsset,
      notStoredLabel: options.imageLabels.notStored,
      brokenLabel: options.imageLabels.broken,
    }),
    FileHandler.configure({
      allowedMimeTypes: [...ALLOWED_IMAGE_TYPES],
      consumePasteEvent: true,
      onPaste: (editor, files) => options.onImageFiles?.(editor, files, null),
      onDrop: (editor, files, pos) => options.onImageFiles?.(editor, files, pos),
    }),
    // Ties a passage to its saved posts; in the shared list so revision previews keep it too.
    PassageMark,
    // Typed characters go in through ProseMirror, not the browser's editing (speed; see the file).
    TypedText,
    // React's commits do not walk the whole text (see the file).
    ReactCommitWalk,
    // Ctrl+Home/End through ProseMirror: the browser's stops short over skipped off-screen blocks.
    DocumentEnds,
    // Focus mode dims every top-level block except the one holding the cursor.
    Focus.configure({ className: 'has-focus', mode: 'shallowest' }),
    Extension.create({
      name: 'longhandShortcuts',
      addKeyboardShortcuts() {
        return {
          [toTiptapKey(KEYMAP.link)]: () => {
            options.onLinkShortcut?.()
            return Boolean(options.onLinkShortcut)
          },
        }
      },
    }),
    ...(options.extra ?? []),
  ]
}

/** "example.com" is fine to type: Tiptap adds https:// (defaultProtocol); check it as such. */
function absoluteForCheck(url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`
}
