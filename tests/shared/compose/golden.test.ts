import { describe, expect, test } from 'vitest'
import { composeVariants, stripNumbering, type ComposeInput } from '@shared/compose'
import { extractHashtags, measure } from '@shared/platforms'
import { PASSAGES, type PassageFixture } from '../../fixtures/passages'

/**
 * Suggestions read the way a coach would judge them: the literal posts for the held-out
 * German passage, and the habits each platform asks for. If one of these changes, read the new
 * output before updating the expectation: would you post it unchanged?
 */
const fixture = (id: string): PassageFixture => PASSAGES.find((p) => p.id === id)!
const inputOf = (f: PassageFixture, extra: Partial<ComposeInput> = {}): ComposeInput => ({
  excerpt: f.text,
  title: f.title,
  tags: f.tags,
  language: f.language,
  blogUrl: f.blogUrl,
  ...extra,
})
const UWE = inputOf(fixture('herz-uwe'))
const HOOK = 'Tatsächlich ist Uwe nur eines: eine Social-Media-Fehlbesetzung par excellence.'
const style = (input: ComposeInput, platform: Parameters<typeof composeVariants>[1], name: string) =>
  composeVariants(input, platform).find((v) => v.style === name)!.parts

describe('the held-out German passage, as posted', () => {
  test('X thread: a hook part (title and punchline, said once), whole paragraphs, no lone last sentence, tags after the number', () => {
    expect(style(UWE, 'x', 'quote')).toEqual([
      `Herz statt Technik: So tickt ein guter Social Media Manager\n\nEinspruch! ${HOOK} 1/6`,
      'Schauen wir uns den Menschen Uwe Unsozial von der RatziFatzi GmbH genauer an: Er ist nicht der größte Menschenfreund auf dem Planeten. Er spricht lieber selbst, als dass er anderen zuhört. Kommt ihm einer blöd, bellt er sofort zurück. 2/6',
      '„Hilf dir selbst, dann hilft dir Gott“, das ist seine Devise: Deshalb hat er auch keine Lust, andere Menschen bei Problemen oder Fragen zu unterstützen. Wie sich andere Leute fühlen? Keine Ahnung, dafür interessiert sich Uwe nicht wirklich. 3/6',
      'Und was ist mit all den Fans, Followern und Abonnenten auf den Social Media Plattformen seines Arbeitgebers – Facebook, Twitter, YouTube, Xing? 4/6',
      // Before: "Je mehr Likes …" stood alone in a part of its own.
      'Uwes Meinung: Die sollen „Gefällt mir“ klicken und ansonsten die Klappe halten. Je mehr Likes er in seinem monatlichen Social-Media-Report vermerken kann, desto besser. 5/6',
      // Before: the hook opened the thread and closed it again ("Einspruch! <hook> 7/7").
      'Warum auch mehr machen? Schließlich sorgt er ja dafür, dass die RatziFatzi GmbH dreimal die Woche etwas im Social Media Universum postet. Kommentare, die nicht passen, kann man löschen. Unser Social Media Crack Uwe weiß, wie der Hase läuft – er ist zertifiziert. 6/6\n\n#SocialMedia',
    ])
  })

  test('LinkedIn teaser: the punchline, then the article and its link; "Blog" nowhere', () => {
    expect(style(UWE, 'linkedin', 'teaser')).toEqual([
      `${HOOK}\n\nMehr dazu in meinem Artikel „Herz statt Technik: So tickt ein guter Social Media Manager“: https://blog.example.de/herz-statt-technik\n\n#SocialMedia #Technik #SocialMediaManager`,
    ])
  })

  test('Instagram question: the hook line above the fold, a short passage, one question, five tags', () => {
    expect(style(UWE, 'instagram', 'question')).toEqual([
      `Einspruch! ${HOOK}\n\n` +
        'Schauen wir uns den Menschen Uwe Unsozial von der RatziFatzi GmbH genauer an: Er ist nicht der größte Menschenfreund auf dem Planeten. Er spricht lieber selbst, als dass er anderen zuhört. Kommt ihm einer blöd, bellt er sofort zurück.\n\n' +
        '„Hilf dir selbst, dann hilft dir Gott“, das ist seine Devise: Deshalb hat er auch keine Lust, andere Menschen bei Problemen oder Fragen zu unterstützen. Wie sich andere Leute fühlen? Keine Ahnung, dafür interessiert sich Uwe nicht wirklich.\n\n' +
        // Before: #Manager (a head noun; the title says "Social Media Manager") and #Unsozial (Uwe's surname).
        'Kennst du das auch?\n\n#SocialMedia #Technik #SocialMediaManager #RatziFatzi #Menschenfreund',
    ])
  })

  test('Instagram and TikTok teasers say "Link in Bio" and carry no link', () => {
    for (const platform of ['instagram', 'tiktok'] as const) {
      const [teaser] = style(UWE, platform, 'teaser')
      expect(teaser).toContain('– Link in Bio.')
      expect(teaser).not.toContain('https://')
      expect(measure(platform, teaser!).warnings).toEqual([])
    }
  })
})

describe('per-platform shaping', () => {
  test('LinkedIn opens with a short hook line and breaks long paragraphs', () => {
    const [post] = style(UWE, 'linkedin', 'quote')
    const [first] = post!.split('\n\n')
    expect(first).toBe(`Einspruch! ${HOOK}`)
    // The hook is not repeated further down.
    expect(post!.split(HOOK)).toHaveLength(2)
    for (const paragraph of post!.split('\n\n')) expect(paragraph.length, paragraph).toBeLessThanOrEqual(400)
  })

  test('Facebook keeps the key sentence before "See more"', () => {
    const [post] = style(UWE, 'facebook', 'quote')
    expect(post!.indexOf(HOOK)).toBeLessThan(480 - HOOK.length)
  })

  test('X prefers the shortest strong post: the hook and the question, nothing more', () => {
    const [x] = style(UWE, 'x', 'question')
    const [mastodon] = style(UWE, 'mastodon', 'question')
    expect(x!.startsWith(`${HOOK}\n\n`)).toBe(true)
    expect(x!.length).toBeLessThan(mastodon!.length)
  })

  test('Mastodon: CamelCase tags; no platform tagged with its own name (or its family’s)', () => {
    const tagged = inputOf(fixture('herz-uwe'), { tags: ['social media', 'Instagram', 'Mastodon'] })
    expect(extractHashtags(style(tagged, 'mastodon', 'quote').at(-1)!)).toEqual(['SocialMedia', 'Technik', 'Instagram'])
    for (const platform of ['instagram', 'facebook', 'threads'] as const) {
      const tags = extractHashtags(style(tagged, platform, 'quote').at(-1)!)
      expect(tags.map((t) => t.toLowerCase()), platform).not.toContain('instagram')
    }
    // Platforms the passage merely lists ("Facebook, Twitter, YouTube, Xing") are no tags.
    expect(extractHashtags(style(UWE, 'instagram', 'quote')[0]!)).not.toContain('YouTube')
  })
})

describe('questions', () => {
  test('a passage that ends with a question gets no second one', () => {
    const input = inputOf(fixture('de-frage-am-ende'))
    for (const platform of ['mastodon', 'linkedin', 'facebook'] as const) {
      const [post] = style(input, platform, 'question')
      const body = post!.replace(/\n\n#[^\n]*$/u, '')
      expect(body.endsWith('Wie lange hältst du eine Pause aus, bevor du sie füllst?'), platform).toBe(true)
      expect(body.match(/\?/gu)).toHaveLength(1)
    }
  })

  test('varied by the passage: different passages, different questions', () => {
    const asked = new Set(
      PASSAGES.filter((p) => p.language === 'de').map((p) => style(inputOf(p), 'mastodon', 'question')[0]!.replace(/\n\n#[^\n]*$/u, '').split('\n\n').at(-1)),
    )
    expect(asked.size).toBeGreaterThan(2)
  })

  test('the author’s own questions and calls to action, used in turn', () => {
    const own = { ownQuestions: ['Was meinst du dazu?', 'Wie machst du das?'], ownCallsToAction: ['Schreib mir eine Nachricht.'] }
    const ask = (rotation: number) => style({ ...UWE, ...own, rotation }, 'linkedin', 'question')[0]!.split('\n\n').at(-2)
    expect([ask(0), ask(1), ask(2)]).toEqual(['Was meinst du dazu?', 'Wie machst du das?', 'Was meinst du dazu?'])
    expect(style({ ...UWE, ...own }, 'linkedin', 'teaser')[0]).toContain(`${HOOK}\n\nSchreib mir eine Nachricht.\n\nMehr dazu`)
  })
})

describe('threads', () => {
  test('each heading opens a part; list items never open one with a dash', () => {
    const parts = style(inputOf(fixture('de-lang-ueberschriften')), 'x', 'quote').map((p) => stripNumbering(p.replace(/\n\n#[^\n]*$/u, ''), '1/4'))
    for (const heading of ['Was stattdessen hilft', 'Der erste Schritt']) {
      expect(parts.some((p) => p.startsWith(`${heading}\n\n`)), heading).toBe(true)
    }
    const list = style(inputOf(fixture('de-liste-abkuerzungen')), 'x', 'quote')
    expect(list.join('\n')).toContain('• Was erhofft sich mein Gegenüber wirklich?')
    for (const part of list) expect(part).not.toMatch(/^[-–—]/u)
  })

  test('abbreviations and „German quotes“ stay inside their sentence', () => {
    const parts = style(inputOf(fixture('de-liste-abkuerzungen')), 'bluesky', 'quote')
    const text = parts.join('\n')
    expect(text).toContain('kläre ich ca. 15 Minuten lang')
    expect(text).toContain('verändert aber z. B. die ganze')
    expect(text).toContain('„Sie waren die Erste, die mich gefragt hat, was ich eigentlich will.“')
  })
})
