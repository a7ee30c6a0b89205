import type { AnyExtension, Editor } from '@tiptap/core'
import { PanelLeftOpen } from 'lucide-react'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppCommand } from '@shared/ipc'
import { DRAFT_PREVIEW_CHARS, type Draft, type DraftId, type DraftSummary, type Language, type Settings, type SettingsPatch } from '@shared/domain'
import { countWords, docToPlainText } from '@shared/text/words'
import { useApi } from '../api/context'
import { EditorPane } from '../editor/EditorPane'
import { SaveRegistry } from '../editor/saveRegistry'
import { LibraryPane, type LibraryView } from '../library/LibraryPane'
import { ALL_DRAFTS, type LibraryFilter } from '../library/libraryModel'
import { useLibrary } from '../library/useLibrary'
import { useSearch } from '../library/useSearch'
import { RevisionsDialog } from '../revisions/RevisionsDialog'
import { AboutDialog } from '../settings/AboutDialog'
import { SettingsDialog } from '../settings/SettingsDialog'
import { useTransfer } from '../transfer/useTransfer'
import { rememberOpenDraft } from './boot'
import { CommandPalette } from './CommandPalette'
import { type Command } from './commands'
import { ConfirmDialog } from './Dialog'
import { isShortcut, useShortcutLabel } from './keys'
import { useNotices } from './notices'
import { PaneSplitter } from './PaneSplitter'
import { usePostsFeature } from '../posts/usePostsFeature'
import { BlogLinkSettings } from '../posts/BlogLinkSettings'
import { useProofing } from '../editor/proofing/useProofing'

type Modal =
  | { kind: 'palette' }
  | { kind: 'settings' }
  | { kind: 'about' }
  | { kind: 'history'; draftId: DraftId }
  | { kind: 'confirm'; title: string; message: string; confirmLabel: string; run(): void }

export interface WorkspaceProps {
  settings: Settings
  /** The draft open last time, already loaded, so the editor does not wait for the library. */
  initialDraft?: Draft | null
  onSettings(patch: SettingsPatch): void
  /** Language of the UI (and of new drafts and the welcome draft). */
  language: Language
  /** Seam for the posts feature: a right-hand pane, given the current editor. */
  renderRightPane?(editor: Editor | null): ReactNode
  /** Seam for features that add editor extensions (the passage mark). */
  editorExtensions?: AnyExtension[]
  /** Menu commands other features handle (import, export); return true when handled. */
  onAppCommand?(command: AppCommand, context: { draftId: DraftId | null }): boolean
}

/** Library | editor | (right pane), plus the dialogs and shortcuts that span them. */
export function Workspace({
  settings,
  initialDraft = null,
  onSettings,
  language,
  renderRightPane,
  editorExtensions,
  onAppCommand,
}: WorkspaceProps) {
  const api = useApi()
  const { t } = useTranslation()
  const shortcutLabel = useShortcutLabel()
  const { notify } = useNotices()
  const library = useLibrary(api)
  const libraryRef = useRef(library)
  libraryRef.current = library

  const registry = useMemo(
    () =>
      new SaveRegistry(api, {
        onBodySaved: (id, updatedAt, doc) => {
          const text = docToPlainText(doc)
          libraryRef.current.touched(id, updatedAt, countWords(text), text.slice(0, DRAFT_PREVIEW_CHARS))
        },
        onTitleSaved: (summary) => libraryRef.current.apply(summary),
      }),
    [api],
  )

  const flushAll = useCallback(() => registry.flushAll(), [registry])

  const [selectedId, setSelectedId] = useState<DraftId | null>(initialDraft?.id ?? null)
  const [autoFocus, setAutoFocus] = useState<'title' | 'text' | null>(null)
  const [view, setView] = useState<LibraryView>('active')
  const [filter, setFilter] = useState<LibraryFilter>(ALL_DRAFTS)
  const [query, setQuery] = useState('')
  const [focusMode, setFocusMode] = useState(false)
  const [modal, setModal] = useState<Modal | null>(null)
  const [reloadToken, setReloadToken] = useState(0)
  const [renameRequest, setRenameRequest] = useState(0)
  const [outlineOpen, setOutlineOpen] = useState(() => typeof window === 'undefined' || window.innerWidth >= 1200)
  const [libraryWidth, setLibraryWidth] = useState(settings.panes.libraryWidth)
  const [editor, setEditor] = useState<Editor | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const searchRef = useRef<HTMLInputElement>(null)
  const search = useSearch(api, query, library.active)
  const libraryOpen = settings.panes.libraryOpen && !focusMode

  // "5 minutes ago" must not stay "just now" forever.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(timer)
  }, [])

  // Boot: the welcome draft on first start (the backend decides) and the library.
  useEffect(() => {
    void (async () => {
      try {
        // In parallel: the welcome draft exists only on a first start, when the list is tiny
        // and loading it once more costs nothing.
        const [{ createdId }, loaded] = await Promise.all([
          api.invoke('drafts.ensureWelcome', { language }),
          libraryRef.current.load(),
        ])
        const list = createdId === null ? loaded : await libraryRef.current.load()
        setSelectedId((current) => current ?? createdId ?? list[0]?.id ?? null)
      } catch (e) {
        notify('error', t('library.loadFailed', { reason: (e as Error).message }))
      }
    })()
    // Once per start; the language is the one the UI started in.
  }, [api])

  useEffect(() => rememberOpenDraft(selectedId), [selectedId])

  const open = useCallback((id: DraftId, focus: 'title' | 'text' | null = null) => {
    setAutoFocus(focus)
    setSelectedId(id)
  }, [])

  const fail = useCallback(
    (key: 'library.actionFailed', error: unknown) => notify('error', t(key, { reason: (error as Error).message })),
    [notify, t],
  )

  const newDraft = useCallback(async () => {
    try {
      setFocusMode(false)
      setQuery('')
      setView('active')
      setFilter((f) => (f.status === 'all' && f.tag === null ? f : ALL_DRAFTS))
      const draft = await library.create(language)
      open(draft.id, 'title')
    } catch (e) {
      fail('library.actionFailed', e)
    }
  }, [library, language, open, fail])

  const nextAfter = (list: DraftSummary[] | null, id: DraftId): DraftId | null => {
    if (!list) return null
    const index = list.findIndex((d) => d.id === id)
    return (list[index + 1] ?? list[index - 1])?.id ?? null
  }

  const actions = {
    rename: (d: DraftSummary) => {
      open(d.id)
      setRenameRequest((n) => n + 1)
    },
    duplicate: async (d: DraftSummary) => {
      try {
        await registry.flushAll()
        const copy = await library.duplicate(d.id)
        open(copy.id)
        notify('info', t('library.duplicated'))
      } catch (e) {
        fail('library.actionFailed', e)
      }
    },
    trash: async (d: DraftSummary) => {
      try {
        await registry.flushAll()
        const wasOpen = d.id === selectedId
        const next = wasOpen ? nextAfter(library.active, d.id) : null
        await library.moveToTrash(d.id)
        if (wasOpen) setSelectedId(next)
        notify('info', t('library.movedToTrash', { title: d.title.trim() || t('library.untitled') }))
      } catch (e) {
        fail('library.actionFailed', e)
      }
    },
    restore: async (d: DraftSummary) => {
      try {
        await library.restore(d.id)
        // The open view was read-only because the draft was in the trash: reopen it editable.
        if (d.id === selectedId) setReloadToken((n) => n + 1)
        notify('info', t('library.restored', { title: d.title.trim() || t('library.untitled') }))
      } catch (e) {
        fail('library.actionFailed', e)
      }
    },
    deleteForever: (d: DraftSummary) =>
      setModal({
        kind: 'confirm',
        title: t('library.deleteForeverTitle'),
        message: t('library.deleteForeverMessage', { title: d.title.trim() || t('library.untitled') }),
        confirmLabel: t('library.deleteForever'),
        run: async () => {
          try {
            await library.deleteForever(d.id)
            if (d.id === selectedId) setSelectedId(nextAfter(library.trash, d.id) ?? library.active?.[0]?.id ?? null)
          } catch (e) {
            fail('library.actionFailed', e)
          }
        },
      }),
    emptyTrash: () =>
      setModal({
        kind: 'confirm',
        title: t('library.emptyTrashTitle'),
        message: t('library.emptyTrashMessage', { count: library.trash?.length ?? 0 }),
        confirmLabel: t('library.emptyTrashAction'),
        run: async () => {
          try {
            const trashed = new Set(library.trash?.map((d) => d.id))
            await library.emptyTrash()
            if (selectedId !== null && trashed.has(selectedId)) setSelectedId(library.active?.[0]?.id ?? null)
          } catch (e) {
            fail('library.actionFailed', e)
          }
        },
      }),
  }

  const showView = (next: LibraryView) => {
    setView(next)
    if (next === 'trash') void library.loadTrash().catch((e) => fail('library.actionFailed', e))
  }

  const setPanes = (panes: Partial<Settings['panes']>) => onSettings({ panes })
  const toggleLibrary = () => {
    if (focusMode) setFocusMode(false)
    else setPanes({ libraryOpen: !settings.panes.libraryOpen })
  }
  const focusSearch = () => {
    setFocusMode(false)
    if (!settings.panes.libraryOpen) setPanes({ libraryOpen: true })
    // After React has shown the library (it may have been hidden a moment ago).
    setTimeout(() => {
      searchRef.current?.focus()
      searchRef.current?.select()
    }, 0)
  }
  const openHistory = () => selectedId !== null && setModal({ kind: 'history', draftId: selectedId })
  const current = library.active?.find((d) => d.id === selectedId) ?? null

  const transfer = useTransfer({
    selectedId,
    language,
    flushAll,
    onImported: async (drafts) => {
      setFocusMode(false)
      setQuery('')
      setView('active')
      setFilter(ALL_DRAFTS)
      await libraryRef.current.load()
      if (drafts[0]) open(drafts[0].id)
    },
    onReplaced: () => setReloadToken((n) => n + 1),
    openSettings: () => setModal({ kind: 'settings' }),
  })

  const posts = usePostsFeature({
    editor,
    draftId: selectedId,
    draft: current,
    settings,
    onSettings,
    openDraft: open,
    draftCreated: (id) => void libraryRef.current.load().then(() => open(id, 'text')),
    focusMode,
    leaveFocusMode: () => setFocusMode(false),
    registry,
  })
  const proofing = useProofing({ editor, draftId: selectedId, settings, onSettings, focusMode })
  // Proofing first: its right-click on a marked word comes before the posts menu.
  const draftExtensions = useMemo(
    () => [...(editorExtensions ?? []), ...proofing.extensions, ...posts.extensions],
    [editorExtensions, proofing.extensions, posts.extensions],
  )

  const commands: Command[] = [
    { id: 'new-draft', label: t('commands.newDraft'), shortcut: shortcutLabel('newDraft'), run: () => void newDraft() },
    { id: 'search', label: t('commands.search'), shortcut: shortcutLabel('search'), run: focusSearch },
    { id: 'focus', label: focusMode ? t('commands.leaveFocusMode') : t('commands.focusMode'), run: () => setFocusMode((f) => !f) },
    { id: 'library', label: libraryOpen ? t('commands.hideLibrary') : t('commands.showLibrary'), run: toggleLibrary },
    { id: 'outline', label: outlineOpen ? t('commands.hideOutline') : t('commands.showOutline'), run: () => setOutlineOpen((o) => !o) },
    ...(selectedId !== null ? [{ id: 'history', label: t('commands.history'), run: openHistory }] : []),
    ...(current
      ? [
          { id: 'rename', label: t('commands.rename'), run: () => actions.rename(current) },
          { id: 'duplicate', label: t('commands.duplicate'), run: () => void actions.duplicate(current) },
          { id: 'trash', label: t('commands.moveToTrash'), run: () => void actions.trash(current) },
        ]
      : []),
    { id: 'show-trash', label: t('commands.showTrash'), run: () => showView('trash') },
    ...transfer.commands,
    ...posts.commands,
    ...proofing.commands,
    { id: 'settings', label: t('commands.settings'), run: () => setModal({ kind: 'settings' }) },
    { id: 'theme-light', label: t('commands.themeLight'), keywords: 'theme', run: () => onSettings({ theme: 'light' }) },
    { id: 'theme-dark', label: t('commands.themeDark'), keywords: 'theme', run: () => onSettings({ theme: 'dark' }) },
    { id: 'theme-system', label: t('commands.themeSystem'), keywords: 'theme', run: () => onSettings({ theme: 'system' }) },
    { id: 'lang-de', label: t('commands.languageGerman'), keywords: 'language sprache', run: () => onSettings({ uiLanguage: 'de' }) },
    { id: 'lang-en', label: t('commands.languageEnglish'), keywords: 'language sprache', run: () => onSettings({ uiLanguage: 'en' }) },
    { id: 'about', label: t('commands.about'), run: () => setModal({ kind: 'about' }) },
  ]

  // Keyboard and menu commands; handlers read the latest render through a ref.
  const handlers = useRef({ newDraft, focusSearch, toggleLibrary, setModal, setFocusMode, modal, focusMode, onAppCommand, selectedId })
  handlers.current = { newDraft, focusSearch, toggleLibrary, setModal, setFocusMode, modal, focusMode, onAppCommand, selectedId }

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const h = handlers.current
      if (isShortcut(e, 'palette')) {
        e.preventDefault()
        h.setModal((m) => (m?.kind === 'palette' ? null : { kind: 'palette' }))
      } else if (isShortcut(e, 'newDraft')) {
        e.preventDefault()
        void h.newDraft()
      } else if (isShortcut(e, 'search')) {
        e.preventDefault()
        h.focusSearch()
      } else if (e.key === 'Escape' && h.focusMode && !h.modal) {
        h.setFocusMode(false)
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  // Flush points besides switching drafts: window blur, hidden tab/window, quit.
  useEffect(() => {
    const flush = () => void registry.flushAll()
    const onVisibility = () => document.visibilityState === 'hidden' && flush()
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!registry.hasUnsaved) return
      flush()
      // A browser cannot wait for the save: ask the user to stay. In Electron the main process
      // asks for a flush before closing (answered below), and a prevented unload would make
      // quitting impossible while a disk keeps failing.
      if (api.shell === 'web') e.preventDefault()
    }
    window.addEventListener('blur', flush)
    document.addEventListener('visibilitychange', onVisibility)
    window.addEventListener('beforeunload', onBeforeUnload)
    const offEvents = api.onEvent((event) => {
      const h = handlers.current
      if (event.type === 'flush') {
        // Answered even when a write failed: main must not hang on quit. The failed text stays
        // in the editor and keeps retrying while the window lives.
        void registry
          .flushAll()
          .catch(() => false)
          .then((saved) => api.invoke('app.flushed', { requestId: event.requestId, saved }))
        return
      }
      if (event.type !== 'command') return
      switch (event.command) {
        case 'new-draft':
          return void h.newDraft()
        case 'find':
          return h.focusSearch()
        case 'command-palette':
          return h.setModal({ kind: 'palette' })
        case 'toggle-focus':
          return h.setFocusMode((f) => !f)
        case 'toggle-library':
          return h.toggleLibrary()
        case 'settings':
          return h.setModal({ kind: 'settings' })
        case 'about':
          return h.setModal({ kind: 'about' })
        default:
          h.onAppCommand?.(event.command, { draftId: h.selectedId })
      }
    })
    return () => {
      window.removeEventListener('blur', flush)
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('beforeunload', onBeforeUnload)
      offEvents()
    }
  }, [api, registry])

  const rightPane = renderRightPane?.(editor) ?? null

  return (
    <div
      className={`workspace${focusMode ? ' focus-mode' : ''}`}
      style={{ ['--library-width' as string]: `${libraryWidth}px`, ['--right-width' as string]: `${settings.panes.postsWidth}px` }}
    >
      {libraryOpen ? (
        <>
          <LibraryPane
            view={view}
            onView={showView}
            active={library.active}
            trash={library.trash}
            filter={filter}
            onFilter={setFilter}
            query={query}
            onQuery={setQuery}
            search={search}
            searchRef={searchRef}
            selectedId={selectedId}
            onOpen={(id) => open(id)}
            onNew={() => void newDraft()}
            onRename={actions.rename}
            onDuplicate={(d) => void actions.duplicate(d)}
            onTrash={(d) => void actions.trash(d)}
            onRestore={(d) => void actions.restore(d)}
            onDeleteForever={actions.deleteForever}
            onEmptyTrash={actions.emptyTrash}
            onToday={() => posts.commands.find((c) => c.id === 'posts-today')?.run()}
            onSettings={() => setModal({ kind: 'settings' })}
            now={now}
          />
          <PaneSplitter
            label={t('layout.resizeLibrary')}
            value={libraryWidth}
            min={180}
            max={600}
            onChange={setLibraryWidth}
            onCommit={(width) => setPanes({ libraryWidth: width })}
          />
        </>
      ) : (
        !focusMode && (
          <div className="collapsed-rail">
            <button type="button" className="icon-button" aria-label={t('commands.showLibrary')} title={t('commands.showLibrary')} onClick={toggleLibrary}>
              <PanelLeftOpen size={18} aria-hidden />
            </button>
          </div>
        )
      )}
      <main className="editor-pane" aria-label={t('layout.editor')}>
        <EditorPane
          draftId={selectedId}
          initialDraft={initialDraft}
          reloadToken={reloadToken}
          registry={registry}
          focusMode={focusMode}
          onFocusMode={setFocusMode}
          onHistory={openHistory}
          onSummary={library.apply}
          onNewDraft={() => void newDraft()}
          autoFocus={autoFocus}
          renameRequest={renameRequest}
          outlineOpen={outlineOpen}
          onOutlineOpen={setOutlineOpen}
          extraExtensions={draftExtensions}
          onEditor={setEditor}
          onRestore={(id) => {
            const summary = library.trash?.find((d) => d.id === id)
            if (summary) void actions.restore(summary)
          }}
        />
        {/* Inside the editor pane: the dock belongs to the text and never covers the posts pane. */}
        {proofing.view}
      </main>
      {rightPane && !focusMode && <aside className="right-pane">{rightPane}</aside>}
      {posts.view}

      {modal?.kind === 'palette' && <CommandPalette commands={commands} onClose={() => setModal(null)} />}
      {modal?.kind === 'settings' && (
        <SettingsDialog settings={settings} onChange={onSettings} onClose={() => setModal(null)}>
          {posts.settingsSection}
          <BlogLinkSettings blog={settings.blog} onChange={onSettings} />
          {transfer.settingsSection}
        </SettingsDialog>
      )}
      {transfer.elements}
      {modal?.kind === 'about' && <AboutDialog onClose={() => setModal(null)} />}
      {modal?.kind === 'history' && (
        <RevisionsDialog
          draftId={modal.draftId}
          beforeRestore={flushAll}
          extraExtensions={editorExtensions}
          onClose={() => setModal(null)}
          onRestored={(draft) => {
            setModal(null)
            library.apply(draft)
            setReloadToken((n) => n + 1)
            notify('info', t('revisions.restored'))
          }}
        />
      )}
      {modal?.kind === 'confirm' && (
        <ConfirmDialog
          title={modal.title}
          message={modal.message}
          confirmLabel={modal.confirmLabel}
          onCancel={() => setModal(null)}
          onConfirm={() => {
            setModal(null)
            modal.run()
          }}
        />
      )}
    </div>
  )
}

