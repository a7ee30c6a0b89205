import { openSync, readSync, closeSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nativeModuleInfo, nativeModuleProblems } from '../../../electron/build/native-arch.mjs'

const root = resolve(__dirname, '..', '..', '..')

function head(file: string, bytes = 4096): Buffer {
  const fd = openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0))
  } finally {
    closeSync(fd)
  }
}

/**
 * The 64-byte ELF header of the better-sqlite3 build on the project's Linux x64 machine
 * (`xxd -p -l 64 node_modules/better-sqlite3/build/Release/better_sqlite3.node`), kept here so
 * the ELF cases run on the macOS and Windows CI runners too, whose builds are Mach-O and PE.
 */
const realModule = Buffer.from(
  '7f454c4602010103000000000000000003003e00010000000000000000000000400000000000000000e72000000000000000000040003800090040001d001c00',
  'hex',
)
/** This machine's own build of it, whatever the OS. */
const installedModule = head(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))

function withElfMachine(elf: Buffer, machine: number): Buffer {
  const copy = Buffer.from(elf)
  copy.writeUInt16LE(machine, 18)
  return copy
}

function machO(cpu: number, { bits = 64 } = {}): Buffer {
  const header = Buffer.alloc(32)
  header.writeUInt32LE(bits === 64 ? 0xfeedfacf : 0xfeedface, 0) // on disk: cf fa ed fe (little-endian)
  header.writeUInt32LE(cpu, 4)
  header.writeUInt32LE(0x6, 12) // MH_DYLIB
  return header
}

function fat(cpus: number[], { wide = false } = {}): Buffer {
  const entry = wide ? 32 : 20
  const header = Buffer.alloc(8 + cpus.length * entry)
  header.writeUInt32BE(wide ? 0xcafebabf : 0xcafebabe, 0)
  header.writeUInt32BE(cpus.length, 4)
  cpus.forEach((cpu, i) => header.writeUInt32BE(cpu, 8 + i * entry))
  return header
}

function pe(machine: number, lfanew = 0x80): Buffer {
  const header = Buffer.alloc(lfanew + 24)
  header.write('MZ', 0, 'latin1')
  header.writeUInt32LE(lfanew, 0x3c)
  header.write('PE\0\0', lfanew, 'latin1')
  header.writeUInt16LE(machine, lfanew + 4)
  return header
}

const X64 = 0x01000007
const ARM64 = 0x0100000c

describe('native module CPU type', () => {
  it('reads the real better-sqlite3 build of a Linux x64 machine as an x64 ELF', () => {
    expect(nativeModuleInfo(realModule)).toEqual({ format: 'elf', platform: 'linux', archs: ['x64'] })
    expect(nativeModuleProblems(realModule, { platform: 'linux', arch: 'x64' })).toEqual([])
  })

  it('reads the better-sqlite3 installed here as built for this OS and CPU (ELF, Mach-O or PE)', () => {
    expect(nativeModuleInfo(installedModule)).toMatchObject({ platform: process.platform, archs: expect.arrayContaining([process.arch]) })
    expect(nativeModuleProblems(installedModule, { platform: process.platform, arch: process.arch })).toEqual([])
    if (process.platform === 'linux' && process.arch === 'x64') expect(installedModule.subarray(0, 20)).toEqual(realModule.subarray(0, 20))
  })

  it('tells an arm64 ELF from an x64 one although the magic bytes are the same', () => {
    const arm = withElfMachine(realModule, 183)
    expect(arm.subarray(0, 4)).toEqual(realModule.subarray(0, 4))
    expect(nativeModuleInfo(arm)?.archs).toEqual(['arm64'])
    expect(nativeModuleProblems(arm, { platform: 'linux', arch: 'x64' })).toEqual(['is built for arm64, expected x64'])
    expect(nativeModuleProblems(realModule, { platform: 'linux', arch: 'arm64' })).toEqual(['is built for x64, expected arm64'])
    const bigEndian = Buffer.from(realModule)
    bigEndian[5] = 2
    bigEndian.writeUInt16BE(183, 18)
    expect(nativeModuleInfo(bigEndian)?.archs).toEqual(['arm64'])
  })

  it('reads the node running this test as the OS and CPU it runs on', () => {
    expect(nativeModuleInfo(head(process.execPath))).toMatchObject({ platform: process.platform, archs: expect.arrayContaining([process.arch]) })
  })

  it('reads thin and universal Mach-O', () => {
    expect(nativeModuleInfo(machO(X64))).toEqual({ format: 'macho', platform: 'darwin', archs: ['x64'] })
    expect(nativeModuleInfo(machO(ARM64))?.archs).toEqual(['arm64'])
    expect(nativeModuleProblems(machO(X64), { platform: 'darwin', arch: 'arm64' })).toEqual(['is built for x64, expected arm64'])
    expect(nativeModuleInfo(fat([X64, ARM64]))?.archs).toEqual(['x64', 'arm64'])
    expect(nativeModuleInfo(fat([ARM64, X64], { wide: true }))?.archs).toEqual(['arm64', 'x64'])
    expect(nativeModuleProblems(fat([X64, ARM64]), { platform: 'darwin', arch: 'arm64' })).toEqual([])
    expect(nativeModuleProblems(fat([X64, ARM64]), { platform: 'darwin', arch: 'universal' })).toEqual([])
    expect(nativeModuleProblems(machO(ARM64), { platform: 'darwin', arch: 'universal' })).toEqual(['is built for arm64, expected x64+arm64'])
  })

  it('does not take a Java class file (also 0xcafebabe) for a universal binary', () => {
    const javaClass = Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0x00, 0x00, 0x00, 0x34, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(nativeModuleInfo(javaClass)).toBeNull()
  })

  it('reads the PE Machine field', () => {
    expect(nativeModuleInfo(pe(0x8664))).toEqual({ format: 'pe', platform: 'win32', archs: ['x64'] })
    expect(nativeModuleInfo(pe(0xaa64, 0xf8))?.archs).toEqual(['arm64'])
    expect(nativeModuleProblems(pe(0x8664), { platform: 'win32', arch: 'arm64' })).toEqual(['is built for x64, expected arm64'])
    const noPeSignature = pe(0x8664)
    noPeSignature.write('XX', 0x80, 'latin1')
    expect(nativeModuleInfo(noPeSignature)).toBeNull()
  })

  it('names a module for the wrong OS, or no module at all', () => {
    expect(nativeModuleProblems(pe(0x8664), { platform: 'linux', arch: 'x64' })).toEqual(['is a win32 module (pe), expected linux'])
    expect(nativeModuleProblems(Buffer.from('MZ'), { platform: 'win32', arch: 'x64' })).toEqual(['is not a native module (no ELF, Mach-O or PE header)'])
    expect(nativeModuleProblems(Buffer.from('hello world'), { platform: 'linux', arch: 'x64' })).toEqual(['is not a native module (no ELF, Mach-O or PE header)'])
    expect(nativeModuleInfo(withElfMachine(realModule, 0x1234))?.archs).toEqual(['unknown(0x1234)'])
  })
})
