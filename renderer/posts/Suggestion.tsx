import { Save } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VARIANT_STYLES, type VariantStyle } from '@shared/compose'
import { profileOf, type PlatformSettings } from '@shared/platforms'
import { focusNewSavedPost, savedPostIds } from './keepFocus'
import { CopyOpenButtons, CopyPartButton } from './PostActions'
import { PlatformName, PostCard } from './PostCard'
import { currentParts, partsToSave, type SuggestionGroup } from './suggestionGroups'

/** One platform's suggestion: the kinds of post it can be, the editable card, and Save. */
export function Suggestion({
  initial,
  settings,
  lang,
  onChange,
  onSave,
  fixedStyle = false,
}: {
  /** The composer's suggestion, or the author's edit of it from earlier. */
  initial: SuggestionGroup
  settings: PlatformSettings
  lang?: string
  onChange(next: SuggestionGroup): void
  onSave(group: SuggestionGroup): Promise<boolean>
  /** One style of a platform, shown beside the others: no style switch, the style named instead. */
  fixedStyle?: boolean
}) {
  const { t } = useTranslation()
  const [saving, setSaving] = useState(false)
  // The card owns its text while the author types: only it re-renders on a keystroke.
  const [group, setGroup] = useState(initial)
  const change = (next: SuggestionGroup) => {
    setGroup(next)
    onChange(next)
  }
  const parts = currentParts(group)
  const name = profileOf(group.platform).name
  const styles = VARIANT_STYLES.filter((style) => group.variants.some((v) => v.style === style) || group.edited[style])
  const savable = partsToSave(parts).length > 0

  return (
    <section
      className="suggestion"
      aria-label={
        fixedStyle ? t('posts.layout.styleLabel', { style: t(`posts.style.${group.style}`), platform: name }) : t('posts.card.suggestionLabel', { platform: name })
      }
    >
      <header className="suggestion-head">
        {fixedStyle ? <span className="suggestion-style">{t(`posts.style.${group.style}`)}</span> : <PlatformName platform={group.platform} />}
        {!fixedStyle && styles.length > 1 && (
          <div className="segmented" role="radiogroup" aria-label={t('posts.style.label', { platform: name })}>
            {styles.map((style: VariantStyle) => (
              <label key={style} className={`segmented-option${group.style === style ? ' is-checked' : ''}`}>
                <input type="radio" name={`style-${group.platform}`} value={style} checked={group.style === style} onChange={() => change({ ...group, style })} />
                {t(`posts.style.${style}`)}
              </label>
            ))}
          </div>
        )}
      </header>
      {group.variants.length === 0 && !group.edited[group.style] && <p className="muted post-hint">{t('posts.noSuggestion', { platform: name })}</p>}
      <PostCard
        platform={group.platform}
        parts={parts}
        settings={settings}
        lang={lang}
        showPlatform={false}
        onChange={(next) => change({ ...group, edited: { ...group.edited, [group.style]: next.length > 0 ? next : [''] } })}
        partActions={parts.length > 1 ? (index) => <CopyPartButton text={parts[index] ?? ''} index={index} /> : undefined}
        actions={
          <>
            <CopyOpenButtons platform={group.platform} parts={partsToSave(parts)} settings={settings} />
            <button
              type="button"
              className="button button-small button-primary"
              disabled={!savable || saving}
              onClick={(e) => {
                setSaving(true)
                // The pane, not the button: saving may take this card off the screen.
                const pane = e.currentTarget.closest('.posts-pane')
                const before = savedPostIds(pane)
                void onSave({ ...group, edited: { ...group.edited, [group.style]: parts } })
                  .then((saved) => saved && focusNewSavedPost(pane, before))
                  .finally(() => setSaving(false))
              }}
            >
              <Save size={14} aria-hidden />
              {saving ? t('posts.actions.saving') : t('posts.actions.save')}
            </button>
          </>
        }
      />
    </section>
  )
}
