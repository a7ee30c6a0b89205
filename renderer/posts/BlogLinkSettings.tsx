import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isBlogUrlPattern, urlFromPattern, type BlogSettings } from '@shared/blog/blog-url'
import { slugify } from '@shared/blog/slug'
import type { SettingsPatch } from '@shared/domain'

/**
 * Settings → Posts: the blog's address pattern. Drafts without their own blog link get one from
 * it (the slug of their title), which the teaser carries.
 */
export function BlogLinkSettings({ blog, onChange }: { blog: BlogSettings; onChange(patch: SettingsPatch): void }) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState(blog.urlPattern)
  const [invalid, setInvalid] = useState(false)
  useEffect(() => setText(blog.urlPattern), [blog.urlPattern])
  const commit = () => {
    const next = text.trim()
    const ok = next === '' || isBlogUrlPattern(next)
    setInvalid(!ok)
    if (ok && next !== blog.urlPattern) onChange({ blog: { urlPattern: next } })
  }
  const exampleTitle = t('blog.settings.exampleTitle')
  const example = urlFromPattern(text.trim(), slugify(exampleTitle))
  return (
    <section className="posts-settings blog-settings" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="settings-heading">
        {t('blog.settings.heading')}
      </h3>
      <div className="field">
        <label htmlFor={id}>{t('blog.settings.pattern')}</label>
        <input
          id={id}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={text}
          placeholder="https://example.com/blog/{slug}"
          aria-invalid={invalid}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
        <span id={`${id}-hint`} className={invalid ? 'field-error' : 'field-hint'}>
          {invalid
            ? t('blog.settings.patternInvalid')
            : example && !invalid
              ? t('blog.settings.example', { title: exampleTitle, url: example })
              : t('blog.settings.patternHint')}
        </span>
      </div>
    </section>
  )
}
