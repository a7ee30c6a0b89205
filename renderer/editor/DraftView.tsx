import type { Editor } from '@tiptap/core'
import { NodeSelection, Selection } from '@tiptap/pm/state'
import { EditorContent, useEditor } from '@tiptap/react'
import { Trash2 } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { wellFormed, type Draft, type EditorDoc } from '@shared/domain'
import { useApi } from '../api/context'
import { useNotices } from '../app/notices'
import { useWorkspace, useWorkspaceState } from '../app/workspaceContext'
import type { OpenFocus } from '../app/workspaceStore'
import { assetCacheFor, rejectImage, storeImage } from './assets'
import { BlogLinkField } from './BlogLinkField'
import { DraftMeta, type MetaValues } from './DraftMeta'
import { editorExtensions } from './extensions'
import { LinkDialog } from './LinkDialog'
import { Outline } from './Outline'
import { SaveIndicator } from './SaveIndicator'
import { Toolbar } from './Toolbar'
import { pasteConversion, sanitizePastedHtml } from '../transfer/paste'
import { useDocStatsStore } from './useDocStats'
import { WordCount } from './WordCount'

/** After inserting an image the caret goes after it, so the next paste adds instead of replacing it. */
function caretAfterSelectedNode(editor: Editor): void {
  const { selection, doc } = editor.state
  if (selection instanceof NodeSelection) {
    editor.view.dispatch(editor.state.tr.setSelection(Selection.near(doc.resolve(selection.to), 1)))
  }
}

/** Titles longer than this are set smaller, so a 300-character title does not fill the screen. */
const LONG_TITLE = 80

/**
 * Moves the caret to the start of the text at once. DO NOT use `commands.focus()` here: it
 * focuses in a later animation frame, so keys typed right after Enter would land in the title.
 */
function focusTextStart(editor: Editor): void {
  editor.view.dispatch(editor.state.tr.setSelection(Selection.atStart(editor.state.doc)))
  editor.view.focus()
}

export interface DraftViewProps {
  draft: Draft
  /** The draft's language changed: the parent re-creates the editor (its typography rules differ). */
  onReplace(next: Pick<Draft, 'doc' | 'title' | 'status' | 'tags' | 'language'>): void
  /** Where the caret goes when the view opens. */
  autoFocus: OpenFocus
}

/**
 * One draft in the editor. The parent gives it a React key per draft (and per reload), so
 * every draft gets a fresh Tiptap editor: one draft's undo history can never bring back
 * another's text, and its typography rules match its language.
 */
export function DraftView(props: DraftViewProps) {
  const { draft } = props
  const { store, registry, actions, extensions } = useWorkspace()
  const focusMode = useWorkspaceState((s) => s.focusMode)
  const outlineOpen = useWorkspaceState((s) => s.outlineOpen)
  const setFocusMode = (on: boolean) => store.dispatch({ type: 'focusMode', on })
  const { t, i18n } = useTranslation()
  const api = useApi()
  const { notify } = useNotices()
  const body = registry.body(draft.id)
  const title = registry.title(draft.id)
  const [titleText, setTitleText] = useState(draft.title)
  const [meta, setMeta] = useState<MetaValues>({ status: draft.status, tags: draft.tags, language: draft.language })
  const [linkDialog, setLinkDialog] = useState<{ href: string; isLink: boolean } | null>(null)
  const titleRef = useRef<HTMLTextAreaElement>(null)
  const linkShortcut = useRef<() => void>(() => undefined)
  const imageFiles = useRef<(editor: Editor, files: File[], pos: number | null) => void>(() => undefined)

  // A trashed draft can be read but not changed: restoring it is one click away.
  const inTrash = draft.trashedAt !== null
  const editor = useEditor({
    editable: !inTrash,
    shouldRerenderOnTransaction: false,
    immediatelyRender: true,
    content: draft.doc,
    extensions: [
      ...editorExtensions({
        language: draft.language,
        placeholder: () => i18n.t('editor.placeholder'),
        resolveAsset: (id) => assetCacheFor(api).resolve(id),
        imageLabels: { notStored: i18n.t('editor.imageNotStored'), broken: i18n.t('editor.imageBroken') },
        onImageFiles: (e, files, pos) => imageFiles.current(e, files, pos),
        onLinkShortcut: () => linkShortcut.current(),
      }),
      ...extensions,
      // Pasted HTML and Markdown become formatted text, through the same sanitizing importers as files.
      pasteConversion(api, (error) => notify('error', i18n.t('transfer.paste.imageFailed', { reason: String((error as Error)?.message ?? error) }))),
    ],
    editorProps: {
      attributes: { class: 'doc', 'aria-label': i18n.t('editor.textLabel'), lang: draft.language, spellcheck: 'false' },
      // Pasted HTML comes from anywhere: sanitise before ProseMirror even parses it.
      transformPastedHTML: sanitizePastedHtml,
    },
    // The document node itself (immutable): autosave sends only the blocks that changed.
    onUpdate: ({ editor: e }) => body.change(() => e.state.doc),
    onBlur: () => void registry.flushAll(),
  })

  // Register while open; on close hand the content to the registry, which saves it.
  useEffect(() => {
    // The stored body's version when the editor shows it as stored: the first save is a patch.
    registry.opened(draft.id, draft.storedBody === null ? undefined : { doc: editor.state.doc, stored: draft.doc, body: draft.storedBody })
    // Belt and braces: also capture the content if Tiptap destroys the editor first.
    const capture = () => body.detach()
    editor.on('destroy', capture)
    actions.editorChanged(editor)
    return () => {
      editor.off('destroy', capture)
      actions.editorChanged(null)
      void registry.closed(draft.id)
    }
    // Mounted once per draft view (the parent keys this component by draft).
  }, [])

  useEffect(() => {
    const rename = () => {
      titleRef.current?.focus()
      titleRef.current?.select()
    }
    if (props.autoFocus === 'title') titleRef.current?.focus()
    else if (props.autoFocus === 'text') editor.commands.focus('end')
    else if (props.autoFocus === 'rename') rename()
    // Renaming the draft already open: no new view, so the store says it as an event.
    return store.events.on((event) => event.type === 'renameDraft' && rename())
    // Only when the view opens.
  }, [])

  linkShortcut.current = () => {
    const href = editor.getAttributes('link').href
    setLinkDialog({ href: typeof href === 'string' ? href : '', isLink: editor.isActive('link') })
  }

  imageFiles.current = (e, files, pos) => {
    void (async () => {
      let at = pos
      for (const file of files) {
        const rejection = rejectImage(file)
        if (rejection) {
          notify('error', t(rejection.reason === 'type' ? 'editor.imageWrongType' : 'editor.imageTooLarge', { name: file.name }))
          continue
        }
        try {
          const src = await storeImage(api, file)
          if (e.isDestroyed) return
          const image = { type: 'image', attrs: { src, alt: file.name } }
          if (at === null) {
            e.chain().focus().insertContent(image).run()
            caretAfterSelectedNode(e)
          } else {
            e.chain().insertContentAt(at, image).run()
            at += 1
          }
        } catch (error) {
          notify('error', t('editor.imageSaveFailed', { name: file.name, reason: String((error as Error)?.message ?? error) }))
        }
      }
    })()
  }

  async function saveMeta(patch: Partial<MetaValues>) {
    const previous = meta
    setMeta({ ...meta, ...patch })
    try {
      const summary = await api.invoke('drafts.updateMeta', { id: draft.id, ...patch })
      actions.summary(summary)
      if (patch.language && patch.language !== previous.language) {
        props.onReplace({ doc: editor.getJSON() as EditorDoc, title: titleText, ...previous, ...patch })
      }
    } catch (error) {
      setMeta(previous)
      notify('error', t('meta.saveFailed', { reason: (error as Error).message }))
    }
  }

  // Figures live in a store the status line and the outline subscribe to: this view does not re-render as they change.
  const stats = useDocStatsStore(editor)
  const jumpTo = (index: number) => {
    const pos = stats.headingPosition(index)
    if (pos === null) return
    editor.chain().focus().setTextSelection(pos + 1).run()
    const dom = editor.view.nodeDOM(pos)
    if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start', behavior: 'smooth' })
  }

  return (
    <div className={`draft-view${outlineOpen && !focusMode ? ' with-outline' : ''}`}>
      {inTrash && (
        <div className="trash-banner" role="status">
          <Trash2 size={16} aria-hidden />
          <span>{t('editor.inTrash')}</span>
          <button type="button" className="button" onClick={() => actions.restoreById(draft.id)}>
            {t('library.restore')}
          </button>
        </div>
      )}
      {!focusMode && !inTrash && (
        <Toolbar
          editor={editor}
          outlineOpen={outlineOpen}
          onToggleOutline={() => store.dispatch({ type: 'outline', open: !outlineOpen })}
          onLink={() => linkShortcut.current()}
          onImages={(files) => imageFiles.current(editor, files, null)}
          onFocusMode={() => setFocusMode(true)}
          onHistory={actions.openHistory}
        />
      )}
      <div className="draft-body">
        <article className="page" lang={meta.language}>
          <textarea
            ref={titleRef}
            className="title-field"
            readOnly={inTrash}
            data-long={titleText.length > LONG_TITLE ? '' : undefined}
            rows={1}
            value={titleText}
            placeholder={t('editor.titlePlaceholder')}
            aria-label={t('editor.titleLabel')}
            maxLength={1000}
            onChange={(e) => {
              // Shown as it will be stored: a broken character (lone surrogate) becomes U+FFFD here,
              // in the field, rather than being refused by the backend later.
              const value = wellFormed(e.target.value.replace(/\r?\n/g, ' '))
              setTitleText(value)
              title.change(() => value)
            }}
            onBlur={() => void title.flush()}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || (e.key === 'ArrowDown' && e.currentTarget.selectionStart === e.currentTarget.value.length)) {
                e.preventDefault()
                focusTextStart(editor)
              }
            }}
          />
          {!focusMode && !inTrash && (
            <DraftMeta values={meta} onChange={(patch) => void saveMeta(patch)}>
              <BlogLinkField draftId={draft.id} title={titleText} initial={draft.canonicalUrl} />
            </DraftMeta>
          )}
          <EditorContent editor={editor} className="doc-host" />
        </article>
        {outlineOpen && !focusMode && <Outline stats={stats} onJump={jumpTo} />}
      </div>
      <footer className="status-line" aria-label={t('editor.statusLabel')}>
        <WordCount stats={stats} />
        <span className="spacer" />
        {focusMode && (
          <button type="button" className="link-button" onClick={() => setFocusMode(false)}>
            {t('editor.leaveFocusMode')}
          </button>
        )}
        <SaveIndicator registry={registry} />
      </footer>
      {linkDialog && (
        <LinkDialog
          initial={linkDialog.href}
          onClose={() => {
            setLinkDialog(null)
            editor.commands.focus()
          }}
          onRemove={
            linkDialog.isLink
              ? () => {
                  setLinkDialog(null)
                  editor.chain().focus().extendMarkRange('link').unsetLink().run()
                }
              : null
          }
          onApply={(href) => {
            setLinkDialog(null)
            const chain = editor.chain().focus()
            if (editor.state.selection.empty && !editor.isActive('link')) {
              chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run()
            } else {
              chain.extendMarkRange('link').setLink({ href }).run()
            }
          }}
        />
      )}
    </div>
  )
}
