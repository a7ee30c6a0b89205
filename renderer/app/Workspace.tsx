import type { Editor } from '@tiptap/core'
import { PanelLeftOpen } from 'lucide-react'
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Draft, type Language, type Settings, type SettingsPatch } from '@shared/domain'
import { useApi } from '../api/context'
import { bodyStats } from '../editor/bodyStats'
import { EditorPane } from '../editor/EditorPane'
import { SaveRegistry } from '../editor/saveRegistry'
import { LibraryPane } from '../library/LibraryPane'
import { useLibrary } from '../library/useLibrary'
import { useSearch } from '../library/useSearch'
import { loadPasteConverters } from '../transfer/paste'
import { useTransfer } from '../transfer/useTransfer'
import { rememberOpenDraft } from './boot'
import { CommandPalette } from './CommandPalette'
import { type Command } from './commands'
import { ConfirmDialog } from './Dialog'
import { useShortcutLabel } from './keys'
import { useNotices } from './notices'
import { useDraftActions } from './useDraftActions'
import { useWindowCommands } from './useWindowCommands'
import { PaneSplitter } from './PaneSplitter'
import { useSelector } from './store'
import { LibraryDataContext, WorkspaceContext, type Workspace as WorkspaceValue, type WorkspaceActions } from './workspaceContext'
import { createWorkspaceStore, type Modal } from './workspaceStore'
import { loadComposer } from '../posts/composer'
import { usePostsFeature } from '../posts/usePostsFeature'
import { BlogLinkSettings } from '../posts/BlogLinkSettings'
import { useProofing } from '../editor/proofing/useProofing'
import { lazyNamed, whenIdle } from './lazy'

// Dialogs, the paste importers and the post composer load on first use (fetched ahead once the
// start is idle): not part of the first paint.
// Not the palette (2 kB): keys typed right after Ctrl+Shift+P must land in its field, never the text.
const SettingsDialog = lazyNamed(() => import('../settings/SettingsDialog'), 'SettingsDialog')
const AboutDialog = lazyNamed(() => import('../settings/AboutDialog'), 'AboutDialog')
const RevisionsDialog = lazyNamed(() => import('../revisions/RevisionsDialog'), 'RevisionsDialog')
/** However busy the page stays after the start, the rest of the list comes within this wait. */
const REST_OF_LIST_WAIT_MS = 1_000
const fetchLaterCode = () => [...[SettingsDialog, AboutDialog, RevisionsDialog].map((view) => view.preload()), loadPasteConverters(), loadComposer()]

export interface WorkspaceProps {
  settings: Settings
  /** The draft open last time, already loaded, so the editor does not wait for the library. */
  initialDraft?: Draft | null
  onSettings(patch: SettingsPatch): void
  /** Language of the UI (and of new drafts and the welcome draft). */
  language: Language
}

/** Library | editor | (right pane), plus the dialogs and shortcuts that span them. */
export function Workspace({
  settings,
  initialDraft = null,
  onSettings,
  language,
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
        // When the author pauses: counting a long draft's new blocks and re-rendering the
        // workspace do not belong in the time between two keystrokes.
        onBodySaved: (id, updatedAt, content) =>
          void whenIdle(() => {
            const { wordCount, preview } = bodyStats(content)
            libraryRef.current.touched(id, updatedAt, wordCount, preview)
          }),
        onTitleSaved: (summary) => libraryRef.current.apply(summary),
        onKeptOther: () => notify('warning', t('save.keptOther')),
      }),
    [api],
  )

  const flushAll = useCallback(() => registry.flushAll(), [registry])

  const [store] = useState(() =>
    createWorkspaceStore({
      selectedId: initialDraft?.id ?? null,
      outlineOpen: typeof window === 'undefined' || window.innerWidth >= 1200,
      libraryWidth: settings.panes.libraryWidth,
    }),
  )
  const selectedId = useSelector(store, (s) => s.selectedId)
  const query = useSelector(store, (s) => s.query)
  const focusMode = useSelector(store, (s) => s.focusMode)
  const outlineOpen = useSelector(store, (s) => s.outlineOpen)
  const libraryWidth = useSelector(store, (s) => s.libraryWidth)
  const modal = useSelector(store, (s) => s.modal)
  const setModal = useCallback((next: Modal | null) => store.dispatch({ type: 'modal', modal: next }), [store])
  const setFocusMode = useCallback((on: boolean) => store.dispatch({ type: 'focusMode', on }), [store])
  const reloadDraft = () => store.events.emit({ type: 'reloadDraft' })
  const [editor, setEditor] = useState<Editor | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const search = useSearch(api, query, library.active)
  const libraryOpen = settings.panes.libraryOpen && !focusMode

  // Boot: the welcome draft on first start (the backend decides) and the library.
  useEffect(() => {
    void (async () => {
      try {
        // In parallel: the welcome draft exists only on a first start, when the list is tiny
        // and loading it once more costs nothing. Only the first screen of the list: the rest
        // waits until the editor is editable and the page idle (below).
        const [{ createdId }, loaded] = await Promise.all([
          api.invoke('drafts.ensureWelcome', { language }),
          libraryRef.current.loadFirst(),
        ])
        const list = createdId === null ? loaded : await libraryRef.current.load()
        if (store.get().selectedId === null) store.dispatch({ type: 'open', id: createdId ?? list[0]?.id ?? null })
      } catch (e) {
        notify('error', t('library.loadFailed', { reason: (e as Error).message }))
      }
    })()
    // Once per start; the language is the one the UI started in.
  }, [api])

  useEffect(() => rememberOpenDraft(selectedId), [selectedId])
  // Once the list is shown (the start is over), fetch the dialogs' code while nothing happens.
  const listShown = library.active !== null
  useEffect(() => (listShown ? whenIdle(() => fetchLaterCode().forEach((loading) => void loading.catch(() => {}))) : undefined), [listShown])
  // The rest of the list (3.6 MB of JSON with 10,000 drafts, its parse and render) only once the
  // draft is editable and the page idle, so it never competes with the first screen; the
  // library asks for it at once if a filter or the end of the list needs it sooner.
  const startOver = listShown && (editor !== null || selectedId === null)
  useEffect(
    () =>
      startOver
        ? whenIdle(() => void libraryRef.current.loadRest().catch((e: Error) => notify('error', t('library.loadFailed', { reason: e.message }))), REST_OF_LIST_WAIT_MS)
        : undefined,
    [startOver],
  )

  const actions = useDraftActions(store, library, registry, language)
  const { open, newDraft, showView } = actions

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
      store.dispatch({ type: 'showAllDrafts' })
      await libraryRef.current.load()
      if (drafts[0]) open(drafts[0].id)
    },
    onReplaced: reloadDraft,
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
  const draftExtensions = useMemo(() => [...proofing.extensions, ...posts.extensions], [proofing.extensions, posts.extensions])

  const commands: Command[] = [
    { id: 'new-draft', label: t('commands.newDraft'), shortcut: shortcutLabel('newDraft'), run: () => void newDraft() },
    { id: 'search', label: t('commands.search'), shortcut: shortcutLabel('search'), run: focusSearch },
    { id: 'focus', label: focusMode ? t('commands.leaveFocusMode') : t('commands.focusMode'), run: () => setFocusMode(!focusMode) },
    { id: 'library', label: libraryOpen ? t('commands.hideLibrary') : t('commands.showLibrary'), run: toggleLibrary },
    { id: 'outline', label: outlineOpen ? t('commands.hideOutline') : t('commands.showOutline'), run: () => store.dispatch({ type: 'outline', open: !outlineOpen }) },
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

  useWindowCommands({ api, registry, store, newDraft, focusSearch, toggleLibrary })

  const paneActions: WorkspaceActions = {
    ...actions,
    open: (id) => open(id),
    newDraft: () => void newDraft(),
    restoreById: (id) => {
      const summary = library.trash?.find((d) => d.id === id)
      if (summary) void actions.restore(summary)
    },
    openToday: () => posts.commands.find((c) => c.id === 'posts-today')?.run(),
    openSettings: () => setModal({ kind: 'settings' }),
    openHistory,
    summary: library.apply,
    editorChanged: setEditor,
  }
  // Stable functions that run the latest render's actions: views that keep a callback from
  // their first render (the editor's) still act on the current library.
  const latestActions = useRef(paneActions)
  latestActions.current = paneActions
  const stableActions = useMemo(
    () =>
      Object.fromEntries(
        Object.keys(latestActions.current).map((name) => [
          name,
          (...args: unknown[]) => (latestActions.current[name as keyof WorkspaceActions] as (...a: unknown[]) => void)(...args),
        ]),
      ) as unknown as WorkspaceActions,
    [],
  )
  const workspace: WorkspaceValue = useMemo(
    () => ({ store, actions: stableActions, registry, searchRef, extensions: draftExtensions }),
    [store, stableActions, registry, draftExtensions],
  )
  const libraryData = useMemo(() => ({ library, search }), [library, search])

  return (
    <WorkspaceContext.Provider value={workspace}>
      <LibraryDataContext.Provider value={libraryData}>
        <div
          className={`workspace${focusMode ? ' focus-mode' : ''}`}
          style={{ ['--library-width' as string]: `${libraryWidth}px`, ['--right-width' as string]: `${settings.panes.postsWidth}px` }}
        >
          {libraryOpen ? (
            <>
              <LibraryPane />
              <PaneSplitter
                label={t('layout.resizeLibrary')}
                value={libraryWidth}
                min={180}
                max={600}
                onChange={(width) => store.dispatch({ type: 'libraryWidth', width })}
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
            <EditorPane initialDraft={initialDraft} />
            {/* Inside the editor pane: the dock belongs to the text and never covers the posts pane. */}
            {proofing.view}
          </main>
          {posts.view}

          {/* Nothing in its place while a dialog's code arrives: the workspace does not move. */}
          <Suspense fallback={null}>
            {modal?.kind === 'palette' && <CommandPalette commands={commands} onClose={() => setModal(null)} />}
            {modal?.kind === 'settings' && (
              <SettingsDialog settings={settings} onChange={onSettings} onClose={() => setModal(null)}>
                {posts.settingsSection}
                <BlogLinkSettings blog={settings.blog} onChange={onSettings} />
                {transfer.settingsSection}
              </SettingsDialog>
            )}
          </Suspense>
          {transfer.elements}
          <Suspense fallback={null}>
            {modal?.kind === 'about' && <AboutDialog onClose={() => setModal(null)} />}
            {modal?.kind === 'history' && (
              <RevisionsDialog
                draftId={modal.draftId}
                beforeRestore={flushAll}
                onClose={() => setModal(null)}
                onRestored={(draft) => {
                  setModal(null)
                  library.apply(draft)
                  reloadDraft()
                  notify('info', t('revisions.restored'))
                }}
              />
            )}
          </Suspense>
          {modal?.kind === 'confirm' && (
            <ConfirmDialog request={modal} onClose={() => setModal(null)} />
          )}
        </div>
      </LibraryDataContext.Provider>
    </WorkspaceContext.Provider>
  )
}

