import { describe, expect, it } from 'vitest'
import { describeSenderFrame, isTrustedSender } from '../../../electron/main/security/sender'
import { APP_ORIGIN } from '../../../electron/main/security/origin'

const top = (url: string) => ({ url, isMainFrame: true })

describe('isTrustedSender', () => {
  it('accepts only the top frame of our own origin', () => {
    expect(isTrustedSender(top('app://longhand/index.html'), APP_ORIGIN)).toBe(true)
    expect(isTrustedSender(top('app://LONGHAND/index.html#/drafts/1'), APP_ORIGIN)).toBe(true)
    expect(isTrustedSender({ url: 'app://longhand/index.html', isMainFrame: false }, APP_ORIGIN)).toBe(false)
  })

  it.each([
    'app://evil/index.html',
    'app://longhand.evil/index.html',
    'app://longhand:1/index.html',
    'app://evil@longhand/index.html',
    'APP2://longhand/index.html',
    'file:///index.html',
    'https://longhand/index.html',
    'http://localhost:5173/',
    'about:blank',
    'data:text/html,hi',
    'javascript:alert(1)',
    '',
  ])('rejects %j in production', (url) => {
    expect(isTrustedSender(top(url), APP_ORIGIN)).toBe(false)
  })

  it('accepts the dev server origin only when that is the expected one', () => {
    const dev = 'http://localhost:5173'
    expect(isTrustedSender(top('http://localhost:5173/index.html'), dev)).toBe(true)
    expect(isTrustedSender(top('http://localhost:5174/index.html'), dev)).toBe(false)
    expect(isTrustedSender(top('http://127.0.0.1:5173/index.html'), dev)).toBe(false)
    expect(isTrustedSender(top('app://longhand/index.html'), dev)).toBe(false)
  })

  it('rejects a missing frame (destroyed or navigated away)', () => {
    expect(isTrustedSender(null, APP_ORIGIN)).toBe(false)
    expect(isTrustedSender(undefined, APP_ORIGIN)).toBe(false)
    expect(isTrustedSender({ url: 42 as unknown as string, isMainFrame: true }, APP_ORIGIN)).toBe(false)
  })
})

describe('describeSenderFrame', () => {
  it('reads the top-frame flag from the frame parent', () => {
    expect(describeSenderFrame({ url: 'app://longhand/', parent: null })).toEqual({ url: 'app://longhand/', isMainFrame: true })
    const parent = { url: 'app://longhand/', parent: null } as never
    expect(describeSenderFrame({ url: 'app://longhand/x', parent })).toEqual({ url: 'app://longhand/x', isMainFrame: false })
    expect(describeSenderFrame(null)).toBeNull()
  })
})
