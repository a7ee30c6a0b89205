// Preloaded (`node -r`) into the electronegativity CLI by electronegativity.test.ts.
// The CLI fetches translation files from the internet on every start; the test suite must never
// send a request off this machine. This replaces that one module with the same i18n setup using
// the locale files the package ships, and makes any other outgoing HTTP(S) request an error.
const Module = require('node:module')
const http = require('node:http')
const https = require('node:https')
const path = require('node:path')

const pkgDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'))
const i18nFile = path.join(pkgDir, 'dist', 'locales', 'i18n.js')
const i18n = Module.createRequire(i18nFile)('i18n')

const offline = new Module(i18nFile)
offline.filename = i18nFile
offline.loaded = true
offline.exports = {
  __esModule: true,
  default: async function offlineI18n() {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: path.dirname(i18nFile),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: global,
    })
    i18n.setLocale('en-US')
  },
}
require.cache[i18nFile] = offline

for (const mod of [http, https]) {
  for (const name of ['request', 'get']) {
    mod[name] = () => {
      throw new Error('electronegativity tried to use the network; the test run is offline by design')
    }
  }
}
