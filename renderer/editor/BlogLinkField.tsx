import { Link2 } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { blogUrlFor } from '@shared/blog/blog-url'
import { isWebUrl, type DraftId } from '@shared/domain'
import { useApi } from '../api/context'
import { useNotices } from '../app/notices'

/**
 * The draft's blog link (stored as its canonical URL, which Markdown export and import use too).
 * Empty, it shows what the blog address pattern in Settings → Posts would give the composer.
 */
export function BlogLinkField({ draftId, title, initial }: { draftId: DraftId; title: string; initial: string }) {
  const { t } = useTranslation()
  const api = useApi()
  const { notify } = useNotices()
  const [text, setText] = useState(initial)
  const [saved, setSaved] = useState(initial)
  const [invalid, setInvalid] = useState(false)
  const [pattern, setPattern] = useState('')
  useEffect(() => {
    api.invoke('settings.get', {}).then(
      (settings) => setPattern(settings.blog.urlPattern),
      () => undefined, // without the pattern the field simply shows no derived address
    )
  }, [api])
  const derived = blogUrlFor({ title, canonicalUrl: '' }, { blog: { urlPattern: pattern } })

  const commit = () => {
    const next = text.trim()
    if (next !== '' && !isWebUrl(next)) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    setText(next)
    if (next === saved) return
    api.invoke('drafts.updateMeta', { id: draftId, canonicalUrl: next }).then(
      () => setSaved(next),
      (error: Error) => notify('error', t('blog.saveFailed', { reason: error.message })),
    )
  }
  return (
    <label className="meta-field meta-blog">
      <Link2 size={14} aria-hidden className="meta-label" />
      <input
        aria-label={t('blog.link')}
        type="url"
        inputMode="url"
        spellCheck={false}
        value={text}
        placeholder={derived ? t('blog.derived', { url: derived }) : t('blog.placeholder')}
        aria-invalid={invalid}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            commit()
          }
        }}
      />
      {invalid && (
        <span className="field-error" role="alert">
          {t('blog.invalid')}
        </span>
      )}
    </label>
  )
}
