import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_PROOFING_SETTINGS } from '@shared/domain'
import { checkStyle } from '@shared/proofing'
import './proofing.css'

/**
 * Style hints for a post's text (the posts pane): the same rules as in the editor. A post is a
 * few hundred characters, so the check runs right here, not in the worker.
 */
export function PostStyleHints({ text, lang }: { text: string; lang: string | undefined }) {
  const { t } = useTranslation()
  const language = lang === 'de' ? 'de' : lang === 'en' ? 'en' : null
  const findings = useMemo(
    () => (language && text.trim() ? checkStyle(text, { language, maxSentenceWords: DEFAULT_PROOFING_SETTINGS.maxSentenceWords }) : []),
    [text, language],
  )
  if (findings.length === 0) return null
  return (
    <ul className="post-style-hints" aria-label={t('proofing.panelLabel')}>
      {findings.map((f) => (
        <li key={`${f.kind}:${f.from}`}>
          <span className={`proofing-swatch proof-${f.kind}`} aria-hidden /> {t(`proofing.findings.${f.message}` as 'proofing.findings.spelling', f.params ?? {})}
        </li>
      ))}
    </ul>
  )
}
