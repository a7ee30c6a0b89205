import type { Editor } from '@tiptap/core'
import { SpellCheck, X } from 'lucide-react'
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { DraftId, Settings, SettingsPatch } from '@shared/domain'
import { EditorContextMenu, type MenuItem } from '../../posts/EditorContextMenu'
import { proofingClient } from './client'
import { type PlacedFinding, type ProofingHandlers, type ProofingMenuRequest, proofingCounts, proofingExtension, proofingFindings, refreshProofing } from './proofingExtension'
import './proofing.css'

export interface ProofingInput {
  editor: Editor | null
  draftId: DraftId | null
  settings: Settings
  onSettings(patch: SettingsPatch): void
  focusMode: boolean
}

/**
 * Proofreading in the editor: the decorations extension, the right-click menu on a marked word
 * and the side list of style hints. The user's dictionary and the per-draft choices live in
 * settings (so they are in every backup).
 */
export function useProofing(input: ProofingInput) {
  const { editor, draftId, settings, onSettings } = input
  const { t } = useTranslation()
  const proofing = settings.proofing
  const draftKey = draftId === null ? null : String(draftId)
  const styleOn = draftKey !== null && !proofing.styleOffDrafts.includes(draftKey)
  const ignored = (draftKey !== null && proofing.ignoredByDraft[draftKey]) || []

  const handlers = useRef<ProofingHandlers>({ options: () => null, contextMenu: () => undefined })
  const [menu, setMenu] = useState<(ProofingMenuRequest & { suggestions: string[] | null }) | null>(null)
  const [panelOpen, setPanelOpen] = useState(false)
  // Each check round notifies the dock only: the workspace around the editor does not re-render.
  const rounds = useRef({ version: 0, listeners: new Set<() => void>() })

  handlers.current = {
    options: () => (!proofing.enabled ? null : { style: styleOn, maxSentenceWords: proofing.maxSentenceWords, words: proofing.words, ignored }),
    contextMenu: (request) => {
      setMenu({ ...request, suggestions: request.finding.kind === 'spelling' ? null : (request.finding.suggestions ?? []) })
      if (request.finding.kind !== 'spelling') return
      proofingClient()
        .suggest(request.word, request.language)
        .then(
          (suggestions) => setMenu((open) => (open && open.finding.from === request.finding.from ? { ...open, suggestions } : open)),
          () => setMenu((open) => (open ? { ...open, suggestions: [] } : open)),
        )
    },
    changed: () => {
      rounds.current.version++
      for (const listener of rounds.current.listeners) listener()
    },
  }

  const extensions = useMemo(() => [proofingExtension(proofingClient(), handlers)], [])

  // Settings or the draft changed (a word added, style switched): check again with the new options.
  const optionsKey = JSON.stringify([proofing.enabled, styleOn, proofing.maxSentenceWords, proofing.words, ignored])
  useEffect(() => {
    if (editor && !editor.isDestroyed) refreshProofing(editor.view)
  }, [editor, optionsKey])

  // The app shows the change at once and reports a failed save itself (App.tsx).
  const updateProofing = (patch: Partial<Settings['proofing']>) => onSettings({ proofing: { ...proofing, ...patch } })

  const replace = (finding: PlacedFinding, text: string) => {
    if (!editor || editor.isDestroyed) return
    editor.chain().focus().insertContentAt({ from: finding.from, to: finding.to }, text).run()
  }

  const menuItems: MenuItem[] = menu
    ? [
        ...(menu.suggestions === null
          ? [{ id: 'loading', label: t('proofing.loadingSuggestions'), run: () => undefined }]
          : menu.suggestions.length === 0 && menu.finding.kind === 'spelling'
            ? [{ id: 'none', label: t('proofing.noSuggestions'), run: () => undefined }]
            : menu.suggestions.map((s, i) => ({
                id: `suggestion-${i}`,
                label: menu.finding.kind === 'spelling' ? s : t('proofing.replaceWith', { text: s === ' ' ? '␣' : s }),
                run: () => replace(menu.finding, s),
              }))),
        ...(menu.finding.kind === 'spelling'
          ? [
              {
                id: 'add-word',
                label: t('proofing.addToDictionary', { word: menu.word }),
                run: () => updateProofing({ words: [...new Set([...proofing.words, menu.word])] }),
              },
              {
                id: 'ignore-word',
                label: t('proofing.ignoreInDraft'),
                run: () => draftKey !== null && updateProofing({ ignoredByDraft: { ...proofing.ignoredByDraft, [draftKey]: [...new Set([...ignored, menu.word])] } }),
              },
            ]
          : [{ id: 'hint', label: findingLabel(t, menu.finding), run: () => undefined }]),
      ]
    : []

  const view = (
    <>
      {menu && (
        <EditorContextMenu
          at={menu}
          items={menuItems}
          onClose={(restoreFocus) => {
            setMenu(null)
            if (restoreFocus) editor?.commands.focus()
          }}
        />
      )}
      {editor && draftKey !== null && !input.focusMode && (
        <ProofingDock
          editor={editor}
          rounds={rounds.current}
          open={panelOpen}
          onOpen={setPanelOpen}
          enabled={proofing.enabled}
          styleOn={styleOn}
          maxSentenceWords={proofing.maxSentenceWords}
          onEnabled={(enabled) => updateProofing({ enabled })}
          onStyle={(on) => updateProofing({ styleOffDrafts: on ? proofing.styleOffDrafts.filter((id) => id !== draftKey) : [...proofing.styleOffDrafts, draftKey] })}
          onMaxSentenceWords={(value) => updateProofing({ maxSentenceWords: value })}
        />
      )}
    </>
  )

  const commands = [{ id: 'proofing-toggle', label: t('proofing.commandToggle'), run: () => setPanelOpen((open) => !open) }]

  return { extensions, view, commands }
}

type T = ReturnType<typeof useTranslation>['t']

function findingLabel(t: T, finding: PlacedFinding): string {
  return t(`proofing.findings.${finding.message}` as 'proofing.findings.spelling', finding.params ?? {})
}

function excerpt(editor: Editor, finding: PlacedFinding): string {
  const text = editor.state.doc.textBetween(finding.from, Math.min(finding.to, editor.state.doc.content.size), ' ')
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}


const countsKey = ({ spelling, style }: { spelling: number; style: number }) => `${spelling}:${style}`

interface DockProps {
  editor: Editor
  rounds: { version: number; listeners: Set<() => void> }
  open: boolean
  onOpen(open: boolean): void
  enabled: boolean
  styleOn: boolean
  maxSentenceWords: number
  onEnabled(on: boolean): void
  onStyle(on: boolean): void
  onMaxSentenceWords(value: number): void
}

/** The button with the count and, opened, the panel with the switches and the style hints. */
function ProofingDock({ editor, rounds, open, onOpen, enabled, styleOn, maxSentenceWords, onEnabled, onStyle, onMaxSentenceWords }: DockProps) {
  const { t } = useTranslation()
  // Closed, the dock shows the counts only: a check round that leaves them as they were re-renders nothing.
  useSyncExternalStore(
    (listener) => {
      rounds.listeners.add(listener)
      return () => rounds.listeners.delete(listener)
    },
    () => (open ? rounds.version : editor.isDestroyed ? '' : countsKey(proofingCounts(editor.view))),
  )
  const counts = editor.isDestroyed ? { spelling: 0, style: 0 } : proofingCounts(editor.view)
  const styleFindings = open && !editor.isDestroyed ? proofingFindings(editor.view).filter((f) => f.kind !== 'spelling') : []
  return (
    <div className="proofing-dock">
      {open ? (
        <section className="proofing-panel" aria-label={t('proofing.panelLabel')}>
          <header>
            <strong>{t('proofing.panelLabel')}</strong>
            <span className="muted">{t('proofing.spellingCount', { count: counts.spelling })}</span>
            <button type="button" className="icon-button" aria-label={t('proofing.close')} onClick={() => onOpen(false)}>
              <X size={16} aria-hidden />
            </button>
          </header>
          <label className="proofing-row">
            <input type="checkbox" checked={enabled} onChange={(e) => onEnabled(e.target.checked)} />
            {t('proofing.enabled')}
          </label>
          <label className="proofing-row">
            <input type="checkbox" checked={styleOn} onChange={(e) => onStyle(e.target.checked)} />
            {t('proofing.styleSwitch')}
          </label>
          <label className="proofing-row">
            {t('proofing.maxSentenceWords')}
            <input
              type="number"
              min={5}
              max={200}
              value={maxSentenceWords}
              onChange={(e) => {
                const value = Number(e.target.value)
                if (Number.isInteger(value) && value >= 5 && value <= 200) onMaxSentenceWords(value)
              }}
            />
          </label>
          {!styleOn ? (
            <p className="muted">{t('proofing.styleOff')}</p>
          ) : styleFindings.length === 0 ? (
            <p className="muted">{t('proofing.noStyleFindings')}</p>
          ) : (
            <ul className="proofing-list">
              {styleFindings.slice(0, 500).map((f) => (
                <li key={`${f.kind}:${f.from}`}>
                  <button type="button" className="row-button" onClick={() => editor.chain().focus().setTextSelection({ from: f.from, to: f.to }).scrollIntoView().run()}>
                    <span className={`proofing-swatch proof-${f.kind}`} aria-hidden />
                    <span>{findingLabel(t, f)}</span>
                    <span className="muted proofing-excerpt">{excerpt(editor, f)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        <button type="button" className="button proofing-open" onClick={() => onOpen(true)}>
          <SpellCheck size={16} aria-hidden /> {t('proofing.openWithCount', { count: counts.spelling + counts.style })}
        </button>
      )}
    </div>
  )
}
