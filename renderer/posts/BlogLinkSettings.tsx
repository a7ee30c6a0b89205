import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { isBlogUrlPattern, urlFromPattern, type BlogSettings } from '@shared/blog/blog-url'
import { slugify } from '@shared/blog/slug'
import type { SettingsPatch } from '@shared/domain'
import { CommittedTextField } from './CommittedTextField'

/**
 * Settings → Posts: the blog's address pattern. Drafts without their own blog link get one from
 * it (the slug of their title), which the teaser carries.
 */
export function BlogLinkSettings({ blog, onChange }: { blog: BlogSettings; onChange(patch: SettingsPatch): void }) {
  const { t } = useTranslation()
  const id = useId()
  const exampleTitle = t('blog.settings.exampleTitle')
  const hint = (text: string) => {
    const example = urlFromPattern(text.trim(), slugify(exampleTitle))
    return example ? t('blog.settings.example', { title: exampleTitle, url: example }) : t('blog.settings.patternHint')
  }
  return (
    <section className="posts-settings blog-settings" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="settings-heading">
        {t('blog.settings.heading')}
      </h3>
      <CommittedTextField
        label={t('blog.settings.pattern')}
        value={blog.urlPattern}
        type="url"
        placeholder="https://example.com/blog/{slug}"
        parse={(text) => (text.trim() === '' || isBlogUrlPattern(text.trim()) ? text.trim() : null)}
        onCommit={(urlPattern) => onChange({ blog: { urlPattern } })}
        error={t('blog.settings.patternInvalid')}
        hint={hint}
      />
    </section>
  )
}
