import { describe, expect, it } from 'vitest'
import { menuDe } from '@shared/i18n/menu.de'
import { menuEn } from '@shared/i18n/menu.en'
import { ABOUT_PAGE_CSP, aboutPageUrl, buildAboutHtml, escapeHtml, parseLicensesFile } from '../../../../electron/main/menu/about-page'

const licenses = {
  packages: [
    { name: 'react', version: '19.3.1', license: 'MIT', text: 'MIT License\n\nCopyright (c) Meta' },
    { name: 'evil-pkg', version: '1.0.0<script>', license: '<img src=x onerror=alert(1)>', text: '</pre><script>alert(1)</script>' },
    { name: 'no-text', version: '2.0.0', license: 'ISC', text: null },
  ],
}

describe('About page', () => {
  const html = buildAboutHtml({
    strings: menuEn,
    lang: 'en',
    appVersion: '0.1.0',
    runtime: { electron: '45.4.1', chrome: '142.0.0.0', node: '22.20.0' },
    licenses,
  })

  it('shows the version, the runtime and every package with its license', () => {
    expect(html).toContain('Version 0.1.0')
    expect(html).toContain('Electron 45.4.1 · Chromium 142.0.0.0 · Node.js 22.20.0')
    expect(html).toContain('Open-source software in Longhand (3)')
    expect(html).toContain('<span class="name">react</span> <span class="version">19.3.1</span> <span class="license">MIT</span>')
    expect(html).toContain('Copyright (c) Meta')
    expect(html).toContain('<html lang="en">')
  })

  it('escapes third-party metadata: no markup from a package reaches the page', () => {
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
  })

  it('carries a no-script, no-network CSP of its own', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${ABOUT_PAGE_CSP}">`)
    expect(ABOUT_PAGE_CSP).toMatch(/default-src 'none'/)
    expect(ABOUT_PAGE_CSP).not.toMatch(/script-src/)
  })

  it('speaks German and says so when the list was not generated', () => {
    const de = buildAboutHtml({ strings: menuDe, lang: 'de', appVersion: '0.1.0', runtime: {}, licenses: null })
    expect(de).toContain('<html lang="de">')
    expect(de).toContain('Über Longhand')
    expect(de).toContain(escapeHtml(menuDe.licensesMissing))
    expect(de).not.toContain('class="runtime"')
  })

  it('round-trips as a data: URL', () => {
    const url = aboutPageUrl(html)
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true)
    expect(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8')).toBe(html)
  })

  it('accepts only a well-formed licenses file', () => {
    expect(parseLicensesFile(JSON.stringify(licenses))).toEqual(licenses)
    expect(parseLicensesFile('not json')).toBeNull()
    expect(parseLicensesFile('{"packages":[{"name":""}]}')).toBeNull()
    expect(parseLicensesFile('[]')).toBeNull()
  })
})
